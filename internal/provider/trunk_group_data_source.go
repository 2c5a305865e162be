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
	_ datasource.DataSourceWithConfigure        = (*trunkGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*trunkGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*trunkGroupsDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_trunk_group", NewTrunkGroupDataSource, func() any { return &trunkGroupDataSourceModel{} })
	registerDataSource("carrierx_trunk_groups", NewTrunkGroupsDataSource, func() any { return &trunkGroupsDataSourceModel{} })
}

// trunkGroupACLsDataSourceAttribute is the computed acls of a trunk group or trunk.
func trunkGroupACLsDataSourceAttribute() schema.ListNestedAttribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return schema.ListNestedAttribute{
		MarkdownDescription: "Access control lists, in order.",
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"access_control_rules": schema.ListAttribute{MarkdownDescription: "SIDs of the rules evaluated.", ElementType: types.StringType, Computed: true},
			"direction":            str("Traffic the ACL applies to."),
			"voice_action_true":    str("Call action when the rules apply."),
			"voice_action_false":   str("Call action when the rules do not apply."),
		}},
	}
}

// trunkGroupTransformationsDataSourceAttribute is the computed transformations list.
func trunkGroupTransformationsDataSourceAttribute() schema.ListNestedAttribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return schema.ListNestedAttribute{
		MarkdownDescription: "Transformations, in order.",
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"action": str("Transformation verb."), "direction": str("Direction."),
			"operands": schema.ListAttribute{MarkdownDescription: "Arguments.", ElementType: types.StringType, Computed: true},
		}},
	}
}

// trunkGroupDataSourceAttributes is the computed shape of one trunk group.
func trunkGroupDataSourceAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	num := func(d string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"trunk_group_sid":          str("Trunk group secure ID."),
		"name":                     str("Group name."),
		"partner_sid":              str("Owning partner."),
		"acls":                     trunkGroupACLsDataSourceAttribute(),
		"external_handlers":        str("External handlers as a JSON array; null when there are none."),
		"hard_failure_codes":       str("SIP codes that count as a hard failure, each followed by `;`."),
		"hard_failure_cooldown":    num("Seconds a dead trunk is skipped."),
		"hard_failure_interval":    num("Window in seconds in which hard failures are counted."),
		"hard_failure_last_resort": str("`first`, `reject502` or `reject503`."),
		"hard_failure_threshold":   num("Hard failures that mark a trunk dead."),
		"routing_data":             str("Extra parameter of the routing type."),
		"routing_type":             str("How a trunk is chosen for each call."),
		"sip_options_locations":    schema.ListAttribute{MarkdownDescription: "Locations SIP OPTIONS probes are sent from.", ElementType: types.StringType, Computed: true},
		"sip_options_threshold":    num("Failed SIP OPTIONS probes after which a trunk is down."),
		"soft_failure_codes":       str("SIP codes on which a call moves on to the next trunk."),
		"transformations":          trunkGroupTransformationsDataSourceAttribute(),
	}
}

// NewTrunkGroupDataSource is the carrierx_trunk_group data source.
func NewTrunkGroupDataSource() datasource.DataSource { return &trunkGroupDataSource{} }

type trunkGroupDataSource struct{ client *client.Client }

type trunkGroupDataSourceModel struct {
	trunkGroupData
	Filter types.String `tfsdk:"filter"`
}

func (d *trunkGroupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trunk_group"
}

func (d *trunkGroupDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *trunkGroupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := trunkGroupDataSourceAttributes()
	attrs["trunk_group_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the trunk group to read. Exactly one of `trunk_group_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one trunk group.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one trunk group by SID, or the single trunk group a filter matches. " +
			"Its trunks are read with the `carrierx_trunks` data source.",
		Attributes: attrs,
	}
}

func (d *trunkGroupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("trunk_group_sid"), path.MatchRoot("filter")),
	}
}

func (d *trunkGroupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m trunkGroupDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	g := framework.LookupOne(ctx, d.client, m.TrunkGroupSID, m.Filter, framework.OneOf[client.TrunkGroup]{
		SIDAttr: "trunk_group_sid", Noun: "trunk group", Get: d.client.GetTrunkGroup,
		ListPath: "/trunk_groups", Nouns: "trunk groups", ListDS: "carrierx_trunk_groups",
	}, &resp.Diagnostics)
	if g == nil {
		return
	}
	resp.Diagnostics.Append(m.fill(ctx, g, nil)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewTrunkGroupsDataSource is the carrierx_trunk_groups data source.
func NewTrunkGroupsDataSource() datasource.DataSource { return &trunkGroupsDataSource{} }

type trunkGroupsDataSource struct{ client *client.Client }

type trunkGroupsDataSourceModel struct {
	Filter      types.String     `tfsdk:"filter"`
	Order       types.String     `tfsdk:"order"`
	TrunkGroups []trunkGroupData `tfsdk:"trunk_groups"`
}

func (d *trunkGroupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trunk_groups"
}

func (d *trunkGroupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *trunkGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the trunk groups of the token's partner, every page fetched (1,000 per request). " +
			"Trunks are not included; list them with `carrierx_trunks`.",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `name desc`.",
				Optional:            true,
			},
			"trunk_groups": schema.ListNestedAttribute{
				MarkdownDescription: "The matching trunk groups.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: trunkGroupDataSourceAttributes()},
			},
		},
	}
}

func (d *trunkGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m trunkGroupsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	gs, err := d.client.ListTrunkGroups(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list trunk groups", err)
		return
	}
	m.TrunkGroups = make([]trunkGroupData, len(gs))
	for i := range gs {
		resp.Diagnostics.Append(m.TrunkGroups[i].fill(ctx, &gs[i], nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
