package emulator

import (
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// hosted is an endpoint of an endpoint API with its generated credentials.
type hosted struct {
	api             *appAPI
	sid, login, pwd string
	apiURL          string
}

// hostedEndpoint creates an endpoint of the API's type through the Core API.
func (e *env) hostedEndpoint(api *appAPI) hosted {
	e.t.Helper()
	m := e.createEndpoint(map[string]any{"type": api.epType, "name": api.name + "-ep"})
	p := m["properties"].(map[string]any)
	return hosted{api: api, sid: m["endpoint_sid"].(string), login: p["login"].(string), pwd: p["password"].(string),
		apiURL: p["api_url"].(string)}
}

// route rents n numbers and routes them to the endpoint: DID -> trunk group
// -> trunk -> endpoint. It returns the trunk group, the trunk and the
// numbers' Core SIDs and phone numbers.
type routing struct {
	group, trunk string
	didSIDs      []string
	numbers      []string
}

func (e *env) route(epSID string, n int, rentBody ...map[string]any) routing {
	e.t.Helper()
	var rt routing
	rt.group = created(e, "/trunk_groups", map[string]any{}, "trunk_group_sid")
	rt.trunk = created(e, "/trunk_groups/"+rt.group+"/trunks", map[string]any{"endpoint_sid": epSID}, "trunk_sid")
	for i := 0; i < n; i++ {
		body := map[string]any{"trunk_group_sid": rt.group}
		if i < len(rentBody) {
			for k, v := range rentBody[i] {
				body[k] = v
			}
		}
		r := e.core("POST", "/phonenumber/dids", body)
		expectStatus(e.t, r, 200)
		rt.didSIDs = append(rt.didSIDs, r.obj()["did_sid"].(string))
		rt.numbers = append(rt.numbers, r.obj()["phonenumber"].(string))
	}
	return rt
}

func basic(login, pwd string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(login+":"+pwd))
}

// call sends a request to the endpoint's API with its credentials.
func (e *env) call(h hosted, method, path string, body any) resp {
	e.t.Helper()
	return e.do(method, e.ts.URL+h.api.prefix+path, "", body, "Authorization", basic(h.login, h.pwd))
}

// unwrap checks the Mediator envelope ({"body", "status"} with the HTTP
// status) and returns the body; other APIs' answers are returned as they are.
func unwrap(t *testing.T, h hosted, r resp) any {
	t.Helper()
	if !h.api.envelope {
		return r.body
	}
	m := r.obj()
	if m == nil || len(m) != 2 || num(m["status"]) != float64(r.status) {
		t.Fatalf("not the Mediator envelope of status %d: %s", r.status, r.raw)
	}
	return m["body"]
}

// ok expects the status and returns the (unwrapped) object.
func ok(t *testing.T, h hosted, r resp, status int) map[string]any {
	t.Helper()
	expectStatus(t, r, status)
	m, _ := unwrap(t, h, r).(map[string]any)
	return m
}

// appError expects an error in the Core error shape (unwrapped), its
// message and a field of errors[] (nil: any).
func appError(t *testing.T, h hosted, r resp, status int, message string, field any) map[string]any {
	t.Helper()
	body, _ := unwrap(t, h, r).(map[string]any)
	expectError(t, resp{status: r.status, raw: r.raw, body: body}, status, message, field)
	return body
}

func appItems(t *testing.T, h hosted, r resp) []map[string]any {
	t.Helper()
	return items(ok(t, h, r, 200))
}

