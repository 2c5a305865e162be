package phonenumber

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// The validators of the search criteria, shared with
// carrierx_available_phone_numbers.
var (
	countryCodeValidator = stringvalidator.RegexMatches(alpha3, "must be an ISO 3166-1 alpha-3 country code in upper case, such as USA or CAN")
	prefixValidator      = stringvalidator.RegexMatches(digits, "must be digits only, country code included (1516 for US area code 516)")
	capabilityValidators = []validator.Set{
		setvalidator.SizeAtLeast(1),
		setvalidator.ValueStringsAre(framework.Enum(capabilityNames...)),
	}
)

// criteriaPaths are the search criteria an exact phonenumber conflicts
// with: those read from no number. country_code, state and locality are
// read back, so an imported number's generated configuration has them
// beside phonenumber; there they describe the number (describesNumber).
var criteriaPaths = []path.Expression{path.MatchRoot("phonenumber_prefix"), path.MatchRoot("required_capabilities")}

func flag(name string) schema.BoolAttribute {
	return framework.StableBool(fmt.Sprintf("Whether `capabilities` has the `%s` bit (%d): what the number can do.", name, capabilityBits[name]))
}

// criterion is a search criterion that is also read back from the number.
func criterion(d string, v ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: d + " With `phonenumber` set, it only describes that number: it is checked before renting, " +
			"and a value that is not the number's fails the plan instead of replacing the number.",
		Optional:   true,
		Computed:   true,
		Validators: v,
		PlanModifiers: []planmodifier.String{
			keepEquivalent(strings.EqualFold),
			describesNumber,
			stringplanmodifier.UseStateForUnknown(),
			stringplanmodifier.RequiresReplace(),
		},
	}
}

