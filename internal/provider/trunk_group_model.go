package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// Enums of 21-trunk-groups.md whose members are all documented; they are
// validated. Partly known enums are only described.
var (
	trunkGroupLastResorts       = []string{"first", "reject502", "reject503"}
	trunkGroupACLDirections     = []string{"any", "inbound", "outbound", "undirected"}
	trunkGroupACLVoiceActions   = []string{"accept", "reject403", "reject503"}
	trunkGroupDefaultCodes      = "408;"
	trunkGroupFailureCodesRegex = `^(\d{3};)*$`
)

// trunkGroupData is a whole trunk group (resource, singular data source and
// the items of the plural one). Trunks are not part of it: they are the
// carrierx_trunk resource.
type trunkGroupData struct {
	TrunkGroupSID         types.String `tfsdk:"trunk_group_sid"`
	Name                  types.String `tfsdk:"name"`
	PartnerSID            types.String `tfsdk:"partner_sid"`
	ACLs                  types.List   `tfsdk:"acls"`
	ExternalHandlers      types.String `tfsdk:"external_handlers"`
	HardFailureCodes      types.String `tfsdk:"hard_failure_codes"`
	HardFailureCooldown   types.Int64  `tfsdk:"hard_failure_cooldown"`
	HardFailureInterval   types.Int64  `tfsdk:"hard_failure_interval"`
	HardFailureLastResort types.String `tfsdk:"hard_failure_last_resort"`
	HardFailureThreshold  types.Int64  `tfsdk:"hard_failure_threshold"`
	RoutingData           types.String `tfsdk:"routing_data"`
	RoutingType           types.String `tfsdk:"routing_type"`
	SIPOptionsLocations   types.List   `tfsdk:"sip_options_locations"`
	SIPOptionsThreshold   types.Int64  `tfsdk:"sip_options_threshold"`
	SoftFailureCodes      types.String `tfsdk:"soft_failure_codes"`
	Transformations       types.List   `tfsdk:"transformations"`
}

// trunkGroupACLModel is one element of acls on a trunk group or a trunk. The
// SMS actions are left out: CarrierX keeps them null on trunk groups and
// trunks (voice only).
type trunkGroupACLModel struct {
	AccessControlRules types.List   `tfsdk:"access_control_rules"`
	Direction          types.String `tfsdk:"direction"`
	VoiceActionTrue    types.String `tfsdk:"voice_action_true"`
	VoiceActionFalse   types.String `tfsdk:"voice_action_false"`
}

var trunkGroupACLAttrTypes = map[string]attr.Type{
	"access_control_rules": types.ListType{ElemType: types.StringType},
	"direction":            types.StringType,
	"voice_action_true":    types.StringType,
	"voice_action_false":   types.StringType,
}

func trunkGroupACLObjectType() types.ObjectType {
	return types.ObjectType{AttrTypes: trunkGroupACLAttrTypes}
}

// fill sets every attribute from the API answer; prior supplies values the
// API rewrites ("" read back as null, reformatted JSON).
func (m *trunkGroupData) fill(ctx context.Context, g *client.TrunkGroup, prior *trunkGroupData) diag.Diagnostics {
	var diags diag.Diagnostics
	if prior == nil {
		prior = &trunkGroupData{}
	}
	m.TrunkGroupSID = types.StringValue(g.TrunkGroupSID)
	m.Name = types.StringPointerValue(g.Name)
	m.PartnerSID = types.StringValue(g.PartnerSID)
	m.HardFailureCodes = types.StringPointerValue(g.HardFailureCodes)
	m.HardFailureCooldown = types.Int64PointerValue(g.HardFailureCooldown)
	m.HardFailureInterval = types.Int64PointerValue(g.HardFailureInterval)
	m.HardFailureLastResort = types.StringPointerValue(g.HardFailureLastResort)
	m.HardFailureThreshold = types.Int64PointerValue(g.HardFailureThreshold)
	m.RoutingData = framework.KeepEmpty(g.RoutingData, prior.RoutingData)
	m.RoutingType = types.StringPointerValue(g.RoutingType)
	m.SIPOptionsThreshold = types.Int64PointerValue(g.SIPOptionsThreshold)
	m.SoftFailureCodes = types.StringPointerValue(g.SoftFailureCodes)
	m.ExternalHandlers = trunkGroupJSONValue(g.ExternalHandlers, prior.ExternalHandlers)

	var d diag.Diagnostics
	m.SIPOptionsLocations, d = types.ListValueFrom(ctx, types.StringType, framework.NonNil(g.SIPOptionsLocations))
	diags.Append(d...)
	m.ACLs, d = trunkGroupACLsValue(ctx, g.ACLs)
	diags.Append(d...)
	m.Transformations = framework.TransformationsValue(ctx, g.Transformations, &diags)
	return diags
}

