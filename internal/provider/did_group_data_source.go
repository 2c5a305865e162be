package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure        = (*didGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*didGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*didGroupsDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_did_group", NewDIDGroupDataSource, func() any { return &didGroupDataSourceModel{} })
	registerDataSource("carrierx_did_groups", NewDIDGroupsDataSource, func() any { return &didGroupsDataSourceModel{} })
}

func didGroupDataSourceAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"did_group_sid": str("DID group secure ID."),
		"name":          str("Group name."),
		"callback_url":  str("SMS callback URL of the group; null when unset."),
		"partner_sid":   str("Owning partner."),
	}
}

// NewDIDGroupDataSource is the carrierx_did_group data source.
func NewDIDGroupDataSource() datasource.DataSource { return &didGroupDataSource{} }

type didGroupDataSource struct{ client *client.Client }

type didGroupDataSourceModel struct {
	didGroupModel
	Filter types.String `tfsdk:"filter"`
}

func (d *didGroupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_did_group"
}

func (d *didGroupDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *didGroupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := didGroupDataSourceAttributes()
	attrs["did_group_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the DID group to read. Exactly one of `did_group_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: filterDoc + " It must match exactly one DID group, for example `name eq \"sales-lines\"`.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one DID group by SID, or the single DID group a filter matches.",
		Attributes:          attrs,
	}
}

func (d *didGroupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("did_group_sid"), path.MatchRoot("filter")),
	}
}

func (d *didGroupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m didGroupDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	g := lookupOne(ctx, d.client, m.DIDGroupSID, m.Filter, oneOf[client.DIDGroup]{
		sidAttr: "did_group_sid", noun: "DID group", get: d.client.GetDIDGroup,
		listPath: "/phonenumber/did_groups", nouns: "DID groups", listDS: "carrierx_did_groups",
	}, &resp.Diagnostics)
	if g == nil {
		return
	}
	m.fill(g, nil)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewDIDGroupsDataSource is the carrierx_did_groups data source.
func NewDIDGroupsDataSource() datasource.DataSource { return &didGroupsDataSource{} }

type didGroupsDataSource struct{ client *client.Client }

type didGroupsDataSourceModel struct {
	Filter    types.String    `tfsdk:"filter"`
	Order     types.String    `tfsdk:"order"`
	DIDGroups []didGroupModel `tfsdk:"did_groups"`
}

func (d *didGroupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_did_groups"
}

func (d *didGroupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *didGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the DID groups of the token's partner, every page fetched (1,000 per request).",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{MarkdownDescription: filterDoc + " Unset lists all.", Optional: true},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `name desc`.",
				Optional:            true,
			},
			"did_groups": schema.ListNestedAttribute{
				MarkdownDescription: "The matching DID groups.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: didGroupDataSourceAttributes()},
			},
		},
	}
}

func (d *didGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m didGroupsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	gs, err := d.client.ListDIDGroups(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to list DID groups", err)
		return
	}
	m.DIDGroups = make([]didGroupModel, len(gs))
	for i := range gs {
		m.DIDGroups[i].fill(&gs[i], nil)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
