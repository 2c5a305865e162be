package emulator

import (
	"net/url"
	"testing"
	"time"
)

const formType = "application/x-www-form-urlencoded"

// form posts a form-urlencoded body.
func (e *env) form(path, token string, v url.Values) resp {
	e.t.Helper()
	return e.do("POST", e.base+path, token, v.Encode(), "Content-Type", formType)
}

func (e *env) mint(token string, v url.Values) map[string]any {
	e.t.Helper()
	r := e.form("/oauth/token", token, v)
	expectStatus(e.t, r, 200)
	return r.obj()
}

func TestOAuthMint(t *testing.T) {
	e := newEnv(t)
	master := e.srv.Token()
	before := time.Now()
	tk := e.mint(master, url.Values{"name": {"ci"}, "scopes": {"endpoints.read", "oauth.read,oauth.update partners.read"},
		"access_token_expires_in": {"3600"}})
	for _, k := range []string{"access_token", "client_id", "date_created", "date_expiration_access_token",
		"date_expiration_refresh_token", "date_last_accessed", "ip_last_accessed", "name", "partner_sid",
		"refresh_token", "scopes", "token_sid", "token_type"} {
		if _, ok := tk[k]; !ok {
			t.Fatalf("token lacks %s: %v", k, tk)
		}
	}
	if _, ok := tk["client_secret"]; ok {
		t.Fatal("client_secret returned")
	}
	if tk["name"] != "ci" || tk["partner_sid"] != e.srv.PartnerSID() || tk["token_type"] != "bearer" || tk["date_last_accessed"] != nil {
		t.Fatalf("token %v", tk)
	}
	if got := mustMarshal(t, tk["scopes"]); got != `["endpoints.read","oauth.read","oauth.update","partners.read"]` {
		t.Fatalf("scopes %s", got)
	}
	exp, err := time.Parse(time.RFC3339, tk["date_expiration_access_token"].(string))
	if err != nil || exp.Before(before.Add(3599*time.Second)) || exp.After(time.Now().Add(3601*time.Second)) {
		t.Fatalf("expiry %v", tk["date_expiration_access_token"])
	}
	if rexp, _ := time.Parse(time.RFC3339, tk["date_expiration_refresh_token"].(string)); rexp.Before(time.Now().AddDate(99, 0, 0)) {
		t.Fatalf("refresh expiry %v", tk["date_expiration_refresh_token"])
	}
	access := tk["access_token"].(string)
	// the new token works with its scopes only
	expectStatus(t, e.do("GET", e.base+"/endpoints", access, nil), 200)
	expectError(t, e.do("POST", e.base+"/endpoints", access, map[string]any{"type": "third_party"}), 403, "Forbidden", nil)
	g := e.core("GET", "/oauth/tokens/"+tk["token_sid"].(string), nil).obj()
	if g["date_last_accessed"] == nil || g["ip_last_accessed"] != "127.0.0.1" {
		t.Fatalf("last access not recorded: %v", g)
	}

	// media type, scopes, field checks
	expectError(t, e.do("POST", e.base+"/oauth/token", master, map[string]any{"name": "x"}), 415, "Unsupported media type", nil)
	expectError(t, e.form("/oauth/token", master, url.Values{"scopes": {"no.such_scope"}}), 422, "", "scopes")
	expectError(t, e.form("/oauth/token", master, url.Values{"access_token_expires_in": {"soon"}}), 422, "", "access_token_expires_in")
	expectError(t, e.form("/oauth/token", master, url.Values{"colour": {"typo"}}), 422, "", "colour")
	expectError(t, e.form("/oauth/token", master, url.Values{"grant_type": {"magic"}}), 400, "", "grant_type")
	expectError(t, e.form("/oauth/token", e.token("endpoints.read"), url.Values{}), 403, "Forbidden", nil)
	expectError(t, e.form("/oauth/token", "", url.Values{}), 401, "Unauthorized", nil)
	r := e.core("GET", "/oauth/token", nil)
	expectError(t, r, 405, "", nil)
	if r.header.Get("Allow") != "POST" {
		t.Fatalf("Allow %q", r.header.Get("Allow"))
	}
	// no scopes sent: the partner's available_scopes
	all := e.mint(master, url.Values{"name": {"all"}})
	if len(all["scopes"].([]any)) < 20 || all["name"] != "all" {
		t.Fatalf("default scopes %v", all["scopes"])
	}
	if e.mint(master, url.Values{})["name"] != "N/A" {
		t.Fatal("default name")
	}

	// client credentials, when sent, are checked
	cred := e.control("GET", "/partners/"+e.srv.PartnerSID()+"/credentials", nil).obj()
	if cred["client_id"] != tk["client_id"] || len(cred["client_secret"].(string)) != 32 {
		t.Fatalf("credentials %v", cred)
	}
	good := url.Values{"grant_type": {"password"}, "client_id": {cred["client_id"].(string)}, "client_secret": {cred["client_secret"].(string)}}
	e.mint(master, good)
	bad := url.Values{"client_id": {cred["client_id"].(string)}, "client_secret": {"0123456789abcdef0123456789abcdef"}}
	expectError(t, e.form("/oauth/token", master, bad), 401, "Bad credentials", "client_secret")
	expectError(t, e.form("/oauth/token", master, url.Values{"username": {"nobody"}}), 401, "Bad credentials", "username")
	// the seeded partner has no password: any password is wrong
	expectError(t, e.form("/oauth/token", master, url.Values{"password": {"x"}}), 401, "Bad credentials", "password")
}

