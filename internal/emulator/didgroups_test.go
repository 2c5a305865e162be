package emulator

import (
	"reflect"
	"strings"
	"testing"
)

func TestDIDGroups(t *testing.T) {
	e := newEnv(t)
	r := e.core("POST", "/phonenumber/did_groups", map[string]any{"name": "sales-lines"})
	expectStatus(t, r, 200)
	g := r.obj()
	sid := g["did_group_sid"].(string)
	want := mustJSON(t, `{"callback_url": null, "did_group_sid": "`+sid+`", "name": "sales-lines", "partner_sid": "`+e.srv.PartnerSID()+`"}`)
	if !reflect.DeepEqual(normalizeJSON(g), normalizeJSON(want)) {
		t.Fatalf("created %s", r.raw)
	}
	if n := e.core("POST", "/phonenumber/did_groups", map[string]any{}).obj()["name"]; n != "N/A" {
		t.Fatalf("default name %v", n)
	}
	expectError(t, e.core("POST", "/phonenumber/did_groups", map[string]any{"callback_url": "ftp://x"}), 422, "", "callback_url")
	expectError(t, e.core("PATCH", "/phonenumber/did_groups/"+sid, map[string]any{"partner_sid": "x", "name": 1}), 422, "", "name")
	p := e.core("PATCH", "/phonenumber/did_groups/"+sid, map[string]any{"callback_url": "https://example.com/cb"})
	if p.obj()["callback_url"] != "https://example.com/cb" || p.obj()["name"] != "sales-lines" {
		t.Fatalf("PATCH %s", p.raw)
	}
	// a DID in the group blocks the delete (409 naming it)
	d := e.core("POST", "/phonenumber/dids", map[string]any{"did_group_sid": sid}).obj()
	if d["did_group_sid"] != sid {
		t.Fatalf("DID %v", d)
	}
	r = e.core("DELETE", "/phonenumber/did_groups/"+sid, nil)
	expectError(t, r, 409, "", "did_group_sid")
	if ref := r.obj()["errors"].([]any)[0].(map[string]any)["reference_sid"]; ref != d["did_sid"] {
		t.Fatalf("409 %s", r.raw)
	}
	expectStatus(t, e.core("DELETE", "/phonenumber/dids/"+d["did_sid"].(string), nil), 204) // aging DIDs do not count
	expectStatus(t, e.core("DELETE", "/phonenumber/did_groups/"+sid, nil), 204)
	expectError(t, e.core("GET", "/phonenumber/did_groups/"+sid, nil), 404, "", nil)
	expectError(t, e.do("GET", e.base+"/phonenumber/did_groups", e.token("trunk_groups.manage"), nil), 403, "", nil)
	expectStatus(t, e.control("POST", "/seed", map[string]any{"collection": "phonenumber.did_groups", "count": 2}), 200)
	if num(e.list("/phonenumber/did_groups")["total"]) != 3 {
		t.Fatal("did groups after seed")
	}
}

