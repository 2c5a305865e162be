// Package partner is carrierx_partner and its data sources: a sub-partner
// account under the token's partner (CarrierX docs, Core API, Partners).
// The account-wide settings it shares with carrierx_account_settings are
// in settings.go.
package partner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// model is every attribute of a partner; the password attributes are the
// resource's only (the data sources omit them).
type model struct {
	PartnerSID         types.String  `tfsdk:"partner_sid"`
	ParentSID          types.String  `tfsdk:"parent_sid"`
	DisplayID          types.String  `tfsdk:"display_id"`
	Login              types.String  `tfsdk:"login"`
	Password           types.String  `tfsdk:"password"`
	PasswordWO         types.String  `tfsdk:"password_wo"`
	PasswordWOVersion  types.Int64   `tfsdk:"password_wo_version"`
	Name               types.String  `tfsdk:"name"`
	CompanyName        types.String  `tfsdk:"company_name"`
	Address1           types.String  `tfsdk:"address1"`
	Address2           types.String  `tfsdk:"address2"`
	City               types.String  `tfsdk:"city"`
	State              types.String  `tfsdk:"state"`
	Zip                types.String  `tfsdk:"zip"`
	CountryCode        types.String  `tfsdk:"country_code"`
	PhoneNumber        types.String  `tfsdk:"phonenumber"`
	OwnerEmail         types.String  `tfsdk:"owner_email"`
	BillingEmail       types.String  `tfsdk:"billing_email"`
	TechEmail          types.String  `tfsdk:"tech_email"`
	PaymentType        types.String  `tfsdk:"payment_type"`
	ChargeAt           moneyValue    `tfsdk:"charge_at"`
	PrepayAmount       moneyValue    `tfsdk:"prepay_amount"`
	SpendingLimit      moneyValue    `tfsdk:"spending_limit"`
	DailySpendingLimit moneyValue    `tfsdk:"daily_spending_limit"`
	Balance            types.String  `tfsdk:"balance"`
	DailySpentAmount   types.String  `tfsdk:"daily_spent_amount"`
	Status             types.String  `tfsdk:"status"`
	DateCreated        types.String  `tfsdk:"date_created"`
	AvailableScopes    types.List    `tfsdk:"available_scopes"`
	Attributes         types.Map     `tfsdk:"attributes"`
	Callbacks          types.Object  `tfsdk:"callbacks"`
	ACLs               types.List    `tfsdk:"acls"`
	ParentAssignedACLs types.List    `tfsdk:"parent_assigned_acls"`
	Transformations    types.Dynamic `tfsdk:"transformations"`
}

// settings are the settings the resource manages only when configured
// (its ACLs are read only).
func (m *model) settings() Settings {
	return Settings{Attributes: &m.Attributes, Callbacks: &m.Callbacks, Transformations: &m.Transformations}
}

// Fill fills what is not converted by name. prior supplies what the API
// hides or rewrites: e-mails are null until verified, prepay_amount is
// null on postpay accounts (charge_at too), "" may come back as null, and money keeps its
// written form through moneyValue's semantic equality. A setting the
// resource does not manage stays null; a data source (whose prior is the
// zero model, with a null SID, which a resource's never is) gets them all.
// The password is never returned: the configured one stays, a write-only
// one never lands in state.
func (m *model) Fill(ctx context.Context, p *client.Partner, prior *model) diag.Diagnostics {
	var diags diag.Diagnostics
	unverified := p.Status == "unverified"
	m.Password = prior.Password // never returned
	m.ParentSID = nullIfEmpty(p.ParentSID, prior.ParentSID)
	m.DisplayID = nullIfEmpty(p.DisplayID, prior.DisplayID)
	m.Login = nullIfEmpty(p.Login, prior.Login)
	m.Name = nullIfEmpty(p.Name, prior.Name)
	m.CompanyName = nullIfEmpty(p.CompanyName, prior.CompanyName)
	m.CountryCode = nullIfEmpty(p.CountryCode, prior.CountryCode)
	m.OwnerEmail = email(p.OwnerEmail, unverified, prior.OwnerEmail)
	m.BillingEmail = email(p.BillingEmail, unverified, prior.BillingEmail)
	m.TechEmail = email(p.TechEmail, unverified, prior.TechEmail)
	m.PaymentType = nullIfEmpty(p.PaymentType, prior.PaymentType)
	m.ChargeAt = postpayNull(p, p.ChargeAt, prior.ChargeAt)
	m.PrepayAmount = postpayNull(p, p.PrepayAmount, prior.PrepayAmount)
	m.SpendingLimit = money(p.SpendingLimit)
	m.DailySpendingLimit = money(p.DailySpendingLimit)
	m.DateCreated = nullIfEmpty(p.DateCreated, prior.DateCreated)
	m.ACLs = ACLsValue(ctx, p.ACLs, &diags)
	m.ParentAssignedACLs = ACLsValue(ctx, p.ParentAssignedACLs, &diags)
	if prior.PartnerSID.IsNull() {
		m.Attributes = AttributesValue(ctx, p.Attributes, &diags)
		m.Callbacks = CallbacksValue(p.Callbacks)
		m.Transformations = framework.TransformationsValue(p.Transformations, prior.Transformations, &diags)
	} else {
		m.settings().Fill(ctx, p, prior.settings(), false, &diags)
	}
	if framework.Known(m.PasswordWOVersion) {
		m.Password = types.StringNull()
	}
	m.PasswordWO = types.StringNull()
	return diags
}

