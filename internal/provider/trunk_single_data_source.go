package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*trunkSingleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*trunkSingleDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_trunk", NewTrunkSingleDataSource, func() any { return &trunkSingleDataSourceModel{} })
}

// NewTrunkSingleDataSource is the carrierx_trunk data source.
func NewTrunkSingleDataSource() datasource.DataSource { return &trunkSingleDataSource{} }

type trunkSingleDataSource struct{ client *client.Client }

type trunkSingleDataSourceModel struct {
	trunkData
	Filter types.String `tfsdk:"filter"`
}

func (d *trunkSingleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trunk"
}

func (d *trunkSingleDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *trunkSingleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := trunkDataSourceAttributes()
	attrs["trunk_group_sid"] = schema.StringAttribute{
		MarkdownDescription: "Trunk group the trunk belongs to.",
		Required:            true,
		Validators:          []validator.String{framework.SID{Hint: "Use the trunk_group_sid of a carrierx_trunk_group."}},
	}
	attrs["trunk_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the trunk to read. Exactly one of `trunk_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one trunk of the group, for example `name eq \"primary\"`.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one trunk of a trunk group by SID, or the single trunk of the group a filter matches. " +
			"Several trunks are read with the `carrierx_trunks` data source.",
		Attributes: attrs,
	}
}

func (d *trunkSingleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("trunk_sid"), path.MatchRoot("filter")),
	}
}

func (d *trunkSingleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m trunkSingleDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tg := m.TrunkGroupSID.ValueString()
	var t *client.Trunk
	if framework.Known(m.TrunkSID) {
		sid := m.TrunkSID.ValueString()
		var err error
		t, err = d.client.GetTrunk(ctx, tg, sid)
		if err != nil {
			if client.IsNotFound(err) {
				if d.trunkSingleGroupMissing(ctx, tg, &resp.Diagnostics) {
					return
				}
				resp.Diagnostics.AddAttributeError(path.Root("trunk_sid"), "Trunk not found",
					fmt.Sprintf("Trunk group %q has no trunk with trunk_sid %q. Check the SID.", tg, sid))
				return
			}
			framework.AddAPIError(&resp.Diagnostics, "Unable to read trunk", err)
			return
		}
	} else {
		var fd diag.Diagnostics
		t = framework.FindOne(ctx, client.Objects[client.Trunk](d.client, client.TrunkKind(tg)).Page, m.Filter.ValueString(), "trunks", "carrierx_trunks", &fd)
		if t == nil {
			// A missing group fails the list with a 404: say so on trunk_group_sid.
			if !d.trunkSingleGroupMissing(ctx, tg, &resp.Diagnostics) {
				resp.Diagnostics.Append(fd...)
			}
			return
		}
	}
	resp.Diagnostics.Append(m.fill(ctx, tg, t, nil)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// trunkSingleGroupMissing reports, with an error on trunk_group_sid, whether
// the trunk group does not exist. Other errors of the check are ignored: the
// caller's own diagnostic says more.
func (d *trunkSingleDataSource) trunkSingleGroupMissing(ctx context.Context, tg string, diags *diag.Diagnostics) bool {
	if _, err := d.client.GetTrunkGroup(ctx, tg); !client.IsNotFound(err) {
		return false
	}
	diags.AddAttributeError(path.Root("trunk_group_sid"), "Trunk group not found",
		fmt.Sprintf("No trunk group has trunk_group_sid %q for this token's partner. Check the SID.", tg))
	return true
}
