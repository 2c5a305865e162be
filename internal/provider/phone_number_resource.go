package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*phoneNumberResource)(nil)
	_ resource.ResourceWithConfigure   = (*phoneNumberResource)(nil)
	_ resource.ResourceWithImportState = (*phoneNumberResource)(nil)
)

func init() {
	registerResource("carrierx_phone_number", NewPhoneNumberResource, func() any { return &phoneNumberResourceModel{} })
}

// NewPhoneNumberResource is the carrierx_phone_number resource.
func NewPhoneNumberResource() resource.Resource { return &phoneNumberResource{} }

type phoneNumberResource struct {
	client *client.Client
}

type phoneNumberResourceModel struct {
	phoneNumberData
	PhoneNumberPrefix    types.String `tfsdk:"phonenumber_prefix"`
	RequiredCapabilities types.Set    `tfsdk:"required_capabilities"`
	ReleaseOnDestroy     types.Bool   `tfsdk:"release_on_destroy"`
}

func (m *phoneNumberResourceModel) criteria() phoneNumberSearchModel {
	return phoneNumberSearchModel{
		CountryCode: m.CountryCode, State: m.State, Locality: m.Locality,
		PhoneNumberPrefix: m.PhoneNumberPrefix, RequiredCapabilities: m.RequiredCapabilities,
	}
}

func (r *phoneNumberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_phone_number"
}

