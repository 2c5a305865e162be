package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*partnerResource)(nil)
	_ resource.ResourceWithConfigure   = (*partnerResource)(nil)
	_ resource.ResourceWithImportState = (*partnerResource)(nil)
)

func init() {
	registerResource("carrierx_partner", NewPartnerResource, func() any { return &partnerResourceModel{} })
}

// NewPartnerResource is the carrierx_partner resource.
func NewPartnerResource() resource.Resource { return &partnerResource{} }

type partnerResource struct{ client *client.Client }

type partnerResourceModel struct {
	partnerData
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
}

// partnerSettingsNote is repeated on the four attributes that
// carrierx_account_settings can also manage.
const partnerSettingsNote = " Set, it is managed here: sent on creation, read back (drift shows) and cleared when removed " +
	"from the configuration. Left out, it is not managed (null in state, never sent), so `carrierx_account_settings` can " +
	"manage it instead; do not manage it in both."

func (r *partnerResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_partner"
}

func (r *partnerResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *partnerResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	optStr := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Optional: true}
	}
	// Optional and Computed: CarrierX may fill a value when it is left out.
	optCompStr := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Optional: true, Computed: true, PlanModifiers: keep}
	}
	money := func(d string, afterPaymentType bool) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: d + " An amount as a number or a string (`20`, `\"20.50\"`): CarrierX returns amounts as strings, " +
				"and `20`, `\"20\"` and `\"20.00\"` are the same amount, so writing it either way never shows a difference.",
			CustomType:    partnerMoneyType{},
			Optional:      true,
			Computed:      true,
			Validators:    []validator.String{partnerMoneyValidator{}},
			PlanModifiers: []planmodifier.String{partnerMoneyPlan{afterPaymentType: afterPaymentType}},
		}
	}
	email := func(d string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: d + " CarrierX hides an address (answers null) until its owner follows the verification link " +
				"sent on creation; while the partner's `status` is `unverified`, the configured address is kept in state, so no " +
				"difference shows. A change made outside Terraform shows once the address is verified.",
			Optional: true,
		}
	}
	comp := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CarrierX sub-partner: an account under the token's partner (or under one of its " +
			"sub-partners, with `parent_sid`). **CarrierX has no API call to delete a partner: `terraform destroy` only " +
			"removes it from the Terraform state, with a warning, and the account keeps existing in CarrierX.** " +
			"A new partner is `unverified` until the verification e-mails are followed, and until then CarrierX hides its " +
			"e-mail addresses and leaves it out of `GET /partners`.",
		Attributes: map[string]schema.Attribute{
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: "Partner secure ID; also the import ID.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"parent_sid": schema.StringAttribute{
				MarkdownDescription: "Parent partner: the token's partner (the default) or one of its sub-partners. Set on creation " +
					"only: changing it creates a new partner (the old one stays in CarrierX, see above).",
				Optional: true,
				Computed: true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
					stringplanmodifier.RequiresReplaceIfConfigured(),
				},
				Validators: []validator.String{framework.SID{What: "partner SID", Hint: "Leave parent_sid out to create the partner under the token's own partner."}},
			},
			"login": schema.StringAttribute{
				MarkdownDescription: "Login of the partner for the portal and for HTTP Basic authentication.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "Password of `login`. CarrierX never returns it: the value is kept in state as written, so a " +
					"change made outside Terraform cannot show. To keep it out of state, use `password_wo`.",
				Optional:  true,
				Sensitive: true,
				Validators: []validator.String{
					stringvalidator.ConflictsWith(path.MatchRoot("password_wo")),
					stringvalidator.LengthAtLeast(1),
				},
			},
			"password_wo": schema.StringAttribute{
				MarkdownDescription: "Write-only `password` (Terraform 1.11+): sent to CarrierX, never stored. Change " +
					"`password_wo_version` to send a new value.",
				Optional:   true,
				Sensitive:  true,
				WriteOnly:  true,
				Validators: []validator.String{stringvalidator.AlsoRequires(path.MatchRoot("password_wo_version"))},
			},
			"password_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any number; changing it sends `password_wo` again.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("password_wo"))},
			},
			"name":         framework.Validated(optCompStr("Contact person."), framework.NameRule, framework.NameValidator{}),
			"company_name": optCompStr("Company name."),
			"address1":     optStr("Street address, line 1."),
			"address2":     optStr("Street address, line 2."),
			"city":         optStr("City."),
			"state":        optStr("State or region."),
			"zip":          optStr("Postal code."),
			"country_code": schema.StringAttribute{
				MarkdownDescription: "ISO 3166-1 alpha-3 country code, such as `USA`.",
				Optional:            true, Computed: true, PlanModifiers: keep,
				Validators: []validator.String{stringvalidator.RegexMatches(partnerCountryPattern,
					"must be an ISO 3166-1 alpha-3 country code in capitals, such as \"USA\" or \"GBR\"")},
			},
			"phonenumber": optStr("Contact phone number, digits only, such as `15550001111`."),
			"owner_email": email("Primary e-mail address."),
			"billing_email": schema.StringAttribute{
				MarkdownDescription: "Billing e-mail address (several may be given, comma-separated); CarrierX falls back to " +
					"`owner_email` when it is empty, so it is also computed. Hidden by CarrierX until verified, like `owner_email`.",
				Optional: true, Computed: true, PlanModifiers: keep,
			},
			"tech_email": email("Technical contact e-mail address."),
			"payment_type": optCompStr("Billing mode. Known values: `prepay`, `postpay` (the list in CarrierX's documentation " +
				"may be incomplete, so other values are passed to CarrierX)."),
			"charge_at":            money("Prepay accounts: the balance at which the account is charged `prepay_amount`.", true),
			"prepay_amount":        money("Prepay accounts: the amount charged when the balance reaches `charge_at`. CarrierX answers null for postpay accounts; the configured value is then kept in state.", true),
			"spending_limit":       money("Overall spending limit.", false),
			"daily_spending_limit": money("Maximum spend per day.", false),
			"balance":              comp("Current balance, as CarrierX writes it (a decimal string)."),
			"daily_spent_amount":   comp("Amount spent today (a decimal string)."),
			"status":               comp("Account status: `unverified` until the verification e-mails are followed, then `active` (other values may exist)."),
			"display_id": schema.StringAttribute{
				MarkdownDescription: "Human-facing account ID, `CX` and 8 digits.",
				Computed:            true, PlanModifiers: keep,
			},
			"date_created": schema.StringAttribute{
				MarkdownDescription: "Creation time (ISO 8601 UTC).",
				Computed:            true, PlanModifiers: keep,
			},
			"available_scopes": schema.ListAttribute{
				MarkdownDescription: "Scopes the partner holds.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"attributes": schema.MapAttribute{
				MarkdownDescription: "Free-form key/value attributes of the partner (the whole map is replaced)." + partnerSettingsNote,
				ElementType:         types.StringType,
				Optional:            true,
			},
			"callbacks": schema.SingleNestedAttribute{
				MarkdownDescription: "Callback URLs of the partner, one per event; a key left out has no callback (CarrierX " +
					"replaces the whole object)." + partnerSettingsNote,
				Optional:   true,
				Attributes: partnerCallbacksResourceAttributes(),
			},
			"acls": schema.ListNestedAttribute{
				MarkdownDescription: "Access control lists of the partner itself, read only here: CarrierX's documentation says a " +
					"parent cannot set them for its sub-partner. The sub-partner sets them itself, for example with " +
					"`carrierx_account_settings` in a provider configured with a token of the sub-partner.",
				Computed:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: partnerACLComputedAttributes()},
			},
			"parent_assigned_acls": schema.ListNestedAttribute{
				MarkdownDescription: "Access control lists assigned to the partner by its parent (read only here).",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: partnerACLComputedAttributes()},
			},
			"transformations": schema.ListNestedAttribute{
				MarkdownDescription: "Account-level call transformations, in order; passed to CarrierX as written." + partnerSettingsNote,
				Optional:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: partnerTransformationResourceAttributes()},
			},
		},
	}
}

