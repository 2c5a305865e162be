package emulator

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// callFlows maps a conference endpoint's call flow names to SIDs.
func (e *env) callFlows(h hosted) map[string]string {
	e.t.Helper()
	out := map[string]string{}
	for _, f := range appItems(e.t, h, e.call(h, "GET", "/call_flows", nil)) {
		out[f["name"].(string)] = f["call_flow_sid"].(string)
	}
	return out
}

// Each endpoint has the four documented call flows, with the base
// properties, read only; the account starts on secured.
func TestConferenceCallFlows(t *testing.T) {
	e := newEnv(t)
	h, other := e.hostedEndpoint(conferenceAPI), e.hostedEndpoint(conferenceAPI)
	flows := appItems(t, h, e.call(h, "GET", "/call_flows", nil))
	var names []string
	for _, f := range flows {
		names = append(names, f["name"].(string))
		if len(f) != 3 || !reflect.DeepEqual(f["properties"], callFlowProperties) {
			t.Fatalf("flow %v", f)
		}
	}
	if !reflect.DeepEqual(names, []string{"secured", "open", "direct_host", "direct_participant"}) {
		t.Fatalf("flows %v", names)
	}
	mine, theirs := e.callFlows(h), e.callFlows(other)
	if mine["open"] == theirs["open"] {
		t.Fatal("two endpoints share a call flow SID")
	}
	appError(t, other, e.call(other, "GET", "/call_flows/"+mine["open"], nil), 404, noItemMessage, nil)
	l := appItems(t, h, e.call(h, "GET", "/call_flows?filter="+q(`name eq "open"`), nil))
	if len(l) != 1 || l[0]["call_flow_sid"] != mine["open"] {
		t.Fatalf("by name %v", l)
	}
	g := ok(t, h, e.call(h, "GET", "/call_flows/"+mine["secured"], nil), 200)
	if g["name"] != "secured" {
		t.Fatalf("secured %v", g)
	}
	appError(t, h, e.call(h, "PATCH", "/call_flows/"+mine["secured"], map[string]any{}), 405, "", nil)
	appError(t, h, e.call(h, "POST", "/call_flows", map[string]any{}), 405, "", nil)
	acc := appItems(t, h, e.call(h, "GET", "/accounts", nil))[0]
	if acc["call_flow_sid"] != mine["secured"] || !reflect.DeepEqual(acc["properties"], map[string]any{}) || len(acc) != 6 {
		t.Fatalf("account %v", acc)
	}
}

// The account: name, call_flow_sid and properties change; password is
// write-only and becomes the endpoint's password, which the Core API shows.
func TestConferenceAccount(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(conferenceAPI)
	flows := e.callFlows(h)
	sid := appItems(t, h, e.call(h, "GET", "/accounts", nil))[0]["account_sid"].(string)
	p := ok(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{"name": "Team bridge", "call_flow_sid": flows["open"],
		"properties": map[string]any{"conference_start_wait": "60"}}), 200)
	if p["name"] != "Team bridge" || p["call_flow_sid"] != flows["open"] || p["properties"].(map[string]any)["conference_start_wait"] != "60" {
		t.Fatalf("patched %v", p)
	}
	appError(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{"call_flow_sid": newUUID()}), 400, "Bad Request", "call_flow_sid")
	appError(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{"call_flow_sid": nil}), 400, "Bad Request", "call_flow_sid")
	appError(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{"properties": map[string]any{"conference_start_wait": 60}}),
		400, "Bad Request", "properties.conference_start_wait")
	appError(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{"password": ""}), 400, "Bad Request", "password")
	// a rejected update changes no password
	appError(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{"password": "n3w-Passw0rd", "name": 5}), 400, "Bad Request", "name")
	expectStatus(t, e.call(h, "GET", "/accounts", nil), 200)
	r := ok(t, h, e.call(h, "PATCH", "/accounts/"+sid, map[string]any{"password": "n3w-Passw0rd"}), 200)
	if _, has := r["password"]; has {
		t.Fatalf("password returned: %v", r)
	}
	appError(t, h, e.call(h, "GET", "/accounts", nil), 401, "Bad credentials", nil)
	if pw := e.core("GET", "/endpoints/"+h.sid, nil).obj()["properties"].(map[string]any)["password"]; pw != "n3w-Passw0rd" {
		t.Fatalf("Core endpoint password %v", pw)
	}
	h.pwd = "n3w-Passw0rd"
	if g := ok(t, h, e.call(h, "GET", "/accounts/"+sid, nil), 200); g["password"] != nil || g["name"] != "Team bridge" {
		t.Fatalf("account %v", g)
	}
	// PUT needs name, call_flow_sid and properties, not the password
	appError(t, h, e.call(h, "PUT", "/accounts/"+sid, map[string]any{"name": "x"}), 400, "Bad Request", "call_flow_sid")
	ok(t, h, e.call(h, "PUT", "/accounts/"+sid, map[string]any{"name": "x", "call_flow_sid": flows["secured"], "properties": map[string]any{}}), 200)
}

