package emulator

import (
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestAuth(t *testing.T) {
	e := newEnv(t)
	expectError(t, e.do("GET", e.base+"/endpoints", "", nil), 401, "Unauthorized", nil)
	expectError(t, e.do("GET", e.base+"/endpoints", "not-a-token", nil), 401, "Bad credentials", nil)
	expectError(t, e.do("GET", e.base+"/endpoints", "", nil, "Authorization", "Basic dXNlcjpwYXNz"), 401, "Bad credentials", nil)

	ro := e.token("endpoints.read")
	expectStatus(t, e.do("GET", e.base+"/endpoints", ro, nil), 200)
	expectError(t, e.do("POST", e.base+"/endpoints", ro, map[string]any{"type": "third_party"}), 403, "Forbidden", nil)
	expectError(t, e.do("GET", e.base+"/partners", ro, nil), 403, "Forbidden", nil)
	cr := e.token("endpoints.create")
	expectStatus(t, e.do("POST", e.base+"/endpoints", cr, map[string]any{"type": "third_party"}), 200)
	expectError(t, e.do("GET", e.base+"/endpoints", cr, nil), 403, "Forbidden", nil)

	// revoked token
	r := e.control("POST", "/tokens", map[string]any{"scopes": []string{"endpoints.manage"}})
	tok := r.obj()
	expectStatus(t, e.control("DELETE", "/tokens/"+tok["token_sid"].(string), nil), 204)
	expectError(t, e.do("GET", e.base+"/endpoints", tok["access_token"].(string), nil), 401, "Bad credentials", nil)
}

func TestRequestErrors(t *testing.T) {
	e := newEnv(t)
	tok := e.srv.Token()
	expectError(t, e.do("POST", e.base+"/endpoints", tok, `{"type":"third_party"}`, "Content-Type", "text/plain"), 415, "Unsupported media type", nil)
	expectError(t, e.do("POST", e.base+"/endpoints", tok, `{"type":"third_party"}`, "Content-Type", ""), 415, "Unsupported media type", nil)
	expectStatus(t, e.do("POST", e.base+"/endpoints", tok, `{"type":"third_party"}`, "Content-Type", "application/json; charset=utf-8"), 200)
	for _, bad := range []string{`{"type":`, ``, `[1]`, `{"a":1} x`} {
		expectError(t, e.do("POST", e.base+"/endpoints", tok, bad), 400, "No JSON object could be decoded", nil)
	}
	r := e.core("GET", "/endpoints/00000000-0000-4000-8000-000000000000", nil)
	expectError(t, r, 404, noItemMessage, nil)
	if m := r.obj()["errors"].([]any)[0].(map[string]any)["message"]; m != "cannot find item by sid" {
		t.Fatalf("errors[0].message = %v", m)
	}
	expectError(t, e.core("GET", "/nothing", nil), 404, "Not Found", nil)
	expectError(t, e.core("GET", "/endpoints/a/b", nil), 404, "Not Found", nil)
	expectError(t, e.do("GET", e.ts.URL+"/elsewhere", tok, nil), 404, "Not Found", nil)
	r = e.core("DELETE", "/endpoints", nil)
	expectError(t, r, 405, "", nil)
	if r.header.Get("Allow") == "" {
		t.Fatal("405 without Allow header")
	}
	expectError(t, e.core("POST", "/partners", map[string]any{}), 422, "object validation error", "login")
	expectError(t, e.core("DELETE", "/partners/"+e.srv.PartnerSID(), nil), 405, "", nil)
	// 405 is decided before credentials are looked at
	expectStatus(t, e.do("PUT", e.base+"/endpoints", "", nil), 405)
	expectError(t, e.core("GET", "/endpoints?limit=-1", nil), 400, "", "limit")
	expectError(t, e.core("GET", "/endpoints?limit=abc", nil), 400, "", "limit")
	expectError(t, e.core("GET", "/endpoints?offset=1.5", nil), 400, "", "offset")
	expectError(t, e.core("GET", "/endpoints?order=nope", nil), 400, "", "order")
	expectError(t, e.core("GET", "/endpoints?order=name+sideways", nil), 400, "", "order")
}

func TestValidation(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		name  string
		body  map[string]any
		field string
	}{
		{"missing type", map[string]any{"name": "x"}, "type"},
		{"bad type", map[string]any{"type": "bridge"}, "type"},
		{"system_gateway", map[string]any{"type": "system_gateway"}, "type"},
		{"bad transport", map[string]any{"type": "third_party", "addresses": []any{map[string]any{"ip": "192.0.2.1", "transport": "sctp"}}}, "addresses[0].transport"},
		{"bad direction", map[string]any{"type": "third_party", "addresses": []any{map[string]any{"ip": "192.0.2.1", "direction": "up"}}}, "addresses[0].direction"},
		{"missing ip", map[string]any{"type": "third_party", "addresses": []any{map[string]any{"ip": "192.0.2.1"}, map[string]any{"port": 5060}}}, "addresses[1].ip"},
		{"bad port", map[string]any{"type": "third_party", "addresses": []any{map[string]any{"ip": "192.0.2.1", "port": 70000}}}, "addresses[0].port"},
		{"bad port string", map[string]any{"type": "third_party", "addresses": []any{map[string]any{"ip": "192.0.2.1", "dst_port": "50x"}}}, "addresses[0].dst_port"},
		{"unknown address key", map[string]any{"type": "third_party", "addresses": []any{map[string]any{"ip": "192.0.2.1", "prt": 1}}}, "addresses[0].prt"},
		{"unknown attribute", map[string]any{"type": "third_party", "colour": "red"}, "colour"},
		{"negative capacity", map[string]any{"type": "third_party", "capacity": -1}, "capacity"},
		{"fractional capacity", map[string]any{"type": "third_party", "capacity": 1.5}, "capacity"},
		{"string capacity", map[string]any{"type": "third_party", "capacity": "3"}, "capacity"},
		{"attributes not object", map[string]any{"type": "third_party", "attributes": []any{}}, "attributes"},
		{"transformations not array", map[string]any{"type": "third_party", "transformations": map[string]any{}}, "transformations"},
		{"auth_required not bool", map[string]any{"type": "third_party", "auth_required": "yes"}, "auth_required"},
		{"name not string", map[string]any{"type": "third_party", "name": 5}, "name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			expectError(t, e.core("POST", "/endpoints", c.body), 422, "object validation error", c.field)
		})
	}
	r := e.core("POST", "/endpoints", map[string]any{"type": "third_party", "partner_sid": "11111111-1111-4111-8111-111111111111"})
	expectError(t, r, 422, "object validation error", "partner_sid")
	if ref := r.obj()["errors"].([]any)[0].(map[string]any)["reference_sid"]; ref != "11111111-1111-4111-8111-111111111111" {
		t.Fatalf("reference_sid = %v", ref)
	}
	// nothing was stored by the failed creates
	if got := e.core("GET", "/endpoints", nil).obj()["total"]; num(got) != 1 {
		t.Fatalf("total after failed creates = %v, want 1 (system_gateway)", got)
	}
}