func TestPrefixes(t *testing.T) {
	e := newEnv(t)
	r := e.core("POST", "/phonenumber/prefixes", map[string]any{"prefix": "1555012"})
	expectStatus(t, r, 200)
	p := r.obj()
	sid := p["prefix_sid"].(string)
	want := mustJSON(t, `{"attributes": {}, "callback_url": null, "lrn_sid": null, "name": "N/A", "partner_sid": "`+e.srv.PartnerSID()+
		`", "prefix": "1555012", "prefix_sid": "`+sid+`", "source_trunk_group_sid": null, "string_key_1": null, "string_key_2": null, "transformations": [], "trunk_group_sid": null}`)
	if !reflect.DeepEqual(normalizeJSON(p), normalizeJSON(want)) {
		t.Fatalf("created %s", r.raw)
	}
	expectError(t, e.core("POST", "/phonenumber/prefixes", map[string]any{}), 422, "", "prefix")
	expectError(t, e.core("POST", "/phonenumber/prefixes", map[string]any{"prefix": "1-555"}), 422, "", "prefix")
	expectError(t, e.core("POST", "/phonenumber/prefixes", map[string]any{"prefix": "1", "partner_sid": "11111111-1111-4111-8111-111111111111"}), 422, "", "partner_sid")
	expectError(t, e.core("POST", "/phonenumber/prefixes", map[string]any{"prefix": "1", "trunk_group_sid": "nope"}), 422, "", "trunk_group_sid")
	// the destination trunk group needs a trunk bound to an endpoint
	tg := e.core("POST", "/trunk_groups", map[string]any{}).obj()["trunk_group_sid"].(string)
	expectError(t, e.core("PATCH", "/phonenumber/prefixes/"+sid, map[string]any{"trunk_group_sid": tg}), 422, "", "trunk_group_sid")
	ep := e.createEndpoint(map[string]any{"type": "third_party"})["endpoint_sid"].(string)
	expectStatus(t, e.core("POST", "/trunk_groups/"+tg+"/trunks", map[string]any{"endpoint_sid": ep}), 200)
	u := e.core("PATCH", "/phonenumber/prefixes/"+sid, map[string]any{"trunk_group_sid": tg, "source_trunk_group_sid": tg, "name": "main prefix"})
	expectStatus(t, u, 200)
	if u.obj()["trunk_group_sid"] != tg || u.obj()["name"] != "main prefix" {
		t.Fatalf("PATCH %s", u.raw)
	}
	// referenced trunk group cannot be deleted
	r = e.core("DELETE", "/trunk_groups/"+tg, nil)
	expectError(t, r, 409, "", "trunk_group_sid")
	if !strings.Contains(r.obj()["message"].(string), sid) {
		t.Fatalf("409 %s", r.raw)
	}
	expectStatus(t, e.core("DELETE", "/phonenumber/prefixes/"+sid, nil), 204)
	expectError(t, e.core("DELETE", "/phonenumber/prefixes/"+sid, nil), 404, "", nil)
}

