package provider

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
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
	_ resource.Resource                = (*trunkGroupResource)(nil)
	_ resource.ResourceWithConfigure   = (*trunkGroupResource)(nil)
	_ resource.ResourceWithImportState = (*trunkGroupResource)(nil)
)

func init() {
	registerResource("carrierx_trunk_group", NewTrunkGroupResource, func() any { return &trunkGroupData{} })
}

// NewTrunkGroupResource is the carrierx_trunk_group resource.
func NewTrunkGroupResource() resource.Resource { return &trunkGroupResource{} }

type trunkGroupResource struct {
	client *client.Client
}

func (r *trunkGroupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trunk_group"
}

func (r *trunkGroupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

// trunkGroupFailureCodes validates the documented "<code>;" list form.
func trunkGroupFailureCodes() []validator.String {
	return []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(trunkGroupFailureCodesRegex),
		"must be SIP response codes, each followed by a semicolon, such as \"408;\" or \"408;503;\"")}
}

// trunkGroupACLsSchema is the acls attribute of a trunk group or a trunk.
func trunkGroupACLsSchema(level string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: "Access control lists evaluated for calls through this " + level + ", in order. " +
			"An ACL names access control rules (by `rule_sid`) and what to do with a call when they apply or not. " +
			"Their SMS actions are always null on trunk groups and trunks, so they are not part of this attribute.",
		Optional: true,
		Computed: true,
		Default:  listdefault.StaticValue(types.ListValueMust(trunkGroupACLObjectType(), []attr.Value{})),
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"access_control_rules": schema.ListAttribute{
					MarkdownDescription: "SIDs of the access control rules this ACL evaluates.",
					ElementType:         types.StringType,
					Optional:            true,
					Computed:            true,
					Default:             listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
				},
				"direction": schema.StringAttribute{
					MarkdownDescription: "Traffic the ACL applies to: " + framework.QuoteList(trunkGroupACLDirections) + ".",
					Required:            true,
					Validators:          []validator.String{stringvalidator.OneOf(trunkGroupACLDirections...)},
				},
				"voice_action_true": schema.StringAttribute{
					MarkdownDescription: "What happens to a call when the rules apply: " + framework.QuoteList(trunkGroupACLVoiceActions) + ".",
					Optional:            true,
					Validators:          []validator.String{stringvalidator.OneOf(trunkGroupACLVoiceActions...)},
				},
				"voice_action_false": schema.StringAttribute{
					MarkdownDescription: "What happens to a call when the rules do not apply: " + framework.QuoteList(trunkGroupACLVoiceActions) + ".",
					Optional:            true,
					Validators:          []validator.String{stringvalidator.OneOf(trunkGroupACLVoiceActions...)},
				},
			},
		},
	}
}