// DID groups: create with defaults, update, references checked, delete
// refused (409) while a DID or a meeting room uses the group.
func TestConferenceDIDGroups(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(conferenceAPI)
	flows := e.callFlows(h)
	acc := appItems(t, h, e.call(h, "GET", "/accounts", nil))[0]
	g := ok(t, h, e.call(h, "POST", "/did_groups", map[string]any{}), 200)
	want := map[string]any{"account_sid": acc["account_sid"], "call_flow_sid": nil, "did_group_sid": g["did_group_sid"],
		"name": "N/A", "properties": map[string]any{}}
	if !reflect.DeepEqual(g, want) {
		t.Fatalf("did group %v, want %v", g, want)
	}
	sid := g["did_group_sid"].(string)
	p := ok(t, h, e.call(h, "PATCH", "/did_groups/"+sid, map[string]any{"name": "sales", "call_flow_sid": flows["secured"]}), 200)
	if p["name"] != "sales" || p["call_flow_sid"] != flows["secured"] {
		t.Fatalf("patched %v", p)
	}
	appError(t, h, e.call(h, "POST", "/did_groups", map[string]any{"call_flow_sid": "nope"}), 400, "Bad Request", "call_flow_sid")
	other := e.hostedEndpoint(conferenceAPI)
	appError(t, other, e.call(other, "POST", "/did_groups", map[string]any{"call_flow_sid": flows["open"]}), 400, "Bad Request", "call_flow_sid")
	rt := e.route(h.sid, 1)
	d := appItems(t, h, e.call(h, "GET", "/dids", nil))[0]
	ok(t, h, e.call(h, "PATCH", "/dids/"+d["did_sid"].(string), map[string]any{"did_group_sid": sid}), 200)
	room := ok(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{"did_group_sid": sid}), 200)
	body := appError(t, h, e.call(h, "DELETE", "/did_groups/"+sid, nil), 409, "", "did_group_sid")
	if len(body["errors"].([]any)) != 2 {
		t.Fatalf("409 %v", body)
	}
	ok(t, h, e.call(h, "PATCH", "/meeting_rooms/"+room["meeting_room_sid"].(string), map[string]any{"did_group_sid": nil}), 200)
	// the number unrouted: its DID (and its group membership) is gone
	expectStatus(t, e.core("PATCH", "/phonenumber/dids/"+rt.didSIDs[0], map[string]any{"trunk_group_sid": nil}), 200)
	expectStatus(t, e.call(h, "DELETE", "/did_groups/"+sid, nil), 204)
	appError(t, h, e.call(h, "GET", "/did_groups/"+sid, nil), 404, noItemMessage, nil)
}

// Conference DIDs: call_flow_sid, did_group_sid and properties; a SID of
// nothing (or of another endpoint) is a 400 naming the field.
func TestConferenceDIDs(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(conferenceAPI)
	flows := e.callFlows(h)
	rt := e.route(h.sid, 1)
	d := appItems(t, h, e.call(h, "GET", "/dids", nil))[0]
	acc := appItems(t, h, e.call(h, "GET", "/accounts", nil))[0]
	for k, v := range map[string]any{"account_sid": acc["account_sid"], "call_flow_sid": nil, "did_group_sid": nil,
		"phonenumber": rt.numbers[0]} {
		if d[k] != v {
			t.Fatalf("did %s = %v (%v)", k, d[k], d)
		}
	}
	if len(d) != 9 || !reflect.DeepEqual(d["properties"], map[string]any{}) {
		t.Fatalf("did %v", d)
	}
	sid := d["did_sid"].(string)
	g := ok(t, h, e.call(h, "POST", "/did_groups", map[string]any{"name": "g"}), 200)["did_group_sid"]
	p := ok(t, h, e.call(h, "PATCH", "/dids/"+sid, map[string]any{"did_group_sid": g, "call_flow_sid": flows["direct_host"],
		"properties": map[string]any{"did_language": "fr_FR"}}), 200)
	if p["did_group_sid"] != g || p["call_flow_sid"] != flows["direct_host"] || p["properties"].(map[string]any)["did_language"] != "fr_FR" {
		t.Fatalf("patched %v", p)
	}
	other := e.hostedEndpoint(conferenceAPI)
	og := ok(t, other, e.call(other, "POST", "/did_groups", map[string]any{}), 200)["did_group_sid"]
	for k, v := range map[string]any{"did_group_sid": og, "call_flow_sid": e.callFlows(other)["open"], "properties": []any{}} {
		appError(t, h, e.call(h, "PATCH", "/dids/"+sid, map[string]any{k: v}), 400, "Bad Request", k)
	}
	body := appError(t, h, e.call(h, "PATCH", "/dids/"+sid, map[string]any{"did_group_sid": newUUID()}), 400, "Bad Request", "did_group_sid")
	if body["errors"].([]any)[0].(map[string]any)["reference_sid"] == nil {
		t.Fatalf("no reference_sid: %v", body)
	}
	u := ok(t, h, e.call(h, "PUT", "/dids/"+sid, map[string]any{"did_group_sid": "", "call_flow_sid": nil, "properties": map[string]any{}}), 200)
	if u["did_group_sid"] != nil || u["call_flow_sid"] != nil {
		t.Fatalf("put %v", u)
	}
}

