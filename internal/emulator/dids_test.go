package emulator

import (
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func (e *env) list(path string) map[string]any {
	e.t.Helper()
	r := e.core("GET", path, nil)
	expectStatus(e.t, r, 200)
	return r.obj()
}

func items(l map[string]any) []map[string]any {
	var out []map[string]any
	for _, it := range l["items"].([]any) {
		out = append(out, it.(map[string]any))
	}
	return out
}

func q(s string) string { return url.QueryEscape(s) }

func TestInventory(t *testing.T) {
	e := newEnv(t)
	l := e.list("/phonenumber/available_dids")
	if v, ok := l["total"]; !ok || v != nil {
		t.Fatalf("total must be null: %v", l["total"])
	}
	if num(l["count"]) != 10 || l["has_more"] != true {
		t.Fatalf("first page %v", l)
	}
	// every country, several thousand numbers, deterministic across servers
	counts := map[string]int{}
	var first []string
	link := e.base + "/phonenumber/available_dids?limit=1000"
	for link != "" {
		r := e.do("GET", link, e.srv.Token(), nil)
		expectStatus(t, r, 200)
		for _, it := range items(r.obj()) {
			counts[it["country_code"].(string)]++
			if len(first) < 5 {
				first = append(first, it["did_sid"].(string)+it["phonenumber"].(string))
			}
		}
		link, _ = r.obj()["pagination"].(map[string]any)["next"].(string)
	}
	if counts["USA"] < 1000 || counts["CAN"] < 500 || counts["GBR"] < 500 || counts["USA"]+counts["CAN"]+counts["GBR"] < 3000 {
		t.Fatalf("inventory counts %v", counts)
	}
	e2 := newEnv(t)
	var again []string
	for _, it := range items(e2.list("/phonenumber/available_dids?limit=5")) {
		again = append(again, it["did_sid"].(string)+it["phonenumber"].(string))
	}
	if !reflect.DeepEqual(first, again) {
		t.Fatalf("inventory not deterministic: %v vs %v", first, again)
	}
	// shape of an inventory number
	d := items(e.list("/phonenumber/available_dids?limit=1&filter=" + q(`country_code eq "USA" and state eq "NY" and capabilities bit 4`)))[0]
	keys := []string{"active_capabilities", "attributes", "callback_url", "campaign_sid", "capabilities", "classification_sid",
		"country_code", "did_group_sid", "did_sid", "in_country_format", "international_format", "lata", "locality",
		"lrn_sid", "name", "ocn", "partner_sid", "phonenumber", "porting_pin", "price", "state", "status",
		"string_key_1", "string_key_2", "transformations", "trunk_group_sid"}
	var got []string
	for k := range d {
		got = append(got, k)
	}
	sort.Strings(got)
	if !reflect.DeepEqual(got, keys) {
		t.Fatalf("keys %v", got)
	}
	pn := d["phonenumber"].(string)
	if d["status"] != "available" || d["partner_sid"] != nil || d["state"] != "NY" || num(d["capabilities"])-float64(int(num(d["capabilities"]))&^4) != 4 ||
		d["locality"] != strings.ToUpper(d["locality"].(string)) || !uuidRE.MatchString(d["did_sid"].(string)) ||
		!uuidRE.MatchString(d["classification_sid"].(string)) {
		t.Fatalf("inventory DID %v", d)
	}
	if _, ok := d["price"].(string); !ok {
		t.Fatalf("price not a string: %v", d["price"])
	}
	if d["in_country_format"] != "("+pn[1:4]+") "+pn[4:7]+"-"+pn[7:] || d["international_format"] != "+1 "+pn[1:4]+"-"+pn[4:7]+"-"+pn[7:] {
		t.Fatalf("formats %v %v for %s", d["in_country_format"], d["international_format"], pn)
	}
	g := e.core("GET", "/phonenumber/available_dids/"+d["did_sid"].(string), nil)
	expectStatus(t, g, 200)
	if !reflect.DeepEqual(g.obj(), d) {
		t.Fatalf("get by SID %s", g.raw)
	}
	// British numbers
	gb := items(e.list("/phonenumber/available_dids?limit=1&filter=" + q(`country_code eq GBR and locality eq LONDON`)))[0]
	if !regexp.MustCompile(`^4420794600\d\d$`).MatchString(gb["phonenumber"].(string)) ||
		!strings.HasPrefix(gb["in_country_format"].(string), "020 7946 0") || !strings.HasPrefix(gb["international_format"].(string), "+44 20 7946 0") {
		t.Fatalf("GBR DID %v", gb)
	}
	// capability mixes and filters
	for _, f := range []string{"capabilities eq 4", "capabilities eq 5", "capabilities eq 7", "capabilities eq 31", "capabilities eq 3",
		"npa eq 516", "npa_nxx like '212%'", `phonenumber like "1516%"`, "state eq ON and country_code eq CAN", "price gt 1"} {
		if n := len(items(e.list("/phonenumber/available_dids?limit=3&filter=" + q(f)))); n == 0 {
			t.Fatalf("filter %q matched nothing", f)
		}
	}
	for _, it := range items(e.list("/phonenumber/available_dids?limit=1000&filter=" + q("capabilities bit 1"))) {
		if int(num(it["capabilities"]))&1 == 0 {
			t.Fatalf("bit 1 matched %v", it["capabilities"])
		}
	}
	for _, it := range items(e.list("/phonenumber/available_dids?limit=50&filter=" + q("active_capabilities eq 0"))) {
		if int(num(it["capabilities"]))&4 != 0 {
			t.Fatalf("active_capabilities 0 on a voice number %v", it)
		}
	}
	// nearby: the nearest numbers come first
	near := items(e.list("/phonenumber/available_dids?limit=3&filter=" + q("phonenumber nearby latlng:47.61,-122.33")))
	if near[0]["locality"] != "SEATTLE" {
		t.Fatalf("nearby Seattle: %v", near[0])
	}
	expectError(t, e.core("GET", "/phonenumber/available_dids?filter="+q("phonenumber nearby here"), nil), 400, "", "filter")
	expectError(t, e.core("GET", "/endpoints?filter="+q("name nearby latlng:1,2"), nil), 400, "", "filter")
	// ordering and scopes
	o := items(e.list("/phonenumber/available_dids?limit=2&order=phonenumber+desc"))
	if o[0]["phonenumber"].(string) < o[1]["phonenumber"].(string) {
		t.Fatal("order desc")
	}
	ro := e.token("phonenumber.read")
	expectStatus(t, e.do("GET", e.base+"/phonenumber/available_dids", ro, nil), 200)
	expectError(t, e.do("GET", e.base+"/phonenumber/available_dids", e.token("partners.read"), nil), 403, "Forbidden", nil)
	expectStatus(t, e.core("POST", "/phonenumber/available_dids", map[string]any{}), 405)
	expectError(t, e.core("GET", "/phonenumber/available_dids/00000000-0000-4000-8000-000000000000", nil), 404, noItemMessage, nil)
}

func TestRentLifecycle(t *testing.T) {
	e := newEnv(t)
	av := items(e.list("/phonenumber/available_dids?limit=1&filter=" + q("capabilities eq 7")))[0]
	pn := av["phonenumber"].(string)
	tg := e.core("POST", "/trunk_groups", map[string]any{"name": "tg"}).obj()["trunk_group_sid"].(string)
	r := e.core("POST", "/phonenumber/dids", map[string]any{"phonenumber": pn, "trunk_group_sid": tg, "callback_url": nil,
		"name": "main", "attributes": map[string]any{"k": "v"}, "string_key_1": "a"})
	expectStatus(t, r, 200)
	d := r.obj()
	want := copyObject(av)
	want["status"], want["partner_sid"], want["trunk_group_sid"], want["name"] = "assigned", e.srv.PartnerSID(), tg, "main"
	want["attributes"], want["string_key_1"] = map[string]any{"k": "v"}, "a"
	if !reflect.DeepEqual(normalizeJSON(d), normalizeJSON(want)) {
		t.Fatalf("rented\n got %s\nwant %s", r.raw, mustMarshal(t, want))
	}
	sid := d["did_sid"].(string)
	// no longer available, now listed as rented (also by trunk_group_sid)
	expectError(t, e.core("GET", "/phonenumber/available_dids/"+sid, nil), 404, "", nil)
	if n := len(items(e.list("/phonenumber/available_dids?filter=" + q("phonenumber eq "+pn)))); n != 0 {
		t.Fatal("rented number still available")
	}
	l := e.list("/phonenumber/dids")
	if num(l["total"]) != 1 || items(l)[0]["did_sid"] != sid {
		t.Fatalf("rented list %v", l)
	}
	if num(e.list("/phonenumber/dids?trunk_group_sid=" + tg)["total"]) != 1 || num(e.list("/phonenumber/dids?trunk_group_sid=other")["total"]) != 0 {
		t.Fatal("trunk_group_sid argument")
	}
	if p, _ := e.list("/phonenumber/dids/" + sid + "?with_related=true")["partner"].(map[string]any); p["partner_sid"] != e.srv.PartnerSID() {
		t.Fatal("with_related on a DID")
	}
	// renting it again fails
	expectError(t, e.core("POST", "/phonenumber/dids", map[string]any{"phonenumber": pn}), 422, "object validation error", "phonenumber")
	// the trunk group is referenced: 409 naming the DID
	r = e.core("DELETE", "/trunk_groups/"+tg, nil)
	expectError(t, r, 409, "", "trunk_group_sid")
	if !strings.Contains(r.obj()["message"].(string), sid) {
		t.Fatalf("409 message %s", r.raw)
	}
	// update: PATCH partial, references checked, read-only ignored, phonenumber create-only
	p := e.core("PATCH", "/phonenumber/dids/"+sid, map[string]any{"attributes": map[string]any{"name": "main line"}, "price": "0"})
	expectStatus(t, p, 200)
	if !reflect.DeepEqual(p.obj()["attributes"], map[string]any{"name": "main line"}) || p.obj()["name"] != "main" || p.obj()["price"] != av["price"] {
		t.Fatalf("PATCH %s", p.raw)
	}
	bad := "11111111-1111-4111-8111-111111111111"
	for _, f := range []string{"trunk_group_sid", "did_group_sid"} {
		r := e.core("PATCH", "/phonenumber/dids/"+sid, map[string]any{f: bad})
		expectError(t, r, 422, "object validation error", f)
		if ref := r.obj()["errors"].([]any)[0].(map[string]any)["reference_sid"]; ref != bad {
			t.Fatalf("%s reference_sid %v", f, ref)
		}
	}
	expectError(t, e.core("PATCH", "/phonenumber/dids/"+sid, map[string]any{"phonenumber": "15550000000"}), 422, "", "phonenumber")
	expectError(t, e.core("PATCH", "/phonenumber/dids/"+sid, map[string]any{"callback_url": "not a url"}), 422, "", "callback_url")
	expectError(t, e.core("PATCH", "/phonenumber/dids/"+sid, map[string]any{"transformations": map[string]any{}}), 422, "", "transformations")
	expectError(t, e.core("PUT", "/phonenumber/dids/"+sid, map[string]any{"name": "x"}), 422, "", "trunk_group_sid")
	u := e.core("PATCH", "/phonenumber/dids/"+sid, map[string]any{"trunk_group_sid": "", "callback_url": "https://example.com/sms"})
	if u.obj()["trunk_group_sid"] != nil || u.obj()["callback_url"] != "https://example.com/sms" {
		t.Fatalf("PATCH %s", u.raw)
	}
	// release: 204, aging, gone from every list, never rentable again
	expectStatus(t, e.core("DELETE", "/phonenumber/dids/"+sid, nil), 204)
	expectError(t, e.core("GET", "/phonenumber/dids/"+sid, nil), 404, noItemMessage, nil)
	expectError(t, e.core("DELETE", "/phonenumber/dids/"+sid, nil), 404, "", nil)
	if num(e.list("/phonenumber/dids")["total"]) != 0 {
		t.Fatal("released DID listed")
	}
	if s := e.control("GET", "/objects/phonenumber.dids/"+sid, nil).obj()["status"]; s != "aging" {
		t.Fatalf("released status %v", s)
	}
	r = e.core("POST", "/phonenumber/dids", map[string]any{"phonenumber": pn})
	expectError(t, r, 422, "object validation error", "phonenumber")
	if !strings.Contains(string(r.raw), "not available") {
		t.Fatalf("%s", r.raw)
	}
	// and now the trunk group can go
	expectStatus(t, e.core("DELETE", "/trunk_groups/"+tg, nil), 204)
	// reset restores the inventory
	expectStatus(t, e.control("POST", "/reset", nil), 204)
	g := e.core("GET", "/phonenumber/available_dids/"+sid, nil)
	expectStatus(t, g, 200)
	if !reflect.DeepEqual(g.obj(), av) {
		t.Fatalf("after reset %s", g.raw)
	}
}

func TestRentVariants(t *testing.T) {
	e := newEnv(t)
	firstAv := items(e.list("/phonenumber/available_dids?limit=1"))[0]
	r := e.core("POST", "/phonenumber/dids", map[string]any{})
	expectStatus(t, r, 200)
	if r.obj()["phonenumber"] != firstAv["phonenumber"] || r.obj()["status"] != "assigned" || r.obj()["name"] != "N/A" {
		t.Fatalf("rent {} %s", r.raw)
	}
	for _, body := range []map[string]any{{"phonenumber": "+15550100142"}, {"phonenumber": 15550100142}, {"phonenumber": "19999999999"}} {
		expectError(t, e.core("POST", "/phonenumber/dids", body), 422, "object validation error", "phonenumber")
	}
	expectError(t, e.core("POST", "/phonenumber/dids?filter="+q("state eq NY"), map[string]any{}), 400, "", "filter")
	expectError(t, e.core("POST", "/phonenumber/dids", map[string]any{"did_group_sid": "nope"}), 422, "", "did_group_sid")
	expectError(t, e.core("POST", "/phonenumber/dids", map[string]any{"colour": "red"}), 422, "", "colour")
	expectStatus(t, e.core("POST", "/phonenumber/dids?include_external=false", map[string]any{}), 200)
	// read-only attributes in the body are ignored
	d := e.core("POST", "/phonenumber/dids", map[string]any{"status": "x", "price": "0", "capabilities": 31, "partner_sid": "p"}).obj()
	if d["status"] != "assigned" || d["price"] == "0" || d["partner_sid"] != e.srv.PartnerSID() {
		t.Fatalf("read-only from body %v", d)
	}
	// scopes: partners.read may read DIDs (docs), phonenumber.read too; creating needs create/manage
	for _, sc := range []string{"partners.read", "partners.manage", "phonenumber.read"} {
		expectStatus(t, e.do("GET", e.base+"/phonenumber/dids", e.token(sc), nil), 200)
	}
	expectError(t, e.do("POST", e.base+"/phonenumber/dids", e.token("phonenumber.read"), map[string]any{}), 403, "Forbidden", nil)
	expectStatus(t, e.do("POST", e.base+"/phonenumber/dids", e.token("phonenumber.create"), map[string]any{}), 200)
	expectError(t, e.do("DELETE", e.base+"/phonenumber/dids/"+d["did_sid"].(string), e.token("phonenumber.update"), nil), 403, "Forbidden", nil)
	// another partner does not see the DID
	sub := e.control("POST", "/seed", map[string]any{"collection": "partners", "count": 1}).obj()["sids"].([]any)[0].(string)
	subTok := e.control("POST", "/tokens", map[string]any{"scopes": []string{"phonenumber.manage"}, "partner_sid": sub}).obj()["access_token"].(string)
	expectError(t, e.do("GET", e.base+"/phonenumber/dids/"+d["did_sid"].(string), subTok, nil), 404, "", nil)
	// seeding rents; more than 1000 rented DIDs paginate
	sr := e.control("POST", "/seed", map[string]any{"collection": "phonenumber.dids", "count": 1200, "object": map[string]any{"name": "bulk-{n}"}})
	expectStatus(t, sr, 200)
	l := e.list("/phonenumber/dids?limit=1000&filter=" + q(`name like "bulk-%"`))
	if num(l["total"]) != 1200 || num(l["count"]) != 1000 || l["has_more"] != true {
		t.Fatalf("rented pagination total %v count %v", l["total"], l["count"])
	}
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "phonenumber.available_dids", "count": 1}), 400, "", "collection")
}