// Basic auth with the endpoint's own credentials; no credentials, a Core
// bearer token, a wrong password or another API's endpoint credentials
// answer 401 in the Core error shape (wrapped on the Mediator API).
func TestEndpointAPIAuth(t *testing.T) {
	e := newEnv(t)
	eps := map[string]hosted{}
	for _, api := range appAPIs {
		eps[api.name] = e.hostedEndpoint(api)
	}
	for _, api := range appAPIs {
		h := eps[api.name]
		url := e.ts.URL + api.prefix + "/accounts"
		accs := appItems(t, h, e.call(h, "GET", "/accounts", nil))
		if len(accs) != 1 || accs[0]["login"] != h.login {
			t.Fatalf("%s accounts %v", api.name, accs)
		}
		if _, has := accs[0]["password"]; has {
			t.Fatalf("%s account shows a password: %v", api.name, accs[0])
		}
		appError(t, h, e.do("GET", url, "", nil), 401, "Unauthorized", nil)
		appError(t, h, e.do("GET", url, e.srv.Token(), nil), 401, "Unauthorized", nil)
		appError(t, h, e.do("GET", url, "", nil, "Authorization", basic(h.login, h.pwd+"x")), 401, "Bad credentials", nil)
		appError(t, h, e.do("GET", url, "", nil, "Authorization", basic("", h.pwd)), 401, "Bad credentials", nil)
		for _, other := range appAPIs {
			if other != api {
				o := eps[other.name]
				appError(t, h, e.do("GET", url, "", nil, "Authorization", basic(o.login, o.pwd)), 401, "Bad credentials", nil)
			}
		}
		// routes: unknown path 404, unrouted method 405, both after the Host guard
		appError(t, h, e.call(h, "GET", "/nothing", nil), 404, "Not Found", nil)
		r := e.call(h, "DELETE", "/accounts/"+accs[0]["account_sid"].(string), nil)
		appError(t, h, r, 405, "Method Not Allowed", nil)
		if r.header.Get("Allow") == "" {
			t.Fatalf("%s 405 without Allow", api.name)
		}
		req := httptest.NewRequest(http.MethodGet, api.prefix+"/accounts", nil)
		req.Host = "rebind.example"
		req.Header.Set("Authorization", basic(h.login, h.pwd))
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "rebind.example") {
			t.Fatalf("%s Host guard: %d %s", api.name, rec.Code, rec.Body)
		}
	}
	// a third_party endpoint has no credentials; the Core API refuses Basic auth
	appError(t, eps["flexml"], e.do("GET", e.base+"/endpoints", "", nil, "Authorization", basic(eps["flexml"].login, eps["flexml"].pwd)),
		401, "Bad credentials", nil)
}

// api_url is the emulator's own base path of the API, from the Host of
// the request that created the endpoint, and it works as a client's base URL.
func TestEndpointAPIURL(t *testing.T) {
	e := newEnv(t)
	for _, api := range appAPIs {
		h := e.hostedEndpoint(api)
		if h.apiURL != e.ts.URL+api.prefix {
			t.Fatalf("%s api_url %s", api.name, h.apiURL)
		}
		expectStatus(t, e.do("GET", h.apiURL+"/accounts", "", nil, "Authorization", basic(h.login, h.pwd)), 200)
	}
	r := e.control("POST", "/seed", map[string]any{"collection": "endpoints", "count": 1, "object": map[string]any{"type": "flexml"}})
	expectStatus(t, r, 200)
	ep := e.core("GET", "/endpoints/"+r.obj()["sids"].([]any)[0].(string), nil).obj()
	if u := ep["properties"].(map[string]any)["api_url"]; u != e.ts.URL+"/flexml/v1" {
		t.Fatalf("seeded endpoint api_url %v", u)
	}
}

// Each request sees the objects of its own endpoint only.
func TestEndpointAPIScoping(t *testing.T) {
	e := newEnv(t)
	a, b := e.hostedEndpoint(mediatorAPI), e.hostedEndpoint(mediatorAPI)
	e.route(a.sid, 1)
	rb := e.route(b.sid, 1)
	bind := ok(t, a, e.call(a, "POST", "/bindings", map[string]any{"destination_did": "15550001111"}), 200)
	sid := bind["binding_sid"].(string)
	appError(t, b, e.call(b, "GET", "/bindings/"+sid, nil), 404, noItemMessage, nil)
	appError(t, b, e.call(b, "PATCH", "/bindings/"+sid, map[string]any{"name": "x"}), 404, noItemMessage, nil)
	appError(t, b, e.call(b, "DELETE", "/bindings/"+sid, nil), 404, noItemMessage, nil)
	if l := appItems(t, b, e.call(b, "GET", "/bindings", nil)); len(l) != 0 {
		t.Fatalf("b sees %v", l)
	}
	dids := appItems(t, b, e.call(b, "GET", "/dids", nil))
	if len(dids) != 1 || dids[0]["phonenumber"] != rb.numbers[0] {
		t.Fatalf("b's dids %v", dids)
	}
	accA := appItems(t, a, e.call(a, "GET", "/accounts", nil))[0]
	appError(t, b, e.call(b, "GET", "/accounts/"+accA["account_sid"].(string), nil), 404, noItemMessage, nil)
	// a's number cannot be b's redirect number
	appError(t, b, e.call(b, "POST", "/bindings", map[string]any{"destination_did": "15550001111",
		"redirect_did": bind["redirect_did"]}), 400, "Bad Request", "redirect_did")
}

