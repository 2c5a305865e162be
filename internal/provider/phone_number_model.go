package provider

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// phoneNumberCapabilityBits maps the readable capability names to the bits
// of the capabilities bitmask (20-phone-numbers.md §2.1).
var phoneNumberCapabilityBits = map[string]int64{
	"sms_inbound":  client.DIDCapabilitySMSInbound,
	"sms_outbound": client.DIDCapabilitySMSOutbound,
	"voice":        client.DIDCapabilityVoice,
	"mms_inbound":  client.DIDCapabilityMMSInbound,
	"mms_outbound": client.DIDCapabilityMMSOutbound,
}

// phoneNumberCapabilityNames in bit order.
var phoneNumberCapabilityNames = []string{"sms_inbound", "sms_outbound", "voice", "mms_inbound", "mms_outbound"}

const phoneNumberBitsDoc = "Bits: `1` receive SMS (`sms_inbound`), `2` send SMS (`sms_outbound`), `4` voice (`voice`), " +
	"`8` receive MMS (`mms_inbound`), `16` send MMS (`mms_outbound`); values are summed (`7` = SMS both ways and voice, `31` = everything)."

var phoneNumberCapabilityAttrTypes = map[string]attr.Type{
	"sms_inbound": types.BoolType, "sms_outbound": types.BoolType, "voice": types.BoolType,
	"mms_inbound": types.BoolType, "mms_outbound": types.BoolType,
}

// phoneNumberCommon holds the attributes every phone number view shares
// (resource, data sources, available numbers).
type phoneNumberCommon struct {
	DIDSID                types.String `tfsdk:"did_sid"`
	PhoneNumber           types.String `tfsdk:"phonenumber"`
	Name                  types.String `tfsdk:"name"`
	Status                types.String `tfsdk:"status"`
	CountryCode           types.String `tfsdk:"country_code"`
	State                 types.String `tfsdk:"state"`
	Locality              types.String `tfsdk:"locality"`
	LATA                  types.String `tfsdk:"lata"`
	OCN                   types.String `tfsdk:"ocn"`
	InCountryFormat       types.String `tfsdk:"in_country_format"`
	InternationalFormat   types.String `tfsdk:"international_format"`
	Price                 types.String `tfsdk:"price"`
	PartnerSID            types.String `tfsdk:"partner_sid"`
	ClassificationSID     types.String `tfsdk:"classification_sid"`
	CampaignSID           types.String `tfsdk:"campaign_sid"`
	LRNSID                types.String `tfsdk:"lrn_sid"`
	Capabilities          types.Int64  `tfsdk:"capabilities"`
	ActiveCapabilities    types.Int64  `tfsdk:"active_capabilities"`
	Voice                 types.Bool   `tfsdk:"voice"`
	SMSInbound            types.Bool   `tfsdk:"sms_inbound"`
	SMSOutbound           types.Bool   `tfsdk:"sms_outbound"`
	MMSInbound            types.Bool   `tfsdk:"mms_inbound"`
	MMSOutbound           types.Bool   `tfsdk:"mms_outbound"`
	ActiveCapabilityFlags types.Object `tfsdk:"active_capability_flags"`
	CallbackURL           types.String `tfsdk:"callback_url"`
	TrunkGroupSID         types.String `tfsdk:"trunk_group_sid"`
	DIDGroupSID           types.String `tfsdk:"did_group_sid"`
	StringKey1            types.String `tfsdk:"string_key_1"`
	StringKey2            types.String `tfsdk:"string_key_2"`
	Attributes            types.Map    `tfsdk:"attributes"`
	Transformations       types.List   `tfsdk:"transformations"`
}

// phoneNumberData is a whole rented number, porting_pin included (resource
// and singular data source). The plural data sources leave the PIN out.
type phoneNumberData struct {
	phoneNumberCommon
	PortingPIN types.String `tfsdk:"porting_pin"`
}

func phoneNumberCapabilityFlags(mask int64) types.Object {
	vals := map[string]attr.Value{}
	for name, bit := range phoneNumberCapabilityBits {
		vals[name] = types.BoolValue(mask&bit == bit)
	}
	return types.ObjectValueMust(phoneNumberCapabilityAttrTypes, vals)
}