func TestOAuthTokensListPatch(t *testing.T) {
	e := newEnv(t)
	master := e.srv.Token()
	ctl := e.control("POST", "/tokens", map[string]any{"scopes": []string{"endpoints.read"}, "name": "ctl"}).obj()
	tk := e.mint(master, url.Values{"name": {"mine"}, "scopes": {"oauth.manage", "endpoints.read"}})
	sid := tk["token_sid"].(string)
	l := e.core("GET", "/oauth/tokens?limit=100", nil).obj()
	if l["total"] != nil {
		t.Fatalf("total %v, want null", l["total"])
	}
	names := map[any]bool{}
	for _, it := range l["items"].([]any) {
		m := it.(map[string]any)
		names[m["name"]] = true
		if _, ok := m["client_secret"]; ok {
			t.Fatal("client_secret listed")
		}
	}
	for _, n := range []string{"emulator_master", "ivs_token", "ctl", "mine"} {
		if !names[n] {
			t.Fatalf("list lacks %s: %v", n, names)
		}
	}
	f := e.core("GET", "/oauth/tokens?filter="+url.QueryEscape("name eq ivs_token"), nil).obj()
	ivs := f["items"].([]any)[0].(map[string]any)
	if mustMarshal(t, ivs["scopes"]) != `["lookup.ip_addresses.read","lookup.dids.read","lookup.dids.allow_cnam"]` {
		t.Fatalf("ivs_token %v", ivs)
	}
	g := e.core("GET", "/oauth/tokens/"+ctl["token_sid"].(string)+"?with_related=true", nil).obj()
	if g["partner"].(map[string]any)["partner_sid"] != e.srv.PartnerSID() {
		t.Fatalf("with_related %v", g)
	}

	// rename with any update scope; scopes only with oauth.allow_token_scope_update
	own := tk["access_token"].(string)
	r := e.do("PATCH", e.base+"/oauth/tokens/"+sid, own, map[string]any{"name": "renamed", "access_token": "ignored"})
	expectStatus(t, r, 200)
	if r.obj()["name"] != "renamed" || r.obj()["access_token"] != own {
		t.Fatalf("patch %s", r.raw)
	}
	expectError(t, e.do("PATCH", e.base+"/oauth/tokens/"+sid, own, map[string]any{"scopes": []string{"endpoints.manage"}}), 403, "Forbidden", nil)
	expectStatus(t, e.do("PATCH", e.base+"/oauth/tokens/"+sid, own, map[string]any{"scopes": []string{"endpoints.read", "oauth.manage"}}), 200)
	expectError(t, e.core("PATCH", "/oauth/tokens/"+sid, map[string]any{"scopes": []string{"nope.nope"}}), 422, "", "scopes")
	expectError(t, e.core("PATCH", "/oauth/tokens/"+sid, map[string]any{"name": 5}), 422, "", "name")
	expectError(t, e.core("PATCH", "/oauth/tokens/"+sid, map[string]any{"date_expiration_access_token": "tomorrow"}), 422, "", "date_expiration_access_token")
	r = e.core("PATCH", "/oauth/tokens/"+sid, map[string]any{"scopes": []string{"endpoints.manage"}})
	expectStatus(t, r, 200)
	// new scopes take effect at once
	expectStatus(t, e.do("POST", e.base+"/endpoints", own, map[string]any{"type": "third_party"}), 200)
	expectError(t, e.do("GET", e.base+"/oauth/tokens", own, nil), 403, "Forbidden", nil)
	// PUT needs every writable attribute
	expectError(t, e.core("PUT", "/oauth/tokens/"+sid, map[string]any{"name": "x"}), 422, "", "scopes")
	put := r.obj()
	put["name"] = "put"
	expectStatus(t, e.core("PUT", "/oauth/tokens/"+sid, put), 200)
	// no create or delete on the collection
	expectStatus(t, e.core("POST", "/oauth/tokens", map[string]any{}), 405)
	expectStatus(t, e.core("DELETE", "/oauth/tokens/"+sid, nil), 405)
	expectError(t, e.core("GET", "/oauth/tokens/00000000-0000-4000-8000-000000000000", nil), 404, noItemMessage, nil)

	// seed and control objects
	sr := e.control("POST", "/seed", map[string]any{"collection": "oauth.tokens", "count": 2, "object": map[string]any{"name": "seed-{n}", "scopes": []string{"endpoints.read"}}})
	expectStatus(t, sr, 200)
	seeded := sr.obj()["sids"].([]any)[1].(string)
	o := e.control("GET", "/objects/oauth.tokens/"+seeded, nil).obj()
	if o["name"] != "seed-1" {
		t.Fatalf("seeded %v", o)
	}
	expectStatus(t, e.do("GET", e.base+"/endpoints", o["access_token"].(string), nil), 200)
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "oauth.tokens", "count": 1, "object": map[string]any{"scopes": []string{"bogus"}}}), 422, "", "scopes")
	// reset forgets minted tokens
	expectStatus(t, e.control("POST", "/reset", nil), 204)
	expectError(t, e.do("GET", e.base+"/endpoints", own, nil), 401, "Bad credentials", nil)
	expectStatus(t, e.core("GET", "/oauth/tokens", nil), 200)
}