var resourceSchema = schema.Schema{
	Version: 1, // transformations take any value (framework.Transformations)
	MarkdownDescription: "A phone number (DID) rented from CarrierX. **Destroying it releases the number by default: " +
		"the number goes into aging and can never be rented back.** Set `release_on_destroy = false` to keep it " +
		"rented when the resource is destroyed. Rent an exact `phonenumber`, or give search criteria " +
		"(`country_code`, `state`, `locality`, `phonenumber_prefix`, `required_capabilities`) and the first matching " +
		"available number is rented; with neither, CarrierX picks a number.",
	Attributes: map[string]schema.Attribute{
		"did_sid": framework.StableString("Secure ID of the rented number; an import ID (the number itself is the other)."),
		"phonenumber": schema.StringAttribute{
			MarkdownDescription: "The number to rent, with its country code: `+15550100142`, `15550100142` and spaced, dashed or " +
				"parenthesised forms (`+1 (555) 010-0142`) are accepted and are the same number, so the spelling never shows as a change " +
				"(CarrierX stores digits without `+`; state keeps your spelling). Left out, it is the number that was rented. " +
				"Conflicts with `phonenumber_prefix` and `required_capabilities`; `country_code`, `state` and `locality` may stay " +
				"beside it (an imported number's generated configuration has them): they must then be the number's own. Changing it " +
				"to another number replaces the resource (the old number is released unless `release_on_destroy` is false).",
			Optional:   true,
			Computed:   true,
			Validators: []validator.String{numberFormat, stringvalidator.ConflictsWith(criteriaPaths...)},
			PlanModifiers: []planmodifier.String{
				keepEquivalent(sameDigits),
				stringplanmodifier.UseStateForUnknown(),
				stringplanmodifier.RequiresReplace(),
			},
		},
		"country_code": criterion("Search criterion and result: ISO 3166-1 alpha-3 country of the number (`USA`). "+
			"Set, only numbers of this country are rented; left out, the country of the rented number. Changing it replaces the resource.",
			countryCodeValidator),
		"state": criterion("Search criterion and result: state or province of the number (`NY`), in any case. "+
			"Left out, the state of the rented number. Changing it replaces the resource.",
			stringvalidator.LengthAtLeast(1)),
		"locality": criterion("Search criterion and result: city of the number. CarrierX stores localities in upper case "+
			"(`NEW YORK`); any case matches and your spelling is kept. Left out, the locality of the rented number. "+
			"Changing it replaces the resource.",
			stringvalidator.LengthAtLeast(1)),
		"phonenumber_prefix": schema.StringAttribute{
			MarkdownDescription: "Search criterion (Terraform only, not read from CarrierX): digits the number starts with, country code " +
				"included, for example `1516` for US area code 516. Changing it replaces the resource unless the rented number already " +
				"starts with the new prefix. Not set by an import.",
			Optional:   true,
			Validators: []validator.String{prefixValidator, stringvalidator.ConflictsWith(path.MatchRoot("phonenumber"))},
			PlanModifiers: []planmodifier.String{
				stringplanmodifier.RequiresReplaceIf(prefixUnsatisfied,
					"Replaces the number unless it already starts with the new prefix.",
					"Replaces the number unless it already starts with the new prefix."),
			},
		},
		"required_capabilities": schema.SetAttribute{
			MarkdownDescription: "Search criterion (Terraform only, not read from CarrierX): capabilities the number must have, any of " +
				framework.QuoteList(capabilityNames) + ". Changing it replaces the resource unless the rented number already has " +
				"them. Not set by an import.",
			ElementType: types.StringType,
			Optional:    true,
			Validators:  capabilityValidators,
			PlanModifiers: []planmodifier.Set{
				setplanmodifier.RequiresReplaceIf(capabilitiesUnsatisfied,
					"Replaces the number unless it already has the new capabilities.",
					"Replaces the number unless it already has the new capabilities."),
			},
		},
		"release_on_destroy": framework.DefaultBool("Terraform only. `true` (the default): destroying the resource releases the "+
			"number; it goes into aging and **can never be rented back**, and every plan that would do so warns. `false`: "+
			"destroying keeps the number rented (and billed) in the account, detached (`trunk_group_sid` and `did_group_sid` "+
			"set to null, so those groups can be destroyed), and removes it from Terraform state. A destroy uses the value "+
			"in state: apply a change to `false` before the destroy. Imports set it to `true`.", true),
		"name": framework.KeptName("Friendly name. CarrierX sets `N/A` when it is left out."),
		"callback_url": framework.OptionalString("URL CarrierX posts SMS events of this number to; overrides the DID group's and the partner's. "+
			framework.CallbackURLRule, framework.HTTPURL{AllowEmpty: true}),
		"trunk_group_sid": framework.OptionalString("Trunk group inbound calls to the number are routed to. A number needs one before calls work.",
			framework.SID{Hint: "Use the trunk_group_sid of a carrierx_trunk_group."}),
		"did_group_sid": framework.OptionalString("DID group the number belongs to.",
			framework.SID{Hint: "Use the did_group_sid of a carrierx_did_group."}),
		"string_key_1":    framework.OptionalString("Free user-defined key."),
		"string_key_2":    framework.OptionalString("Second free user-defined key."),
		"attributes":      framework.EmptyStringMap("Free-form key/value attributes (unrelated to `name`)."),
		"transformations": framework.Transformations("phone-number"),
		"capabilities": framework.StableInt64("What the number can do, a bitmask set by CarrierX. " + bitsDoc +
			" Also shown as the booleans " + framework.QuoteList(capabilityNames) + "."),
		"active_capabilities": framework.StableInt64("Capabilities currently switched on, same bits as `capabilities` " +
			"(SMS/MMS bits appear after messaging enablement; `4` for a voice number until then). Also shown in " +
			"`active_capability_flags`."),
		"active_capability_flags": schema.SingleNestedAttribute{
			MarkdownDescription: "`active_capabilities` as booleans.",
			Computed:            true,
			PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
			Attributes: map[string]schema.Attribute{
				"sms_inbound":  schema.BoolAttribute{MarkdownDescription: "Bit 1: receiving SMS is on.", Computed: true},
				"sms_outbound": schema.BoolAttribute{MarkdownDescription: "Bit 2: sending SMS is on.", Computed: true},
				"voice":        schema.BoolAttribute{MarkdownDescription: "Bit 4: voice is on.", Computed: true},
				"mms_inbound":  schema.BoolAttribute{MarkdownDescription: "Bit 8: receiving MMS is on.", Computed: true},
				"mms_outbound": schema.BoolAttribute{MarkdownDescription: "Bit 16: sending MMS is on.", Computed: true},
			},
		},
		"voice":        flag("voice"),
		"sms_inbound":  flag("sms_inbound"),
		"sms_outbound": flag("sms_outbound"),
		"mms_inbound":  flag("mms_inbound"),
		"mms_outbound": flag("mms_outbound"),
		"status": framework.StableString("Lifecycle status: `assigned` while rented (`available` and `aging` are the other " +
			"known values)."),
		"lata":                 framework.StableString("US Local Access and Transport Area of the number."),
		"ocn":                  framework.StableString("Operating Company Number of the underlying carrier."),
		"in_country_format":    framework.StableString("The number in national format, such as `(555) 010-0142`."),
		"international_format": framework.StableString("The number in international format, such as `+1 555-010-0142`."),
		"price":                framework.StableString("Price of the number (a decimal string, presumably the monthly rent)."),
		"partner_sid":          framework.StableString("Partner that rents the number."),
		"classification_sid":   framework.StableString("DID classification; its aging policy governs the quarantine after release."),
		"campaign_sid":         framework.StableString("10DLC campaign tied to the number by messaging enablement."),
		"lrn_sid":              framework.StableString("Location Routing Number of the number."),
		"porting_pin":          framework.Secret("PIN used for porting the number, set by CarrierX."),
	},
}