// phoneNumberSameDigits reports whether two spellings are the same number.
func phoneNumberSameDigits(a, b string) bool {
	da, err1 := client.NormalizeDIDNumber(a)
	db, err2 := client.NormalizeDIDNumber(b)
	return err1 == nil && err2 == nil && da == db
}

// phoneNumberKeepFold keeps the prior spelling when the API answers the
// same text in another case (CarrierX upper-cases localities).
func phoneNumberKeepFold(api *string, prior types.String) types.String {
	if api != nil && framework.Known(prior) && strings.EqualFold(*api, prior.ValueString()) {
		return prior
	}
	return types.StringPointerValue(api)
}

// fill sets every API attribute from the answer. prior supplies the
// configured spellings of values the API rewrites (a number written with
// "+" or spaces, a locality in lower case, "" read back as null).
func (m *phoneNumberCommon) fill(ctx context.Context, d *client.DID, prior *phoneNumberCommon) diag.Diagnostics {
	var diags diag.Diagnostics
	if prior == nil {
		prior = &phoneNumberCommon{}
	}
	m.DIDSID = types.StringValue(d.DIDSID)
	m.PhoneNumber = types.StringValue(d.PhoneNumber)
	if framework.Known(prior.PhoneNumber) && phoneNumberSameDigits(prior.PhoneNumber.ValueString(), d.PhoneNumber) {
		m.PhoneNumber = prior.PhoneNumber
	}
	m.Name = types.StringPointerValue(d.Name)
	m.Status = types.StringValue(d.Status)
	cc := d.CountryCode
	m.CountryCode = phoneNumberKeepFold(&cc, prior.CountryCode)
	if d.CountryCode == "" {
		m.CountryCode = types.StringNull()
	}
	m.State = phoneNumberKeepFold(d.State, prior.State)
	m.Locality = phoneNumberKeepFold(d.Locality, prior.Locality)
	m.LATA = types.StringPointerValue(d.LATA)
	m.OCN = types.StringPointerValue(d.OCN)
	m.InCountryFormat = types.StringPointerValue(d.InCountryFormat)
	m.InternationalFormat = types.StringPointerValue(d.InternationalFormat)
	if d.Price != nil {
		m.Price = types.StringValue(string(*d.Price))
	} else {
		m.Price = types.StringNull()
	}
	m.PartnerSID = types.StringPointerValue(d.PartnerSID)
	m.ClassificationSID = types.StringPointerValue(d.ClassificationSID)
	m.CampaignSID = types.StringPointerValue(d.CampaignSID)
	m.LRNSID = types.StringPointerValue(d.LRNSID)
	m.Capabilities = types.Int64Value(d.Capabilities)
	m.ActiveCapabilities = types.Int64Value(d.ActiveCapabilities)
	m.Voice = types.BoolValue(d.Capabilities&client.DIDCapabilityVoice != 0)
	m.SMSInbound = types.BoolValue(d.Capabilities&client.DIDCapabilitySMSInbound != 0)
	m.SMSOutbound = types.BoolValue(d.Capabilities&client.DIDCapabilitySMSOutbound != 0)
	m.MMSInbound = types.BoolValue(d.Capabilities&client.DIDCapabilityMMSInbound != 0)
	m.MMSOutbound = types.BoolValue(d.Capabilities&client.DIDCapabilityMMSOutbound != 0)
	m.ActiveCapabilityFlags = phoneNumberCapabilityFlags(d.ActiveCapabilities)
	m.CallbackURL = framework.KeepEmpty(d.CallbackURL, prior.CallbackURL)
	m.TrunkGroupSID = framework.KeepEmpty(d.TrunkGroupSID, prior.TrunkGroupSID)
	m.DIDGroupSID = framework.KeepEmpty(d.DIDGroupSID, prior.DIDGroupSID)
	m.StringKey1 = framework.KeepEmpty(d.StringKey1, prior.StringKey1)
	m.StringKey2 = framework.KeepEmpty(d.StringKey2, prior.StringKey2)

	var dd diag.Diagnostics
	m.Attributes, dd = types.MapValueFrom(ctx, types.StringType, framework.StringMap(d.Attributes, nil))
	diags.Append(dd...)
	m.Transformations = framework.TransformationsValue(ctx, d.Transformations, &diags)
	return diags
}