// Numbers routed to an endpoint appear in its DIDs, live: when a DID is
// assigned to a trunk group whose trunk points at the endpoint, and gone
// when the DID is unassigned or released, the trunk removed or re-pointed.
// An app DID SID is the emulator's own, stable while routed; settings are
// kept while routed and start over when the number is routed again.
func TestEndpointAPIRouting(t *testing.T) {
	e := newEnv(t)
	fx := e.hostedEndpoint(flexmlAPI)
	if l := appItems(t, fx, e.call(fx, "GET", "/dids", nil)); len(l) != 0 {
		t.Fatalf("unrouted endpoint has dids %v", l)
	}
	rt := e.route(fx.sid, 2)
	core := e.core("GET", "/phonenumber/dids/"+rt.didSIDs[0], nil).obj()
	dids := appItems(t, fx, e.call(fx, "GET", "/dids", nil))
	if len(dids) != 2 {
		t.Fatalf("dids %v", dids)
	}
	d := dids[0]
	acc := appItems(t, fx, e.call(fx, "GET", "/accounts", nil))[0]
	want := map[string]any{"account_sid": acc["account_sid"], "country_code": core["country_code"],
		"in_country_format": core["in_country_format"], "international_format": core["international_format"],
		"phonenumber": core["phonenumber"], "method": "POST", "status_callback_method": "POST",
		"status_callback_url": nil, "url": nil}
	for k, v := range want {
		if d[k] != v {
			t.Fatalf("did %s = %v, want %v (%v)", k, d[k], v, d)
		}
	}
	if len(d) != len(want)+1 || d["did_sid"] == core["did_sid"] || !uuidRE.MatchString(d["did_sid"].(string)) {
		t.Fatalf("did %v (Core SID %v)", d, core["did_sid"])
	}
	sid := d["did_sid"].(string)
	ok(t, fx, e.call(fx, "PATCH", "/dids/"+sid, map[string]any{"url": "https://app.example.org/in"}), 200)
	// unrelated Core changes keep the app DID and its settings
	expectStatus(t, e.core("PATCH", "/trunk_groups/"+rt.group, map[string]any{"name": "renamed"}), 200)
	expectStatus(t, e.core("PATCH", "/phonenumber/dids/"+rt.didSIDs[0], map[string]any{"name": "main"}), 200)
	if g := ok(t, fx, e.call(fx, "GET", "/dids/"+sid, nil), 200); g["url"] != "https://app.example.org/in" {
		t.Fatalf("settings lost: %v", g)
	}
	// unassigned: gone; assigned again: back with a new SID and the defaults
	expectStatus(t, e.core("PATCH", "/phonenumber/dids/"+rt.didSIDs[0], map[string]any{"trunk_group_sid": nil}), 200)
	appError(t, fx, e.call(fx, "GET", "/dids/"+sid, nil), 404, noItemMessage, nil)
	if l := appItems(t, fx, e.call(fx, "GET", "/dids", nil)); len(l) != 1 || l[0]["phonenumber"] != rt.numbers[1] {
		t.Fatalf("after unassign %v", l)
	}
	expectStatus(t, e.core("PATCH", "/phonenumber/dids/"+rt.didSIDs[0], map[string]any{"trunk_group_sid": rt.group}), 200)
	l := appItems(t, fx, e.call(fx, "GET", "/dids?filter="+q(`phonenumber eq "`+rt.numbers[0]+`"`), nil))
	if len(l) != 1 || l[0]["did_sid"] == sid || l[0]["url"] != nil {
		t.Fatalf("routed again %v", l)
	}
	// the trunk re-pointed to another endpoint: the numbers move there
	other := e.hostedEndpoint(flexmlAPI)
	expectStatus(t, e.core("PATCH", "/trunk_groups/"+rt.group+"/trunks/"+rt.trunk, map[string]any{"endpoint_sid": other.sid}), 200)
	if l := appItems(t, fx, e.call(fx, "GET", "/dids", nil)); len(l) != 0 {
		t.Fatalf("after re-point %v", l)
	}
	if l := appItems(t, other, e.call(other, "GET", "/dids", nil)); len(l) != 2 {
		t.Fatalf("other endpoint after re-point %v", l)
	}
	// released: gone; the trunk deleted: gone
	expectStatus(t, e.core("DELETE", "/phonenumber/dids/"+rt.didSIDs[1], nil), 204)
	if l := appItems(t, other, e.call(other, "GET", "/dids", nil)); len(l) != 1 {
		t.Fatalf("after release %v", l)
	}
	expectStatus(t, e.core("DELETE", "/trunk_groups/"+rt.group+"/trunks/"+rt.trunk, nil), 204)
	if l := appItems(t, other, e.call(other, "GET", "/dids", nil)); len(l) != 0 {
		t.Fatalf("after trunk delete %v", l)
	}
	// a number routed to a mediator endpoint is not a FlexML endpoint's
	med := e.hostedEndpoint(mediatorAPI)
	e.route(med.sid, 1)
	if l := appItems(t, fx, e.call(fx, "GET", "/dids", nil)); len(l) != 0 {
		t.Fatalf("flexml sees %v", l)
	}
	if l := appItems(t, med, e.call(med, "GET", "/dids", nil)); len(l) != 1 {
		t.Fatalf("mediator dids %v", l)
	}
}

