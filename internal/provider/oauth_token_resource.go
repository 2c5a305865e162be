package provider

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*oauthTokenResource)(nil)
	_ resource.ResourceWithConfigure   = (*oauthTokenResource)(nil)
	_ resource.ResourceWithImportState = (*oauthTokenResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*oauthTokenResource)(nil)
)

func init() {
	registerResource("carrierx_oauth_token", NewOAuthTokenResource, func() any { return &oauthTokenResourceModel{} })
}

// NewOAuthTokenResource is the carrierx_oauth_token resource.
func NewOAuthTokenResource() resource.Resource { return &oauthTokenResource{} }

type oauthTokenResource struct {
	client *client.Client
}

type oauthTokenResourceModel struct {
	oauthTokenSummary
	AccessTokenExpiresIn  types.Int64  `tfsdk:"access_token_expires_in"`
	RefreshTokenExpiresIn types.Int64  `tfsdk:"refresh_token_expires_in"`
	AccessToken           types.String `tfsdk:"access_token"`
	RefreshToken          types.String `tfsdk:"refresh_token"`
}

// oauthTokenSIDValidator checks the shape of a SID at plan time.
var oauthTokenSIDValidator = framework.SID{}

func (r *oauthTokenResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_oauth_token"
}

func (r *oauthTokenResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *oauthTokenResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true, PlanModifiers: keep}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CarrierX Core API OAuth token (`POST /oauth/token`), for the provider's own partner or for " +
			"one of its sub-partners. The `access_token` and `refresh_token` are stored in state (sensitive): protect " +
			"the state, or mint short-lived tokens with the `carrierx_oauth_token` ephemeral resource instead, which " +
			"never reach state. Destroying the resource revokes the token (`POST /oauth/revoke`). A token revoked " +
			"outside Terraform disappears from state at the next refresh, and the next plan creates a new one; a token " +
			"whose access token has expired (`date_expiration_access_token` in the past) is replaced by the next plan.",
		Attributes: map[string]schema.Attribute{
			"token_sid": computed("Token secure ID; also the import ID."),
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: "Sub-partner the token is for (`POST /oauth/token/{partner_sid}`); defaults to the " +
					"partner of the provider's token. Changing it replaces the token.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIfConfigured()},
				Validators:    []validator.String{oauthTokenSIDValidator},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Friendly label; changed in place. CarrierX fills a default when it is left out. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keep,
				Validators:          []validator.String{framework.NameValidator{}},
			},
			"scopes": schema.SetAttribute{
				MarkdownDescription: oauthTokenScopesDoc + " Changed in place (`PATCH`), which CarrierX allows only when the " +
					"provider's token holds `oauth.allow_token_scope_update`; otherwise replace the token.",
				ElementType: types.StringType,
				Required:    true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
				},
			},
			"access_token_expires_in": schema.Int64Attribute{
				MarkdownDescription: "Lifetime of the access token in seconds, sent on create. Unset, CarrierX's default " +
					"applies (about 100 years) and this attribute shows it. Changing it replaces the token. On import it is " +
					"derived from `date_created` and `date_expiration_access_token`.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplaceIfConfigured()},
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"refresh_token_expires_in": schema.Int64Attribute{
				MarkdownDescription: "Lifetime of the refresh token in seconds, sent on create (the argument is not in the " +
					"documented part of CarrierX's table, so CarrierX may ignore it). Changing it replaces the token. On import " +
					"it is derived from `date_created` and `date_expiration_refresh_token`.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplaceIfConfigured()},
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"access_token": schema.StringAttribute{
				MarkdownDescription: "The secret sent as `Authorization: Bearer`. After an import it is known only if " +
					"CarrierX returns it when the token is read.",
				Computed:      true,
				Sensitive:     true,
				PlanModifiers: keep,
			},
			"refresh_token": schema.StringAttribute{
				MarkdownDescription: "Secret used to obtain a new token. After an import it is known only if CarrierX returns it.",
				Computed:            true,
				Sensitive:           true,
				PlanModifiers:       keep,
			},
			"token_type":                    computed("Token type, `bearer`."),
			"client_id":                     computed("Client registration ID issued to the partner."),
			"date_created":                  computed("When the token was issued (ISO 8601 UTC)."),
			"date_expiration_access_token":  computed("When the access token stops working."),
			"date_expiration_refresh_token": computed("When the refresh token stops working."),
			"date_last_accessed": schema.StringAttribute{
				MarkdownDescription: "Last time the token was used; null if never.",
				Computed:            true,
			},
			"ip_last_accessed": schema.StringAttribute{
				MarkdownDescription: "IP address of the last use; null if never.",
				Computed:            true,
			},
		},
	}
}

