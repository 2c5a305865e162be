// Package oauthtoken is carrierx_oauth_token: the resource, its data
// sources, and the ephemeral resource that mints a token for one run
// (CarrierX docs, Core API, OAuth). The secrets (access_token,
// refresh_token) are the resource's and the ephemeral resource's only:
// data source results land in state, so they never read them.
package oauthtoken

import (
	"context"
	"errors"
	"math"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// timeLayout is the API's timestamp format (CarrierX docs, Core API,
// Conventions).
const timeLayout = "2006-01-02T15:04:05.000Z"

type model struct {
	TokenSID                   types.String `tfsdk:"token_sid"`
	Name                       types.String `tfsdk:"name"`
	PartnerSID                 types.String `tfsdk:"partner_sid"`
	Scopes                     types.Set    `tfsdk:"scopes"`
	TokenType                  types.String `tfsdk:"token_type"`
	ClientID                   types.String `tfsdk:"client_id"`
	DateCreated                types.String `tfsdk:"date_created"`
	DateExpirationAccessToken  types.String `tfsdk:"date_expiration_access_token"`
	DateExpirationRefreshToken types.String `tfsdk:"date_expiration_refresh_token"`
	DateLastAccessed           types.String `tfsdk:"date_last_accessed"`
	IPLastAccessed             types.String `tfsdk:"ip_last_accessed"`
	AccessTokenExpiresIn       types.Int64  `tfsdk:"access_token_expires_in"`
	RefreshTokenExpiresIn      types.Int64  `tfsdk:"refresh_token_expires_in"`
	AccessToken                types.String `tfsdk:"access_token"`
	RefreshToken               types.String `tfsdk:"refresh_token"`
}

// Fill fills what is not converted by name. prior keeps the secrets when
// the API does not return them, and the create-only lifetimes, which the
// API does not echo (derived from the dates when prior has none: after an
// import, left unset on create, or in a data source).
func (m *model) Fill(ctx context.Context, tk *client.Token, prior *model) diag.Diagnostics {
	m.TokenType = optString(tk.TokenType)
	m.ClientID = optString(tk.ClientID)
	m.DateCreated = optString(tk.DateCreated)
	var diags diag.Diagnostics
	m.Scopes, diags = types.SetValueFrom(ctx, types.StringType, framework.NonNil(tk.Scopes))
	m.AccessToken = keepSecret(tk.AccessToken, prior.AccessToken)
	m.RefreshToken = keepSecret(tk.RefreshToken, prior.RefreshToken)
	m.AccessTokenExpiresIn = prior.AccessTokenExpiresIn
	if !framework.Known(m.AccessTokenExpiresIn) {
		m.AccessTokenExpiresIn = lifetime(tk.DateCreated, tk.DateExpirationAccessToken)
	}
	m.RefreshTokenExpiresIn = prior.RefreshTokenExpiresIn
	if !framework.Known(m.RefreshTokenExpiresIn) {
		m.RefreshTokenExpiresIn = lifetime(tk.DateCreated, tk.DateExpirationRefreshToken)
	}
	return diags
}

// token is the model as the API object, for a token that is alive but
// that nobody we can ask may read: the state stands.
func (m *model) token() *client.Token {
	var scopes []string
	_ = m.Scopes.ElementsAs(context.Background(), &scopes, false)
	return &client.Token{TokenSID: m.TokenSID.ValueString(), Name: m.Name.ValueStringPointer(),
		PartnerSID: m.PartnerSID.ValueString(), Scopes: scopes, TokenType: m.TokenType.ValueString(),
		ClientID: m.ClientID.ValueString(), DateCreated: m.DateCreated.ValueString(),
		DateExpirationAccessToken:  m.DateExpirationAccessToken.ValueStringPointer(),
		DateExpirationRefreshToken: m.DateExpirationRefreshToken.ValueStringPointer(),
		DateLastAccessed:           m.DateLastAccessed.ValueStringPointer(),
		IPLastAccessed:             m.IPLastAccessed.ValueStringPointer()}
}

// Body sends the scopes; with the name, all an update may change.
func (m *model) Body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	return map[string]any{"scopes": scopesOf(ctx, m.Scopes, &diags)}, diags
}