// Lists page (limit default 10, offset) and filter as the Core API does.
func TestEndpointAPIListParams(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	rt := e.route(h.sid, 12)
	l := ok(t, h, e.call(h, "GET", "/dids", nil), 200)
	if num(l["count"]) != 10 || num(l["limit"]) != 10 || num(l["total"]) != 12 || l["has_more"] != true {
		t.Fatalf("first page %v", l)
	}
	next := l["pagination"].(map[string]any)["next"].(string)
	if !strings.HasPrefix(next, e.ts.URL+"/mediator/v1/dids?") {
		t.Fatalf("next %s", next)
	}
	l = ok(t, h, e.call(h, "GET", "/dids?limit=5&offset=10", nil), 200)
	if num(l["count"]) != 2 || l["has_more"] != false {
		t.Fatalf("last page %v", l)
	}
	l = ok(t, h, e.call(h, "GET", "/dids?filter="+q(`phonenumber eq "`+rt.numbers[3]+`"`), nil), 200)
	if num(l["total"]) != 1 || items(l)[0]["phonenumber"] != rt.numbers[3] {
		t.Fatalf("filtered %v", l)
	}
	appError(t, h, e.call(h, "GET", "/dids?filter="+q("nope eq 1"), nil), 400, "Bad Request", "filter")
	appError(t, h, e.call(h, "GET", "/dids?limit=-1", nil), 400, "Bad Request", "limit")
	l = ok(t, h, e.call(h, "GET", "/dids?include_fields=phonenumber&limit=1", nil), 200)
	if it := items(l)[0]; len(it) != 1 {
		t.Fatalf("field filtering %v", it)
	}
}

// The control API rotates an endpoint's password: the answer names the
// endpoint and login only; the old password answers 401 and the Core API
// shows the new one, which works.
func TestRotatePassword(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(conferenceAPI)
	r := e.control("POST", "/endpoints/"+h.sid+"/rotate_password", nil)
	expectStatus(t, r, 200)
	if m := r.obj(); len(m) != 2 || m["endpoint_sid"] != h.sid || m["login"] != h.login {
		t.Fatalf("rotate answer %s", r.raw)
	}
	appError(t, h, e.call(h, "GET", "/accounts", nil), 401, "Bad credentials", nil)
	p := e.core("GET", "/endpoints/"+h.sid, nil).obj()["properties"].(map[string]any)
	if p["password"] == h.pwd || p["login"] != h.login {
		t.Fatalf("Core endpoint after rotation %v", p)
	}
	h.pwd = p["password"].(string)
	expectStatus(t, e.call(h, "GET", "/accounts", nil), 200)
	expectError(t, e.control("POST", "/endpoints/"+newUUID()+"/rotate_password", nil), 404, noItemMessage, nil)
	tp := e.createEndpoint(map[string]any{"type": "third_party"})["endpoint_sid"].(string)
	expectError(t, e.control("POST", "/endpoints/"+tp+"/rotate_password", nil), 400, "Bad Request", "endpoint_sid")
	expectStatus(t, e.control("GET", "/endpoints/"+h.sid+"/rotate_password", nil), 405)
}

