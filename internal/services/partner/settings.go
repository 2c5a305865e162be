package partner

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// The account-wide settings of a partner (callbacks, attributes, ACLs,
// transformations), which carrierx_partner and carrierx_account_settings
// both manage, each only when configured (CarrierX docs, Core API,
// Partners, Partner Object).

// callbackKeys are the documented keys of a partner's callbacks object.
var callbackKeys = []string{
	"sms", "app_mediator", "app_conference_call", "app_conference_meeting",
	"phonenumber_order", "phonenumber_messaging_update",
}

var callbackDocs = map[string]string{
	"sms":                          "URL called for every SMS/MMS sent or received (a DID's own `callback_url` overrides it).",
	"app_mediator":                 "URL called for calls handled by a Mediator endpoint.",
	"app_conference_call":          "URL called when a caller dials into a Conference endpoint.",
	"app_conference_meeting":       "URL called when a meeting starts in a conference room.",
	"phonenumber_order":            "URL called when a DID ordered from an external provider has been rented.",
	"phonenumber_messaging_update": "URL called when SMS/MMS messaging is enabled or disabled on a DID.",
}

// CallbacksType is the object type of the callbacks attribute.
var CallbacksType = func() types.ObjectType {
	m := map[string]attr.Type{}
	for _, k := range callbackKeys {
		m[k] = types.StringType
	}
	return types.ObjectType{AttrTypes: m}
}()

// CallbacksAttributes are the keys of the callbacks attribute, each an
// optional URL.
func CallbacksAttributes() map[string]schema.Attribute {
	out := map[string]schema.Attribute{}
	for _, k := range callbackKeys {
		out[k] = framework.OptionalString(callbackDocs[k]+" "+framework.CallbackURLRule, framework.HTTPURL{})
	}
	return out
}

// CallbacksValue renders the API's callbacks; a key without a URL is null.
func CallbacksValue(cb map[string]string) types.Object {
	vals := map[string]attr.Value{}
	for _, k := range callbackKeys {
		if v, ok := cb[k]; ok && v != "" {
			vals[k] = types.StringValue(v)
		} else {
			vals[k] = types.StringNull()
		}
	}
	return types.ObjectValueMust(CallbacksType.AttrTypes, vals)
}

// CallbacksBody renders a callbacks object as the API's map of the keys
// that are set; the API replaces the object wholesale (assumption of the
// emulator's doc, to be checked live), so an absent key is cleared.
func CallbacksBody(o types.Object) map[string]string {
	out := map[string]string{}
	for k, v := range o.Attributes() {
		if s, ok := v.(types.String); ok && framework.Known(s) {
			out[k] = s.ValueString()
		}
	}
	return out
}

// The partner's ACLs are CarrierX's one ACL object, whose values are
// documented in full (CarrierX docs, Core API, Trunk Groups, ACL Object);
// its SMS actions apply to partners only.
var (
	aclDirections   = []string{"any", "inbound", "outbound", "undirected"}
	aclSMSActions   = []string{"accept", "reject"}
	aclVoiceActions = []string{"accept", "reject403", "reject503"}
)

// ACLModel is one access control list of a partner (client.ACL).
type ACLModel struct {
	AccessControlRules types.List   `tfsdk:"access_control_rules"`
	Direction          types.String `tfsdk:"direction"`
	SMSActionTrue      types.String `tfsdk:"sms_action_true"`
	SMSActionFalse     types.String `tfsdk:"sms_action_false"`
	VoiceActionTrue    types.String `tfsdk:"voice_action_true"`
	VoiceActionFalse   types.String `tfsdk:"voice_action_false"`
}

// ACLType is the object type of one ACL.
var ACLType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"access_control_rules": types.ListType{ElemType: types.StringType},
	"direction":            types.StringType,
	"sms_action_true":      types.StringType,
	"sms_action_false":     types.StringType,
	"voice_action_true":    types.StringType,
	"voice_action_false":   types.StringType,
}}

// ACLAttributes are the attributes of one ACL: settable ones, or, with
// computed, read-only ones.
func ACLAttributes(computed bool) map[string]schema.Attribute {
	str := func(d string, required bool) schema.StringAttribute {
		if computed {
			return schema.StringAttribute{MarkdownDescription: d, Computed: true}
		}
		return schema.StringAttribute{MarkdownDescription: d, Optional: !required, Required: required}
	}
	action := func(d string, values []string) schema.StringAttribute {
		a := str(d, false)
		if !computed {
			a.MarkdownDescription += " One of " + framework.QuoteList(values) + "; null for none."
			a.Validators = []validator.String{framework.Enum(values...)}
		}
		return a
	}
	rules := schema.ListAttribute{MarkdownDescription: "Access control rule SIDs.", ElementType: types.StringType, Computed: true}
	direction := "Traffic direction."
	if !computed {
		rules = schema.ListAttribute{
			MarkdownDescription: "SIDs of the access control rules (`carrierx_access_control_rule`) this list evaluates.",
			ElementType:         types.StringType,
			Required:            true,
		}
		direction = "Traffic the list applies to: " + framework.QuoteList(aclDirections) + "."
	}
	dir := str(direction, true)
	if !computed {
		dir.Validators = []validator.String{framework.Enum(aclDirections...)}
	}
	return map[string]schema.Attribute{
		"access_control_rules": rules,
		"direction":            dir,
		"sms_action_true":      action("Action for messages when the rules match.", aclSMSActions),
		"sms_action_false":     action("Action for messages when the rules do not match.", aclSMSActions),
		"voice_action_true":    action("Action for calls when the rules match.", aclVoiceActions),
		"voice_action_false":   action("Action for calls when the rules do not match.", aclVoiceActions),
	}
}