// keepEquivalent plans the prior value when the configuration spells the
// same value differently (+15550100142 vs 15550100142, ny vs NY), so the
// spelling never shows as a change or a replacement.
func keepEquivalent(equal func(a, b string) bool) framework.StringPlan {
	return framework.StringPlan{Desc: "keeps the current value when the configuration spells the same value differently",
		Modify: func(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
			c, s := req.ConfigValue, req.StateValue
			if framework.Known(s) && framework.Known(c) && c.ValueString() != s.ValueString() && equal(c.ValueString(), s.ValueString()) {
				resp.PlanValue = s
			}
		}}
}

// describesNumber fails the plan when a criterion of a rented number
// configured with its phonenumber is not the number's own: the number
// cannot change country, state or locality, and replacing it would release
// it and rent the same number again, which aging forbids.
var describesNumber = framework.StringPlan{Desc: "with phonenumber set, the value must be the number's own",
	Modify: func(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
		if req.State.Raw.IsNull() || !framework.Known(req.ConfigValue) ||
			(framework.Known(req.StateValue) && strings.EqualFold(req.ConfigValue.ValueString(), req.StateValue.ValueString())) {
			return
		}
		var configured, rented types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("phonenumber"), &configured)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("phonenumber"), &rented)...)
		if !framework.Known(configured) || !sameDigits(configured.ValueString(), rented.ValueString()) {
			return // a search, or another number: replacing is what the configuration asks
		}
		has, fix := "no "+req.Path.String(), "remove the line"
		if !req.StateValue.IsNull() {
			has = fmt.Sprintf("%s %q", req.Path, req.StateValue.ValueString())
			fix = fmt.Sprintf("write %q, or remove the line", req.StateValue.ValueString())
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Search criterion does not match the configured phonenumber", fmt.Sprintf(
			"%s = %q, but the rented number %s has %s. With phonenumber set, %s only describes the number and "+
				"cannot change it: %s. To rent another number, change phonenumber.",
			req.Path, req.ConfigValue.ValueString(), configured.ValueString(), has, req.Path, fix))
	}}

// prefixUnsatisfied replaces the number when a new prefix is one it does
// not start with; dropping the criterion keeps it.
func prefixUnsatisfied(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	if req.PlanValue.IsNull() {
		return
	}
	if req.PlanValue.IsUnknown() {
		resp.RequiresReplace = true
		return
	}
	var number types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("phonenumber"), &number)...)
	d, err := client.NormalizeDIDNumber(number.ValueString())
	resp.RequiresReplace = err != nil || !strings.HasPrefix(d, req.PlanValue.ValueString())
}

// capabilitiesUnsatisfied replaces the number when it lacks a newly
// required capability.
func capabilitiesUnsatisfied(ctx context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
	if req.PlanValue.IsNull() {
		return
	}
	if req.PlanValue.IsUnknown() {
		resp.RequiresReplace = true
		return
	}
	var names []string
	resp.Diagnostics.Append(req.PlanValue.ElementsAs(ctx, &names, false)...)
	var caps types.Int64
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("capabilities"), &caps)...)
	mask := capabilityMask(names)
	resp.RequiresReplace = caps.ValueInt64()&mask != mask
}
