package provider

import (
	"context"
	"fmt"
	"math/big"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// partnerCallbackKeys are the documented keys of a partner's callbacks
// object (00-conventions.md, 11-partners.md).
var partnerCallbackKeys = []string{
	"sms", "app_mediator", "app_conference_call", "app_conference_meeting",
	"phonenumber_order", "phonenumber_messaging_update",
}

var partnerCallbackDocs = map[string]string{
	"sms":                          "URL called for every SMS/MMS sent or received (a DID's own `callback_url` overrides it).",
	"app_mediator":                 "URL called for calls handled by a Mediator endpoint.",
	"app_conference_call":          "URL called when a caller dials into a Conference endpoint.",
	"app_conference_meeting":       "URL called when a meeting starts in a conference room.",
	"phonenumber_order":            "URL called when a DID ordered from an external provider has been rented.",
	"phonenumber_messaging_update": "URL called when SMS/MMS messaging is enabled or disabled on a DID.",
}

var partnerCallbacksAttrTypes = func() map[string]attr.Type {
	m := map[string]attr.Type{}
	for _, k := range partnerCallbackKeys {
		m[k] = types.StringType
	}
	return m
}()

// partnerACLDirections and partnerACLActions are the values seen in the
// reference; the lists are not known to be complete, so they are
// documented, not enforced.
var (
	partnerACLDirections = []string{"inbound", "outbound"}
	partnerACLActions    = []string{"accept", "reject", "reject403", "reject503"}
)

// partnerACLModel is one element of a partner's acls or parent_assigned_acls.
type partnerACLModel struct {
	AccessControlRules types.List   `tfsdk:"access_control_rules"`
	Direction          types.String `tfsdk:"direction"`
	SMSActionTrue      types.String `tfsdk:"sms_action_true"`
	SMSActionFalse     types.String `tfsdk:"sms_action_false"`
	VoiceActionTrue    types.String `tfsdk:"voice_action_true"`
	VoiceActionFalse   types.String `tfsdk:"voice_action_false"`
}

var partnerACLAttrTypes = map[string]attr.Type{
	"access_control_rules": types.ListType{ElemType: types.StringType},
	"direction":            types.StringType,
	"sms_action_true":      types.StringType,
	"sms_action_false":     types.StringType,
	"voice_action_true":    types.StringType,
	"voice_action_false":   types.StringType,
}

func partnerACLObjectType() types.ObjectType { return types.ObjectType{AttrTypes: partnerACLAttrTypes} }

// partnerData is every attribute CarrierX returns for a partner (the
// resource adds the password; the data sources the filter).
type partnerData struct {
	PartnerSID         types.String      `tfsdk:"partner_sid"`
	ParentSID          types.String      `tfsdk:"parent_sid"`
	DisplayID          types.String      `tfsdk:"display_id"`
	Login              types.String      `tfsdk:"login"`
	Name               types.String      `tfsdk:"name"`
	CompanyName        types.String      `tfsdk:"company_name"`
	Address1           types.String      `tfsdk:"address1"`
	Address2           types.String      `tfsdk:"address2"`
	City               types.String      `tfsdk:"city"`
	State              types.String      `tfsdk:"state"`
	Zip                types.String      `tfsdk:"zip"`
	CountryCode        types.String      `tfsdk:"country_code"`
	PhoneNumber        types.String      `tfsdk:"phonenumber"`
	OwnerEmail         types.String      `tfsdk:"owner_email"`
	BillingEmail       types.String      `tfsdk:"billing_email"`
	TechEmail          types.String      `tfsdk:"tech_email"`
	PaymentType        types.String      `tfsdk:"payment_type"`
	ChargeAt           partnerMoneyValue `tfsdk:"charge_at"`
	PrepayAmount       partnerMoneyValue `tfsdk:"prepay_amount"`
	SpendingLimit      partnerMoneyValue `tfsdk:"spending_limit"`
	DailySpendingLimit partnerMoneyValue `tfsdk:"daily_spending_limit"`
	Balance            types.String      `tfsdk:"balance"`
	DailySpentAmount   types.String      `tfsdk:"daily_spent_amount"`
	Status             types.String      `tfsdk:"status"`
	DateCreated        types.String      `tfsdk:"date_created"`
	AvailableScopes    types.List        `tfsdk:"available_scopes"`
	Attributes         types.Map         `tfsdk:"attributes"`
	Callbacks          types.Object      `tfsdk:"callbacks"`
	ACLs               types.List        `tfsdk:"acls"`
	ParentAssignedACLs types.List        `tfsdk:"parent_assigned_acls"`
	Transformations    types.List        `tfsdk:"transformations"`
}

// fill sets every attribute from the API answer. prior (the plan or the
// state; nil for data sources) supplies what the API hides or rewrites:
// e-mails are null until verified, prepay_amount is null on postpay
// accounts, "" may come back as null, and money keeps its written form
// through partnerMoneyValue's semantic equality.
func (m *partnerData) fill(ctx context.Context, p *client.Partner, prior *partnerData) diag.Diagnostics {
	var diags diag.Diagnostics
	if prior == nil {
		prior = &partnerData{}
	}
	unverified := p.Status == "unverified"
	m.PartnerSID = types.StringValue(p.PartnerSID)
	m.ParentSID = partnerString(p.ParentSID, prior.ParentSID)
	m.DisplayID = partnerString(p.DisplayID, prior.DisplayID)
	m.Login = partnerString(p.Login, prior.Login)
	m.Name = partnerString(p.Name, prior.Name)
	m.CompanyName = partnerString(p.CompanyName, prior.CompanyName)
	m.Address1 = framework.KeepEmpty(p.Address1, prior.Address1)
	m.Address2 = framework.KeepEmpty(p.Address2, prior.Address2)
	m.City = framework.KeepEmpty(p.City, prior.City)
	m.State = framework.KeepEmpty(p.State, prior.State)
	m.Zip = framework.KeepEmpty(p.Zip, prior.Zip)
	m.CountryCode = partnerString(p.CountryCode, prior.CountryCode)
	m.PhoneNumber = framework.KeepEmpty(p.PhoneNumber, prior.PhoneNumber)
	m.OwnerEmail = partnerEmail(p.OwnerEmail, unverified, prior.OwnerEmail)
	m.BillingEmail = partnerEmail(p.BillingEmail, unverified, prior.BillingEmail)
	m.TechEmail = partnerEmail(p.TechEmail, unverified, prior.TechEmail)
	m.PaymentType = partnerString(p.PaymentType, prior.PaymentType)
	m.ChargeAt = partnerMoney(p.ChargeAt)
	m.PrepayAmount = partnerMoney(p.PrepayAmount)
	if p.PrepayAmount == nil && p.PaymentType == "postpay" && !prior.PrepayAmount.IsNull() && !prior.PrepayAmount.IsUnknown() {
		// CarrierX answers null for the prepay amount of a postpay account.
		m.PrepayAmount = prior.PrepayAmount
	}
	m.SpendingLimit = partnerMoney(p.SpendingLimit)
	m.DailySpendingLimit = partnerMoney(p.DailySpendingLimit)
	m.Balance = types.StringValue(string(p.Balance))
	m.DailySpentAmount = types.StringValue(string(p.DailySpentAmount))
	m.Status = types.StringValue(p.Status)
	m.DateCreated = partnerString(p.DateCreated, prior.DateCreated)

	var d diag.Diagnostics
	m.AvailableScopes, d = types.ListValueFrom(ctx, types.StringType, framework.NonNil(p.AvailableScopes))
	diags.Append(d...)
	m.Attributes, d = types.MapValueFrom(ctx, types.StringType, framework.StringMap(p.Attributes, nil))
	diags.Append(d...)
	m.Callbacks = partnerCallbacksValue(p.Callbacks)
	m.ACLs, d = partnerACLsValue(ctx, p.ACLs)
	diags.Append(d...)
	m.ParentAssignedACLs, d = partnerACLsValue(ctx, p.ParentAssignedACLs)
	diags.Append(d...)
	m.Transformations = framework.TransformationsValue(ctx, p.Transformations, &diags)
	return diags
}

// partnerString maps "" (how a JSON null decodes into a string field) to
// null, unless "" was what the configuration said.
func partnerString(s string, prior types.String) types.String {
	if s == "" {
		return framework.KeepEmpty(nil, prior)
	}
	return types.StringValue(s)
}

// partnerEmail keeps the configured address while CarrierX hides it (null)
// because the partner has not verified it yet.
func partnerEmail(api *string, unverified bool, prior types.String) types.String {
	if api == nil && unverified && framework.Known(prior) {
		return prior
	}
	return framework.KeepEmpty(api, prior)
}

func partnerMoney(f *client.FlexString) partnerMoneyValue {
	if f == nil || *f == "" {
		return partnerMoneyNull()
	}
	return partnerMoneyValue{StringValue: types.StringValue(string(*f))}
}

func partnerCallbacksValue(cb map[string]string) types.Object {
	vals := map[string]attr.Value{}
	for _, k := range partnerCallbackKeys {
		if v, ok := cb[k]; ok && v != "" {
			vals[k] = types.StringValue(v)
		} else {
			vals[k] = types.StringNull()
		}
	}
	return types.ObjectValueMust(partnerCallbacksAttrTypes, vals)
}

// partnerCallbacksBody renders a callbacks object as the API's map of the
// keys that are set; the API replaces the object wholesale (assumption of
// the emulator's doc, to be checked live), so an absent key is cleared.
func partnerCallbacksBody(o types.Object) map[string]string {
	out := map[string]string{}
	for k, v := range o.Attributes() {
		if s, ok := v.(types.String); ok && framework.Known(s) {
			out[k] = s.ValueString()
		}
	}
	return out
}

func partnerACLsValue(ctx context.Context, acls []client.ACL) (types.List, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := make([]partnerACLModel, len(acls))
	for i, a := range acls {
		rules, d := types.ListValueFrom(ctx, types.StringType, framework.NonNil(a.AccessControlRules))
		diags.Append(d...)
		out[i] = partnerACLModel{
			AccessControlRules: rules,
			Direction:          partnerString(a.Direction, types.StringNull()),
			SMSActionTrue:      types.StringPointerValue(a.SMSActionTrue),
			SMSActionFalse:     types.StringPointerValue(a.SMSActionFalse),
			VoiceActionTrue:    types.StringPointerValue(a.VoiceActionTrue),
			VoiceActionFalse:   types.StringPointerValue(a.VoiceActionFalse),
		}
	}
	l, d := types.ListValueFrom(ctx, partnerACLObjectType(), out)
	diags.Append(d...)
	return l, diags
}

func partnerACLsBody(ctx context.Context, l types.List, diags *diag.Diagnostics) []client.ACL {
	var acls []partnerACLModel
	diags.Append(l.ElementsAs(ctx, &acls, false)...)
	out := make([]client.ACL, 0, len(acls))
	for _, a := range acls {
		var rules []string
		if framework.Known(a.AccessControlRules) {
			diags.Append(a.AccessControlRules.ElementsAs(ctx, &rules, false)...)
		}
		out = append(out, client.ACL{
			AccessControlRules: framework.NonNil(rules),
			Direction:          a.Direction.ValueString(),
			SMSActionTrue:      a.SMSActionTrue.ValueStringPointer(),
			SMSActionFalse:     a.SMSActionFalse.ValueStringPointer(),
			VoiceActionTrue:    a.VoiceActionTrue.ValueStringPointer(),
			VoiceActionFalse:   a.VoiceActionFalse.ValueStringPointer(),
		})
	}
	return out
}

func partnerAttributesBody(ctx context.Context, m types.Map, diags *diag.Diagnostics) map[string]string {
	attrs := map[string]string{}
	diags.Append(m.ElementsAs(ctx, &attrs, false)...)
	return attrs
}

// ---- money ----

// partnerMoneyType is a string attribute holding a decimal amount. CarrierX
// returns money as JSON strings ("20") whatever was sent (20, "20.00"), so
// values that are numerically equal are semantically equal and the
// written form is kept: no perpetual diff.
type partnerMoneyType struct{ basetypes.StringType }

var _ basetypes.StringTypable = partnerMoneyType{}

func (t partnerMoneyType) Equal(o attr.Type) bool {
	_, ok := o.(partnerMoneyType)
	return ok
}

func (t partnerMoneyType) String() string { return "partnerMoneyType" }

func (t partnerMoneyType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return partnerMoneyValue{StringValue: in}, nil
}

func (t partnerMoneyType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	return partnerMoneyValue{StringValue: v.(basetypes.StringValue)}, nil
}

func (t partnerMoneyType) ValueType(context.Context) attr.Value { return partnerMoneyValue{} }

// partnerMoneyValue is a value of partnerMoneyType.
type partnerMoneyValue struct{ basetypes.StringValue }

var _ basetypes.StringValuableWithSemanticEquals = partnerMoneyValue{}

func partnerMoneyNull() partnerMoneyValue { return partnerMoneyValue{StringValue: types.StringNull()} }

func (v partnerMoneyValue) Equal(o attr.Value) bool {
	other, ok := o.(partnerMoneyValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

func (v partnerMoneyValue) Type(context.Context) attr.Type { return partnerMoneyType{} }

func (v partnerMoneyValue) StringSemanticEquals(_ context.Context, nv basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := nv.(partnerMoneyValue)
	if !ok {
		return false, nil
	}
	return partnerMoneyEqual(v.StringValue, other.StringValue), nil
}

// partnerMoneyEqual compares two known amounts numerically.
func partnerMoneyEqual(a, b types.String) bool {
	if !framework.Known(a) || !framework.Known(b) {
		return false
	}
	x, ok1 := new(big.Rat).SetString(a.ValueString())
	y, ok2 := new(big.Rat).SetString(b.ValueString())
	if !ok1 || !ok2 {
		return a.ValueString() == b.ValueString()
	}
	return x.Cmp(y) == 0
}

var partnerCountryPattern = regexp.MustCompile(`^[A-Z]{3}$`)

var partnerMoneyPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// partnerMoneyValidator accepts a non-negative decimal (HCL numbers arrive
// as their decimal text).
type partnerMoneyValidator struct{}

func (partnerMoneyValidator) Description(context.Context) string {
	return "must be a non-negative decimal amount such as 20 or \"20.50\""
}

func (v partnerMoneyValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (partnerMoneyValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !framework.Known(req.ConfigValue) || partnerMoneyPattern.MatchString(req.ConfigValue.ValueString()) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid amount",
		fmt.Sprintf("%s %q is not an amount: write a non-negative decimal number such as 20 or \"20.50\" (no currency sign, no spaces).",
			req.Path, req.ConfigValue.ValueString()))
}

// partnerMoneyPlan keeps the state's amount in the plan when the
// configuration says nothing (the value is CarrierX's). With afterPaymentType, an
// unconfigured amount becomes unknown when payment_type changes, since
// CarrierX may then answer another value (prepay_amount is null on
// postpay accounts).
type partnerMoneyPlan struct{ afterPaymentType bool }

func (partnerMoneyPlan) Description(context.Context) string {
	return "keeps the amount in state when the configuration leaves it out"
}

func (m partnerMoneyPlan) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m partnerMoneyPlan) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || !framework.Known(req.StateValue) {
		return
	}
	if !req.ConfigValue.IsNull() || !req.PlanValue.IsUnknown() {
		return
	}
	if m.afterPaymentType {
		var planPT, statePT types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("payment_type"), &planPT)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("payment_type"), &statePT)...)
		if !framework.Known(planPT) || !planPT.Equal(statePT) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}
