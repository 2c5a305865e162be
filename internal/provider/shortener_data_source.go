package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure = (*shortenerDomainsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*shortenerLinksDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_shortener_domains", NewShortenerDomainsDataSource, func() any { return &shortenerDomainsDataSourceModel{} })
	registerDataSource("carrierx_shortener_links", NewShortenerLinksDataSource, func() any { return &shortenerLinksDataSourceModel{} })
}

// NewShortenerDomainsDataSource is the carrierx_shortener_domains data source.
func NewShortenerDomainsDataSource() datasource.DataSource { return &shortenerDomainsDataSource{} }

type shortenerDomainsDataSource struct{ client *client.Client }

type shortenerDomainsDataSourceModel struct {
	Filter  types.String           `tfsdk:"filter"`
	Order   types.String           `tfsdk:"order"`
	Domains []shortenerDomainModel `tfsdk:"domains"`
}

func (d *shortenerDomainsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shortener_domains"
}

func (d *shortenerDomainsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *shortenerDomainsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the URL shortener domains of the token's partner, every page fetched (1,000 per request).",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `domain_name desc`.", Optional: true,
			},
			"domains": schema.ListNestedAttribute{
				MarkdownDescription: "The matching domains.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: shortenerDataSourceAttributes(shortenerDomainDocs)},
			},
		},
	}
}

func (d *shortenerDomainsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m shortenerDomainsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ds, err := d.client.ListShortenerDomains(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list shortener domains", err)
		return
	}
	m.Domains = make([]shortenerDomainModel, len(ds))
	for i := range ds {
		m.Domains[i].fill(&ds[i], nil)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewShortenerLinksDataSource is the carrierx_shortener_links data source.
func NewShortenerLinksDataSource() datasource.DataSource { return &shortenerLinksDataSource{} }

type shortenerLinksDataSource struct{ client *client.Client }

type shortenerLinksDataSourceModel struct {
	DomainSID types.String         `tfsdk:"domain_sid"`
	Filter    types.String         `tfsdk:"filter"`
	Order     types.String         `tfsdk:"order"`
	Links     []shortenerLinkModel `tfsdk:"links"`
}

func (d *shortenerLinksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shortener_links"
}

func (d *shortenerLinksDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *shortenerLinksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the short links of the token's partner, every page fetched (1,000 per request), optionally of one domain.",
		Attributes: map[string]schema.Attribute{
			"domain_sid": schema.StringAttribute{
				MarkdownDescription: "Only links of this domain (added to `filter` as `domain_sid eq \"...\"`). Unset lists the links of every domain.",
				Optional:            true,
				Validators:          []validator.String{framework.SID{What: "shortener domain SID"}},
			},
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `short_name asc`.", Optional: true,
			},
			"links": schema.ListNestedAttribute{
				MarkdownDescription: "The matching links.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: shortenerDataSourceAttributes(shortenerLinkDocs)},
			},
		},
	}
}

func (d *shortenerLinksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m shortenerLinksDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f := client.Raw(m.Filter.ValueString())
	if framework.Known(m.DomainSID) {
		f = client.Eq("domain_sid", m.DomainSID.ValueString()).And(f)
	}
	ls, err := d.client.ListShortenerLinks(ctx, client.ListOptions{Filter: f.String(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list shortener links", err)
		return
	}
	m.Links = make([]shortenerLinkModel, len(ls))
	for i := range ls {
		m.Links[i].fill(&ls[i])
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