func TestCreateDefaults(t *testing.T) {
	e := newEnv(t)
	r := e.core("POST", "/endpoints", map[string]any{"name": "pbx-east", "type": "third_party",
		"addresses": []any{map[string]any{"ip": "203.0.113.10", "port": "5060", "transport": "udp"}}})
	expectStatus(t, r, 200)
	got := r.obj()
	sid, _ := got["endpoint_sid"].(string)
	vt, _ := got["voip_token"].(string)
	if !uuidRE.MatchString(sid) || !uuidRE.MatchString(vt) {
		t.Fatalf("endpoint_sid %q / voip_token %q are not lowercase UUID v4", sid, vt)
	}
	// The documented create example of CarrierX docs (Endpoints), with generated values filled in.
	want := mustJSON(t, `{
	  "addresses": [
	    {"direction": "any", "dst_port": 5060, "ip": "203.0.113.10", "location_sid": null, "port": 5060,
	     "priority": 0, "sip_password": null, "sip_username": null, "srtp": false, "transport": "udp"}
	  ],
	  "attributes": {}, "auth_required": true, "capacity": 0, "cps_limit": null,
	  "endpoint_sid": "`+sid+`", "name": "pbx-east", "out_sip_password": null, "out_sip_username": null,
	  "partner_sid": "`+e.srv.PartnerSID()+`", "properties": {}, "transformations": [],
	  "type": "third_party", "voip_token": "`+vt+`"}`)
	if !reflect.DeepEqual(normalizeJSON(got), normalizeJSON(want)) {
		t.Fatalf("created object\n got %s\nwant %s", r.raw, mustMarshal(t, want))
	}
	// the raw body has the integer, not the string
	if !strings.Contains(string(r.raw), `"port":5060`) {
		t.Fatalf("port not an integer in %s", r.raw)
	}
	// minimal body: name defaults to N/A; "" credentials become null
	m := e.createEndpoint(map[string]any{"type": "voicemail", "out_sip_username": "", "out_sip_password": "pw"})
	if m["name"] != "N/A" || m["out_sip_username"] != nil || m["out_sip_password"] != "pw" || m["voip_token"] != nil {
		t.Fatalf("defaults: %v", m)
	}
	if p := m["properties"].(map[string]any); len(p) != 0 {
		t.Fatalf("voicemail properties = %v", p)
	}
	// read-only attributes in a create body are ignored
	m = e.createEndpoint(map[string]any{"type": "third_party", "endpoint_sid": "x", "voip_token": "y", "cps_limit": 5})
	if m["endpoint_sid"] == "x" || m["voip_token"] == "y" || m["cps_limit"] != nil {
		t.Fatalf("read-only attributes taken from body: %v", m)
	}
	// GET returns the same object
	g := e.core("GET", "/endpoints/"+sid, nil)
	expectStatus(t, g, 200)
	if !reflect.DeepEqual(g.obj(), got) {
		t.Fatalf("GET differs from create:\n%s\n%s", g.raw, r.raw)
	}
}

