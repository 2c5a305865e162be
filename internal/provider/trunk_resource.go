package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*trunkResource)(nil)
	_ resource.ResourceWithConfigure   = (*trunkResource)(nil)
	_ resource.ResourceWithImportState = (*trunkResource)(nil)
)

func init() {
	registerResource("carrierx_trunk", NewTrunkResource, func() any { return &trunkData{} })
}

// NewTrunkResource is the carrierx_trunk resource.
func NewTrunkResource() resource.Resource { return &trunkResource{} }

type trunkResource struct {
	client *client.Client
}

func (r *trunkResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trunk"
}

func (r *trunkResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *trunkResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	str := func(desc, def string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc + " Defaults to `" + def + "`.",
			Optional:            true, Computed: true,
			Default: stringdefault.StaticString(def),
		}
	}
	num := func(desc string, def int64) schema.Int64Attribute {
		return schema.Int64Attribute{
			MarkdownDescription: desc, Optional: true, Computed: true,
			Default: int64default.StaticInt64(def),
		}
	}
	// computedStr is for values a newer or admin API may fill by itself:
	// left out, whatever CarrierX reports is kept without a diff.
	computedStr := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc, Optional: true, Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		}
	}
	allowForward := str("How a SIP 302 redirect from the called side is handled: `disabled` rejects it; `direct_uri` calls the "+
		"SIP URI of the Contact header; `direct` does that when the Contact has `user@host` and otherwise acts like `reroute`; "+
		"`protected` follows it only to an `inbound` address of one of the partner's `third_party` endpoints; `reroute` routes "+
		"the number in the Contact as a new outbound call.", "disabled")
	allowForward.Validators = []validator.String{stringvalidator.OneOf(trunkAllowForwardValues...)}
	asnMode := str("Access to the ASN-proxy variables PASSCALLERCSRC/PASSCALLEECSRC: `disable`, `read`, `write` or `read_write`.", "disable")
	asnMode.Validators = []validator.String{stringvalidator.OneOf(trunkASNModes...)}
	inCapacity := num("Maximum concurrent calls the trunk receives: `0` (the default) means no limit, `-1` that the trunk takes no calls in this direction.", 0)
	inCapacity.Validators = []validator.Int64{int64validator.AtLeast(-1)}

	resp.Schema = schema.Schema{
		MarkdownDescription: "A trunk of a CarrierX trunk group: the link from the group to one endpoint, with its own " +
			"capacity, priority and weight, SIP handling and ACLs. A trunk cannot exist outside its group; moving it to " +
			"another group (`trunk_group_sid`) replaces it. Import with `<trunk_group_sid>/<trunk_sid>`.",
		Attributes: map[string]schema.Attribute{
			"trunk_sid": schema.StringAttribute{
				MarkdownDescription: "Trunk secure ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"trunk_group_sid": schema.StringAttribute{
				MarkdownDescription: "Trunk group the trunk belongs to, usually `carrierx_trunk_group.<name>.trunk_group_sid`. Changing it replaces the trunk.",
				Required:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{framework.SID{Hint: "Use the trunk_group_sid of a carrierx_trunk_group."}},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Trunk name. CarrierX sets `N/A` when it is left out. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:          []validator.String{framework.NameValidator{}},
			},
			"endpoint_sid": schema.StringAttribute{
				MarkdownDescription: "Endpoint the trunk delivers calls to and receives them from, usually " +
					"`carrierx_endpoint.<name>.endpoint_sid`. Unset (or `\"\"`) leaves the trunk without an endpoint.",
				Optional:   true,
				Validators: []validator.String{framework.SID{Hint: "Use the endpoint_sid of a carrierx_endpoint.", AllowEmpty: true}},
			},
			"acls":          trunkGroupACLsSchema("trunk"),
			"allow_forward": allowForward,
			"allow_transfer": computedStr("Whether or how call transfer is allowed. Older API versions take `true` or `false` " +
				"(CarrierX's default is `false`); newer ones document a transfer mode whose values are not all known " +
				"(default `disabled`). `true`/`false` are sent as booleans, anything else as written. Left out, the value CarrierX has is kept."),
			"asn_mode": asnMode,
			"call_type": str("Call type of the trunk. Only `regular` is documented; other values are passed to CarrierX unchecked.",
				"regular"),
			"codec": schema.StringAttribute{
				MarkdownDescription: "Legacy codec preference, put in front of both `in_codec` and `out_codec`. Known values: " +
					framework.QuoteList(trunkCodecs) + ". Null (the default) uses a codec the calling side offers.",
				Optional: true,
			},
			"in_codec":     computedStr("Codec preference for calls the trunk receives (newer API versions)."),
			"out_codec":    computedStr("Codec preference for calls the trunk sends (newer API versions)."),
			"in_capacity":  inCapacity,
			"out_capacity": num("Maximum concurrent calls the trunk sends: `0` (the default) means no limit; `-1` presumably blocks this direction, as for `in_capacity`.", 0),
			"in_identity_format": str("Format of the identity data (Remote-Party-ID, P-Asserted-Identity) sent to the called side. "+
				"Only `passthrough` is documented; other values are passed unchecked.", "passthrough"),
			"in_identity_mode": str("How Remote-Party-ID and P-Asserted-Identity are handled for calls the trunk receives. "+
				"Only `passthrough` is documented; other values are passed unchecked.", "passthrough"),
			"out_identity_mode": str("How Remote-Party-ID and P-Asserted-Identity are handled for calls the trunk sends. "+
				"Only `passthrough` is documented; other values are passed unchecked.", "passthrough"),
			"in_rfc_4694_mode": str("Handling of RFC 4694 number-portability parameters (`rn`, `npdi`) for calls the trunk receives. "+
				"Only `cut_all` is documented; other values are passed unchecked.", "cut_all"),
			"out_rfc_4694_mode": str("Handling of RFC 4694 number-portability parameters for calls the trunk sends. "+
				"Only `cut_all` is documented; other values are passed unchecked.", "cut_all"),
			"in_ip_profile_sid":  computedStr("Routing IP profile choosing the egress IP towards the called side (an administrator feature)."),
			"out_ip_profile_sid": computedStr("Routing IP profile for the other direction (an administrator feature)."),
			"location_sid": schema.StringAttribute{
				MarkdownDescription: "Routing location (CarrierX switch site) the trunk is pinned to. Null by default.",
				Optional:            true,
			},
			"priority": num("Order of the trunk in its group for `failover` routing. Defaults to `0`.", 0),
			"weight":   num("Share of traffic for weight-based distribution. Defaults to `0`.", 0),
			"relay_sip_headers": schema.ListAttribute{
				MarkdownDescription: "SIP headers copied from the calling side to the called side. Empty by default.",
				ElementType:         types.StringType,
				Optional:            true,
				Computed:            true,
				Default:             listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
			},
			"transformations": framework.Transformations("trunk"),
		},
	}
}