// email keeps the configured address while CarrierX hides it (null)
// because the partner has not verified it yet.
func email(api *string, unverified bool, prior types.String) types.String {
	if api == nil && unverified && framework.Known(prior) {
		return prior
	}
	return framework.KeepEmpty(api, prior)
}

// postpayNull keeps the configured amount that CarrierX answers null on a
// postpay account: its documented create sends charge_at 20 and gets null
// back (CarrierX docs, Core API, Partners, Create Partner); prepay_amount
// likewise.
func postpayNull(p *client.Partner, api *client.FlexString, prior moneyValue) moneyValue {
	if api == nil && p.PaymentType == "postpay" && framework.Known(prior.StringValue) {
		return prior
	}
	return money(api)
}

func money(f *client.FlexString) moneyValue {
	if f == nil || *f == "" {
		return moneyNull()
	}
	return moneyValue{StringValue: types.StringValue(string(*f))}
}

// Body renders the writable attributes as API JSON values. An unknown
// value is left out (CarrierX's own), a null one is a nil entry so an
// update can clear it.
func (m *model) Body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{}
	for k, v := range map[string]types.String{
		"parent_sid": m.ParentSID, "login": m.Login, "password": m.Password, "name": m.Name,
		"company_name": m.CompanyName, "address1": m.Address1, "address2": m.Address2, "city": m.City,
		"state": m.State, "zip": m.Zip, "country_code": m.CountryCode, "phonenumber": m.PhoneNumber,
		"owner_email": m.OwnerEmail, "billing_email": m.BillingEmail, "tech_email": m.TechEmail,
		"payment_type": m.PaymentType, "charge_at": m.ChargeAt.StringValue, "prepay_amount": m.PrepayAmount.StringValue,
		"spending_limit": m.SpendingLimit.StringValue, "daily_spending_limit": m.DailySpendingLimit.StringValue,
	} {
		if !v.IsUnknown() {
			b[k] = framework.StringPtr(v)
		}
	}
	if framework.Known(m.PasswordWO) { // only a plan holds it, from the configuration
		b["password"] = m.PasswordWO.ValueString()
	}
	m.settings().Body(ctx, b, &diags)
	return b, diags
}

// patch drops from an update what is not to be sent, and clears the
// settings no longer managed.
func patch(ctx context.Context, plan, state *model, p map[string]any) {
	delete(p, "parent_sid") // create-only; a configured change replaces
	// The same amount written another way ("25" became "25.00") is a change
	// for Terraform, but nothing to send.
	for k, pair := range map[string][2]moneyValue{
		"charge_at":            {plan.ChargeAt, state.ChargeAt},
		"prepay_amount":        {plan.PrepayAmount, state.PrepayAmount},
		"spending_limit":       {plan.SpendingLimit, state.SpendingLimit},
		"daily_spending_limit": {plan.DailySpendingLimit, state.DailySpendingLimit},
	} {
		if moneyEqual(pair[0].StringValue, pair[1].StringValue) {
			delete(p, k)
		}
	}
	if plan.PasswordWOVersion.Equal(state.PasswordWOVersion) && framework.Known(plan.PasswordWOVersion) {
		delete(p, "password") // managed write-only; null in state by design
	}
	planBody, _ := plan.Body(ctx)
	stateBody, _ := state.Body(ctx)
	ClearDropped(p, planBody, stateBody)
	if v, ok := p["password"]; ok && v == nil {
		// CarrierX cannot unset a password: dropping it from the
		// configuration only stops Terraform from managing it.
		delete(p, "password")
	}
}