func TestOAuthRevokeAndExpiry(t *testing.T) {
	e := newEnv(t)
	master := e.srv.Token()
	a := e.mint(master, url.Values{"scopes": {"endpoints.read"}})
	b := e.mint(master, url.Values{"scopes": {"oauth.manage"}})
	// revoke another token by its access token
	r := e.form("/oauth/revoke", master, url.Values{"token": {a["access_token"].(string)}})
	expectStatus(t, r, 204)
	if len(r.raw) != 0 {
		t.Fatalf("revoke body %q", r.raw)
	}
	expectError(t, e.do("GET", e.base+"/endpoints", a["access_token"].(string), nil), 401, "Bad credentials", nil)
	expectError(t, e.core("GET", "/oauth/tokens/"+a["token_sid"].(string), nil), 404, "", nil)
	expectError(t, e.form("/oauth/revoke", master, url.Values{"token": {a["access_token"].(string)}}), 404, "", "token")
	expectError(t, e.do("POST", e.base+"/oauth/revoke", master, `{"token":"x"}`), 415, "Unsupported media type", nil)
	expectError(t, e.form("/oauth/revoke", e.token("oauth.read"), url.Values{}), 403, "Forbidden", nil)
	// no token field: the calling token is revoked
	expectStatus(t, e.form("/oauth/revoke", b["access_token"].(string), url.Values{"token_type": {"bearer"}}), 204)
	expectError(t, e.do("GET", e.base+"/oauth/tokens", b["access_token"].(string), nil), 401, "Bad credentials", nil)

	// an expired token answers 401
	c := e.mint(master, url.Values{"scopes": {"endpoints.read"}})
	expectStatus(t, e.do("GET", e.base+"/endpoints", c["access_token"].(string), nil), 200)
	expectStatus(t, e.control("PATCH", "/objects/oauth.tokens/"+c["token_sid"].(string), map[string]any{"date_expiration_access_token": "2020-01-01T00:00:00.000Z"}), 200)
	expectError(t, e.do("GET", e.base+"/endpoints", c["access_token"].(string), nil), 401, "Bad credentials", nil)
	// and so does one expired through the API
	d := e.mint(master, url.Values{"scopes": {"endpoints.read"}})
	expectStatus(t, e.core("PATCH", "/oauth/tokens/"+d["token_sid"].(string), map[string]any{"date_expiration_access_token": "2001-02-03T04:05:06Z"}), 200)
	expectError(t, e.do("GET", e.base+"/endpoints", d["access_token"].(string), nil), 401, "Bad credentials", nil)
}