// ACLsValue renders the API's ACLs.
func ACLsValue(ctx context.Context, acls []client.ACL, diags *diag.Diagnostics) types.List {
	out := make([]ACLModel, len(acls))
	for i, a := range acls {
		framework.FillScalars(&out[i], &a, framework.StringLists("access_control_rules"))
		out[i].Direction = nullIfEmpty(a.Direction, types.StringNull())
	}
	l, d := types.ListValueFrom(ctx, ACLType, out)
	diags.Append(d...)
	return l
}

// ACLsBody renders the attribute as the API's ACLs.
func ACLsBody(ctx context.Context, l types.List, diags *diag.Diagnostics) []client.ACL {
	var acls []ACLModel
	diags.Append(l.ElementsAs(ctx, &acls, false)...)
	out := make([]client.ACL, 0, len(acls))
	for _, a := range acls {
		out = append(out, client.ACL{
			AccessControlRules: framework.Strings(ctx, a.AccessControlRules, diags),
			Direction:          a.Direction.ValueString(),
			SMSActionTrue:      a.SMSActionTrue.ValueStringPointer(),
			SMSActionFalse:     a.SMSActionFalse.ValueStringPointer(),
			VoiceActionTrue:    a.VoiceActionTrue.ValueStringPointer(),
			VoiceActionFalse:   a.VoiceActionFalse.ValueStringPointer(),
		})
	}
	return out
}

// AttributesValue renders the API's free-form attributes.
func AttributesValue(ctx context.Context, in map[string]any, diags *diag.Diagnostics) types.Map {
	m, d := types.MapValueFrom(ctx, types.StringType, framework.StringMap(in, nil))
	diags.Append(d...)
	return m
}

// AttributesBody renders the attributes map for the API.
func AttributesBody(ctx context.Context, m types.Map, diags *diag.Diagnostics) map[string]string {
	attrs := map[string]string{}
	diags.Append(m.ElementsAs(ctx, &attrs, false)...)
	return attrs
}

// TransformationsAttribute is the account-level transformations
// attribute: optional, managed only when set (no default).
func TransformationsAttribute(doc string) schema.DynamicAttribute {
	a := framework.Transformations("account")
	a.MarkdownDescription, a.Computed, a.Default = doc+" "+a.MarkdownDescription, false, nil
	return a
}

// Settings are the settings managed only when configured: a null one is
// neither sent nor read. ACLs is nil where the object only reads them.
type Settings struct {
	Attributes      *types.Map
	Callbacks       *types.Object
	ACLs            *types.List
	Transformations *types.Dynamic
}

// Body renders the managed settings; an unmanaged one is absent.
func (s Settings) Body(ctx context.Context, b map[string]any, diags *diag.Diagnostics) {
	if framework.Known(*s.Attributes) {
		b["attributes"] = AttributesBody(ctx, *s.Attributes, diags)
	}
	if framework.Known(*s.Callbacks) {
		b["callbacks"] = CallbacksBody(*s.Callbacks)
	}
	if s.ACLs != nil && framework.Known(*s.ACLs) {
		b["acls"] = ACLsBody(ctx, *s.ACLs, diags)
	}
	if framework.Known(*s.Transformations) {
		b["transformations"] = framework.TransformationsBody(*s.Transformations, diags)
	}
}

// Fill sets each setting from p: the managed ones (non-null in prior)
// always; with all (after an import), also every one p has that is not
// empty. The others are null. s and prior may be the same model.
func (s Settings) Fill(ctx context.Context, p *client.Partner, prior Settings, all bool, diags *diag.Diagnostics) {
	cb := CallbacksValue(p.Callbacks)
	attrs, cbs, trs := !prior.Attributes.IsNull() || (all && len(p.Attributes) > 0),
		!prior.Callbacks.IsNull() || (all && len(CallbacksBody(cb)) > 0),
		!prior.Transformations.IsNull() || (all && !framework.EmptyJSON(p.Transformations))
	if s.ACLs != nil {
		managed := !prior.ACLs.IsNull() || (all && len(p.ACLs) > 0)
		*s.ACLs = types.ListNull(ACLType)
		if managed {
			*s.ACLs = ACLsValue(ctx, p.ACLs, diags)
		}
	}
	*s.Attributes = types.MapNull(types.StringType)
	if attrs {
		*s.Attributes = AttributesValue(ctx, p.Attributes, diags)
	}
	*s.Callbacks = types.ObjectNull(CallbacksType.AttrTypes)
	if cbs {
		*s.Callbacks = cb
	}
	priorTrs := *prior.Transformations
	*s.Transformations = types.DynamicNull()
	if trs {
		*s.Transformations = framework.TransformationsValue(p.Transformations, priorTrs, diags)
	}
}

// ClearDropped adds to patch the cleared value of every setting managed
// in state and no longer in plan (their bodies): Terraform stops managing
// it, and it is cleared.
func ClearDropped(patch, planBody, stateBody map[string]any) {
	for _, k := range []string{"attributes", "callbacks", "acls", "transformations"} {
		if _, managed := stateBody[k]; managed {
			if _, still := planBody[k]; !still {
				patch[k] = Empty(k)
			}
		}
	}
}

// Empty is the cleared value of each setting.
func Empty(key string) any {
	switch key {
	case "callbacks", "attributes":
		return map[string]string{}
	default:
		return []any{}
	}
}

// nullIfEmpty maps "" (how a JSON null decodes into a string field) to
// null, unless "" was what the configuration said.
func nullIfEmpty(s string, prior types.String) types.String {
	if s == "" {
		return framework.KeepEmpty(nil, prior)
	}
	return types.StringValue(s)
}