func TestAccessControlRules(t *testing.T) {
	e := newEnv(t)
	r := e.core("POST", "/accesscontrol/rules", map[string]any{"field": "called", "quantifier": "any", "entries": []any{"1900"}, "operation": "prefix"})
	expectStatus(t, r, 200)
	rule := r.obj()
	sid := rule["rule_sid"].(string)
	want := mustJSON(t, `{"entries": ["1900"], "field": "called", "name": "N/A", "operation": "prefix", "quantifier": "any", "read_only": false, "rule_sid": "`+sid+`"}`)
	if !reflect.DeepEqual(normalizeJSON(rule), normalizeJSON(want)) {
		t.Fatalf("created %s", r.raw)
	}
	for _, c := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"quantifier": "any", "entries": []any{"1"}, "operation": "prefix"}, "field"},
		{map[string]any{"field": "callee", "quantifier": "any", "entries": []any{"1"}, "operation": "prefix"}, "field"},
		{map[string]any{"field": "called", "quantifier": "some", "entries": []any{"1"}, "operation": "prefix"}, "quantifier"},
		{map[string]any{"field": "called", "quantifier": "any", "entries": []any{"1"}, "operation": "glob"}, "operation"},
		{map[string]any{"field": "called", "quantifier": "any", "entries": []any{}, "operation": "exact"}, "entries"},
		{map[string]any{"field": "called", "quantifier": "any", "entries": []any{1}, "operation": "exact"}, "entries[0]"},
		{map[string]any{"field": "called", "quantifier": "any", "operation": "exact"}, "entries"},
	} {
		expectError(t, e.core("POST", "/accesscontrol/rules", c.body), 422, "object validation error", c.field)
	}
	p := e.core("PATCH", "/accesscontrol/rules/"+sid, map[string]any{"name": "block 1900", "read_only": true})
	if p.obj()["name"] != "block 1900" || p.obj()["read_only"] != false {
		t.Fatalf("PATCH %s", p.raw)
	}
	// an ACL on a trunk group references the rule; unknown rules are 422
	expectError(t, e.core("POST", "/trunk_groups", map[string]any{"acls": []any{map[string]any{"direction": "outbound", "access_control_rules": []any{"nope"}}}}), 422, "", "acls[0].access_control_rules[0]")
	tg := e.core("POST", "/trunk_groups", map[string]any{"acls": []any{map[string]any{"direction": "outbound", "access_control_rules": []any{sid}, "voice_action_true": "reject403"}}})
	expectStatus(t, tg, 200)
	acl := tg.obj()["acls"].([]any)[0]
	wantACL := mustJSON(t, `{"access_control_rules": ["`+sid+`"], "direction": "outbound", "sms_action_false": null, "sms_action_true": null, "voice_action_false": null, "voice_action_true": "reject403"}`)
	if !reflect.DeepEqual(normalizeJSON(acl), normalizeJSON(wantACL)) {
		t.Fatalf("acl %v", acl)
	}
	expectError(t, e.core("DELETE", "/accesscontrol/rules/"+sid, nil), 409, "", "acls")
	if n := num(e.list("/trunk_groups?filter=" + q("acls.access_control_rules eq "+sid))["total"]); n != 1 {
		t.Fatalf("filter on acls: %v", n)
	}
	// a sub-partner sees the parent's rules read only and cannot change them
	sub := e.control("POST", "/seed", map[string]any{"collection": "partners", "count": 1}).obj()["sids"].([]any)[0].(string)
	subTok := e.control("POST", "/tokens", map[string]any{"scopes": []string{"accesscontrol.manage"}, "partner_sid": sub}).obj()["access_token"].(string)
	sl := e.do("GET", e.base+"/accesscontrol/rules?filter=read_only+eq+true", subTok, nil).obj()
	if num(sl["total"]) != 1 || items(sl)[0]["rule_sid"] != sid || items(sl)[0]["read_only"] != true {
		t.Fatalf("sub-partner rules %v", sl)
	}
	expectError(t, e.do("PATCH", e.base+"/accesscontrol/rules/"+sid, subTok, map[string]any{"name": "x"}), 403, "Forbidden", nil)
	own := e.do("POST", e.base+"/accesscontrol/rules", subTok, map[string]any{"field": "calling", "quantifier": "none", "entries": []any{".*"}, "operation": "regexp"}).obj()
	if num(e.list("/accesscontrol/rules")["total"]) != 1 {
		t.Fatal("parent sees the sub-partner's rule")
	}
	expectStatus(t, e.do("DELETE", e.base+"/accesscontrol/rules/"+own["rule_sid"].(string), subTok, nil), 204)
	expectStatus(t, e.control("GET", "/objects/accesscontrol.rules/"+sid, nil), 200)
}

func TestCountries(t *testing.T) {
	e := newEnv(t)
	l := e.list("/countries?limit=1")
	if num(l["count"]) != 1 || l["has_more"] != true || num(l["total"]) < 10 {
		t.Fatalf("countries %v", l)
	}
	r := e.core("GET", "/countries/CAN", nil)
	expectStatus(t, r, 200)
	want := mustJSON(t, `{"capital": "Ottawa", "common_name": "Canada", "dialing_prefix": "1", "domain": "ca", "iso_3166_alpha_2": "CA", "iso_3166_alpha_3": "CAN", "iso_3166_numeric": 124, "mcc": "302", "official_name": "Canada", "region": "Americas", "subregion": "Northern America"}`)
	if !reflect.DeepEqual(normalizeJSON(r.obj()), normalizeJSON(want)) {
		t.Fatalf("CAN %s", r.raw)
	}
	if _, ok := e.core("GET", "/countries/CAN?exclude_fields=common_name", nil).obj()["common_name"]; ok {
		t.Fatal("exclude_fields")
	}
	for _, c := range []string{"USA", "GBR", "MEX", "FRA", "DEU", "AUS"} {
		expectStatus(t, e.core("GET", "/countries/"+c, nil), 200)
	}
	expectError(t, e.core("GET", "/countries/usa", nil), 404, noItemMessage, nil)
	expectError(t, e.core("GET", "/countries/XXX", nil), 404, noItemMessage, nil)
	d := items(e.list("/countries?limit=2&offset=1&order=common_name+desc"))
	if len(d) != 2 || d[0]["common_name"].(string) < d[1]["common_name"].(string) {
		t.Fatalf("order %v", d)
	}
	if n := num(e.list("/countries?filter=" + q("region eq Europe"))["total"]); n < 5 {
		t.Fatalf("Europe %v", n)
	}
	expectStatus(t, e.core("POST", "/countries", map[string]any{}), 405)
	expectStatus(t, e.core("DELETE", "/countries/USA", nil), 405)
	expectError(t, e.do("GET", e.base+"/countries", e.token("endpoints.read"), nil), 403, "", nil)
	expectStatus(t, e.do("GET", e.base+"/countries/USA", e.token("countries.read"), nil), 200)
}

