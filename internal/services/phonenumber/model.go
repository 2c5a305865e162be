package phonenumber

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

// capabilityBits maps the readable capability names to the bits of the
// capabilities bitmask (CarrierX docs, Core API, Phone Numbers, DID Object).
var capabilityBits = map[string]int64{
	"sms_inbound":  client.DIDCapabilitySMSInbound,
	"sms_outbound": client.DIDCapabilitySMSOutbound,
	"voice":        client.DIDCapabilityVoice,
	"mms_inbound":  client.DIDCapabilityMMSInbound,
	"mms_outbound": client.DIDCapabilityMMSOutbound,
}

// capabilityNames in bit order.
var capabilityNames = []string{"sms_inbound", "sms_outbound", "voice", "mms_inbound", "mms_outbound"}

const bitsDoc = "Bits: `1` receive SMS (`sms_inbound`), `2` send SMS (`sms_outbound`), `4` voice (`voice`), " +
	"`8` receive MMS (`mms_inbound`), `16` send MMS (`mms_outbound`); values are summed (`7` = SMS both ways and voice, `31` = everything)."

var capabilityAttrTypes = map[string]attr.Type{
	"sms_inbound": types.BoolType, "sms_outbound": types.BoolType, "voice": types.BoolType,
	"mms_inbound": types.BoolType, "mms_outbound": types.BoolType,
}

// item is one number as the lists show it (rented or available): every
// attribute but the porting PIN and the resource's own settings.
type item struct {
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
}

// model is carrierx_phone_number: a whole rented number, porting PIN
// included, and the Terraform-only search criteria and release setting.
type model struct {
	item
	Transformations      types.Dynamic `tfsdk:"transformations"`
	PortingPIN           types.String  `tfsdk:"porting_pin"`
	PhoneNumberPrefix    types.String  `tfsdk:"phonenumber_prefix"`
	RequiredCapabilities types.Set     `tfsdk:"required_capabilities"`
	ReleaseOnDestroy     types.Bool    `tfsdk:"release_on_destroy"`
}

// resourceOnly are the attributes of the resource that describe no number.
var resourceOnly = []string{"phonenumber_prefix", "required_capabilities", "release_on_destroy"}

func capabilityFlags(mask int64) types.Object {
	vals := map[string]attr.Value{}
	for name, bit := range capabilityBits {
		vals[name] = types.BoolValue(mask&bit == bit)
	}
	return types.ObjectValueMust(capabilityAttrTypes, vals)
}

// sameDigits reports whether two spellings are the same number.
func sameDigits(a, b string) bool {
	da, err1 := client.NormalizeDIDNumber(a)
	db, err2 := client.NormalizeDIDNumber(b)
	return err1 == nil && err2 == nil && da == db
}

// keepFold keeps the prior spelling when the API answers the same text in
// another case (CarrierX upper-cases localities).
func keepFold(api *string, prior types.String) types.String {
	if api != nil && framework.Known(prior) && strings.EqualFold(*api, prior.ValueString()) {
		return prior
	}
	return types.StringPointerValue(api)
}

// fill sets every API attribute from the answer. prior supplies the
// configured spellings of values the API rewrites (a number written with
// "+" or spaces, a locality in lower case, "" read back as null).
func (m *item) fill(ctx context.Context, d *client.DID, prior *item) diag.Diagnostics {
	var diags diag.Diagnostics
	framework.FillScalars(m, d, framework.KeepEmptyFrom(prior, "callback_url", "trunk_group_sid", "did_group_sid",
		"string_key_1", "string_key_2"))
	if framework.Known(prior.PhoneNumber) && sameDigits(prior.PhoneNumber.ValueString(), d.PhoneNumber) {
		m.PhoneNumber = prior.PhoneNumber
	}
	cc := d.CountryCode
	m.CountryCode = keepFold(&cc, prior.CountryCode)
	if d.CountryCode == "" {
		m.CountryCode = types.StringNull()
	}
	m.State = keepFold(d.State, prior.State)
	m.Locality = keepFold(d.Locality, prior.Locality)
	m.Voice = types.BoolValue(d.Capabilities&client.DIDCapabilityVoice != 0)
	m.SMSInbound = types.BoolValue(d.Capabilities&client.DIDCapabilitySMSInbound != 0)
	m.SMSOutbound = types.BoolValue(d.Capabilities&client.DIDCapabilitySMSOutbound != 0)
	m.MMSInbound = types.BoolValue(d.Capabilities&client.DIDCapabilityMMSInbound != 0)
	m.MMSOutbound = types.BoolValue(d.Capabilities&client.DIDCapabilityMMSOutbound != 0)
	m.ActiveCapabilityFlags = capabilityFlags(d.ActiveCapabilities)
	m.Attributes = framework.StringMapValue(ctx, d.Attributes, &diags)
	return diags
}

// Fill sets the number from the API answer; release_on_destroy, null
// after an import, is its default, true.
func (m *model) Fill(ctx context.Context, d *client.DID, prior *model) diag.Diagnostics {
	m.PortingPIN = framework.KeepEmpty(d.PortingPIN, prior.PortingPIN)
	if m.ReleaseOnDestroy.IsNull() {
		m.ReleaseOnDestroy = types.BoolValue(true)
	}
	if m.RequiredCapabilities.ElementType(ctx) == nil { // a data source's zero model
		m.RequiredCapabilities = types.SetNull(types.StringType)
	}
	return m.fill(ctx, d, &prior.item)
}

// Body sends attributes even when null, so an update clears them.
func (m *model) Body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	return map[string]any{"attributes": framework.StringMapBody(ctx, m.Attributes, &diags)}, diags
}

// capabilityMask sums the bits of capability names.
func capabilityMask(names []string) int64 {
	var mask int64
	for _, n := range names {
		mask |= capabilityBits[n]
	}
	return mask
}

// criteria is the search of the rentable inventory shared by the resource
// and carrierx_available_phone_numbers.
type criteria struct {
	CountryCode          types.String
	State                types.String
	Locality             types.String
	PhoneNumberPrefix    types.String
	RequiredCapabilities types.Set
	number               string // the exact number they describe, for messages
}

func (m *model) criteria() criteria {
	return criteria{
		CountryCode: m.CountryCode, State: m.State, Locality: m.Locality,
		PhoneNumberPrefix: m.PhoneNumberPrefix, RequiredCapabilities: m.RequiredCapabilities,
	}
}

func (s criteria) configured() bool {
	return framework.Known(s.CountryCode) || framework.Known(s.State) || framework.Known(s.Locality) ||
		framework.Known(s.PhoneNumberPrefix) || framework.Known(s.RequiredCapabilities)
}

func (s criteria) search(ctx context.Context) (client.AvailableDIDSearch, diag.Diagnostics) {
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
		out.Capabilities = capabilityMask(names)
	}
	return out, diags
}

// describe renders the configured criteria for error messages.
func (s criteria) describe(ctx context.Context) string {
	var parts []string
	if s.number != "" {
		parts = append(parts, "phonenumber = "+s.number)
	}
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

// numberFormat validates a phone number as people write it.
var numberFormat = framework.StringCheck{
	Desc: "must be a phone number in E.164 form, with or without +, spaces, dashes or parentheses",
	Check: func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		if _, err := client.NormalizeDIDNumber(req.ConfigValue.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid phone number",
				err.Error()+". Write the number with its country code, for example \"+15550100142\", \"15550100142\" or \"+1 555-010-0142\".")
		}
	}}

var (
	alpha3 = regexp.MustCompile(`^[A-Z]{3}$`)
	digits = regexp.MustCompile(`^[0-9]{1,15}$`)
)
