package trunkgroup

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// The acls block of trunk groups and trunks (CarrierX docs, Core API, Trunk
// Groups, ACL Object), defined once: carrierx_trunk uses it too.

// Fully documented ACL enums, validated.
var (
	aclDirections   = []string{"any", "inbound", "outbound", "undirected"}
	aclVoiceActions = []string{"accept", "reject403", "reject503"}
)

// aclModel is one element of acls. The SMS actions are left out: CarrierX
// keeps them null on trunk groups and trunks (voice only).
type aclModel struct {
	AccessControlRules types.List   `tfsdk:"access_control_rules"`
	Direction          types.String `tfsdk:"direction"`
	VoiceActionTrue    types.String `tfsdk:"voice_action_true"`
	VoiceActionFalse   types.String `tfsdk:"voice_action_false"`
}

var aclType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"access_control_rules": types.ListType{ElemType: types.StringType},
	"direction":            types.StringType,
	"voice_action_true":    types.StringType,
	"voice_action_false":   types.StringType,
}}

// ACLs is the acls attribute of a trunk group or a trunk (level).
func ACLs(level string) schema.ListNestedAttribute {
	actions := func(when string) schema.StringAttribute {
		return framework.OptionalString("What happens to a call when the rules "+when+": "+framework.QuoteList(aclVoiceActions)+".",
			framework.Enum(aclVoiceActions...))
	}
	return schema.ListNestedAttribute{
		MarkdownDescription: "Access control lists evaluated for calls through this " + level + ", in order. " +
			"An ACL names access control rules (by `rule_sid`) and what to do with a call when they apply or not. " +
			"Their SMS actions are always null on trunk groups and trunks, so they are not part of this attribute.",
		Optional: true,
		Computed: true,
		Default:  listdefault.StaticValue(types.ListValueMust(aclType, []attr.Value{})),
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"access_control_rules": framework.EmptyStringList("SIDs of the access control rules this ACL evaluates."),
				"direction": framework.RequiredString("Traffic the ACL applies to: "+framework.QuoteList(aclDirections)+".",
					framework.Enum(aclDirections...)),
				"voice_action_true":  actions("apply"),
				"voice_action_false": actions("do not apply"),
			},
		},
	}
}

// ACLsValue renders the API's ACLs as the attribute.
func ACLsValue(ctx context.Context, acls []client.TrunkGroupACL, diags *diag.Diagnostics) types.List {
	out := make([]aclModel, len(acls))
	for i, a := range acls {
		framework.FillScalars(&out[i], &a, framework.StringLists("access_control_rules"))
	}
	l, d := types.ListValueFrom(ctx, aclType, out)
	diags.Append(d...)
	return l
}

// ACLsBody renders a known attribute as the API's acls.
func ACLsBody(ctx context.Context, l types.List, diags *diag.Diagnostics) []map[string]any {
	var acls []aclModel
	diags.Append(l.ElementsAs(ctx, &acls, false)...)
	out := make([]map[string]any, 0, len(acls))
	for _, a := range acls {
		b := framework.ScalarBody(&a, "direction", "voice_action_true", "voice_action_false")
		b["access_control_rules"] = framework.Strings(ctx, a.AccessControlRules, diags)
		out = append(out, b)
	}
	return out
}