// Endpoint API requests are in the request log like Core API requests;
// reset clears the endpoint APIs' objects with the rest.
func TestEndpointAPIRequestLogAndReset(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(mediatorAPI)
	e.route(h.sid, 1)
	ok(t, h, e.call(h, "POST", "/bindings?reuse=false", map[string]any{"destination_did": "15550001111"}), 200)
	appError(t, h, e.do("GET", e.ts.URL+"/mediator/v1/bindings", "", nil, "Authorization", basic(h.login, "bad")), 401, "", nil)
	reqs := e.control("GET", "/requests", nil).obj()["requests"].([]any)
	var post, refused map[string]any
	for _, x := range reqs {
		rec := x.(map[string]any)
		if rec["path"] == "/mediator/v1/bindings" && rec["method"] == "POST" {
			post = rec
		}
		if rec["path"] == "/mediator/v1/bindings" && rec["method"] == "GET" {
			refused = rec
		}
	}
	if post == nil || num(post["status"]) != 200 || post["query"] != "reuse=false" ||
		post["body"].(map[string]any)["destination_did"] != "15550001111" {
		t.Fatalf("logged POST %v", post)
	}
	if refused == nil || num(refused["status"]) != 401 || refused["body"] != nil {
		t.Fatalf("logged 401 %v", refused)
	}
	expectStatus(t, e.control("POST", "/reset", nil), 204)
	for _, coll := range []string{"mediator.bindings", "mediator.accounts", "mediator.dids"} {
		if n := len(e.srv.Objects(coll)); n != 0 {
			t.Fatalf("%s after reset: %d objects", coll, n)
		}
	}
	appError(t, h, e.call(h, "GET", "/bindings", nil), 401, "Bad credentials", nil)
}

// Seeding takes the endpoint as parent_sid; the objects the emulator makes
// (accounts, call flows, DIDs) cannot be seeded.
func TestEndpointAPISeed(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(conferenceAPI)
	r := e.control("POST", "/seed", map[string]any{"collection": "conference.meeting_rooms", "count": 3, "parent_sid": h.sid,
		"object": map[string]any{"name": "room {n}", "access_codes": []any{map[string]any{"access_code": "10{n}", "role": "host"}}}})
	expectStatus(t, r, 200)
	rooms := appItems(t, h, e.call(h, "GET", "/meeting_rooms?order="+q("name desc"), nil))
	if len(rooms) != 3 || rooms[0]["name"] != "room 2" || rooms[0]["account_sid"] == nil {
		t.Fatalf("seeded rooms %v", rooms)
	}
	// the seed goes through the create checks: a code already used is refused
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "conference.meeting_rooms", "count": 1, "parent_sid": h.sid,
		"object": map[string]any{"access_codes": []any{map[string]any{"access_code": "100", "role": "host"}}}}), 409, "", "access_codes[0].access_code")
	med := e.hostedEndpoint(mediatorAPI)
	e.route(med.sid, 2)
	expectStatus(t, e.control("POST", "/seed", map[string]any{"collection": "mediator.bindings", "count": 2, "parent_sid": med.sid,
		"object": map[string]any{"destination_did": "1555000100{n}"}}), 200)
	if l := appItems(t, med, e.call(med, "GET", "/bindings", nil)); len(l) != 2 || l[0]["redirect_did"] == l[1]["redirect_did"] {
		t.Fatalf("seeded bindings %v", l)
	}
	for body, field := range map[string]map[string]any{
		"parent_sid": {"collection": "mediator.bindings", "count": 1, "parent_sid": h.sid},
		"collection": {"collection": "mediator.dids", "count": 1, "parent_sid": med.sid},
	} {
		expectError(t, e.control("POST", "/seed", field), 400, "Bad Request", body)
	}
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "conference.accounts", "count": 1, "parent_sid": h.sid}), 400, "Bad Request", "collection")
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "mediator.bindings", "count": 1}), 400, "Bad Request", "parent_sid")
}

