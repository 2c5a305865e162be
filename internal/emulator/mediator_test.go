package emulator

import (
	"reflect"
	"strings"
	"testing"
)

// Every Mediator answer is wrapped in {"body", "status"}: objects, lists
// and errors; a delete answers 204 with no body.
func TestMediatorEnvelope(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	e.route(h.sid, 1)
	b := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111"}), 200)
	sid := b["binding_sid"].(string)
	ok(t, h, e.call(h, "GET", "/bindings/"+sid, nil), 200)
	ok(t, h, e.call(h, "PATCH", "/bindings/"+sid, map[string]any{"name": "n"}), 200)
	l := ok(t, h, e.call(h, "GET", "/bindings", nil), 200)
	for _, k := range []string{"count", "has_more", "items", "limit", "offset", "pagination", "total"} {
		if _, has := l[k]; !has {
			t.Fatalf("list body lacks %s: %v", k, l)
		}
	}
	appError(t, h, e.call(h, "GET", "/bindings/"+newUUID(), nil), 404, noItemMessage, nil)
	appError(t, h, e.call(h, "POST", "/bindings", map[string]any{}), 400, "Bad Request", "destination_did")
	appError(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111"}), 409, "no redirect_did could be found", "redirect_did")
	r := e.call(h, "DELETE", "/bindings/"+sid, nil)
	if r.status != 204 || len(r.raw) != 0 {
		t.Fatalf("delete %d %q", r.status, r.raw)
	}
	// FlexML and Conference answers are not wrapped
	fx := e.hostedEndpoint(flexmlAPI)
	if acc := appItems(t, fx, e.call(fx, "GET", "/accounts", nil)); acc[0]["login"] != fx.login {
		t.Fatalf("flexml account %v", acc)
	}
}

// A binding created with destination_did only gets the documented
// defaults and a redirect number routed to the endpoint, with its formats.
func TestMediatorBindingCreate(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	rt := e.route(h.sid, 2)
	acc := appItems(t, h, e.call(h, "GET", "/accounts", nil))[0]
	b := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111"}), 200)
	dids := appItems(t, h, e.call(h, "GET", "/dids", nil))
	want := map[string]any{"account_sid": acc["account_sid"], "attributes": map[string]any{}, "destination_did": "15550001111",
		"dtmf": nil, "maximum_ttl": float64(-1), "name": "N/A", "origination_did": nil, "redirect_did": rt.numbers[0],
		"redirect_did_info": map[string]any{"country_code": dids[0]["country_code"], "e164_format": "+" + rt.numbers[0],
			"in_country_format": dids[0]["in_country_format"], "international_format": dids[0]["international_format"],
			"phonenumber": rt.numbers[0]},
		"wait_origination_did_ttl": float64(300)}
	for k, v := range want {
		got := b[k]
		if f, isNum := toNumber(got); isNum {
			got = f
		}
		if !reflect.DeepEqual(got, v) {
			t.Fatalf("%s = %v, want %v", k, b[k], v)
		}
	}
	if !uuidRE.MatchString(b["binding_sid"].(string)) || len(b) != len(want)+2 {
		t.Fatalf("binding %v", b)
	}
	// the first number is taken for every caller: the next one is assigned
	b2 := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550002222", "origination_did": "15550003333"}), 200)
	if b2["redirect_did"] != rt.numbers[1] {
		t.Fatalf("second binding's redirect %v", b2["redirect_did"])
	}
	// another caller on the second number fits; a binding for every caller does not
	b3 := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550002222", "origination_did": "15550004444"}), 200)
	if b3["redirect_did"] != rt.numbers[1] {
		t.Fatalf("third binding's redirect %v", b3["redirect_did"])
	}
	body := appError(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550005555"}), 409, "no redirect_did could be found", "redirect_did")
	if msg := body["errors"].([]any)[0].(map[string]any)["message"].(string); !strings.Contains(msg, rt.numbers[0]) || !strings.Contains(msg, rt.numbers[1]) {
		t.Fatalf("409 does not name the routed numbers: %s", msg)
	}
	// a redirect_did given must be routed to the endpoint; a routed one may be shared
	appError(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550005555", "redirect_did": "15550009999"}), 400, "Bad Request", "redirect_did")
	b4 := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550005555", "redirect_did": rt.numbers[0],
		"maximum_ttl": 120, "wait_origination_did_ttl": -1, "dtmf": ",,12", "name": "mine", "attributes": map[string]any{"ringback": "moh"}}), 200)
	if b4["redirect_did"] != rt.numbers[0] || num(b4["maximum_ttl"]) != 120 || b4["dtmf"] != ",,12" {
		t.Fatalf("explicit binding %v", b4)
	}
	// no number routed at all: 409 saying so
	bare := e.hostedEndpoint(mediatorAPI)
	body = appError(t, bare, e.call(bare, "POST", "/bindings", map[string]any{"destination_did": "15550001111"}), 409, "no redirect_did could be found", "redirect_did")
	if msg := body["errors"].([]any)[0].(map[string]any)["message"].(string); !strings.Contains(msg, "trunk group") {
		t.Fatalf("409 without routed numbers: %s", msg)
	}
	for k, v := range map[string]any{"destination_did": "call me", "origination_did": 5, "maximum_ttl": -2,
		"wait_origination_did_ttl": "x", "attributes": "x", "name": nil, "dtmf": 1, "bogus": 1} {
		appError(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111", "redirect_did": rt.numbers[0], k: v}), 400, "Bad Request", k)
	}
}

// fallback_country picks the redirect number from that country (alpha-3
// or alpha-2); 409 naming fallback_country when none of it is free.
func TestMediatorFallbackCountry(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	can := firstOf(e, "CAN")
	rt := e.route(h.sid, 2, nil, map[string]any{"phonenumber": can})
	b := ok(t, h, e.call(h, "POST", "/bindings?fallback_country=CAN", map[string]any{"destination_did": "15550001111"}), 200)
	if b["redirect_did"] != can || b["redirect_did_info"].(map[string]any)["country_code"] != "CAN" {
		t.Fatalf("CAN binding %v", b)
	}
	appError(t, h, e.call(h, "POST", "/bindings?fallback_country=ca", map[string]any{"destination_did": "15550001111"}), 409, "no redirect_did could be found", "fallback_country")
	appError(t, h, e.call(h, "POST", "/bindings?fallback_country=GBR", map[string]any{"destination_did": "15550001111"}), 409, "no redirect_did could be found", "fallback_country")
	b = ok(t, h, e.call(h, "POST", "/bindings?fallback_country=us", map[string]any{"destination_did": "15550001111"}), 200)
	if b["redirect_did"] != rt.numbers[0] {
		t.Fatalf("US binding %v", b)
	}
}

// firstOf is an available number of a country.
func firstOf(e *env, country string) string {
	e.t.Helper()
	l := e.list("/phonenumber/available_dids?limit=1&filter=" + q(`country_code eq "`+country+`"`))
	return items(l)[0]["phonenumber"].(string)
}

// reuse=true answers an existing binding with the same parameters.
func TestMediatorBindingReuse(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	e.route(h.sid, 3)
	b := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111", "name": "x"}), 200)
	again := ok(t, h, e.call(h, "POST", "/bindings?reuse=true", map[string]any{"destination_did": "15550001111", "name": "x"}), 200)
	if again["binding_sid"] != b["binding_sid"] {
		t.Fatalf("reuse created %v", again)
	}
	other := ok(t, h, e.call(h, "POST", "/bindings?reuse=true", map[string]any{"destination_did": "15550002222"}), 200)
	if other["binding_sid"] == b["binding_sid"] {
		t.Fatal("reuse matched another destination")
	}
	fresh := ok(t, h, e.call(h, "POST", "/bindings?reuse=false", map[string]any{"destination_did": "15550001111", "name": "x"}), 200)
	if fresh["binding_sid"] == b["binding_sid"] {
		t.Fatal("reuse=false reused")
	}
	appError(t, h, e.call(h, "POST", "/bindings?reuse=maybe", map[string]any{"destination_did": "15550001111"}), 400, "Bad Request", "reuse")
}

// PATCH changes what it sends; PUT needs every writable attribute; a
// redirect_did must stay routed; DELETE removes.
func TestMediatorBindingUpdateDelete(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	rt := e.route(h.sid, 2)
	b := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111"}), 200)
	sid := b["binding_sid"].(string)
	p := ok(t, h, e.call(h, "PATCH", "/bindings/"+sid, map[string]any{"redirect_did": rt.numbers[1], "name": "renamed"}), 200)
	if p["redirect_did"] != rt.numbers[1] || p["redirect_did_info"].(map[string]any)["phonenumber"] != rt.numbers[1] ||
		p["name"] != "renamed" || p["destination_did"] != "15550001111" || p["date_created"] != b["date_created"] {
		t.Fatalf("patched %v", p)
	}
	appError(t, h, e.call(h, "PATCH", "/bindings/"+sid, map[string]any{"redirect_did": nil}), 400, "Bad Request", "redirect_did")
	appError(t, h, e.call(h, "PUT", "/bindings/"+sid, map[string]any{"name": "x"}), 400, "Bad Request", "destination_did")
	full := map[string]any{"attributes": map[string]any{}, "destination_did": "15550002222", "dtmf": nil, "maximum_ttl": -1,
		"name": "put", "origination_did": "15550003333", "redirect_did": rt.numbers[0], "wait_origination_did_ttl": 0}
	if u := ok(t, h, e.call(h, "PUT", "/bindings/"+sid, full), 200); u["origination_did"] != "15550003333" || u["redirect_did"] != rt.numbers[0] {
		t.Fatalf("put %v", u)
	}
	l := appItems(t, h, e.call(h, "GET", "/bindings?filter="+q(`name eq "put"`), nil))
	if len(l) != 1 || l[0]["binding_sid"] != sid {
		t.Fatalf("filtered %v", l)
	}
	expectStatus(t, e.call(h, "DELETE", "/bindings/"+sid, nil), 204)
	appError(t, h, e.call(h, "GET", "/bindings/"+sid, nil), 404, noItemMessage, nil)
}

// A binding whose maximum_ttl seconds have passed is gone: 404 and not
// listed; -1 never expires.
func TestMediatorBindingExpiry(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	rt := e.route(h.sid, 1)
	short := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111", "maximum_ttl": 60}), 200)
	forever := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111", "redirect_did": rt.numbers[0],
		"origination_did": "15550006666"}), 200)
	expectStatus(t, e.control("POST", "/clock", map[string]any{"advance_seconds": 58}), 200)
	ok(t, h, e.call(h, "GET", "/bindings/"+short["binding_sid"].(string), nil), 200)
	appError(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111", "origination_did": "15550007777"}),
		409, "no redirect_did could be found", "redirect_did")
	expectStatus(t, e.control("POST", "/clock", map[string]any{"advance_seconds": 3}), 200)
	appError(t, h, e.call(h, "GET", "/bindings/"+short["binding_sid"].(string), nil), 404, noItemMessage, nil)
	l := appItems(t, h, e.call(h, "GET", "/bindings", nil))
	if len(l) != 1 || l[0]["binding_sid"] != forever["binding_sid"] {
		t.Fatalf("after expiry %v", l)
	}
	// its number is free again for other callers
	if b := ok(t, h, e.call(h, "POST", "/bindings", map[string]any{"destination_did": "15550001111", "maximum_ttl": 10, "origination_did": "15550007777"}), 200); b["redirect_did"] != rt.numbers[0] {
		t.Fatalf("redirect after expiry %v", b)
	}
	// a maximum_ttl raised by PATCH counts from date_created
	sid := appItems(t, h, e.call(h, "GET", "/bindings?filter="+q("maximum_ttl eq 10"), nil))[0]["binding_sid"].(string)
	ok(t, h, e.call(h, "PATCH", "/bindings/"+sid, map[string]any{"maximum_ttl": 3600}), 200)
	expectStatus(t, e.control("POST", "/clock", map[string]any{"advance_seconds": 1000000}), 200)
	appError(t, h, e.call(h, "GET", "/bindings/"+sid, nil), 404, noItemMessage, nil)
	ok(t, h, e.call(h, "GET", "/bindings/"+forever["binding_sid"].(string), nil), 200)
	if n := len(e.srv.Objects("mediator.bindings")); n != 1 {
		t.Fatalf("stored bindings %d", n)
	}
}