func TestLookup(t *testing.T) {
	e := newEnv(t)
	av := items(e.list("/phonenumber/available_dids?limit=1&filter=" + q("state eq IL")))[0]
	pn := av["phonenumber"].(string)
	fancy := "+1 (" + pn[1:4] + ") " + pn[4:7] + "-" + pn[7:]
	r := e.core("GET", "/lookup/dids/"+q(fancy), nil)
	expectStatus(t, r, 200)
	want := mustJSON(t, `{"country_code": "USA", "details": {"carrier": null, "cnam": null, "lrn": null}, "e164_format": "+`+pn+
		`", "in_country_format": "`+av["in_country_format"].(string)+`", "international_format": "`+av["international_format"].(string)+`", "phonenumber": "`+pn+`", "state": "IL"}`)
	if !reflect.DeepEqual(normalizeJSON(r.obj()), normalizeJSON(want)) {
		t.Fatalf("lookup %s", r.raw)
	}
	c := e.core("GET", "/lookup/dids/"+pn+"?carrier=true", nil).obj()["details"].(map[string]any)["carrier"].(map[string]any)
	if c["mcc"] != "310" || c["type"] == nil {
		t.Fatalf("carrier %v", c)
	}
	// outside the inventory
	o := e.core("GET", "/lookup/dids/14165550199", nil).obj()
	if o["country_code"] != "CAN" || o["in_country_format"] != "(416) 555-0199" || o["state"] != "ON" {
		t.Fatalf("CAN lookup %v", o)
	}
	// the documentation's own example number
	o = e.core("GET", "/lookup/dids/15550100142", nil).obj()
	if o["in_country_format"] != "(555) 010-0142" || o["e164_format"] != "+15550100142" {
		t.Fatalf("docs sample lookup %v", o)
	}
	o = e.core("GET", "/lookup/dids/33142685300", nil).obj()
	if o["country_code"] != "FRA" || o["e164_format"] != "+33142685300" {
		t.Fatalf("FRA lookup %v", o)
	}
	o = e.core("GET", "/lookup/dids/02079460123?country_code=GBR", nil).obj()
	if o["phonenumber"] != "442079460123" || o["country_code"] != "GBR" {
		t.Fatalf("GBR national lookup %v", o)
	}
	for _, bad := range []string{"abc", "123", "1234567890123456", "10005550100"} {
		expectError(t, e.core("GET", "/lookup/dids/"+bad, nil), 400, "Bad Request", "phonenumber")
	}
	expectError(t, e.core("GET", "/lookup/dids/"+pn+"?country_code=XX", nil), 400, "", "country_code")
	expectError(t, e.core("GET", "/lookup/dids/"+pn+"?cnam=maybe", nil), 400, "", "cnam")
	lt := e.token("lookup.dids.read")
	expectStatus(t, e.do("GET", e.base+"/lookup/dids/"+pn, lt, nil), 200)
	expectError(t, e.do("GET", e.base+"/lookup/dids/"+pn+"?carrier=true", lt, nil), 403, "Forbidden", nil)
	expectStatus(t, e.do("GET", e.base+"/lookup/dids/"+pn+"?carrier=true", e.token("lookup.dids.read", "lookup.dids.allow_carrier"), nil), 200)
	expectError(t, e.do("GET", e.base+"/lookup/dids/"+pn, e.token("phonenumber.manage"), nil), 403, "", nil)
	expectStatus(t, e.core("POST", "/lookup/dids/"+pn, map[string]any{}), 405)
	expectError(t, e.core("GET", "/lookup/dids", nil), 404, "Not Found", nil)
	expectError(t, e.core("GET", "/lookup", nil), 404, "Not Found", nil)
}