func TestHostedProperties(t *testing.T) {
	e := newEnv(t)
	// The endpoint APIs the emulator serves point at the emulator itself,
	// with UUID account SIDs; Conference v1 is not served.
	urls := map[string]string{
		"conference":          "https://api.carrierx.com/conference/v1",
		"conference_playback": "https://api.carrierx.com/conference/v1",
		"conference_v2":       e.ts.URL + "/conference/v2",
		"flexml":              e.ts.URL + "/flexml/v1",
		"mediator":            e.ts.URL + "/mediator/v1",
	}
	for typ, url := range urls {
		m := e.createEndpoint(map[string]any{"type": typ, "properties": map[string]any{"login": "mine", "custom": "v"}})
		p := m["properties"].(map[string]any)
		if p["api_url"] != url || p["custom"] != "v" || m["voip_token"] != nil {
			t.Fatalf("%s properties %v", typ, p)
		}
		sidRE := regexp.MustCompile(`^[A-Za-z0-9]{32}$`)
		if apiOfType(typ) != nil {
			sidRE = uuidRE
		}
		if !sidRE.MatchString(p["account_sid"].(string)) ||
			!regexp.MustCompile(`^`+typ+`_[a-z0-9]{8}$`).MatchString(p["login"].(string)) ||
			!regexp.MustCompile(`^[A-Za-z0-9]{12}$`).MatchString(p["password"].(string)) {
			t.Fatalf("%s generated credentials %v", typ, p)
		}
	}
	m := e.createEndpoint(map[string]any{"type": "flexml", "name": "fx"})
	sid := m["endpoint_sid"].(string)
	orig := m["properties"].(map[string]any)
	// PATCH replaces properties wholesale, but the credentials stay
	r := e.core("PATCH", "/endpoints/"+sid, map[string]any{"properties": map[string]any{"password": "hack", "extra": "1"}})
	expectStatus(t, r, 200)
	p := r.obj()["properties"].(map[string]any)
	want := map[string]any{"account_sid": orig["account_sid"], "api_url": orig["api_url"], "login": orig["login"], "password": orig["password"], "extra": "1"}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("properties after PATCH %v, want %v", p, want)
	}
	r = e.core("PATCH", "/endpoints/"+sid, map[string]any{"name": "fx2"})
	if !reflect.DeepEqual(r.obj()["properties"], want) {
		t.Fatalf("properties changed by unrelated PATCH: %v", r.obj()["properties"])
	}
}