// Accounts and DIDs are read only.
func TestMediatorReadOnly(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	rt := e.route(h.sid, 1)
	accs := appItems(t, h, e.call(h, "GET", "/accounts", nil))
	acc := accs[0]
	ep := e.core("GET", "/endpoints/"+h.sid, nil).obj()
	if len(accs) != 1 || len(acc) != 4 || acc["account_sid"] != ep["properties"].(map[string]any)["account_sid"] ||
		acc["name"] != "Jane Doe" || acc["date_created"] == nil {
		t.Fatalf("account %v", acc)
	}
	if g := ok(t, h, e.call(h, "GET", "/accounts/"+acc["account_sid"].(string), nil), 200); !reflect.DeepEqual(g, acc) {
		t.Fatalf("account by SID %v", g)
	}
	appError(t, h, e.call(h, "PATCH", "/accounts/"+acc["account_sid"].(string), map[string]any{"name": "x"}), 405, "", nil)
	d := appItems(t, h, e.call(h, "GET", "/dids", nil))[0]
	if d["phonenumber"] != rt.numbers[0] || len(d) != 6 {
		t.Fatalf("did %v", d)
	}
	ok(t, h, e.call(h, "GET", "/dids/"+d["did_sid"].(string), nil), 200)
	appError(t, h, e.call(h, "PATCH", "/dids/"+d["did_sid"].(string), map[string]any{}), 405, "", nil)
	appError(t, h, e.call(h, "POST", "/dids", map[string]any{}), 405, "", nil)
}