func (m *phoneNumberData) fill(ctx context.Context, d *client.DID, prior *phoneNumberData) diag.Diagnostics {
	var pc *phoneNumberCommon
	var pin types.String
	if prior != nil {
		pc = &prior.phoneNumberCommon
		pin = prior.PortingPIN
	}
	m.PortingPIN = framework.KeepEmpty(d.PortingPIN, pin)
	return m.phoneNumberCommon.fill(ctx, d, pc)
}

// body renders the attributes CarrierX lets a renter change; a null
// attribute becomes a nil entry so an update can clear it.
func (m *phoneNumberCommon) body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{
		"name":            framework.StringPtr(m.Name),
		"callback_url":    framework.StringPtr(m.CallbackURL),
		"trunk_group_sid": framework.StringPtr(m.TrunkGroupSID),
		"did_group_sid":   framework.StringPtr(m.DIDGroupSID),
		"string_key_1":    framework.StringPtr(m.StringKey1),
		"string_key_2":    framework.StringPtr(m.StringKey2),
	}
	if framework.Known(m.Attributes) {
		attrs := map[string]string{}
		diags.Append(m.Attributes.ElementsAs(ctx, &attrs, false)...)
		b["attributes"] = attrs
	}
	if framework.Known(m.Transformations) {
		b["transformations"] = framework.TransformationsBody(ctx, m.Transformations, &diags)
	}
	return b, diags
}

// phoneNumberCapabilityMask sums the bits of capability names.
func phoneNumberCapabilityMask(names []string) int64 {
	var mask int64
	for _, n := range names {
		mask |= phoneNumberCapabilityBits[n]
	}
	return mask
}

// phoneNumberSearchModel is the search of the rentable inventory shared by
// the resource and carrierx_available_phone_numbers.
type phoneNumberSearchModel struct {
	CountryCode          types.String
	State                types.String
	Locality             types.String
	PhoneNumberPrefix    types.String
	RequiredCapabilities types.Set
}

func (s phoneNumberSearchModel) configured() bool {
	return framework.Known(s.CountryCode) || framework.Known(s.State) || framework.Known(s.Locality) || framework.Known(s.PhoneNumberPrefix) || framework.Known(s.RequiredCapabilities)
}

func (s phoneNumberSearchModel) search(ctx context.Context) (client.AvailableDIDSearch, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := client.AvailableDIDSearch{
		CountryCode: s.CountryCode.ValueString(),
		State:       s.State.ValueString(),
		Locality:    s.Locality.ValueString(),
		Prefix:      s.PhoneNumberPrefix.ValueString(),
	}
	if framework.Known(s.RequiredCapabilities) {
		var names []string
		diags.Append(s.RequiredCapabilities.ElementsAs(ctx, &names, false)...)
		out.Capabilities = phoneNumberCapabilityMask(names)
	}
	return out, diags
}

// describe renders the configured criteria for error messages.
func (s phoneNumberSearchModel) describe(ctx context.Context) string {
	var parts []string
	add := func(k string, v types.String) {
		if framework.Known(v) {
			parts = append(parts, fmt.Sprintf("%s = %q", k, v.ValueString()))
		}
	}
	add("country_code", s.CountryCode)
	add("state", s.State)
	add("locality", s.Locality)
	add("phonenumber_prefix", s.PhoneNumberPrefix)
	if framework.Known(s.RequiredCapabilities) {
		var names []string
		_ = s.RequiredCapabilities.ElementsAs(ctx, &names, false)
		sort.Strings(names)
		parts = append(parts, fmt.Sprintf("required_capabilities = [%s]", strings.Join(names, ", ")))
	}
	if len(parts) == 0 {
		return "no criteria"
	}
	return strings.Join(parts, ", ")
}

// phoneNumberFormat validates a phone number as people write it.
type phoneNumberFormat struct{}

func (phoneNumberFormat) Description(context.Context) string {
	return "must be a phone number in E.164 form, with or without +, spaces, dashes or parentheses"
}

func (v phoneNumberFormat) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (phoneNumberFormat) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !framework.Known(req.ConfigValue) {
		return
	}
	if _, err := client.NormalizeDIDNumber(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid phone number",
			err.Error()+". Write the number with its country code, for example \"+15550100142\", \"15550100142\" or \"+1 555-010-0142\".")
	}
}

var (
	phoneNumberAlpha3 = regexp.MustCompile(`^[A-Z]{3}$`)
	phoneNumberDigits = regexp.MustCompile(`^[0-9]{1,15}$`)
)