func TestPatchPutDelete(t *testing.T) {
	e := newEnv(t)
	m := e.createEndpoint(map[string]any{"type": "third_party", "name": "a", "capacity": 3,
		"attributes": map[string]any{"k": "v"}, "addresses": []any{map[string]any{"ip": "192.0.2.1"}, map[string]any{"ip": "192.0.2.2"}}})
	sid := m["endpoint_sid"].(string)
	path := "/endpoints/" + sid

	r := e.core("PATCH", path, map[string]any{"name": "b"})
	expectStatus(t, r, 200)
	p := r.obj()
	if p["name"] != "b" || num(p["capacity"]) != 3 || len(p["addresses"].([]any)) != 2 || p["voip_token"] != m["voip_token"] {
		t.Fatalf("PATCH is not partial: %s", r.raw)
	}
	// arrays are replaced wholesale; read-only ignored
	r = e.core("PATCH", path, map[string]any{"addresses": []any{map[string]any{"ip": "example.com", "port": "5080"}}, "voip_token": "zzz", "endpoint_sid": "zzz"})
	expectStatus(t, r, 200)
	p = r.obj()
	addrs := p["addresses"].([]any)
	if len(addrs) != 1 || num(addrs[0].(map[string]any)["port"]) != 5080 || p["voip_token"] != m["voip_token"] || p["endpoint_sid"] != sid {
		t.Fatalf("PATCH addresses/read-only: %s", r.raw)
	}
	expectError(t, e.core("PATCH", path, map[string]any{"type": "flexml"}), 422, "object validation error", "type")
	expectError(t, e.core("PATCH", path, map[string]any{"partner_sid": "11111111-1111-4111-8111-111111111111"}), 422, "object validation error", "partner_sid")
	expectError(t, e.core("PATCH", path, map[string]any{"bogus": 1}), 422, "object validation error", "bogus")
	expectStatus(t, e.core("PATCH", path, map[string]any{"type": "third_party"}), 200) // unchanged is fine

	// PUT needs every writable attribute
	r = e.core("PUT", path, map[string]any{"name": "c"})
	expectError(t, r, 422, "object validation error", "capacity")
	full := e.core("GET", path, nil).obj()
	full["name"] = "c"
	full["capacity"] = 7
	delete(full, "type")
	delete(full, "partner_sid") // create-only attributes may be left out
	r = e.core("PUT", path, full)
	expectStatus(t, r, 200)
	if p := r.obj(); p["name"] != "c" || num(p["capacity"]) != 7 || p["type"] != "third_party" {
		t.Fatalf("PUT result %s", r.raw)
	}
	delete(full, "attributes")
	expectError(t, e.core("PUT", path, full), 422, "object validation error", "attributes")

	// unknown SID on update
	expectError(t, e.core("PATCH", "/endpoints/00000000-0000-4000-8000-000000000000", map[string]any{"name": "x"}), 404, noItemMessage, nil)

	r = e.core("DELETE", path, nil)
	expectStatus(t, r, 204)
	if len(r.raw) != 0 {
		t.Fatalf("204 with body %q", r.raw)
	}
	expectError(t, e.core("GET", path, nil), 404, noItemMessage, nil)
	expectError(t, e.core("DELETE", path, nil), 404, noItemMessage, nil)
}

