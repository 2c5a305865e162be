package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

const (
	oauthSampleAccess  = "11111111-2222-4333-8444-555555555555"
	oauthSampleRefresh = "66666666-7777-4888-9999-000000000000"
)

const oauthSampleToken = `{
  "access_token": "` + oauthSampleAccess + `",
  "client_id": "0123456789abcdef0123456789abcdef",
  "date_created": "2025-01-15T10:00:00.000Z",
  "date_expiration_access_token": "2125-01-15T10:00:00.000Z",
  "date_expiration_refresh_token": "2125-01-15T10:00:00.000Z",
  "date_last_accessed": null,
  "ip_last_accessed": null,
  "name": "ci_token",
  "partner_sid": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  "refresh_token": "` + oauthSampleRefresh + `",
  "scopes": ["endpoints.manage", "oauth.manage", "partners.manage"],
  "token_sid": "12345678-1234-4123-8123-123456789abc",
  "token_type": "bearer",
  "future_field": {"ignored": true}
}`

func TestOAuthTokenDecodeSample(t *testing.T) {
	var tk Token
	if err := json.Unmarshal([]byte(oauthSampleToken), &tk); err != nil {
		t.Fatal(err)
	}
	if tk.TokenSID != "12345678-1234-4123-8123-123456789abc" || tk.Name == nil || *tk.Name != "ci_token" ||
		tk.AccessToken != oauthSampleAccess || tk.RefreshToken != oauthSampleRefresh || tk.TokenType != "bearer" ||
		tk.ClientID != "0123456789abcdef0123456789abcdef" || tk.PartnerSID != "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" ||
		tk.DateLastAccessed != nil || tk.IPLastAccessed != nil || tk.DateExpirationAccessToken == nil ||
		*tk.DateExpirationAccessToken != "2125-01-15T10:00:00.000Z" || len(tk.Scopes) != 3 || tk.Scopes[1] != "oauth.manage" {
		t.Fatalf("decoded %#v", tk)
	}
	// Printing a token never shows its secrets.
	for _, s := range []string{fmt.Sprint(tk), fmt.Sprintf("%v %+v %#v %s", tk, &tk, tk, tk)} {
		if strings.Contains(s, oauthSampleAccess) || strings.Contains(s, oauthSampleRefresh) {
			t.Errorf("secret printed: %s", s)
		}
		if !strings.Contains(s, "12345678-1234-4123-8123-123456789abc") {
			t.Errorf("token SID missing: %s", s)
		}
	}
}

type oauthSeen struct {
	method, path, contentType, auth string
	form                            url.Values
	raw                             string
}

func oauthServer(t *testing.T, handle func(w http.ResponseWriter, s oauthSeen)) (*Client, *logRec, *[]oauthSeen) {
	t.Helper()
	var seen []oauthSeen
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s := oauthSeen{method: r.Method, path: r.URL.Path, contentType: r.Header.Get("Content-Type"), auth: r.Header.Get("Authorization"), raw: string(b)}
		s.form, _ = url.ParseQuery(string(b))
		seen = append(seen, s)
		handle(w, s)
	})
	c, rec := newTestClient(t, srv.URL, nil)
	return c, rec, &seen
}

