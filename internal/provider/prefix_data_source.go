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
	_ datasource.DataSourceWithConfigure        = (*prefixDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*prefixDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*prefixesDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_prefix", NewPrefixDataSource, func() any { return &prefixDataSourceModel{} })
	registerDataSource("carrierx_prefixes", NewPrefixesDataSource, func() any { return &prefixesDataSourceModel{} })
}

func prefixDataSourceAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"prefix_sid":             str("Prefix secure ID."),
		"prefix":                 str("The digits that trigger the routing."),
		"name":                   str("Name."),
		"partner_sid":            str("Owning partner."),
		"trunk_group_sid":        str("Destination trunk group; null when unset."),
		"source_trunk_group_sid": str("Trunk group the prefix is restricted to; null when unset."),
		"callback_url":           str("Callback URL; null when unset."),
		"lrn_sid":                str("Location Routing Number assigned to the prefix; null when none."),
		"string_key_1":           str("User-defined key."),
		"string_key_2":           str("Second user-defined key."),
		"attributes": schema.MapAttribute{
			MarkdownDescription: "Free-form attributes.", ElementType: types.StringType, Computed: true,
		},
		"transformations": schema.ListNestedAttribute{
			MarkdownDescription: "Prefix-level transformations, in order.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"action": str("Transformation verb."), "direction": str("Direction."),
				"operands": schema.ListAttribute{MarkdownDescription: "Arguments.", ElementType: types.StringType, Computed: true},
			}},
		},
	}
}

// NewPrefixDataSource is the carrierx_prefix data source.
func NewPrefixDataSource() datasource.DataSource { return &prefixDataSource{} }

type prefixDataSource struct{ client *client.Client }

type prefixDataSourceModel struct {
	prefixModel
	Filter types.String `tfsdk:"filter"`
}

func (d *prefixDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_prefix"
}

func (d *prefixDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *prefixDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := prefixDataSourceAttributes()
	attrs["prefix_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the prefix to read. Exactly one of `prefix_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one prefix, for example `prefix eq \"1555012\"`.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one prefix by SID, or the single prefix a filter matches.",
		Attributes:          attrs,
	}
}

func (d *prefixDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("prefix_sid"), path.MatchRoot("filter")),
	}
}

func (d *prefixDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m prefixDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p := framework.LookupOne(ctx, d.client, m.PrefixSID, m.Filter, framework.OneOf[client.Prefix]{
		SIDAttr: "prefix_sid", Noun: "prefix", Get: d.client.GetPrefix,
		ListPath: "/phonenumber/prefixes", Nouns: "prefixes", ListDS: "carrierx_prefixes",
	}, &resp.Diagnostics)
	if p == nil {
		return
	}
	resp.Diagnostics.Append(m.fill(ctx, p, nil)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewPrefixesDataSource is the carrierx_prefixes data source.
func NewPrefixesDataSource() datasource.DataSource { return &prefixesDataSource{} }

type prefixesDataSource struct{ client *client.Client }

type prefixesDataSourceModel struct {
	Filter   types.String  `tfsdk:"filter"`
	Order    types.String  `tfsdk:"order"`
	Prefixes []prefixModel `tfsdk:"prefixes"`
}

func (d *prefixesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_prefixes"
}

func (d *prefixesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *prefixesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the prefixes of the token's partner, every page fetched (1,000 per request).",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `prefix desc`.",
				Optional:            true,
			},
			"prefixes": schema.ListNestedAttribute{
				MarkdownDescription: "The matching prefixes.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: prefixDataSourceAttributes()},
			},
		},
	}
}

func (d *prefixesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m prefixesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ps, err := d.client.ListPrefixes(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list prefixes", err)
		return
	}
	m.Prefixes = make([]prefixModel, len(ps))
	for i := range ps {
		resp.Diagnostics.Append(m.Prefixes[i].fill(ctx, &ps[i], nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