func TestSystemGateway(t *testing.T) {
	e := newEnv(t)
	path := "/endpoints/" + e.srv.SystemGatewaySID()
	r := e.core("GET", path, nil)
	expectStatus(t, r, 200)
	g := r.obj()
	if g["type"] != "system_gateway" || len(g["addresses"].([]any)) != 2 || g["partner_sid"] != e.srv.PartnerSID() {
		t.Fatalf("system gateway %s", r.raw)
	}
	r = e.core("PATCH", path, map[string]any{"name": "x"})
	expectError(t, r, 403, "Forbidden", nil)
	if !strings.Contains(string(r.raw), "cannot be modified") {
		t.Fatalf("403 message: %s", r.raw)
	}
	expectError(t, e.core("PUT", path, g), 403, "Forbidden", nil)
	r = e.core("DELETE", path, nil)
	expectError(t, r, 403, "Forbidden", nil)
	if !strings.Contains(string(r.raw), "cannot be deleted") {
		t.Fatalf("403 message: %s", r.raw)
	}
	expectStatus(t, e.core("GET", path, nil), 200)
}

func TestFieldFilteringAndRelated(t *testing.T) {
	e := newEnv(t)
	m := e.createEndpoint(map[string]any{"type": "third_party", "name": "ff"})
	sid := m["endpoint_sid"].(string)
	keys := func(o any) []string {
		var ks []string
		for k := range o.(map[string]any) {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	for _, q := range []string{"include_fields=name,+endpoint_sid", "includeFields=name,endpoint_sid"} {
		r := e.core("GET", "/endpoints/"+sid+"?"+q, nil)
		if got := keys(r.body); !reflect.DeepEqual(got, []string{"endpoint_sid", "name"}) {
			t.Fatalf("%s: keys %v", q, got)
		}
	}
	r := e.core("GET", "/endpoints/"+sid+"?exclude_fields=addresses,properties", nil)
	if _, ok := r.obj()["addresses"]; ok || r.obj()["name"] != "ff" {
		t.Fatalf("exclude_fields: %s", r.raw)
	}
	l := e.core("GET", "/endpoints?include_fields=endpoint_sid&filter=name+eq+ff", nil).obj()
	if num(l["count"]) != 1 || !reflect.DeepEqual(keys(l["items"].([]any)[0]), []string{"endpoint_sid"}) {
		t.Fatalf("list field filtering: %v", l)
	}
	if _, ok := l["total"]; !ok {
		t.Fatal("envelope was trimmed")
	}
	r = e.core("GET", "/endpoints/"+sid+"?with_related=true", nil)
	p, ok := r.obj()["partner"].(map[string]any)
	if !ok || p["partner_sid"] != e.srv.PartnerSID() {
		t.Fatalf("with_related: %s", r.raw)
	}
	if _, ok := e.core("GET", "/endpoints/"+sid, nil).obj()["partner"]; ok {
		t.Fatal("partner embedded without with_related")
	}
	l = e.core("GET", "/endpoints?with_related=true", nil).obj()
	for _, it := range l["items"].([]any) {
		if _, ok := it.(map[string]any)["partner"].(map[string]any); !ok {
			t.Fatalf("list with_related: %v", it)
		}
	}
	expectError(t, e.core("GET", "/endpoints?with_related=maybe", nil), 400, "", "with_related")
}

func TestPartners(t *testing.T) {
	e := newEnv(t)
	r := e.core("GET", "/partners/"+e.srv.PartnerSID(), nil)
	expectStatus(t, r, 200)
	p := r.obj()
	want := []string{"acls", "address1", "address2", "attributes", "available_scopes", "balance", "billing_email",
		"callbacks", "charge_at", "city", "company_name", "country_code", "daily_spending_limit", "daily_spent_amount",
		"date_created", "display_id", "login", "name", "owner_email", "parent_assigned_acls", "parent_sid",
		"partner_sid", "payment_type", "phonenumber", "prepay_amount", "spending_limit", "state", "status",
		"tech_email", "transformations", "zip"}
	var got []string
	for k := range p {
		got = append(got, k)
	}
	sort.Strings(got)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("partner keys\n got %v\nwant %v", got, want)
	}
	for _, k := range []string{"balance", "daily_spending_limit", "daily_spent_amount", "spending_limit"} {
		if _, ok := p[k].(string); !ok {
			t.Fatalf("%s is not a JSON string: %v", k, p[k])
		}
	}
	if p["status"] != "active" || !regexp.MustCompile(`^CX[0-9]{8}$`).MatchString(p["display_id"].(string)) ||
		!regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`).MatchString(p["date_created"].(string)) {
		t.Fatalf("partner %s", r.raw)
	}
	scopes := p["available_scopes"].([]any)
	for _, need := range []string{"endpoints.manage", "partners.read"} {
		found := false
		for _, s := range scopes {
			found = found || s == need
		}
		if !found {
			t.Fatalf("available_scopes lacks %s: %v", need, scopes)
		}
	}
	// a sub-partner (seeded) is visible to its parent, not the reverse
	sr := e.control("POST", "/seed", map[string]any{"collection": "partners", "count": 1, "object": map[string]any{"name": "Sub", "charge_at": 20}})
	expectStatus(t, sr, 200)
	sub := sr.obj()["sids"].([]any)[0].(string)
	l := e.core("GET", "/partners", nil).obj()
	if num(l["total"]) != 2 {
		t.Fatalf("partners list: %v", l)
	}
	sp := e.core("GET", "/partners/"+sub, nil).obj()
	if sp["parent_sid"] != e.srv.PartnerSID() || sp["charge_at"] != "20" {
		t.Fatalf("sub-partner %v", sp)
	}
	subTok := e.control("POST", "/tokens", map[string]any{"scopes": []string{"partners.read", "endpoints.read"}, "partner_sid": sub}).obj()["access_token"].(string)
	expectError(t, e.do("GET", e.base+"/partners/"+e.srv.PartnerSID(), subTok, nil), 404, noItemMessage, nil)
	sl := e.do("GET", e.base+"/partners", subTok, nil).obj()
	if num(sl["total"]) != 1 {
		t.Fatalf("sub-partner sees %v partners", sl["total"])
	}
	// the sub-partner got its own system_gateway; endpoints are per partner
	el := e.do("GET", e.base+"/endpoints", subTok, nil).obj()
	items := el["items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["type"] != "system_gateway" {
		t.Fatalf("sub-partner endpoints %v", el)
	}
	expectError(t, e.do("GET", e.base+"/endpoints/"+e.srv.SystemGatewaySID(), subTok, nil), 404, "", nil)
	// parent may create an endpoint for its sub-partner
	m := e.createEndpoint(map[string]any{"type": "third_party", "partner_sid": sub})
	if m["partner_sid"] != sub {
		t.Fatalf("partner_sid %v", m["partner_sid"])
	}
	_ = http.MethodGet
}

// The conference create sample shows properties.container_sid "null"; a
// user's container_sid is kept, and survives a PATCH of other properties.
func TestConferenceContainerSID(t *testing.T) {
	e := newEnv(t)
	ep := e.createEndpoint(map[string]any{"type": "conference"})
	if ep["properties"].(map[string]any)["container_sid"] != "null" {
		t.Fatalf("properties %v", ep["properties"])
	}
	if p := e.createEndpoint(map[string]any{"type": "mediator"})["properties"].(map[string]any); p["container_sid"] != nil {
		t.Fatalf("mediator properties %v", p)
	}
	ep = e.createEndpoint(map[string]any{"type": "conference", "properties": map[string]any{"container_sid": "c1"}})
	sid := ep["endpoint_sid"].(string)
	r := e.core("PATCH", "/endpoints/"+sid, map[string]any{"properties": map[string]any{"x": "y"}})
	expectStatus(t, r, 200)
	if p := r.obj()["properties"].(map[string]any); p["container_sid"] != "c1" || p["x"] != "y" || p["login"] == nil {
		t.Fatalf("properties after PATCH %v", p)
	}
}