func (r *oauthTokenResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan oauthTokenResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	scopes := oauthTokenScopesOf(ctx, plan.Scopes, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	tk, err := oauthTokenMint(ctx, r.client, plan.PartnerSID,
		oauthTokenRequest(plan.Name, scopes, plan.AccessTokenExpiresIn, plan.RefreshTokenExpiresIn))
	if !oauthTokenCreated(&resp.Diagnostics, "Unable to create carrierx_oauth_token", tk, err, false) {
		return
	}
	resp.Diagnostics.Append(plan.set(ctx, tk, plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *oauthTokenResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state oauthTokenResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sid := state.TokenSID.ValueString()
	tk, err := r.client.GetToken(ctx, sid)
	if client.IsNotFound(err) && framework.Known(state.AccessToken) && state.AccessToken.ValueString() != "" {
		// The provider's token may not see this token (one of a sub-partner):
		// ask with the token itself whether it still exists.
		var gone bool
		tk, gone, err = r.readSelf(ctx, sid, state.AccessToken.ValueString())
		if gone {
			resp.State.RemoveResource(ctx)
			return
		}
		if err == nil && tk == nil {
			return // alive but not readable by anyone we can ask: keep state
		}
	}
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		oauthTokenAPIError(&resp.Diagnostics, "Unable to read carrierx_oauth_token "+sid, err, false)
		return
	}
	resp.Diagnostics.Append(state.set(ctx, tk, state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// readSelf reads a token with itself: 401 means revoked or expired (gone),
// 403 means alive but without oauth read scopes (nil token, no error).
func (r *oauthTokenResource) readSelf(ctx context.Context, sid, accessToken string) (*client.Token, bool, error) {
	self, err := oauthTokenSelfClient(r.client, accessToken)
	if err != nil {
		return nil, false, err
	}
	tk, err := self.GetToken(ctx, sid)
	switch client.StatusCode(err) {
	case http.StatusUnauthorized, http.StatusNotFound:
		return nil, true, nil
	case http.StatusForbidden:
		return nil, false, nil
	}
	return tk, false, err
}

func (r *oauthTokenResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state oauthTokenResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	planScopes := oauthTokenScopesOf(ctx, plan.Scopes, &resp.Diagnostics)
	stateScopes := oauthTokenScopesOf(ctx, state.Scopes, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	patch := framework.Changed(
		map[string]any{"name": framework.StringPtr(plan.Name), "scopes": planScopes},
		map[string]any{"name": framework.StringPtr(state.Name), "scopes": stateScopes},
	)
	if patch["name"] == nil {
		delete(patch, "name") // an unset name keeps its value (Computed)
	}
	sid := state.TokenSID.ValueString()
	var tk *client.Token
	var err error
	if len(patch) > 0 {
		tk, err = r.client.UpdateToken(ctx, sid, patch)
	} else {
		tk, err = r.client.GetToken(ctx, sid)
	}
	if err != nil {
		_, scopes := patch["scopes"]
		oauthTokenAPIError(&resp.Diagnostics, "Unable to update carrierx_oauth_token "+sid, err, scopes)
		return
	}
	resp.Diagnostics.Append(plan.set(ctx, tk, plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *oauthTokenResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state oauthTokenResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sid := state.TokenSID.ValueString()
	access := state.AccessToken.ValueString()
	if access == "" {
		// Imported without its secret: CarrierX revokes by access token only.
		tk, err := r.client.GetToken(ctx, sid)
		if client.IsNotFound(err) {
			return
		}
		if err != nil {
			oauthTokenAPIError(&resp.Diagnostics, "Unable to read carrierx_oauth_token "+sid+" to revoke it", err, false)
			return
		}
		if access = tk.AccessToken; access == "" {
			resp.Diagnostics.AddAttributeError(path.Root("access_token"), "Unable to revoke carrierx_oauth_token "+sid,
				"CarrierX revokes a token by its access token, and neither the state nor the API has it (the token was "+
					"imported and CarrierX does not return the secret). Revoke it in the CarrierX portal (Security Tokens), "+
					"then remove it from state with `terraform state rm`.")
			return
		}
	}
	err := oauthTokenRevoke(ctx, r.client, access)
	if err == nil || client.IsNotFound(err) {
		return
	}
	// Already revoked elsewhere: the token is no longer found.
	if _, gerr := r.client.GetToken(ctx, sid); client.IsNotFound(gerr) {
		return
	}
	oauthTokenAPIError(&resp.Diagnostics, "Unable to revoke carrierx_oauth_token "+sid, err, false)
}

// ModifyPlan replaces a token whose access token has expired: it no longer
// authenticates, and only a new token can serve the configuration again.
func (r *oauthTokenResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var exp types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("date_expiration_access_token"), &exp)...)
	if resp.Diagnostics.HasError() || !framework.Known(exp) {
		return
	}
	t, err := oauthTokenParseTime(exp.ValueString())
	if err != nil || t.After(time.Now()) {
		return
	}
	p := path.Root("date_expiration_access_token")
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, p, types.StringUnknown())...)
	for _, a := range []string{"token_sid", "access_token", "refresh_token", "date_created", "date_expiration_refresh_token", "client_id"} {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(a), types.StringUnknown())...)
	}
	resp.RequiresReplace = append(resp.RequiresReplace, p)
}

func (r *oauthTokenResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !framework.IsSID(req.ID) {
		resp.Diagnostics.AddError("Invalid carrierx_oauth_token import ID",
			fmt.Sprintf("%q is not a token SID; import with the token_sid, a UUID such as 12345678-1234-4123-8123-123456789abc "+
				"(list them with the carrierx_oauth_tokens data source).", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("token_sid"), req.ID)...)
}

// set fills m from the API answer. prior is the state or plan before the
// call: it keeps the secrets when the API does not return them, and the
// create-only lifetimes, which the API does not echo (derived from the dates
// when prior has none: after an import, or left unset on create).
func (m *oauthTokenResourceModel) set(ctx context.Context, tk *client.Token, prior oauthTokenResourceModel) diag.Diagnostics {
	diags := m.fill(ctx, tk, &prior.oauthTokenSummary)
	m.AccessToken = oauthTokenKeepSecret(tk.AccessToken, prior.AccessToken)
	m.RefreshToken = oauthTokenKeepSecret(tk.RefreshToken, prior.RefreshToken)
	m.AccessTokenExpiresIn = prior.AccessTokenExpiresIn
	if !framework.Known(m.AccessTokenExpiresIn) {
		m.AccessTokenExpiresIn = oauthTokenLifetime(tk.DateCreated, tk.DateExpirationAccessToken)
	}
	m.RefreshTokenExpiresIn = prior.RefreshTokenExpiresIn
	if !framework.Known(m.RefreshTokenExpiresIn) {
		m.RefreshTokenExpiresIn = oauthTokenLifetime(tk.DateCreated, tk.DateExpirationRefreshToken)
	}
	return diags
}

func oauthTokenKeepSecret(api string, prior types.String) types.String {
	if api != "" {
		return types.StringValue(api)
	}
	if framework.Known(prior) {
		return prior
	}
	return types.StringNull()
}