// Object declares carrierx_partner. CarrierX has no DELETE for partners:
// destroying only lets Terraform forget the partner, and says so.
var Object = &framework.Object[client.Partner, model]{
	Type:       "carrierx_partner",
	SIDAttr:    "partner_sid",
	Schema:     resourceSchema(),
	Collection: framework.Of[model, client.Partner](client.PartnerKind),
	Fields: framework.Fields{KeepEmpty: []string{"address1", "address2", "city", "state", "zip", "phonenumber"},
		Read: []string{"available_scopes"}},
	Patch: patch,
	Delete: func(_ context.Context, _ *client.Client, state *model) error {
		return &framework.Warning{Summary: "carrierx_partner removed from state only", Detail: stays(state)}
	},
	// A login is unique in CarrierX, and a destroyed partner keeps its own.
	CreateError: func(plan *model, err error, diags *diag.Diagnostics) bool {
		var apiErr *client.Error
		if !errors.As(err, &apiErr) || apiErr.StatusCode < 400 || apiErr.StatusCode >= 500 ||
			!slices.ContainsFunc(apiErr.Errors, func(d client.ErrorDetail) bool { return d.Field == "login" }) {
			return false
		}
		login := plan.Login.ValueString()
		diags.AddAttributeError(path.Root("login"), "Unable to create carrierx_partner: login refused",
			fmt.Sprintf("CarrierX refused login %q, most often because a partner already has it: a destroyed carrierx_partner "+
				"stays in CarrierX with its login. To manage that partner again, import it by its partner_sid (data "+
				"\"carrierx_partners\" with filter = \"login eq \\\"%s\\\"\" finds it); otherwise choose another login.\n\n%s",
				login, login, err))
		return true
	},
	// Said at plan too: a destroy only forgets the partner, and a replacement
	// then fails on its login, which the partner left behind still holds.
	DestroyWarning: func(state *model) *framework.Warning {
		return &framework.Warning{Summary: "This plan only removes partner " + strconv.Quote(state.Login.ValueString()) +
			" from Terraform state", Detail: stays(state) + " A replacement then fails: the login is still taken."}
	},
	// After an import, every setting that is not empty becomes managed.
	AfterImport: func(ctx context.Context, p *client.Partner, m *model) diag.Diagnostics {
		var diags diag.Diagnostics
		m.settings().Fill(ctx, p, m.settings(), true, &diags)
		return diags
	},
}

// stays says what a destroy leaves: the partner, in CarrierX.
func stays(state *model) string {
	return fmt.Sprintf("Partner %s (login %q) still exists in CarrierX: the CarrierX API has no call to delete a partner, "+
		"so Terraform only stops managing it. To close the account, contact CarrierX support or use the CarrierX portal; "+
		"to manage it again, import it with its partner_sid.", state.PartnerSID.ValueString(), state.Login.ValueString())
}

// Resource is the carrierx_partner resource.
var Resource = framework.NewResource[client.Partner](Object)

// DataSources are carrierx_partner and carrierx_partners. CarrierX leaves
// unverified sub-partners out of its list, so a filter cannot find them;
// they are read by partner_sid.
var DataSources = framework.NewDataSources[client.Partner](&framework.Lookup[client.Partner, model]{
	Object: Object, Noun: "partner", Nouns: "partners",
	Plural: "carrierx_partners", Items: "partners", Example: `login eq "subco"`,
	Omit: []string{"password", "password_wo", "password_wo_version"},
	Own:  func(ctx context.Context, c *client.Client) (string, error) { return c.PartnerSIDOfToken(ctx) },
	OwnDoc: "the partner that owns the provider's token is read (found through `GET /oauth/tokens`, which needs the " +
		"`oauth.read` or `oauth.manage` scope).",
})
