package emulator

import (
	"net/url"
	"testing"
)

func samplePartner(login string) map[string]any {
	return map[string]any{"login": login, "password": "Str0ng-Passw0rd", "name": "Sam Roe", "company_name": "SubCo",
		"parent_sid": "", "country_code": "USA", "zip": "12345", "owner_email": "sam@subco.example",
		"tech_email": "tech@subco.example", "payment_type": "postpay", "phonenumber": "15550002222",
		"charge_at": 20, "prepay_amount": "100"}
}

func TestPartnerCreateVerify(t *testing.T) {
	e := newEnv(t)
	master := e.srv.Token()
	r := e.core("POST", "/partners", samplePartner("subco"))
	expectStatus(t, r, 200)
	p := r.obj()
	sub := p["partner_sid"].(string)
	if p["status"] != "unverified" || p["owner_email"] != nil || p["tech_email"] != nil || p["billing_email"] != nil ||
		p["parent_sid"] != e.srv.PartnerSID() || p["charge_at"] != nil || p["prepay_amount"] != nil ||
		p["balance"] != "5" || p["daily_spending_limit"] != "500" || p["spending_limit"] != "100" || p["state"] != "" || p["login"] != "subco" || p["company_name"] != "SubCo" || p["city"] != nil {
		t.Fatalf("created partner %s", r.raw)
	}
	if _, ok := p["password"]; ok {
		t.Fatal("password returned")
	}
	if !uuidRE.MatchString(sub) || len(p["available_scopes"].([]any)) == 0 {
		t.Fatalf("partner %s", r.raw)
	}
	// unverified: not listed, but readable by SID
	for _, it := range e.core("GET", "/partners?limit=100", nil).obj()["items"].([]any) {
		if it.(map[string]any)["partner_sid"] == sub {
			t.Fatal("unverified partner listed")
		}
	}
	expectStatus(t, e.core("GET", "/partners/"+sub, nil), 200)
	// its own system_gateway and ivs_token
	toks := e.core("GET", "/oauth/tokens?filter="+url.QueryEscape("partner_sid eq "+sub), nil).obj()["items"].([]any)
	if len(toks) != 1 || toks[0].(map[string]any)["name"] != "ivs_token" {
		t.Fatalf("sub-partner tokens %v", toks)
	}
	// password grant for the sub-partner with its login and password
	pw := url.Values{"grant_type": {"password"}, "username": {"subco"}, "password": {"Str0ng-Passw0rd"}, "scopes": {"endpoints.read"}}
	r = e.form("/oauth/token/"+sub, master, pw)
	expectStatus(t, r, 200)
	subTok := r.obj()["access_token"].(string)
	eps := e.do("GET", e.base+"/endpoints", subTok, nil).obj()["items"].([]any)
	if len(eps) != 1 || eps[0].(map[string]any)["type"] != "system_gateway" || eps[0].(map[string]any)["partner_sid"] != sub {
		t.Fatalf("sub-partner endpoints %v", eps)
	}
	pw.Set("password", "wrong")
	expectError(t, e.form("/oauth/token/"+sub, master, pw), 401, "Bad credentials", "password")

	// verification shows the e-mails and lists the partner
	r = e.control("POST", "/partners/"+sub+"/verify", nil)
	expectStatus(t, r, 200)
	if r.obj()["status"] != "active" || r.obj()["owner_email"] != "sam@subco.example" {
		t.Fatalf("verified %s", r.raw)
	}
	if g := e.core("GET", "/partners/"+sub, nil).obj(); g["tech_email"] != "tech@subco.example" || g["billing_email"] != nil {
		t.Fatalf("after verify %v", g)
	}
	found := false
	for _, it := range e.core("GET", "/partners?limit=100", nil).obj()["items"].([]any) {
		found = found || it.(map[string]any)["partner_sid"] == sub
	}
	if !found {
		t.Fatal("verified partner not listed")
	}
	expectError(t, e.control("POST", "/partners/nope/verify", nil), 404, "", nil)
	expectStatus(t, e.control("GET", "/partners/"+sub+"/verify", nil), 405)

	// create errors
	expectError(t, e.core("POST", "/partners", map[string]any{"login": "x"}), 422, "", "password")
	expectError(t, e.core("POST", "/partners", samplePartner("subco")), 422, "", "login")
	expectError(t, e.core("POST", "/partners", samplePartner("exampleco")), 422, "", "login")
	bad := samplePartner("other")
	bad["parent_sid"] = "00000000-0000-4000-8000-000000000000"
	expectError(t, e.core("POST", "/partners", bad), 422, "", "parent_sid")
	bad = samplePartner("other")
	bad["charge_at"] = "lots"
	expectError(t, e.core("POST", "/partners", bad), 422, "", "charge_at")
	bad = samplePartner("other")
	bad["balance"] = "1000000" // read only: ignored
	bad["status"] = "active"
	r = e.core("POST", "/partners", bad)
	expectStatus(t, r, 200)
	if r.obj()["balance"] != "5" || r.obj()["status"] != "unverified" {
		t.Fatalf("read-only fields taken: %s", r.raw)
	}
	expectError(t, e.do("POST", e.base+"/partners", e.token("partners.read"), samplePartner("third")), 403, "Forbidden", nil)
	expectStatus(t, e.do("POST", e.base+"/partners", e.token("partners.create"), samplePartner("third")), 200)
	// no delete
	r = e.core("DELETE", "/partners/"+sub, nil)
	expectError(t, r, 405, "", nil)
	// seeds stay active
	seeded := e.control("POST", "/seed", map[string]any{"collection": "partners", "count": 1}).obj()["sids"].([]any)[0].(string)
	if e.core("GET", "/partners/"+seeded, nil).obj()["status"] != "active" {
		t.Fatal("seeded partner not active")
	}
}