func optString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

func keepSecret(api string, prior types.String) types.String {
	if api != "" {
		return types.StringValue(api)
	}
	if framework.Known(prior) {
		return prior
	}
	return types.StringNull()
}

// lifetime derives a lifetime in seconds from the creation and expiration
// dates (rounded to the second), so an imported token gets the
// `*_expires_in` its configuration most likely has. Null when a date is
// missing or malformed.
func lifetime(created string, expires *string) types.Int64 {
	if created == "" || expires == nil {
		return types.Int64Null()
	}
	c, err1 := parseTime(created)
	e, err2 := parseTime(*expires)
	if err1 != nil || err2 != nil || !e.After(c) {
		return types.Int64Null()
	}
	return types.Int64Value(int64(math.Round(e.Sub(c).Seconds())))
}

func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse(timeLayout, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// revokeState revokes the token of the state. CarrierX revokes by access
// token only; a token imported without its secret is read for it.
func revokeState(ctx context.Context, c *client.Client, state *model) error {
	sid := state.TokenSID.ValueString()
	access := state.AccessToken.ValueString()
	if access == "" {
		tk, err := client.Objects[client.Token](c, client.TokenKind).Get(ctx, sid)
		if err != nil {
			return apiError(err, false)
		}
		if access = tk.AccessToken; access == "" {
			return errors.New("CarrierX revokes a token by its access token, and neither the state nor the API has it (the " +
				"token was imported and CarrierX does not return the secret). Revoke it in the CarrierX portal (Security " +
				"Tokens), then remove it from state with `terraform state rm`")
		}
	}
	err := revoke(ctx, c, access)
	if err == nil || client.IsNotFound(err) {
		return nil
	}
	// Already revoked elsewhere: the token is no longer found.
	if _, gerr := client.Objects[client.Token](c, client.TokenKind).Get(ctx, sid); client.IsNotFound(gerr) {
		return nil
	}
	return err
}

// replaceExpired replaces a token whose access token has expired: it no
// longer authenticates, and only a new token can serve the configuration
// again.
func replaceExpired(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var exp types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("date_expiration_access_token"), &exp)...)
	if resp.Diagnostics.HasError() || !framework.Known(exp) {
		return
	}
	t, err := parseTime(exp.ValueString())
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

// Object declares carrierx_oauth_token: minted by a form POST, changed
// by PATCH, destroyed by revoking.
var Object = &framework.Object[client.Token, model]{
	Type:       "carrierx_oauth_token",
	SIDAttr:    "token_sid",
	Schema:     resourceSchema(),
	Collection: collection,
	Fields:     framework.Fields{Write: []string{"name"}, KeepEmpty: []string{"name"}},
	Create: func(ctx context.Context, c *client.Client, plan *model, _ map[string]any) (*client.Token, error) {
		var diags diag.Diagnostics
		scopes := scopesOf(ctx, plan.Scopes, &diags)
		if diags.HasError() {
			return nil, errors.New(diags.Errors()[0].Detail())
		}
		return mint(ctx, c, plan.PartnerSID, request(plan.Name, scopes, plan.AccessTokenExpiresIn, plan.RefreshTokenExpiresIn))
	},
	Patch: func(_ context.Context, _, _ *model, patch map[string]any) {
		if patch["name"] == nil {
			delete(patch, "name") // an unset name keeps its value (Computed)
		}
	},
	Delete:     revokeState,
	ModifyPlan: replaceExpired,
}

// Resource is the carrierx_oauth_token resource.
var Resource = framework.NewResource[client.Token](Object)

// DataSources are carrierx_oauth_token and carrierx_oauth_tokens: the
// active tokens of the provider's partner, without their secrets.
var DataSources = framework.NewDataSources[client.Token](&framework.Lookup[client.Token, model]{
	Object: Object, Noun: "OAuth token", Nouns: "OAuth tokens",
	Plural: "carrierx_oauth_tokens", Items: "tokens", Example: `name eq "ivs_token"`,
	Omit: []string{"access_token", "refresh_token", "access_token_expires_in", "refresh_token_expires_in"},
})