func TestOAuthCreateTokenSendsForm(t *testing.T) {
	c, rec, seen := oauthServer(t, func(w http.ResponseWriter, _ oauthSeen) { writeJSON(w, 200, oauthSampleToken) })
	ctx := context.Background()
	exp := int64(600)
	tk, err := c.CreateToken(ctx, TokenRequest{Name: "ci_token", Scopes: []string{"endpoints.read", "oauth.read"}, AccessTokenExpiresIn: &exp})
	if err != nil {
		t.Fatal(err)
	}
	if tk.AccessToken != oauthSampleAccess {
		t.Fatalf("access token not decoded: %v", tk)
	}
	s := (*seen)[0]
	if s.method != "POST" || s.path != "/core/v2/oauth/token" || s.contentType != "application/x-www-form-urlencoded" || s.auth != "Bearer "+testToken {
		t.Fatalf("request %+v", s)
	}
	want := url.Values{"name": {"ci_token"}, "scopes": {"endpoints.read", "oauth.read"}, "access_token_expires_in": {"600"}}
	if s.form.Encode() != want.Encode() {
		t.Fatalf("form %q, want %q", s.raw, want.Encode())
	}

	if _, err := c.CreateSubPartnerToken(ctx, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", TokenRequest{Scopes: []string{"endpoints.read"}}); err != nil {
		t.Fatal(err)
	}
	if p := (*seen)[1].path; p != "/core/v2/oauth/token/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" {
		t.Fatalf("sub-partner path %s", p)
	}
	if _, err := c.CreateSubPartnerToken(ctx, " ", TokenRequest{}); err == nil || len(*seen) != 2 {
		t.Fatalf("empty partner SID: err %v, %d requests", err, len(*seen))
	}
	// The response's secrets are redacted in the trace log.
	if all := rec.String(); strings.Contains(all, oauthSampleAccess) || strings.Contains(all, oauthSampleRefresh) || !strings.Contains(all, `"access_token":"***"`) {
		t.Fatalf("log: %s", all)
	}
}

func TestOAuthRevokeToken(t *testing.T) {
	c, _, seen := oauthServer(t, func(w http.ResponseWriter, _ oauthSeen) { w.WriteHeader(http.StatusNoContent) })
	ctx := context.Background()
	if err := c.RevokeToken(ctx, oauthSampleAccess); err != nil {
		t.Fatal(err)
	}
	s := (*seen)[0]
	if s.method != "POST" || s.path != "/core/v2/oauth/revoke" || s.contentType != "application/x-www-form-urlencoded" || s.raw != "token="+oauthSampleAccess {
		t.Fatalf("revoke request %+v", s)
	}
	// An empty token would revoke the client's own token: refused, nothing sent.
	for _, v := range []string{"", "  "} {
		if err := c.RevokeToken(ctx, v); !errors.Is(err, ErrEmptyRevokeToken) {
			t.Fatalf("RevokeToken(%q) = %v", v, err)
		}
	}
	if len(*seen) != 1 {
		t.Fatalf("%d requests, want 1", len(*seen))
	}
}

// TestOAuthFormSecretsNeverLeak: a server that echoes the form back in its
// errors, in a JSON message and as plain text, and in a success body under a
// key that is not a secret; no log entry and no error may contain a secret.
func TestOAuthFormSecretsNeverLeak(t *testing.T) {
	const pw, cs = "pw-Sup3r$ecret&x", "cs0123456789abcdef0123456789abcd"
	c, rec, _ := oauthServer(t, func(w http.ResponseWriter, s oauthSeen) {
		switch {
		case s.path == "/core/v2/oauth/revoke" && s.form.Get("token") == "ok-"+oauthSampleAccess:
			writeJSON(w, 200, `{"echo":"`+s.form.Get("token")+`"}`)
		case s.path == "/core/v2/oauth/revoke":
			writeJSON(w, 400, `{"message":"invalid token `+s.form.Get("token")+`","errors":[{"field":"token","message":"`+s.raw+`","reference_sid":null}]}`)
		default:
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = io.WriteString(w, "bad form: "+s.raw+" password was "+s.form.Get("password"))
		}
	})
	ctx := context.Background()
	var errs []string
	if err := c.RevokeToken(ctx, oauthSampleAccess); err != nil {
		errs = append(errs, err.Error(), fmt.Sprintf("%+v", err))
	}
	if err := c.RevokeToken(ctx, "ok-"+oauthSampleAccess); err != nil {
		t.Fatal(err)
	}
	_, err := c.CreateToken(ctx, TokenRequest{GrantType: "password", ClientID: "cid", ClientSecret: cs, Username: "u", Password: pw, Scopes: []string{"oauth.manage"}})
	if err != nil {
		errs = append(errs, err.Error(), fmt.Sprintf("%+v", err))
	}
	if len(errs) != 4 {
		t.Fatalf("want 4 error strings, got %q", errs)
	}
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("want a 422 *Error, got %v", err)
	}
	blob := strings.Join(errs, "\n") + "\n" + rec.String()
	for _, s := range []string{oauthSampleAccess, pw, url.QueryEscape(pw), cs, testToken} {
		if strings.Contains(blob, s) {
			t.Errorf("%q leaked:\n%s", s, blob)
		}
	}
	for _, s := range []string{"invalid token ***", "password=***", "client_secret=***", "username=u", "grant_type=password"} {
		if !strings.Contains(blob, s) {
			t.Errorf("missing %q in:\n%s", s, blob)
		}
	}
}