func (r *trunkResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan trunkData
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	tg := plan.TrunkGroupSID.ValueString()
	t, err := r.client.CreateTrunk(ctx, tg, framework.DropNil(body))
	if err != nil {
		if client.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("trunk_group_sid"), "Unable to create carrierx_trunk: trunk group not found",
				fmt.Sprintf("No trunk group has trunk_group_sid %q for this token's partner; check the SID, or create the group "+
					"with carrierx_trunk_group and use its trunk_group_sid.\n\n%s", tg, err))
			return
		}
	}
	if !framework.CreateResult(&resp.Diagnostics, "Unable to create carrierx_trunk", "carrierx_trunk", t, err, func(sid string) string { return tg + "/" + sid }) {
		return
	}
	prior := plan
	resp.Diagnostics.Append(plan.fill(ctx, tg, t, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *trunkResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state trunkData
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tg, sid := state.TrunkGroupSID.ValueString(), state.TrunkSID.ValueString()
	t, err := r.client.GetTrunk(ctx, tg, sid)
	if client.IsNotFound(err) {
		// The trunk, or its whole trunk group, is gone.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to read carrierx_trunk "+tg+"/"+sid, err)
		return
	}
	prior := state
	resp.Diagnostics.Append(state.fill(ctx, tg, t, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *trunkResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state trunkData
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	planBody, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	stateBody, diags := state.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	patch := framework.Changed(planBody, stateBody)
	tg, sid := state.TrunkGroupSID.ValueString(), state.TrunkSID.ValueString()
	var t *client.Trunk
	var err error
	if len(patch) > 0 {
		t, err = r.client.UpdateTrunk(ctx, tg, sid, patch)
	} else {
		t, err = r.client.GetTrunk(ctx, tg, sid)
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to update carrierx_trunk "+tg+"/"+sid, err)
		return
	}
	prior := plan
	resp.Diagnostics.Append(plan.fill(ctx, tg, t, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *trunkResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state trunkData
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tg, sid := state.TrunkGroupSID.ValueString(), state.TrunkSID.ValueString()
	err := r.client.DeleteTrunk(ctx, tg, sid)
	if err != nil && !client.IsNotFound(err) {
		framework.AddAPIError(&resp.Diagnostics, "Unable to delete carrierx_trunk "+tg+"/"+sid, err)
	}
}

func (r *trunkResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	tg, sid, err := trunkParseImportID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid carrierx_trunk import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("trunk_group_sid"), tg)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("trunk_sid"), sid)...)
}