// Dialouts are transient: listed only until their delay has passed; the
// same three numbers cannot be in two dialouts at once.
func TestMediatorDialouts(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	rt := e.route(h.sid, 1)
	now := ok(t, h, e.call(h, "POST", "/dialouts", map[string]any{"stage_one_destination_did": "15550003333",
		"stage_two_destination_did": "15550004444", "redirect_did": rt.numbers[0]}), 200)
	if num(now["delay"]) != 0 || now["attributes"].(map[string]any)["hide_origination_did"] != "true" {
		t.Fatalf("dialout %v", now)
	}
	appError(t, h, e.call(h, "GET", "/dialouts/"+now["dialout_sid"].(string), nil), 404, noItemMessage, nil)
	later := ok(t, h, e.call(h, "POST", "/dialouts", map[string]any{"stage_one_destination_did": "15550003333",
		"stage_two_destination_did": "15550004444", "redirect_did": rt.numbers[0], "delay": "600"}), 200)
	if num(later["delay"]) != 600 {
		t.Fatalf("delay %v", later["delay"])
	}
	appError(t, h, e.call(h, "POST", "/dialouts", map[string]any{"stage_one_destination_did": "15550003333",
		"stage_two_destination_did": "15550004444", "redirect_did": rt.numbers[0], "delay": 900}), 409, "", "redirect_did")
	appError(t, h, e.call(h, "POST", "/dialouts", map[string]any{"stage_one_destination_did": "15550003333",
		"stage_two_destination_did": "15550004444", "redirect_did": "15550009999"}), 400, "Bad Request", "redirect_did")
	appError(t, h, e.call(h, "POST", "/dialouts", map[string]any{"redirect_did": rt.numbers[0]}), 400, "Bad Request", "stage_one_destination_did")
	if l := appItems(t, h, e.call(h, "GET", "/dialouts", nil)); len(l) != 1 {
		t.Fatalf("scheduled %v", l)
	}
	expectStatus(t, e.control("POST", "/clock", map[string]any{"advance_seconds": 600}), 200)
	if l := appItems(t, h, e.call(h, "GET", "/dialouts", nil)); len(l) != 0 {
		t.Fatalf("after the delay %v", l)
	}
}