func TestPartnerUpdate(t *testing.T) {
	e := newEnv(t)
	sub := e.core("POST", "/partners", samplePartner("subco")).obj()["partner_sid"].(string)
	patch := func(body map[string]any) resp { return e.core("PATCH", "/partners/"+sub, body) }
	r := patch(map[string]any{"address1": "2 Main St", "balance": "99", "status": "active", "display_id": "CX00000000"})
	expectStatus(t, r, 200)
	p := r.obj()
	if p["address1"] != "2 Main St" || p["balance"] != "5" || p["status"] != "unverified" || p["display_id"] == "CX00000000" {
		t.Fatalf("patch %s", r.raw)
	}
	expectError(t, patch(map[string]any{"parent_sid": sub}), 422, "", "parent_sid")
	// callbacks: documented keys only, URLs
	r = patch(map[string]any{"callbacks": map[string]any{"sms": "https://example.org/cx/sms", "app_mediator": ""}})
	expectStatus(t, r, 200)
	if mustMarshal(t, r.obj()["callbacks"]) != `{"app_mediator":null,"sms":"https://example.org/cx/sms"}` {
		t.Fatalf("callbacks %v", r.obj()["callbacks"])
	}
	expectError(t, patch(map[string]any{"callbacks": map[string]any{"voice": "https://example.org"}}), 422, "", "callbacks.voice")
	expectError(t, patch(map[string]any{"callbacks": map[string]any{"sms": "not a url"}}), 422, "", "callbacks.sms")
	expectError(t, patch(map[string]any{"callbacks": []any{}}), 422, "", "callbacks")
	for _, k := range callbackKeys {
		expectStatus(t, patch(map[string]any{"callbacks": map[string]any{k: "https://example.org/" + k}}), 200)
	}
	// nested objects are replaced wholesale
	expectStatus(t, patch(map[string]any{"attributes": map[string]any{"a": "1"}, "transformations": []any{map[string]any{"x": 1}}}), 200)
	r = patch(map[string]any{"attributes": map[string]any{"b": "2"}, "transformations": []any{}})
	if mustMarshal(t, r.obj()["attributes"]) != `{"b":"2"}` || len(r.obj()["transformations"].([]any)) != 0 ||
		mustMarshal(t, r.obj()["callbacks"]) != `{"phonenumber_messaging_update":"https://example.org/phonenumber_messaging_update"}` {
		t.Fatalf("replace %s", r.raw)
	}
	expectError(t, patch(map[string]any{"attributes": "x"}), 422, "", "attributes")
	expectError(t, patch(map[string]any{"country_code": "US"}), 422, "", "country_code")
	expectError(t, patch(map[string]any{"unknown": 1}), 422, "", "unknown")
	// a new password is accepted and never returned
	r = patch(map[string]any{"password": "N3w-Passw0rd"})
	expectStatus(t, r, 200)
	if _, ok := r.obj()["password"]; ok {
		t.Fatal("password returned")
	}
	expectStatus(t, e.form("/oauth/token/"+sub, e.srv.Token(), url.Values{"username": {"subco"}, "password": {"N3w-Passw0rd"}}), 200)

	// acls: the partner's own; the parent cannot set them
	rule := e.core("POST", "/accesscontrol/rules", map[string]any{"entries": []string{"1555"}, "field": "from", "operation": "prefix", "quantifier": "any"}).obj()["rule_sid"].(string)
	acl := []any{map[string]any{"direction": "outbound", "access_control_rules": []string{rule}, "sms_action_true": "reject", "voice_action_true": "reject403"}}
	expectError(t, patch(map[string]any{"acls": acl}), 422, "", "acls")
	subTok := e.control("POST", "/tokens", map[string]any{"scopes": []string{"partners.read", "partners.update"}, "partner_sid": sub}).obj()["access_token"].(string)
	r = e.do("PATCH", e.base+"/partners/"+sub, subTok, map[string]any{"acls": acl})
	expectStatus(t, r, 200)
	if a := r.obj()["acls"].([]any)[0].(map[string]any); a["sms_action_true"] != "reject" || a["sms_action_false"] != nil {
		t.Fatalf("acls %s", r.raw)
	}
	expectError(t, e.do("PATCH", e.base+"/partners/"+sub, subTok, map[string]any{"acls": []any{map[string]any{"direction": "outbound", "access_control_rules": []string{"nope"}}}}), 422, "", "acls[0].access_control_rules[0]")
	// the sub-partner cannot reach its parent
	expectError(t, e.do("PATCH", e.base+"/partners/"+e.srv.PartnerSID(), subTok, map[string]any{"name": "x"}), 404, noItemMessage, nil)
	expectError(t, e.do("PATCH", e.base+"/partners/"+sub, e.token("partners.read"), map[string]any{"name": "x"}), 403, "Forbidden", nil)
	// a partner updates itself
	expectStatus(t, e.core("PATCH", "/partners/"+e.srv.PartnerSID(), map[string]any{"city": "Shelbyville"}), 200)

	// PUT: every writable attribute but the password
	expectError(t, e.core("PUT", "/partners/"+sub, map[string]any{"name": "x"}), 422, "", "zip")
	full := e.core("GET", "/partners/"+sub, nil).obj()
	full["name"] = "Put Name"
	r = e.core("PUT", "/partners/"+sub, full)
	expectStatus(t, r, 200)
	if r.obj()["name"] != "Put Name" {
		t.Fatalf("put %s", r.raw)
	}
}
