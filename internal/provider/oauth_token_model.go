package provider

import (
	"context"
	"errors"
	"math"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// oauthTokenTimeLayout is the API's timestamp format (00-conventions.md).
const oauthTokenTimeLayout = "2006-01-02T15:04:05.000Z"

// oauthTokenScopesDoc documents the scope names without validating them:
// the list is only partly known, so the API decides.
const oauthTokenScopesDoc = "Scopes of the token, a subset of the partner's `available_scopes`, for example " +
	"`endpoints.read`, `endpoints.manage`, `oauth.manage`, `partners.read` (pattern `<area>.manage`, `.create`, " +
	"`.read`, `.update`, `.delete`). Not checked by the provider: CarrierX rejects names it does not know."

// oauthTokenSummary is a token without its secrets (data sources).
type oauthTokenSummary struct {
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
}

// fill sets every public attribute from the API answer. prior keeps a
// configured "" name that the API might read back as null.
func (m *oauthTokenSummary) fill(ctx context.Context, tk *client.Token, prior *oauthTokenSummary) diag.Diagnostics {
	if prior == nil {
		prior = &oauthTokenSummary{}
	}
	m.TokenSID = types.StringValue(tk.TokenSID)
	m.Name = framework.KeepEmpty(tk.Name, prior.Name)
	m.PartnerSID = types.StringValue(tk.PartnerSID)
	m.TokenType = oauthTokenOptString(tk.TokenType)
	m.ClientID = oauthTokenOptString(tk.ClientID)
	m.DateCreated = oauthTokenOptString(tk.DateCreated)
	m.DateExpirationAccessToken = types.StringPointerValue(tk.DateExpirationAccessToken)
	m.DateExpirationRefreshToken = types.StringPointerValue(tk.DateExpirationRefreshToken)
	m.DateLastAccessed = types.StringPointerValue(tk.DateLastAccessed)
	m.IPLastAccessed = types.StringPointerValue(tk.IPLastAccessed)
	var diags diag.Diagnostics
	m.Scopes, diags = types.SetValueFrom(ctx, types.StringType, framework.NonNil(tk.Scopes))
	return diags
}

func oauthTokenOptString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// oauthTokenScopesOf returns the scopes of a set, sorted, for request bodies.
func oauthTokenScopesOf(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	out := []string{}
	if !framework.Known(s) {
		return out
	}
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	sort.Strings(out)
	return out
}

// oauthTokenLifetime derives a lifetime in seconds from the creation and
// expiration dates (rounded to the second), so an imported token gets the
// `*_expires_in` its configuration most likely has. Null when a date is
// missing or malformed.
func oauthTokenLifetime(created string, expires *string) types.Int64 {
	if created == "" || expires == nil {
		return types.Int64Null()
	}
	c, err1 := oauthTokenParseTime(created)
	e, err2 := oauthTokenParseTime(*expires)
	if err1 != nil || err2 != nil || !e.After(c) {
		return types.Int64Null()
	}
	return types.Int64Value(int64(math.Round(e.Sub(c).Seconds())))
}

func oauthTokenParseTime(s string) (time.Time, error) {
	if t, err := time.Parse(oauthTokenTimeLayout, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// oauthTokenRequest renders the create arguments. A missing optional value
// is left out of the form.
func oauthTokenRequest(name types.String, scopes []string, accessExpiresIn, refreshExpiresIn types.Int64) client.TokenRequest {
	req := client.TokenRequest{Scopes: scopes}
	if framework.Known(name) {
		req.Name = name.ValueString()
	}
	if framework.Known(accessExpiresIn) {
		v := accessExpiresIn.ValueInt64()
		req.AccessTokenExpiresIn = &v
	}
	if framework.Known(refreshExpiresIn) {
		v := refreshExpiresIn.ValueInt64()
		req.RefreshTokenExpiresIn = &v
	}
	return req
}

// oauthTokenMint creates a token for the caller, or for partnerSID when set.
func oauthTokenMint(ctx context.Context, c *client.Client, partnerSID types.String, req client.TokenRequest) (*client.Token, error) {
	if framework.Known(partnerSID) && partnerSID.ValueString() != "" {
		return c.CreateSubPartnerToken(ctx, partnerSID.ValueString(), req)
	}
	return c.CreateToken(ctx, req)
}

// oauthTokenCreated is createResult for a minted token, whose other API
// errors point at scopes.
// An ephemeral token cannot be imported: a lost mint names the candidates
// and says how they end instead.
func oauthTokenCreated(diags *diag.Diagnostics, summary string, tk *client.Token, err error, ephemeral bool) bool {
	var lost *client.LostCreateError
	if ephemeral && errors.As(err, &lost) {
		diags.AddError(summary+": the answer was lost", err.Error()+"\n\nAn ephemeral token is not imported: "+
			"a token named here that this run minted is never used, and stops working at its expiry "+
			"(access_token_expires_in); revoke it sooner in the CarrierX portal under Security Tokens.")
		return false
	}
	if _, found := client.AdoptedAfterLostAnswer(err); found || errors.As(err, &lost) {
		return framework.CreateResult(diags, summary, "carrierx_oauth_token", tk, err, nil)
	}
	if err != nil {
		oauthTokenAPIError(diags, summary, err, false)
		return false
	}
	return true
}

// oauthTokenSelfClient is a client that authenticates with the token itself.
// It is used where the provider's own token may not see the token (one of a
// sub-partner): a request with the token tells whether it still works.
func oauthTokenSelfClient(base *client.Client, accessToken string) (*client.Client, error) {
	return client.New(client.Config{BaseURL: base.BaseURL(), Token: accessToken, MaxRetries: 2, UserAgent: "terraform-provider-carrierx"})
}

// oauthTokenRevoke revokes a token with the provider's client; when that
// client may not revoke it (403/404, e.g. a sub-partner's token), the token
// revokes itself. A token that no longer works (401 with itself) is gone,
// which is success.
func oauthTokenRevoke(ctx context.Context, c *client.Client, accessToken string) error {
	err := c.RevokeToken(ctx, accessToken)
	if err == nil || errors.Is(err, client.ErrEmptyRevokeToken) {
		return err
	}
	code := client.StatusCode(err)
	if code != http.StatusNotFound && code != http.StatusForbidden && code != http.StatusBadRequest {
		return err
	}
	self, cerr := oauthTokenSelfClient(c, accessToken)
	if cerr != nil {
		return err
	}
	serr := self.RevokeToken(ctx, accessToken)
	switch {
	case serr == nil, client.StatusCode(serr) == http.StatusUnauthorized:
		return nil
	}
	return err
}

// oauthTokenAPIError is addAPIError with the API's field names mapped onto
// the schema: an item of the scopes set ("scopes[1]", "scopes.1") points at
// `scopes`, since a set has no index. A 403 on a scopes change says which
// scope CarrierX wants.
func oauthTokenAPIError(diags *diag.Diagnostics, summary string, err error, scopesChanged bool) {
	var apiErr *client.Error
	if !errors.As(err, &apiErr) {
		framework.AddAPIError(diags, summary, err)
		return
	}
	cp := *apiErr
	cp.Errors = make([]client.ErrorDetail, len(apiErr.Errors))
	for i, d := range apiErr.Errors {
		if d.Field == "scopes" || strings.HasPrefix(d.Field, "scopes[") || strings.HasPrefix(d.Field, "scopes.") {
			d.Field = "scopes"
		}
		cp.Errors[i] = d
	}
	if scopesChanged && cp.StatusCode == http.StatusForbidden {
		summary += ": changing the scopes of an existing token needs the scope oauth.allow_token_scope_update " +
			"on the provider's token; without it, replace the token (terraform apply -replace=<address>)"
	}
	framework.AddAPIError(diags, summary, &cp)
}