func partnerCallbacksResourceAttributes() map[string]schema.Attribute {
	out := map[string]schema.Attribute{}
	for _, k := range partnerCallbackKeys {
		out[k] = schema.StringAttribute{
			MarkdownDescription: partnerCallbackDocs[k] + " " + framework.CallbackURLRule,
			Optional:            true,
			Validators:          []validator.String{framework.HTTPURL{}},
		}
	}
	return out
}

func partnerACLResourceAttributes() map[string]schema.Attribute {
	action := func(d string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: d + " Values seen: " + framework.QuoteList(partnerACLActions) + " (not known to be complete, so not checked here); null for none.",
			Optional:            true,
		}
	}
	return map[string]schema.Attribute{
		"access_control_rules": schema.ListAttribute{
			MarkdownDescription: "SIDs of the access control rules (`carrierx_access_control_rule`) this list evaluates.",
			ElementType:         types.StringType,
			Required:            true,
		},
		"direction": schema.StringAttribute{
			MarkdownDescription: "Traffic the list applies to. Values seen: " + framework.QuoteList(partnerACLDirections) + ".",
			Required:            true,
		},
		"sms_action_true":    action("Action for messages when the rules match."),
		"sms_action_false":   action("Action for messages when the rules do not match."),
		"voice_action_true":  action("Action for calls when the rules match."),
		"voice_action_false": action("Action for calls when the rules do not match."),
	}
}

func partnerACLComputedAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"access_control_rules": schema.ListAttribute{MarkdownDescription: "Access control rule SIDs.", ElementType: types.StringType, Computed: true},
		"direction":            str("Traffic direction."),
		"sms_action_true":      str("Action for messages when the rules match."),
		"sms_action_false":     str("Action for messages when the rules do not match."),
		"voice_action_true":    str("Action for calls when the rules match."),
		"voice_action_false":   str("Action for calls when the rules do not match."),
	}
}

func partnerTransformationResourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"action":    schema.StringAttribute{MarkdownDescription: "Transformation verb.", Required: true},
		"direction": schema.StringAttribute{MarkdownDescription: "`inbound`, `outbound` or `any`.", Required: true},
		"operands": schema.ListAttribute{
			MarkdownDescription: "Arguments of the action.",
			ElementType:         types.StringType,
			Required:            true,
		},
	}
}

// body renders the writable attributes as API JSON values. An unknown
// value is left out (CarrierX's own), a null one is a nil entry so an
// update can clear it.
func (m *partnerResourceModel) body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{}
	str := func(k string, v types.String) {
		if !v.IsUnknown() {
			b[k] = framework.StringPtr(v)
		}
	}
	str("parent_sid", m.ParentSID)
	str("login", m.Login)
	str("password", m.Password)
	str("name", m.Name)
	str("company_name", m.CompanyName)
	str("address1", m.Address1)
	str("address2", m.Address2)
	str("city", m.City)
	str("state", m.State)
	str("zip", m.Zip)
	str("country_code", m.CountryCode)
	str("phonenumber", m.PhoneNumber)
	str("owner_email", m.OwnerEmail)
	str("billing_email", m.BillingEmail)
	str("tech_email", m.TechEmail)
	str("payment_type", m.PaymentType)
	str("charge_at", m.ChargeAt.StringValue)
	str("prepay_amount", m.PrepayAmount.StringValue)
	str("spending_limit", m.SpendingLimit.StringValue)
	str("daily_spending_limit", m.DailySpendingLimit.StringValue)
	if framework.Known(m.Attributes) {
		b["attributes"] = partnerAttributesBody(ctx, m.Attributes, &diags)
	}
	if framework.Known(m.Callbacks) {
		b["callbacks"] = partnerCallbacksBody(m.Callbacks)
	}
	if framework.Known(m.Transformations) {
		b["transformations"] = framework.TransformationsBody(ctx, m.Transformations, &diags)
	}
	return b, diags
}