func TestOAuthGetUpdateList(t *testing.T) {
	const sid = "12345678-1234-4123-8123-123456789abc"
	c, _, seen := oauthServer(t, func(w http.ResponseWriter, s oauthSeen) {
		switch {
		case s.method == "GET" && s.path == "/core/v2/oauth/tokens":
			writeJSON(w, 200, `{"count":1,"has_more":false,"items":[`+oauthSampleToken+`],"limit":1000,"offset":0,"pagination":{},"total":null}`)
		case s.path == "/core/v2/oauth/tokens/"+sid:
			writeJSON(w, 200, oauthSampleToken)
		default:
			writeJSON(w, 404, `{"message":"Cannot find item by SID","errors":[{"field":null,"message":"cannot find item by sid","reference_sid":"x"}]}`)
		}
	})
	ctx := context.Background()
	if tk, err := Objects[Token](c, TokenKind).Get(ctx, sid); err != nil || tk.TokenSID != sid {
		t.Fatalf("get: %v %v", tk, err)
	}
	if _, err := Objects[Token](c, TokenKind).Get(ctx, "nope"); !IsNotFound(err) {
		t.Fatalf("get unknown: %v", err)
	}
	if _, err := Objects[Token](c, TokenKind).Update(ctx, sid, map[string]any{"name": "new"}); err != nil {
		t.Fatal(err)
	}
	// [2] is the list that confirms the 404.
	if s := (*seen)[3]; s.method != "PATCH" || s.contentType != "application/json" || s.raw != `{"name":"new"}` {
		t.Fatalf("patch %+v", s)
	}
	tks, err := Objects[Token](c, TokenKind).List(ctx, ListOptions{Filter: Eq("name", "ci_token").String()})
	if err != nil || len(tks) != 1 {
		t.Fatalf("list: %v %v", tks, err)
	}
}

// TestOAuthClientCredentials: configured client credentials go with every
// mint and revoke, as in every documented sample of those forms, and never
// into the log; a request's own credentials win; one without the other is
// refused.
func TestOAuthClientCredentials(t *testing.T) {
	const id, secret = "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"
	var seen []url.Values
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		f, _ := url.ParseQuery(string(b))
		seen = append(seen, f)
		if r.URL.Path == "/core/v2/oauth/revoke" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		writeJSON(w, 200, oauthSampleToken)
	})
	c, rec := newTestClient(t, srv.URL, func(cfg *Config) { cfg.ClientID, cfg.ClientSecret = id, secret })
	ctx := context.Background()
	if _, err := c.CreateToken(ctx, TokenRequest{Name: "ci_token"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateSubPartnerToken(ctx, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", TokenRequest{}); err != nil {
		t.Fatal(err)
	}
	if err := c.RevokeToken(ctx, oauthSampleAccess); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateToken(ctx, TokenRequest{ClientID: "own", ClientSecret: "own-secret"}); err != nil {
		t.Fatal(err)
	}
	for i, f := range seen[:3] {
		if f.Get("client_id") != id || f.Get("client_secret") != secret {
			t.Errorf("request %d sent client_id %q, client_secret %q", i, f.Get("client_id"), f.Get("client_secret"))
		}
	}
	if f := seen[3]; f.Get("client_id") != "own" || f.Get("client_secret") != "own-secret" {
		t.Errorf("a request's own credentials were replaced: %v", f)
	}
	if strings.Contains(rec.String(), secret) {
		t.Errorf("client secret in the log:\n%s", rec.String())
	}
	for _, cfg := range []Config{{ClientID: id}, {ClientSecret: secret}} {
		cfg.BaseURL, cfg.Token = srv.URL, testToken
		if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), "set both or neither") {
			t.Errorf("New(%+v) = %v", cfg, err)
		}
	}
}
