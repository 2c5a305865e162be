package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*trunksDataSource)(nil)

func init() {
	registerDataSource("carrierx_trunks", NewTrunksDataSource, func() any { return &trunksDataSourceModel{} })
}

// trunkDataSourceAttributes is the computed shape of one trunk.
func trunkDataSourceAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	num := func(d string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"trunk_sid":          str("Trunk secure ID."),
		"trunk_group_sid":    str("Trunk group of the trunk."),
		"name":               str("Trunk name."),
		"endpoint_sid":       str("Endpoint of the trunk; null when it has none."),
		"acls":               trunkGroupACLsDataSourceAttribute(),
		"allow_forward":      str("SIP 302 handling."),
		"allow_transfer":     str("Transfer setting: `true`/`false`, or a mode in newer API versions."),
		"asn_mode":           str("ASN-proxy variable access."),
		"call_type":          str("Call type."),
		"codec":              str("Legacy codec preference."),
		"in_codec":           str("Codec preference for received calls."),
		"out_codec":          str("Codec preference for sent calls."),
		"in_capacity":        num("Concurrent received calls: `0` no limit, `-1` none."),
		"out_capacity":       num("Concurrent sent calls: `0` no limit."),
		"in_identity_format": str("Identity data format."),
		"in_identity_mode":   str("RPID/PAI handling for received calls."),
		"out_identity_mode":  str("RPID/PAI handling for sent calls."),
		"in_rfc_4694_mode":   str("RFC 4694 parameter handling for received calls."),
		"out_rfc_4694_mode":  str("RFC 4694 parameter handling for sent calls."),
		"in_ip_profile_sid":  str("Routing IP profile."),
		"out_ip_profile_sid": str("Routing IP profile, other direction."),
		"location_sid":       str("Routing location the trunk is pinned to."),
		"priority":           num("Order in the group."),
		"weight":             num("Share of traffic."),
		"relay_sip_headers":  schema.ListAttribute{MarkdownDescription: "SIP headers copied across.", ElementType: types.StringType, Computed: true},
		"transformations":    trunkGroupTransformationsDataSourceAttribute(),
	}
}

// NewTrunksDataSource is the carrierx_trunks data source.
func NewTrunksDataSource() datasource.DataSource { return &trunksDataSource{} }

type trunksDataSource struct{ client *client.Client }

type trunksDataSourceModel struct {
	TrunkGroupSID types.String `tfsdk:"trunk_group_sid"`
	Filter        types.String `tfsdk:"filter"`
	Order         types.String `tfsdk:"order"`
	Trunks        []trunkData  `tfsdk:"trunks"`
}

func (d *trunksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trunks"
}

func (d *trunksDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *trunksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the trunks of one trunk group, every page fetched (1,000 per request).",
		Attributes: map[string]schema.Attribute{
			"trunk_group_sid": schema.StringAttribute{
				MarkdownDescription: "Trunk group whose trunks are listed.",
				Required:            true,
				Validators:          []validator.String{framework.SID{Hint: "Use the trunk_group_sid of a carrierx_trunk_group."}},
			},
			"filter": schema.StringAttribute{
				MarkdownDescription: framework.FilterDoc + " Unset lists all trunks of the group.",
				Optional:            true,
			},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `priority asc`.",
				Optional:            true,
			},
			"trunks": schema.ListNestedAttribute{
				MarkdownDescription: "The matching trunks.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: trunkDataSourceAttributes()},
			},
		},
	}
}

func (d *trunksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m trunksDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tg := m.TrunkGroupSID.ValueString()
	ts, err := d.client.ListTrunks(ctx, tg, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if client.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("trunk_group_sid"), "Trunk group not found",
			fmt.Sprintf("No trunk group has trunk_group_sid %q for this token's partner. Check the SID.", tg))
		return
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list the trunks of trunk group "+tg, err)
		return
	}
	m.Trunks = make([]trunkData, len(ts))
	for i := range ts {
		resp.Diagnostics.Append(m.Trunks[i].fill(ctx, tg, &ts[i], nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
