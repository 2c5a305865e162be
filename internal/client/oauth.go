package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Token is a CarrierX OAuth token (CarrierX docs, Core API, OAuth). AccessToken and
// RefreshToken are secrets: String and GoString leave them out, so a
// Token printed with %v or %+v shows no secret. client_secret is never
// returned by the API and has no field. Nullable fields are pointers.
type Token struct {
	TokenSID                   string         `json:"token_sid,omitempty"`
	Name                       *string        `json:"name,omitempty"`
	PartnerSID                 string         `json:"partner_sid,omitempty"`
	Scopes                     StringList     `json:"scopes,omitempty"`
	TokenType                  string         `json:"token_type,omitempty"`
	ClientID                   string         `json:"client_id,omitempty"`
	AccessToken                string         `json:"access_token,omitempty"`
	RefreshToken               string         `json:"refresh_token,omitempty"`
	DateCreated                string         `json:"date_created,omitempty"`
	DateExpirationAccessToken  *string        `json:"date_expiration_access_token,omitempty"`
	DateExpirationRefreshToken *string        `json:"date_expiration_refresh_token,omitempty"`
	DateLastAccessed           *string        `json:"date_last_accessed,omitempty"`
	IPLastAccessed             *string        `json:"ip_last_accessed,omitempty"`
	Partner                    map[string]any `json:"partner,omitempty"`
}

// String describes the token without its secrets.
func (t Token) String() string {
	name := "<nil>"
	if t.Name != nil {
		name = strconv.Quote(*t.Name)
	}
	return "Token{token_sid=" + t.TokenSID + " name=" + name + " partner_sid=" + t.PartnerSID +
		" scopes=[" + strings.Join(t.Scopes, " ") + "] access_token=" + redacted + " refresh_token=" + redacted + "}"
}

// GoString is String, so %#v does not print the secrets either.
func (t Token) GoString() string { return t.String() }

// TokenRequest is the form of POST /oauth/token. Only non-zero fields are
// sent. Name, Scopes and RefreshTokenExpiresIn are not in the retrieved part
// of the documented argument table (UNVERIFIED); Scopes is sent as one
// "scopes" field per scope. The password-grant fields are for callers that
// authenticate with a login instead of the client's bearer token.
type TokenRequest struct {
	Name                  string
	Scopes                []string
	AccessTokenExpiresIn  *int64 // seconds
	RefreshTokenExpiresIn *int64 // seconds
	GrantType             string
	ClientID              string
	ClientSecret          string // secret
	Username              string
	Password              string // secret
}

// Form renders the request as form values.
func (r TokenRequest) Form() url.Values {
	f := url.Values{}
	setIf(f, "grant_type", r.GrantType)
	setIf(f, "client_id", r.ClientID)
	setIf(f, "client_secret", r.ClientSecret)
	setIf(f, "username", r.Username)
	setIf(f, "password", r.Password)
	setIf(f, "name", r.Name)
	for _, s := range r.Scopes {
		f.Add("scopes", s)
	}
	if r.AccessTokenExpiresIn != nil {
		f.Set("access_token_expires_in", strconv.FormatInt(*r.AccessTokenExpiresIn, 10))
	}
	if r.RefreshTokenExpiresIn != nil {
		f.Set("refresh_token_expires_in", strconv.FormatInt(*r.RefreshTokenExpiresIn, 10))
	}
	return f
}

const (
	oauthTokenPath  = "/oauth/token"
	oauthRevokePath = "/oauth/revoke"
)

// DoForm sends one API call whose body is form-urlencoded (the OAuth token
// and revoke calls), with the retry, rate-limit, logging and error handling
// of Do. out, when non-nil, receives the decoded JSON response. The values
// of secret form keys (token, password, client_secret, ...) never reach a
// log entry or an error, even when the server echoes them back.
func (c *Client) DoForm(ctx context.Context, method, path string, form url.Values, out any) error {
	return c.send(ctx, formRequest(method, path, form), out)
}

func formRequest(method, path string, form url.Values) *request {
	asJSON, _ := json.Marshal(form) // a map of string lists always encodes
	return &request{method: method, path: path, payload: []byte(form.Encode()),
		contentType: "application/x-www-form-urlencoded", secrets: secretValues(asJSON)}
}

// CreateToken issues a token for the calling partner (POST /oauth/token).
func (c *Client) CreateToken(ctx context.Context, req TokenRequest) (*Token, error) {
	// A lost answer is looked for by what the token shows of the request.
	match := struct {
		Name   string   `json:"name,omitempty"`
		Scopes []string `json:"scopes,omitempty"`
	}{req.Name, req.Scopes}
	return createWith(ctx, c, TokenKind, match, nil, func(out *Token) error {
		return c.DoForm(ctx, http.MethodPost, oauthTokenPath, c.withClient(req.Form()), out)
	})
}

// CreateSubPartnerToken issues a token for a sub-partner
// (POST /oauth/token/{partner_sid}); the token's partner_sid is partnerSID.
func (c *Client) CreateSubPartnerToken(ctx context.Context, partnerSID string, req TokenRequest) (*Token, error) {
	if strings.TrimSpace(partnerSID) == "" {
		return nil, errors.New("carrierx client: CreateSubPartnerToken needs a partner SID; use CreateToken for the caller's own partner")
	}
	// The caller's token list does not show a sub-partner's tokens.
	k := TokenKind
	k.NoRecovery = "a sub-partner's tokens are not listed to its parent; look in the sub-partner's Security Tokens in the portal"
	return createWith(ctx, c, k, nil, nil, func(out *Token) error {
		return c.DoForm(ctx, http.MethodPost, oauthTokenPath+"/"+url.PathEscape(partnerSID), c.withClient(req.Form()), out)
	})
}

// withClient adds the configured client credentials to an OAuth form that
// has none of its own.
func (c *Client) withClient(f url.Values) url.Values {
	if c.cfg.ClientID != "" && f.Get("client_id") == "" {
		f.Set("client_id", c.cfg.ClientID)
		f.Set("client_secret", c.cfg.ClientSecret)
	}
	return f
}

// ErrEmptyRevokeToken is returned by RevokeToken for an empty token: the API
// would revoke the token of the request itself, i.e. the client's own.
var ErrEmptyRevokeToken = errors.New("carrierx client: RevokeToken needs the access token to revoke; " +
	"an empty token would revoke the client's own token")

// RevokeToken terminates the token whose access token is accessToken
// (POST /oauth/revoke, form field "token"; 204). It refuses an empty value,
// because the API then revokes the token that authorizes the request.
func (c *Client) RevokeToken(ctx context.Context, accessToken string) error {
	if strings.TrimSpace(accessToken) == "" {
		return ErrEmptyRevokeToken
	}
	// Revoking twice is harmless, so the revoke is retried like a PUT: one
	// lost answer must not leave the token alive for its whole lifetime.
	req := formRequest(http.MethodPost, oauthRevokePath, c.withClient(url.Values{"token": {accessToken}}))
	req.idempotent = true
	return c.send(ctx, req, nil)
}