func (r *trunkGroupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CarrierX trunk group: the routing target of phone numbers (DIDs) and prefixes, " +
			"bundling trunks that lead to endpoints. The group decides how a trunk is picked for each call " +
			"(`routing_type`) and when a failing trunk is skipped (`hard_failure_*`, `soft_failure_codes`, SIP OPTIONS probes). " +
			"Its trunks are not managed here: each trunk is a `carrierx_trunk` resource, and the `trunks` array " +
			"CarrierX can return with a group is not part of this resource.",
		Attributes: map[string]schema.Attribute{
			"trunk_group_sid": schema.StringAttribute{
				MarkdownDescription: "Trunk group secure ID; also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Group name. CarrierX sets `N/A` when it is left out. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:          []validator.String{framework.NameValidator{}},
			},
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: "Partner that owns the group (the partner of the token).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"acls": trunkGroupACLsSchema("trunk group"),
			"external_handlers": schema.StringAttribute{
				MarkdownDescription: "External HTTP applications CarrierX consults for calls into the group, as a JSON array " +
					"(write it with `jsonencode([...])`). The object shape is not documented in detail, so it is passed " +
					"through as written; formatting differences never show as changes. Unset means none.",
				Optional:   true,
				Validators: []validator.String{trunkGroupJSONArray{}},
			},
			"hard_failure_codes": schema.StringAttribute{
				MarkdownDescription: "SIP response codes that count as a hard failure of a trunk, each followed by `;`. Defaults to `408;`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(trunkGroupDefaultCodes),
				Validators:          trunkGroupFailureCodes(),
			},
			"hard_failure_cooldown": schema.Int64Attribute{
				MarkdownDescription: "Seconds a trunk marked dead is skipped before it is tried again. Defaults to `120`.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(120),
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"hard_failure_interval": schema.Int64Attribute{
				MarkdownDescription: "Window in seconds in which hard failures are counted. Defaults to `60`.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(60),
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"hard_failure_last_resort": schema.StringAttribute{
				MarkdownDescription: "What happens when every trunk is dead: `first` (the default) still tries the first trunk, " +
					"`reject502` and `reject503` reject the call with that SIP status.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("first"),
				Validators: []validator.String{stringvalidator.OneOf(trunkGroupLastResorts...)},
			},
			"hard_failure_threshold": schema.Int64Attribute{
				MarkdownDescription: "Hard failures within `hard_failure_interval` that mark a trunk dead. Defaults to `3`.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(3),
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"routing_data": schema.StringAttribute{
				MarkdownDescription: "Extra parameter of some routing types. Null by default.",
				Optional:            true,
			},
			"routing_type": schema.StringAttribute{
				MarkdownDescription: "How a trunk is chosen for each call. Defaults to `failover` (trunks in `priority` order), " +
					"the only value the CarrierX reference shows; other values are passed to CarrierX unchecked.",
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString("failover"),
			},
			"sip_options_locations": schema.ListAttribute{
				MarkdownDescription: "Routing locations SIP OPTIONS health probes are sent from. Empty by default.",
				ElementType:         types.StringType,
				Optional:            true,
				Computed:            true,
				Default:             listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
			},
			"sip_options_threshold": schema.Int64Attribute{
				MarkdownDescription: "Failed SIP OPTIONS probes after which a trunk is considered down. Defaults to `3`.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(3),
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"soft_failure_codes": schema.StringAttribute{
				MarkdownDescription: "SIP response codes on which the call moves on to the next trunk without marking the trunk dead, " +
					"each followed by `;`. Defaults to `408;`.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(trunkGroupDefaultCodes),
				Validators: trunkGroupFailureCodes(),
			},
			"transformations": framework.Transformations("trunk group"),
		},
	}
}

func (r *trunkGroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan trunkGroupData
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	g, err := r.client.CreateTrunkGroup(ctx, framework.DropNil(body))
	if !framework.CreateResult(&resp.Diagnostics, "Unable to create carrierx_trunk_group", "carrierx_trunk_group", g, err, nil) {
		return
	}
	prior := plan
	resp.Diagnostics.Append(plan.fill(ctx, g, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *trunkGroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readResource(ctx, req, resp, "carrierx_trunk_group", trunkGroupSID, r.client.GetTrunkGroup, (*trunkGroupData).fill)
}

func (r *trunkGroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state trunkGroupData
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
	if v, ok := patch["external_handlers"]; ok && v == nil {
		patch["external_handlers"] = []any{} // removing the attribute removes the handlers
	}
	sid := state.TrunkGroupSID.ValueString()
	var g *client.TrunkGroup
	var err error
	if len(patch) > 0 {
		g, err = r.client.UpdateTrunkGroup(ctx, sid, patch)
	} else {
		g, err = r.client.GetTrunkGroup(ctx, sid)
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to update carrierx_trunk_group "+sid, err)
		return
	}
	prior := plan
	resp.Diagnostics.Append(plan.fill(ctx, g, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *trunkGroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteResource(ctx, req, resp, "carrierx_trunk_group", trunkGroupSID, r.client.DeleteTrunkGroup)
}

func (r *trunkGroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importBySID(ctx, req, resp, "carrierx_trunk_group", "trunk_group_sid", "a trunk group SID", "0b1c2d3e-0000-4000-8000-0000000000b1")
}

func trunkGroupSID(m *trunkGroupData) string { return m.TrunkGroupSID.ValueString() }