// An endpoint deleted (through the Core API once its trunks are gone, or
// out of band) takes its endpoint API objects with it.
func TestEndpointAPIObjectsGoWithEndpoint(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(conferenceAPI)
	ok(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{}), 200)
	ok(t, h, e.call(h, "POST", "/did_groups", map[string]any{}), 200)
	keep := e.hostedEndpoint(conferenceAPI)
	ok(t, keep, e.call(keep, "POST", "/meeting_rooms", map[string]any{}), 200)
	expectStatus(t, e.core("DELETE", "/endpoints/"+h.sid, nil), 204)
	for coll, want := range map[string]int{"conference.meeting_rooms": 1, "conference.did_groups": 0,
		"conference.accounts": 1, "conference.call_flows": 4} {
		if n := len(e.srv.Objects(coll)); n != want {
			t.Fatalf("%s: %d objects, want %d", coll, n, want)
		}
	}
	expectStatus(t, e.control("DELETE", "/objects/endpoints/"+keep.sid, nil), 204)
	if n := len(e.srv.Objects("conference.meeting_rooms")); n != 0 {
		t.Fatalf("rooms after out-of-band delete: %d", n)
	}
}

// Faults apply to the endpoint APIs' paths too.
func TestEndpointAPIFaults(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(flexmlAPI)
	e.fault(map[string]any{"path": "/flexml/v1/accounts", "status": 503, "count": 1})
	expectError(t, e.call(h, "GET", "/accounts", nil), 503, "Service Unavailable", nil)
	expectStatus(t, e.call(h, "GET", "/accounts", nil), 200)
	e.fault(map[string]any{"path": "/flexml/v1/accounts/*", "kind": "empty", "when": "after", "count": 1})
	acc := appItems(t, h, e.call(h, "GET", "/accounts", nil))[0]
	r := e.call(h, "PATCH", "/accounts/"+acc["account_sid"].(string), map[string]any{"name": "lost"})
	if r.status != 200 || len(r.raw) != 0 {
		t.Fatalf("faulted answer %d %q", r.status, r.raw)
	}
	if g := ok(t, h, e.call(h, "GET", "/accounts/"+acc["account_sid"].(string), nil), 200); g["name"] != "lost" {
		t.Fatalf("the update was not committed: %v", g)
	}
}

// A foreign answer on an endpoint API is another object of the same endpoint.
func TestEndpointAPIForeignFault(t *testing.T) {
	e := newEnv(t)
	h, other := e.hostedEndpoint(conferenceAPI), e.hostedEndpoint(conferenceAPI)
	a := ok(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{"name": "a"}), 200)
	ok(t, other, e.call(other, "POST", "/meeting_rooms", map[string]any{"name": "other"}), 200)
	b := ok(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{"name": "b"}), 200)
	e.fault(map[string]any{"path": "/conference/v2/meeting_rooms/" + b["meeting_room_sid"].(string), "kind": "foreign", "count": 1})
	if g := ok(t, h, e.call(h, "GET", "/meeting_rooms/"+b["meeting_room_sid"].(string), nil), 200); g["meeting_room_sid"] != a["meeting_room_sid"] {
		t.Fatalf("foreign answer %v", g)
	}
}

// The control API's clock makes time pass; reset sets it back.
func TestControlClock(t *testing.T) {
	e := newEnv(t)
	before := e.control("GET", "/clock", nil).obj()["now"].(string)
	r := e.control("POST", "/clock", map[string]any{"advance_seconds": 86400})
	expectStatus(t, r, 200)
	if after := r.obj()["now"].(string); after[:10] == before[:10] {
		t.Fatalf("a day later: %s -> %s", before, after)
	}
	expectError(t, e.control("POST", "/clock", map[string]any{"advance_seconds": -1}), 400, "Bad Request", "advance_seconds")
	expectError(t, e.control("POST", "/clock", map[string]any{}), 400, "Bad Request", "advance_seconds")
	expectStatus(t, e.control("POST", "/reset", nil), 204)
	if now := e.control("GET", "/clock", nil).obj()["now"].(string); now[:10] != before[:10] {
		t.Fatalf("after reset %s (before %s)", now, before)
	}
}