func (r *partnerResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan partnerResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	var wo types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &wo)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if framework.Known(wo) {
		body["password"] = wo.ValueString()
	}
	p, err := r.client.CreatePartner(ctx, framework.DropNil(body))
	if !framework.CreateResult(&resp.Diagnostics, "Unable to create carrierx_partner", "carrierx_partner", p, err, nil) {
		return
	}
	r.setState(ctx, p, &plan, false, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *partnerResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state partnerResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	imported, diags := req.Private.GetKey(ctx, accountSettingsImported)
	resp.Diagnostics.Append(diags...)
	p, err := r.client.GetPartner(ctx, state.PartnerSID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to read carrierx_partner "+state.PartnerSID.ValueString(), err)
		return
	}
	r.setState(ctx, p, &state, len(imported) > 0, &resp.Diagnostics)
	if len(imported) > 0 {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, accountSettingsImported, nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *partnerResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state partnerResourceModel
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
	delete(patch, "parent_sid") // create-only; a configured change replaces
	// The same amount written another way ("25" became "25.00") is a change
	// for Terraform, but nothing to send.
	for k, pair := range map[string][2]partnerMoneyValue{
		"charge_at":            {plan.ChargeAt, state.ChargeAt},
		"prepay_amount":        {plan.PrepayAmount, state.PrepayAmount},
		"spending_limit":       {plan.SpendingLimit, state.SpendingLimit},
		"daily_spending_limit": {plan.DailySpendingLimit, state.DailySpendingLimit},
	} {
		if partnerMoneyEqual(pair[0].StringValue, pair[1].StringValue) {
			delete(patch, k)
		}
	}
	if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) {
		var wo types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &wo)...)
		if framework.Known(wo) {
			patch["password"] = wo.ValueString()
		}
	} else if framework.Known(plan.PasswordWOVersion) {
		delete(patch, "password") // managed write-only; null in state by design
	}
	for _, k := range partnerSettingKeys {
		if _, managed := stateBody[k]; managed {
			if _, still := planBody[k]; !still {
				patch[k] = accountSettingsEmpty(k) // no longer managed: cleared
			}
		}
	}
	if v, ok := patch["password"]; ok && v == nil {
		// CarrierX cannot unset a password: dropping it from the
		// configuration only stops Terraform from managing it.
		delete(patch, "password")
	}
	if resp.Diagnostics.HasError() {
		return
	}
	var p *client.Partner
	var err error
	if len(patch) > 0 {
		p, err = r.client.UpdatePartner(ctx, state.PartnerSID.ValueString(), patch)
	} else {
		p, err = r.client.GetPartner(ctx, state.PartnerSID.ValueString())
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to update carrierx_partner "+state.PartnerSID.ValueString(), err)
		return
	}
	r.setState(ctx, p, &plan, false, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete cannot delete: the reference has no DELETE for partners. It only
// lets Terraform forget the partner, and says so.
func (r *partnerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state partnerResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.AddWarning("carrierx_partner removed from state only",
		fmt.Sprintf("Partner %s (login %q) still exists in CarrierX: the CarrierX API has no call to delete a partner, "+
			"so Terraform only stopped managing it. To close the account, contact CarrierX support or use the CarrierX portal; "+
			"to manage it again, import it with its partner_sid.", state.PartnerSID.ValueString(), state.Login.ValueString()))
}

func (r *partnerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !framework.IsSID(req.ID) {
		resp.Diagnostics.AddError("Invalid carrierx_partner import ID",
			fmt.Sprintf("%q is not a partner SID; import with the partner_sid, a UUID such as 3c3c3c3c-0000-4111-8222-333333333333.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("partner_sid"), req.ID)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, accountSettingsImported, []byte(`true`))...)
}

// partnerSettingKeys are the settings carrierx_partner manages only when
// they are configured.
var partnerSettingKeys = []string{"attributes", "callbacks", "transformations"}

// setState fills m from the API answer. The password is never returned:
// the configured one stays, a write-only one never lands in state. A
// setting that is not managed (null before) stays null; after an import,
// every setting that is not empty becomes managed.
func (r *partnerResource) setState(ctx context.Context, p *client.Partner, m *partnerResourceModel, imported bool, diags *diag.Diagnostics) {
	prior := m.partnerData
	diags.Append(m.fill(ctx, p, &prior)...)
	if prior.Attributes.IsNull() && (!imported || len(p.Attributes) == 0) {
		m.Attributes = types.MapNull(types.StringType)
	}
	if prior.Callbacks.IsNull() && (!imported || len(partnerCallbacksBody(m.Callbacks)) == 0) {
		m.Callbacks = types.ObjectNull(partnerCallbacksAttrTypes)
	}
	if prior.Transformations.IsNull() && (!imported || len(p.Transformations) == 0) {
		m.Transformations = types.ListNull(framework.TransformationType)
	}
	if framework.Known(m.PasswordWOVersion) {
		m.Password = types.StringNull()
	}
	m.PasswordWO = types.StringNull()
}
