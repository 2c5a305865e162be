package oauthtoken

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// tokens is the collection of OAuth tokens as the resource and the data
// sources see it: errors name the scopes attribute, and a token the
// provider's token cannot see (one of a sub-partner) is read with itself.
type tokens struct {
	client.Collection[client.Token]
	c *client.Client
	m *model // the model at hand: its access token reads the token itself
}

func collection(c *client.Client, m *model) framework.API[client.Token] {
	return tokens{Collection: client.Objects[client.Token](c, client.TokenKind), c: c, m: m}
}

// Get reads a token. When the provider's token does not find it and the
// state holds its access token, the token itself says whether it still
// exists: 401 or 404 means revoked or expired (the 404 stands), 403 alive
// but without oauth read scopes (the state stands).
func (t tokens) Get(ctx context.Context, sid string) (*client.Token, error) {
	tk, err := client.Objects[client.Token](t.c, client.TokenKind).Get(ctx, sid)
	if !client.IsNotFound(err) || t.m == nil || !framework.Known(t.m.AccessToken) || t.m.AccessToken.ValueString() == "" {
		return tk, apiError(err, false)
	}
	self, serr := selfClient(t.c, t.m.AccessToken.ValueString())
	if serr != nil {
		return nil, serr
	}
	tk, serr = client.Objects[client.Token](self, client.TokenKind).Get(ctx, sid)
	switch client.StatusCode(serr) {
	case http.StatusUnauthorized, http.StatusNotFound:
		return nil, err
	case http.StatusForbidden:
		return t.m.token(), nil
	}
	return tk, apiError(serr, false)
}

// Update PATCHes the token; a 403 on a scopes change says which scope
// CarrierX wants.
func (t tokens) Update(ctx context.Context, sid string, patch map[string]any) (*client.Token, error) {
	tk, err := client.Objects[client.Token](t.c, client.TokenKind).Update(ctx, sid, patch)
	_, scopes := patch["scopes"]
	return tk, apiError(err, scopes)
}

// apiError maps the API's field names onto the schema: an item of the
// scopes set ("scopes[1]", "scopes.1") points at `scopes`, since a set has
// no index. A lost or recovered create is left as it is.
func apiError(err error, scopesChanged bool) error {
	var apiErr *client.Error
	var lost *client.LostCreateError
	if _, found := client.AdoptedAfterLostAnswer(err); found || errors.As(err, &lost) || !errors.As(err, &apiErr) {
		return err
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
		return fmt.Errorf("changing the scopes of an existing token needs the scope oauth.allow_token_scope_update "+
			"on the provider's token; without it, replace the token (terraform apply -replace=<address>): %w", &cp)
	}
	return &cp
}

// scopesOf returns the scopes of a set, sorted, for request bodies.
func scopesOf(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	out := []string{}
	if !framework.Known(s) {
		return out
	}
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	sort.Strings(out)
	return out
}

// request renders the create arguments. A missing optional value is left
// out of the form.
func request(name types.String, scopes []string, accessExpiresIn, refreshExpiresIn types.Int64) client.TokenRequest {
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

// mint creates a token for the caller, or for partnerSID when set.
func mint(ctx context.Context, c *client.Client, partnerSID types.String, req client.TokenRequest) (*client.Token, error) {
	var tk *client.Token
	var err error
	if framework.Known(partnerSID) && partnerSID.ValueString() != "" {
		tk, err = c.CreateSubPartnerToken(ctx, partnerSID.ValueString(), req)
	} else {
		tk, err = c.CreateToken(ctx, req)
	}
	return tk, apiError(err, false)
}

// selfClient is a client that authenticates with the token itself. It is
// used where the provider's own token may not see the token (one of a
// sub-partner): a request with the token tells whether it still works.
func selfClient(base *client.Client, accessToken string) (*client.Client, error) {
	return client.New(client.Config{BaseURL: base.BaseURL(), Token: accessToken, MaxRetries: 2, UserAgent: "terraform-provider-carrierx"})
}

// revoke revokes a token with the provider's client; when that client may
// not revoke it (403/404, e.g. a sub-partner's token), the token revokes
// itself. A token that no longer works (401 with itself) is gone, which is
// success.
func revoke(ctx context.Context, c *client.Client, accessToken string) error {
	err := c.RevokeToken(ctx, accessToken)
	if err == nil || errors.Is(err, client.ErrEmptyRevokeToken) {
		return err
	}
	code := client.StatusCode(err)
	if code != http.StatusNotFound && code != http.StatusForbidden && code != http.StatusBadRequest {
		return apiError(err, false)
	}
	self, cerr := selfClient(c, accessToken)
	if cerr != nil {
		return apiError(err, false)
	}
	serr := self.RevokeToken(ctx, accessToken)
	switch {
	case serr == nil, client.StatusCode(serr) == http.StatusUnauthorized:
		return nil
	}
	return apiError(err, false)
}
