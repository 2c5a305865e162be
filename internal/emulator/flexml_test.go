package emulator

import (
	"reflect"
	"testing"
)

// The FlexML account: the documented defaults, PATCH and PUT, enums and
// URLs checked with a 400 naming the field.
func TestFlexMLAccount(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(flexmlAPI)
	accs := appItems(t, h, e.call(h, "GET", "/accounts", nil))
	acc := accs[0]
	sid := acc["account_sid"].(string)
	want := map[string]any{"account_sid": sid, "date_created": acc["date_created"], "error_handler": "basic", "login": h.login,
		"method": "POST", "name": "Jane Doe", "status_callback_method": "POST", "status_callback_url": nil, "url": nil}
	if len(accs) != 1 || !reflect.DeepEqual(acc, want) {
		t.Fatalf("account %v, want %v", acc, want)
	}
	p := ok(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{"method": "GET", "error_handler": "none",
		"url": "https://app.example.org/fx", "status_callback_url": "https://app.example.org/cb", "status_callback_method": "PUT"}), 200)
	if p["method"] != "GET" || p["error_handler"] != "none" || p["url"] != "https://app.example.org/fx" ||
		p["status_callback_method"] != "PUT" || p["name"] != "Jane Doe" {
		t.Fatalf("patched %v", p)
	}
	if g := ok(t, h, e.call(h, "GET", "/accounts/"+sid, nil), 200); !reflect.DeepEqual(g, p) {
		t.Fatalf("GET after PATCH %v", g)
	}
	for k, v := range map[string]any{"error_handler": "loud", "method": "PUT", "status_callback_method": "get",
		"url": "ftp://x", "status_callback_url": 3, "name": 1} {
		appError(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{k: v}), 400, "Bad Request", k)
	}
	// read-only attributes are ignored
	if r := ok(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{"login": "other"}), 200); r["login"] != h.login {
		t.Fatalf("login changed: %v", r)
	}
	appError(t, h, e.call(h, "PUT", "/accounts/"+sid, map[string]any{"method": "POST"}), 400, "Bad Request", "url")
	// restoring the defaults, as a destroy does
	r := ok(t, h, e.call(h, "PUT", "/accounts/"+sid, map[string]any{"error_handler": "basic", "method": "POST", "name": "n",
		"status_callback_method": "POST", "status_callback_url": nil, "url": ""}), 200)
	if r["url"] != nil || r["status_callback_url"] != nil || r["method"] != "POST" {
		t.Fatalf("put %v", r)
	}
	appError(t, h, e.call(h, "POST", "/accounts", map[string]any{}), 405, "", nil)
}

// FlexML DIDs: the settings of a routed number, PATCH and PUT.
func TestFlexMLDIDs(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(flexmlAPI)
	rt := e.route(h.sid, 2)
	d := appItems(t, h, e.call(h, "GET", "/dids?filter="+q(`phonenumber eq "`+rt.numbers[1]+`"`), nil))[0]
	sid := d["did_sid"].(string)
	p := ok(t, h, e.call(h, "PATCH", "/dids/"+sid, map[string]any{"method": "GET", "url": "https://app.example.org/in"}), 200)
	if p["method"] != "GET" || p["url"] != "https://app.example.org/in" || p["phonenumber"] != rt.numbers[1] || p["status_callback_method"] != "POST" {
		t.Fatalf("patched %v", p)
	}
	appError(t, h, e.call(h, "PATCH", "/dids/"+sid, map[string]any{"method": "HEAD"}), 400, "Bad Request", "method")
	appError(t, h, e.call(h, "PATCH", "/dids/"+sid, map[string]any{"url": "not a url"}), 400, "Bad Request", "url")
	appError(t, h, e.call(h, "PUT", "/dids/"+sid, map[string]any{"url": nil}), 400, "Bad Request", "method")
	u := ok(t, h, e.call(h, "PUT", "/dids/"+sid, map[string]any{"method": "POST", "url": nil, "status_callback_url": "http://cb.example.org/x",
		"status_callback_method": "GET", "phonenumber": "ignored"}), 200)
	if u["url"] != nil || u["status_callback_url"] != "http://cb.example.org/x" || u["phonenumber"] != rt.numbers[1] {
		t.Fatalf("put %v", u)
	}
	l := appItems(t, h, e.call(h, "GET", "/dids?filter="+q(`status_callback_method eq "GET"`), nil))
	if len(l) != 1 || l[0]["did_sid"] != sid {
		t.Fatalf("filtered %v", l)
	}
	appError(t, h, e.call(h, "DELETE", "/dids/"+sid, nil), 405, "", nil)
}

// Calls: calling_did must be routed to the endpoint; a call is listed only
// while scheduled (delay), and DELETE cancels it.
func TestFlexMLCalls(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(flexmlAPI)
	rt := e.route(h.sid, 1)
	c := ok(t, h, e.call(h, "POST", "/calls", map[string]any{"calling_did": rt.numbers[0], "called_did": "15550005555",
		"url": "https://app.example.org/fx"}), 200)
	for k, v := range map[string]any{"method": "POST", "status_callback_method": "POST", "status_callback_url": nil} {
		if c[k] != v {
			t.Fatalf("call %s = %v", k, c[k])
		}
	}
	if _, has := c["timeout"]; has || num(c["delay"]) != 0 || !uuidRE.MatchString(c["call_sid"].(string)) {
		t.Fatalf("call %v", c)
	}
	appError(t, h, e.call(h, "GET", "/calls/"+c["call_sid"].(string), nil), 404, noItemMessage, nil)
	later := ok(t, h, e.call(h, "POST", "/calls", map[string]any{"calling_did": rt.numbers[0], "called_did": "15550005555", "delay": 30.5, "timeout": 20}), 200)
	if num(later["delay"]) != 30 || num(later["timeout"]) != 20 {
		t.Fatalf("scheduled call %v", later)
	}
	appError(t, h, e.call(h, "POST", "/calls", map[string]any{"calling_did": "15550009999", "called_did": "15550005555"}), 400, "Bad Request", "calling_did")
	appError(t, h, e.call(h, "POST", "/calls", map[string]any{"calling_did": rt.numbers[0]}), 400, "Bad Request", "called_did")
	if l := appItems(t, h, e.call(h, "GET", "/calls", nil)); len(l) != 1 {
		t.Fatalf("scheduled calls %v", l)
	}
	expectStatus(t, e.call(h, "DELETE", "/calls/"+later["call_sid"].(string), nil), 204)
	if l := appItems(t, h, e.call(h, "GET", "/calls", nil)); len(l) != 0 {
		t.Fatalf("after cancel %v", l)
	}
}