func (r *phoneNumberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

// phoneNumberCriteriaPaths are the search criteria an exact phonenumber
// conflicts with.
var phoneNumberCriteriaPaths = []path.Expression{
	path.MatchRoot("country_code"), path.MatchRoot("state"), path.MatchRoot("locality"),
	path.MatchRoot("phonenumber_prefix"), path.MatchRoot("required_capabilities"),
}

func (r *phoneNumberResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func(d string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: d, Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		}
	}
	flag := func(name string) schema.BoolAttribute {
		return schema.BoolAttribute{
			MarkdownDescription: fmt.Sprintf("Whether `capabilities` has the `%s` bit (%d): what the number can do.", name, phoneNumberCapabilityBits[name]),
			Computed:            true,
			PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
		}
	}
	criterion := func(d string, equal func(a, b string) bool, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: d,
			Optional:            true,
			Computed:            true,
			Validators:          v,
			PlanModifiers: []planmodifier.String{
				phoneNumberKeepEquivalent{equal: equal},
				stringplanmodifier.UseStateForUnknown(),
				stringplanmodifier.RequiresReplace(),
			},
		}
	}
	sidValidator := framework.SID{}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A phone number (DID) rented from CarrierX. **Destroying it releases the number by default: " +
			"the number goes into aging and can never be rented back.** Set `release_on_destroy = false` to keep it " +
			"rented when the resource is destroyed. Rent an exact `phonenumber`, or give search criteria " +
			"(`country_code`, `state`, `locality`, `phonenumber_prefix`, `required_capabilities`) and the first matching " +
			"available number is rented; with neither, CarrierX picks a number.",
		Attributes: map[string]schema.Attribute{
			"did_sid": schema.StringAttribute{
				MarkdownDescription: "Secure ID of the rented number; an import ID (the number itself is the other).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"phonenumber": schema.StringAttribute{
				MarkdownDescription: "The number to rent, with its country code: `+15550100142`, `15550100142` and spaced, dashed or " +
					"parenthesised forms (`+1 (555) 010-0142`) are accepted and are the same number, so the spelling never shows as a change " +
					"(CarrierX stores digits without `+`; state keeps your spelling). Left out, it is the number that was rented. " +
					"Conflicts with the search criteria. Changing it to another number replaces the resource (the old number is released " +
					"unless `release_on_destroy` is false).",
				Optional: true,
				Computed: true,
				Validators: []validator.String{
					phoneNumberFormat{},
					stringvalidator.ConflictsWith(phoneNumberCriteriaPaths...),
				},
				PlanModifiers: []planmodifier.String{
					phoneNumberKeepEquivalent{equal: phoneNumberSameDigits},
					stringplanmodifier.UseStateForUnknown(),
					stringplanmodifier.RequiresReplace(),
				},
			},
			"country_code": criterion("Search criterion and result: ISO 3166-1 alpha-3 country of the number (`USA`). "+
				"Set, only numbers of this country are rented; left out, the country of the rented number. Changing it replaces the resource.",
				strings.EqualFold,
				stringvalidator.RegexMatches(phoneNumberAlpha3, "must be an ISO 3166-1 alpha-3 country code in upper case, such as USA or CAN")),
			"state": criterion("Search criterion and result: state or province of the number (`NY`), in any case. "+
				"Left out, the state of the rented number. Changing it replaces the resource.",
				strings.EqualFold, stringvalidator.LengthAtLeast(1)),
			"locality": criterion("Search criterion and result: city of the number. CarrierX stores localities in upper case "+
				"(`NEW YORK`); any case matches and your spelling is kept. Left out, the locality of the rented number. "+
				"Changing it replaces the resource.",
				strings.EqualFold, stringvalidator.LengthAtLeast(1)),
			"phonenumber_prefix": schema.StringAttribute{
				MarkdownDescription: "Search criterion (Terraform only, not read from CarrierX): digits the number starts with, country code " +
					"included, for example `1516` for US area code 516. Changing it replaces the resource unless the rented number already " +
					"starts with the new prefix. Not set by an import.",
				Optional: true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(phoneNumberDigits, "must be digits only, country code included (1516 for US area code 516)"),
					stringvalidator.ConflictsWith(path.MatchRoot("phonenumber")),
				},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplaceIf(phoneNumberPrefixUnsatisfied,
						"Replaces the number unless it already starts with the new prefix.",
						"Replaces the number unless it already starts with the new prefix."),
				},
			},
			"required_capabilities": schema.SetAttribute{
				MarkdownDescription: "Search criterion (Terraform only, not read from CarrierX): capabilities the number must have, any of " +
					framework.QuoteList(phoneNumberCapabilityNames) + ". Changing it replaces the resource unless the rented number already has " +
					"them. Not set by an import.",
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.OneOf(phoneNumberCapabilityNames...)),
				},
				PlanModifiers: []planmodifier.Set{
					setplanmodifier.RequiresReplaceIf(phoneNumberCapabilitiesUnsatisfied,
						"Replaces the number unless it already has the new capabilities.",
						"Replaces the number unless it already has the new capabilities."),
				},
			},
			"release_on_destroy": schema.BoolAttribute{
				MarkdownDescription: "Terraform only. `true` (the default): destroying the resource releases the number; it goes into " +
					"aging and **can never be rented back**. `false`: destroying only removes it from Terraform state and the number stays " +
					"rented (and billed) in the account. Imports set it to `true`.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Friendly name. CarrierX sets `N/A` when it is left out. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:          []validator.String{framework.NameValidator{}},
			},
			"callback_url": schema.StringAttribute{
				MarkdownDescription: "URL CarrierX posts SMS events of this number to; overrides the DID group's and the partner's. " + framework.CallbackURLRule,
				Optional:            true,
				Validators:          []validator.String{framework.HTTPURL{AllowEmpty: true}},
			},
			"trunk_group_sid": schema.StringAttribute{
				MarkdownDescription: "Trunk group inbound calls to the number are routed to. A number needs one before calls work.",
				Optional:            true,
				Validators:          []validator.String{sidValidator},
			},
			"did_group_sid": schema.StringAttribute{
				MarkdownDescription: "DID group the number belongs to.",
				Optional:            true,
				Validators:          []validator.String{sidValidator},
			},
			"string_key_1": schema.StringAttribute{MarkdownDescription: "Free user-defined key.", Optional: true},
			"string_key_2": schema.StringAttribute{MarkdownDescription: "Second free user-defined key.", Optional: true},
			"attributes": schema.MapAttribute{
				MarkdownDescription: "Free-form key/value attributes (unrelated to `name`).",
				ElementType:         types.StringType,
				Optional:            true,
				Computed:            true,
				Default:             mapdefault.StaticValue(types.MapValueMust(types.StringType, map[string]attr.Value{})),
			},
			"transformations": schema.ListNestedAttribute{
				MarkdownDescription: "Call-data rewrite rules applied at phone-number level, in order. Passed to CarrierX as written.",
				Optional:            true,
				Computed:            true,
				Default:             listdefault.StaticValue(types.ListValueMust(framework.TransformationType, []attr.Value{})),
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"action":    schema.StringAttribute{MarkdownDescription: "Transformation verb.", Required: true},
						"direction": schema.StringAttribute{MarkdownDescription: "`inbound`, `outbound` or `any`.", Required: true},
						"operands": schema.ListAttribute{
							MarkdownDescription: "Arguments of the action.",
							ElementType:         types.StringType,
							Required:            true,
						},
					},
				},
			},
			"capabilities": schema.Int64Attribute{
				MarkdownDescription: "What the number can do, a bitmask set by CarrierX. " + phoneNumberBitsDoc +
					" Also shown as the booleans " + framework.QuoteList(phoneNumberCapabilityNames) + ".",
				Computed:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"active_capabilities": schema.Int64Attribute{
				MarkdownDescription: "Capabilities currently switched on, same bits as `capabilities` (SMS/MMS bits appear after " +
					"messaging enablement; `4` for a voice number until then). Also shown in `active_capability_flags`.",
				Computed:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
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
			"status":       computed("Lifecycle status: `assigned` while rented (`available` and `aging` are the other known values)."),
			"lata": schema.StringAttribute{
				MarkdownDescription: "US Local Access and Transport Area of the number.", Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"ocn":                  computed("Operating Company Number of the underlying carrier."),
			"in_country_format":    computed("The number in national format, such as `(555) 010-0142`."),
			"international_format": computed("The number in international format, such as `+1 555-010-0142`."),
			"price":                computed("Price of the number (a decimal string, presumably the monthly rent)."),
			"partner_sid":          computed("Partner that rents the number."),
			"classification_sid":   computed("DID classification; its aging policy governs the quarantine after release."),
			"campaign_sid":         computed("10DLC campaign tied to the number by messaging enablement."),
			"lrn_sid":              computed("Location Routing Number of the number."),
			"porting_pin": schema.StringAttribute{
				MarkdownDescription: "PIN used for porting the number, set by CarrierX.",
				Computed:            true,
				Sensitive:           true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

// phoneNumberClaims are the numbers this provider process has rented or is
// renting, per API base URL, so that resources created in parallel from the
// same criteria (for_each, count) do not all try the first match: a search
// made while another create was renting may still list that number. A
// provider process lives for one Terraform operation, so the set stays small.
var phoneNumberClaims = struct {
	sync.Mutex
	m map[string]bool
}{m: map[string]bool{}}

func phoneNumberClaim(key string) bool {
	phoneNumberClaims.Lock()
	defer phoneNumberClaims.Unlock()
	if phoneNumberClaims.m[key] {
		return false
	}
	phoneNumberClaims.m[key] = true
	return true
}

func phoneNumberUnclaim(key string) {
	phoneNumberClaims.Lock()
	defer phoneNumberClaims.Unlock()
	delete(phoneNumberClaims.m, key)
}

func phoneNumberClaimCount() int {
	phoneNumberClaims.Lock()
	defer phoneNumberClaims.Unlock()
	return len(phoneNumberClaims.m)
}

// phoneNumberCandidates is how many matches beyond those claimed in this
// process a search asks for (at most 1,000, one page), and
// phoneNumberRentAttempts how many of them are tried when renting fails
// because another buyer was faster.
const (
	phoneNumberCandidates   = 20
	phoneNumberRentAttempts = 5
)

// phoneNumberTaken reports whether a rent failed because that number is no
// longer available (so the next candidate may succeed), as opposed to a
// problem with the request itself.
func phoneNumberTaken(err error) bool {
	var apiErr *client.Error
	if !errors.As(err, &apiErr) {
		return false
	}
	switch apiErr.StatusCode {
	case http.StatusConflict, http.StatusNotFound:
		return true
	case http.StatusBadRequest, http.StatusUnprocessableEntity:
		for _, d := range apiErr.Errors {
			if d.Field != "" && d.Field != "phonenumber" {
				return false
			}
		}
		return true
	}
	return false
}

func (r *phoneNumberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan phoneNumberResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	body = framework.DropNil(body)
	var did *client.DID
	var err error
	crit := plan.criteria()
	switch {
	case framework.Known(plan.PhoneNumber):
		digits, _ := client.NormalizeDIDNumber(plan.PhoneNumber.ValueString())
		body["phonenumber"] = digits
		did, err = r.client.RentDID(ctx, body, client.RentDIDOptions{})
	case crit.configured():
		did, err = r.rentMatching(ctx, crit, body, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	default:
		did, err = r.client.RentDID(ctx, body, client.RentDIDOptions{})
	}
	if !framework.CreateResult(&resp.Diagnostics, "Unable to rent carrierx_phone_number", "carrierx_phone_number", did, err, nil) {
		return
	}
	prior := plan.phoneNumberData
	resp.Diagnostics.Append(plan.fill(ctx, did, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// rentMatching searches the inventory and rents the first match that is
// still available.
func (r *phoneNumberResource) rentMatching(ctx context.Context, crit phoneNumberSearchModel, body map[string]any, diags *diag.Diagnostics) (*client.DID, error) {
	search, d := crit.search(ctx)
	diags.Append(d...)
	if diags.HasError() {
		return nil, nil
	}
	limit := phoneNumberClaimCount() + phoneNumberCandidates
	if limit > 1000 {
		limit = 1000
	}
	cands, err := r.client.ListAvailableDIDs(ctx, search, limit)
	if err != nil {
		framework.AddAPIError(diags, "Unable to search available phone numbers", err)
		return nil, nil
	}
	var lastErr error
	tried := 0
	for _, c := range cands {
		key := r.client.BaseURL() + " " + c.PhoneNumber
		if !phoneNumberClaim(key) {
			continue
		}
		tried++
		rent := map[string]any{"phonenumber": c.PhoneNumber}
		for k, v := range body {
			rent[k] = v
		}
		// The search just listed it as available, so a lost answer can be resolved.
		did, err := r.client.RentDID(ctx, rent, client.RentDIDOptions{Available: true})
		if _, found := client.AdoptedAfterLostAnswer(err); err == nil || found {
			// The claim stays: searches made before this rent may still list the number.
			return did, err
		}
		lastErr = err
		if !phoneNumberTaken(err) {
			phoneNumberUnclaim(key)
			return nil, err
		}
		if tried >= phoneNumberRentAttempts {
			return nil, err
		}
		tflog.Debug(ctx, "phone number taken meanwhile, trying the next match", map[string]any{"phonenumber": c.PhoneNumber, "error": err.Error()})
	}
	if lastErr != nil {
		return nil, lastErr
	}
	diags.AddError("No available phone number matches",
		fmt.Sprintf("CarrierX has no available number with %s. Widen the criteria, or list what is available with the "+
			"carrierx_available_phone_numbers data source.", crit.describe(ctx)))
	return nil, nil
}

func (r *phoneNumberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state phoneNumberResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	did, err := r.client.GetDID(ctx, state.DIDSID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to read carrierx_phone_number "+state.DIDSID.ValueString(), err)
		return
	}
	if did.Status == client.DIDStatusAging || did.Status == client.DIDStatusAvailable {
		// Released: no longer this account's number.
		resp.State.RemoveResource(ctx)
		return
	}
	if state.ReleaseOnDestroy.IsNull() {
		state.ReleaseOnDestroy = types.BoolValue(true)
	}
	prior := state.phoneNumberData
	resp.Diagnostics.Append(state.fill(ctx, did, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *phoneNumberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state phoneNumberResourceModel
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
	sid := state.DIDSID.ValueString()
	patch := framework.Changed(planBody, stateBody)
	var did *client.DID
	var err error
	if len(patch) > 0 {
		did, err = r.client.UpdateDID(ctx, sid, patch)
	} else {
		// Only Terraform-side settings changed (release_on_destroy, a criterion the number already meets).
		did, err = r.client.GetDID(ctx, sid)
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to update carrierx_phone_number "+sid, err)
		return
	}
	prior := plan.phoneNumberData
	resp.Diagnostics.Append(plan.fill(ctx, did, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *phoneNumberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state phoneNumberResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sid := state.DIDSID.ValueString()
	if !state.ReleaseOnDestroy.IsNull() && !state.ReleaseOnDestroy.ValueBool() {
		tflog.Info(ctx, "release_on_destroy is false: the phone number stays rented, only Terraform state forgets it",
			map[string]any{"did_sid": sid, "phonenumber": state.PhoneNumber.ValueString()})
		return
	}
	err := r.client.ReleaseDID(ctx, sid)
	if err != nil && !client.IsNotFound(err) {
		framework.AddAPIError(&resp.Diagnostics, "Unable to release carrierx_phone_number "+sid, err)
	}
}

// ImportState accepts the did_sid or the number itself (+15550100142,
// 15550100142 or a spaced form), resolved with one filtered list request.
func (r *phoneNumberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	sid := id
	if !framework.IsSID(id) {
		digits, err := client.NormalizeDIDNumber(id)
		if err != nil {
			resp.Diagnostics.AddError("Invalid carrierx_phone_number import ID",
				fmt.Sprintf("%q is neither a did_sid (a UUID such as 3c3c3c3c-0000-4111-8222-333333333333) nor a phone number such as +15550100142 or 15550100142.", req.ID))
			return
		}
		did, err := r.client.FindRentedDID(ctx, digits)
		if err != nil {
			framework.AddAPIError(&resp.Diagnostics, "Unable to look up phone number "+digits, err)
			return
		}
		if did == nil {
			resp.Diagnostics.AddError("Phone number not rented by this account",
				fmt.Sprintf("+%s is not rented by this account (the token's partner), so it cannot be imported. "+
					"Rent it with a carrierx_phone_number resource instead, or check the number and the token.", digits))
			return
		}
		sid = did.DIDSID
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("did_sid"), sid)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("release_on_destroy"), true)...)
}

// phoneNumberKeepEquivalent plans the prior value when the configuration
// spells the same value differently (+15550100142 vs 15550100142, ny vs
// NY), so the spelling never shows as a change or a replacement.
type phoneNumberKeepEquivalent struct {
	equal func(a, b string) bool
}

func (phoneNumberKeepEquivalent) Description(context.Context) string {
	return "keeps the current value when the configuration spells the same value differently"
}

func (m phoneNumberKeepEquivalent) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m phoneNumberKeepEquivalent) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !framework.Known(req.StateValue) || !framework.Known(req.ConfigValue) {
		return
	}
	if req.ConfigValue.ValueString() != req.StateValue.ValueString() && m.equal(req.ConfigValue.ValueString(), req.StateValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}

func phoneNumberPrefixUnsatisfied(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	if req.PlanValue.IsNull() {
		return // dropping a criterion keeps the number
	}
	if req.PlanValue.IsUnknown() {
		resp.RequiresReplace = true
		return
	}
	var number types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("phonenumber"), &number)...)
	digits, err := client.NormalizeDIDNumber(number.ValueString())
	resp.RequiresReplace = err != nil || !strings.HasPrefix(digits, req.PlanValue.ValueString())
}

func phoneNumberCapabilitiesUnsatisfied(ctx context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
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
	mask := phoneNumberCapabilityMask(names)
	resp.RequiresReplace = caps.ValueInt64()&mask != mask
}
