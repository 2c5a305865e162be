package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*shortenerDomainSingleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*shortenerDomainSingleDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*shortenerLinkSingleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*shortenerLinkSingleDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_shortener_domain", NewShortenerDomainSingleDataSource, func() any { return &shortenerDomainSingleDataSourceModel{} })
	registerDataSource("carrierx_shortener_link", NewShortenerLinkSingleDataSource, func() any { return &shortenerLinkSingleDataSourceModel{} })
}

// NewShortenerDomainSingleDataSource is the carrierx_shortener_domain data source.
func NewShortenerDomainSingleDataSource() datasource.DataSource {
	return &shortenerDomainSingleDataSource{}
}

type shortenerDomainSingleDataSource struct{ client *client.Client }

type shortenerDomainSingleDataSourceModel struct {
	shortenerDomainModel
	Filter types.String `tfsdk:"filter"`
}

func (d *shortenerDomainSingleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shortener_domain"
}

func (d *shortenerDomainSingleDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *shortenerDomainSingleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := shortenerDataSourceAttributes(shortenerDomainDocs)
	attrs["domain_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the domain to read. Exactly one of `domain_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one domain, for example `domain_name eq \"go.example.net\"`.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one URL shortener domain by SID, or the single domain a filter matches. " +
			"Several domains are read with the `carrierx_shortener_domains` data source.",
		Attributes: attrs,
	}
}

func (d *shortenerDomainSingleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("domain_sid"), path.MatchRoot("filter")),
	}
}

func (d *shortenerDomainSingleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m shortenerDomainSingleDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sd := framework.LookupOne(ctx, d.client, m.DomainSID, m.Filter, framework.OneOf[client.ShortenerDomain]{
		SIDAttr: "domain_sid", Noun: "shortener domain", Get: d.client.GetShortenerDomain,
		ListPath: "/shortener/domains", Nouns: "shortener domains", ListDS: "carrierx_shortener_domains",
	}, &resp.Diagnostics)
	if sd == nil {
		return
	}
	m.fill(sd, nil)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewShortenerLinkSingleDataSource is the carrierx_shortener_link data source.
func NewShortenerLinkSingleDataSource() datasource.DataSource {
	return &shortenerLinkSingleDataSource{}
}

type shortenerLinkSingleDataSource struct{ client *client.Client }

type shortenerLinkSingleDataSourceModel struct {
	shortenerLinkModel
	Filter types.String `tfsdk:"filter"`
}

func (d *shortenerLinkSingleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shortener_link"
}

func (d *shortenerLinkSingleDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *shortenerLinkSingleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := shortenerDataSourceAttributes(shortenerLinkDocs)
	attrs["link_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the link to read. Exactly one of `link_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one link, for example " +
			"`domain_sid eq \"...\" and short_name eq \"spring\"`.",
		Optional: true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one short link by SID, or the single link a filter matches. " +
			"Several links are read with the `carrierx_shortener_links` data source.",
		Attributes: attrs,
	}
}

func (d *shortenerLinkSingleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("link_sid"), path.MatchRoot("filter")),
	}
}

func (d *shortenerLinkSingleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m shortenerLinkSingleDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	l := framework.LookupOne(ctx, d.client, m.LinkSID, m.Filter, framework.OneOf[client.ShortenerLink]{
		SIDAttr: "link_sid", Noun: "shortener link", Get: d.client.GetShortenerLink,
		ListPath: "/shortener/links", Nouns: "shortener links", ListDS: "carrierx_shortener_links",
	}, &resp.Diagnostics)
	if l == nil {
		return
	}
	m.fill(l)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