// Meeting rooms: no attribute required; access codes with their roles; a
// code used by another room of the endpoint is a 409 naming the code.
func TestConferenceMeetingRooms(t *testing.T) {
	e := newEnv(t)
	h := e.hostedEndpoint(conferenceAPI)
	acc := appItems(t, h, e.call(h, "GET", "/accounts", nil))[0]
	empty := ok(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{}), 200)
	want := map[string]any{"access_codes": []any{}, "account_sid": acc["account_sid"], "did_group_sid": nil,
		"meeting_room_sid": empty["meeting_room_sid"], "name": "N/A", "properties": map[string]any{}}
	if !reflect.DeepEqual(empty, want) {
		t.Fatalf("room %v, want %v", empty, want)
	}
	codes := []any{map[string]any{"access_code": "890671", "role": "host"}, map[string]any{"access_code": "265423", "role": "listener"},
		map[string]any{"access_code": "143623", "role": "participant"}}
	room := ok(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{"name": "My meeting room", "access_codes": codes}), 200)
	if !reflect.DeepEqual(room["access_codes"], codes) {
		t.Fatalf("codes %v", room["access_codes"])
	}
	rsid := room["meeting_room_sid"].(string)
	body := appError(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{"access_codes": []any{
		map[string]any{"access_code": "111", "role": "host"}, map[string]any{"access_code": "265423", "role": "host"}}}),
		409, "access code already in use", "access_codes[1].access_code")
	ferr := body["errors"].([]any)[0].(map[string]any)
	if ferr["reference_sid"] != rsid || !strings.Contains(fmt.Sprint(ferr["message"]), "265423") {
		t.Fatalf("409 %v", ferr)
	}
	appError(t, h, e.call(h, "PATCH", "/meeting_rooms/"+empty["meeting_room_sid"].(string), map[string]any{"access_codes": []any{
		map[string]any{"access_code": "890671", "role": "participant"}}}), 409, "", "access_codes[0].access_code")
	// a room keeps its own codes; another endpoint may use them
	ok(t, h, e.call(h, "PATCH", "/meeting_rooms/"+rsid, map[string]any{"name": "renamed", "access_codes": codes[:2]}), 200)
	other := e.hostedEndpoint(conferenceAPI)
	ok(t, other, e.call(other, "POST", "/meeting_rooms", map[string]any{"access_codes": codes}), 200)
	for field, list := range map[string][]any{
		"access_codes[1].access_code": {map[string]any{"access_code": "5", "role": "host"}, map[string]any{"access_code": "5", "role": "listener"}},
		"access_codes[0].role":        {map[string]any{"access_code": "5", "role": "admin"}},
		"access_codes[0].access_code": {map[string]any{"access_code": "12a", "role": "host"}},
		"access_codes[0].pin":         {map[string]any{"access_code": "5", "role": "host", "pin": "1"}},
	} {
		appError(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{"access_codes": list}), 400, "Bad Request", field)
	}
	appError(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{"did_group_sid": newUUID()}), 400, "Bad Request", "did_group_sid")
	// a deleted room frees its codes (143623 was dropped from the room above)
	ok(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{"access_codes": []any{map[string]any{"access_code": "143623", "role": "host"}}}), 200)
	expectStatus(t, e.call(h, "DELETE", "/meeting_rooms/"+rsid, nil), 204)
	ok(t, h, e.call(h, "POST", "/meeting_rooms", map[string]any{"access_codes": codes[:1]}), 200)
	l := appItems(t, h, e.call(h, "GET", "/meeting_rooms?filter="+q(`access_codes.access_code eq "890671"`), nil))
	if len(l) != 1 {
		t.Fatalf("filter on codes %v", l)
	}
}