func TestOAuthSubPartner(t *testing.T) {
	e := newEnv(t)
	master := e.srv.Token()
	sub := e.control("POST", "/seed", map[string]any{"collection": "partners", "count": 1}).obj()["sids"].([]any)[0].(string)
	parentEP := e.createEndpoint(map[string]any{"type": "third_party", "name": "parent-only"})["endpoint_sid"].(string)
	r := e.form("/oauth/token/"+sub, master, url.Values{"name": {"sub"}, "scopes": {"endpoints.manage,oauth.manage"}})
	expectStatus(t, r, 200)
	st := r.obj()
	if st["partner_sid"] != sub {
		t.Fatalf("sub token %v", st)
	}
	subTok := st["access_token"].(string)
	// isolation: the sub-partner cannot see or change the parent's endpoint
	expectError(t, e.do("GET", e.base+"/endpoints/"+parentEP, subTok, nil), 404, noItemMessage, nil)
	expectError(t, e.do("PATCH", e.base+"/endpoints/"+parentEP, subTok, map[string]any{"name": "x"}), 404, noItemMessage, nil)
	expectError(t, e.do("DELETE", e.base+"/endpoints/"+parentEP, subTok, nil), 404, noItemMessage, nil)
	if n := len(e.do("GET", e.base+"/endpoints", subTok, nil).obj()["items"].([]any)); n != 1 {
		t.Fatalf("sub-partner sees %d endpoints", n)
	}
	// its tokens: its own and its ivs_token; the parent sees them with oauth.manage_all_tokens
	l := e.do("GET", e.base+"/oauth/tokens", subTok, nil).obj()
	if len(l["items"].([]any)) != 2 {
		t.Fatalf("sub-partner tokens %v", l)
	}
	expectStatus(t, e.core("GET", "/oauth/tokens/"+st["token_sid"].(string), nil), 200)
	limited := e.token("oauth.manage")
	expectError(t, e.do("GET", e.base+"/oauth/tokens/"+st["token_sid"].(string), limited, nil), 404, "", nil)
	// minting for non-descendants or for itself through the sub-partner route: 404
	expectError(t, e.form("/oauth/token/"+e.srv.PartnerSID(), subTok, url.Values{}), 404, noItemMessage, nil)
	expectError(t, e.form("/oauth/token/"+e.srv.PartnerSID(), master, url.Values{}), 404, noItemMessage, nil)
	expectError(t, e.form("/oauth/token/00000000-0000-4000-8000-000000000000", master, url.Values{}), 404, "", nil)
	// the sub-partner's scopes are bounded by its available_scopes
	expectError(t, e.form("/oauth/token/"+sub, master, url.Values{"scopes": {"bogus.read"}}), 422, "", "scopes")
	// the parent revokes the sub-partner's token
	expectStatus(t, e.form("/oauth/revoke", master, url.Values{"token": {subTok}}), 204)
	expectError(t, e.do("GET", e.base+"/endpoints", subTok, nil), 401, "Bad credentials", nil)
}