// body renders the writable attributes as API JSON values; a null attribute
// becomes a nil entry so an update can clear it.
func (m *trunkGroupData) body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{
		"name":                     framework.StringPtr(m.Name),
		"hard_failure_codes":       framework.StringPtr(m.HardFailureCodes),
		"hard_failure_cooldown":    framework.Int64Ptr(m.HardFailureCooldown),
		"hard_failure_interval":    framework.Int64Ptr(m.HardFailureInterval),
		"hard_failure_last_resort": framework.StringPtr(m.HardFailureLastResort),
		"hard_failure_threshold":   framework.Int64Ptr(m.HardFailureThreshold),
		"routing_data":             framework.StringPtr(m.RoutingData),
		"routing_type":             framework.StringPtr(m.RoutingType),
		"sip_options_threshold":    framework.Int64Ptr(m.SIPOptionsThreshold),
		"soft_failure_codes":       framework.StringPtr(m.SoftFailureCodes),
		"external_handlers":        nil,
	}
	if framework.Known(m.ExternalHandlers) {
		b["external_handlers"] = json.RawMessage(m.ExternalHandlers.ValueString())
	}
	if framework.Known(m.SIPOptionsLocations) {
		b["sip_options_locations"] = trunkGroupStrings(ctx, m.SIPOptionsLocations, &diags)
	}
	if framework.Known(m.ACLs) {
		b["acls"] = trunkGroupACLsBody(ctx, m.ACLs, &diags)
	}
	if framework.Known(m.Transformations) {
		b["transformations"] = framework.TransformationsBody(ctx, m.Transformations, &diags)
	}
	return b, diags
}

func trunkGroupStrings(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	var out []string
	if framework.Known(l) {
		diags.Append(l.ElementsAs(ctx, &out, false)...)
	}
	return framework.NonNil(out)
}

func trunkGroupACLsValue(ctx context.Context, acls []client.TrunkGroupACL) (types.List, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := make([]trunkGroupACLModel, len(acls))
	for i, a := range acls {
		rules, d := types.ListValueFrom(ctx, types.StringType, framework.NonNil(a.AccessControlRules))
		diags.Append(d...)
		out[i] = trunkGroupACLModel{
			AccessControlRules: rules,
			Direction:          types.StringValue(a.Direction),
			VoiceActionTrue:    types.StringPointerValue(a.VoiceActionTrue),
			VoiceActionFalse:   types.StringPointerValue(a.VoiceActionFalse),
		}
	}
	l, d := types.ListValueFrom(ctx, trunkGroupACLObjectType(), out)
	diags.Append(d...)
	return l, diags
}

func trunkGroupACLsBody(ctx context.Context, l types.List, diags *diag.Diagnostics) []map[string]any {
	var acls []trunkGroupACLModel
	diags.Append(l.ElementsAs(ctx, &acls, false)...)
	out := make([]map[string]any, 0, len(acls))
	for _, a := range acls {
		out = append(out, map[string]any{
			"access_control_rules": trunkGroupStrings(ctx, a.AccessControlRules, diags),
			"direction":            framework.StringPtr(a.Direction),
			"voice_action_true":    framework.StringPtr(a.VoiceActionTrue),
			"voice_action_false":   framework.StringPtr(a.VoiceActionFalse),
		})
	}
	return out
}

// trunkGroupJSONValue renders a JSON value the API returned as compact
// text. It keeps the prior text when it means the same (so formatting never
// shows as a change), and reads an absent, null or empty array as null when
// nothing was configured.
func trunkGroupJSONValue(raw json.RawMessage, prior types.String) types.String {
	raw = bytes.TrimSpace(raw)
	var got any
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &got); err != nil {
			return types.StringValue(string(raw))
		}
	}
	if got == nil {
		got = []any{} // absent or null means no handlers
	}
	if framework.Known(prior) {
		var p any
		if json.Unmarshal([]byte(prior.ValueString()), &p) == nil && reflect.DeepEqual(p, got) {
			return prior
		}
	}
	if arr, ok := got.([]any); ok && len(arr) == 0 {
		return types.StringNull()
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return types.StringValue(string(raw))
	}
	return types.StringValue(buf.String())
}

// trunkGroupJSONArray accepts a JSON array (the text jsonencode produces).
type trunkGroupJSONArray struct{}

func (trunkGroupJSONArray) Description(context.Context) string { return "must be a JSON array" }

func (v trunkGroupJSONArray) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (trunkGroupJSONArray) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !framework.Known(req.ConfigValue) {
		return
	}
	var arr []any
	if err := json.Unmarshal([]byte(req.ConfigValue.ValueString()), &arr); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid JSON array",
			fmt.Sprintf("%s must be a JSON array of objects, for example jsonencode([{ ... }]); %q does not parse as one: %v.",
				req.Path, req.ConfigValue.ValueString(), err))
	}
}
