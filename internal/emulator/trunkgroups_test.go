package emulator

import (
	"reflect"
	"testing"
)

func TestTrunkGroupDefaults(t *testing.T) {
	e := newEnv(t)
	r := e.core("POST", "/trunk_groups?with_trunks=true", map[string]any{"name": "tg-main",
		"trunks": []any{map[string]any{"name": "tr-a", "endpoint_sid": ""}}})
	expectStatus(t, r, 200)
	g := r.obj()
	tg := g["trunk_group_sid"].(string)
	trs, _ := g["trunks"].([]any)
	if len(trs) != 1 {
		t.Fatalf("trunks in create answer: %s", r.raw)
	}
	ts := trs[0].(map[string]any)["trunk_sid"].(string)
	if !uuidRE.MatchString(tg) || !uuidRE.MatchString(ts) {
		t.Fatalf("SIDs %q %q", tg, ts)
	}
	// the documented sample of CarrierX docs (Trunk Groups)
	want := mustJSON(t, `{
	  "acls": [], "hard_failure_codes": "408;", "hard_failure_cooldown": 120, "hard_failure_interval": 60,
	  "hard_failure_last_resort": "first", "hard_failure_threshold": 3, "name": "tg-main",
	  "partner_sid": "`+e.srv.PartnerSID()+`", "routing_data": null, "routing_type": "failover",
	  "sip_options_locations": [], "sip_options_threshold": 3, "soft_failure_codes": "408;",
	  "transformations": [], "trunk_group_sid": "`+tg+`",
	  "trunks": [{
	    "acls": [], "allow_forward": "disabled", "allow_transfer": false, "asn_mode": "disable",
	    "call_type": "regular", "codec": null, "endpoint_sid": null, "in_capacity": 0,
	    "in_identity_format": "passthrough", "in_identity_mode": "passthrough", "in_rfc_4694_mode": "cut_all",
	    "location_sid": null, "name": "tr-a", "out_capacity": 0, "out_identity_mode": "passthrough",
	    "out_rfc_4694_mode": "cut_all", "priority": 0, "relay_sip_headers": [], "transformations": [],
	    "trunk_sid": "`+ts+`", "weight": 0}]}`)
	if !reflect.DeepEqual(normalizeJSON(g), normalizeJSON(want)) {
		t.Fatalf("created\n got %s\nwant %s", r.raw, mustMarshal(t, want))
	}
	// without with_trunks there is no trunks key; with it, the same trunks
	plain := e.core("GET", "/trunk_groups/"+tg, nil).obj()
	if _, ok := plain["trunks"]; ok {
		t.Fatal("trunks without with_trunks")
	}
	full := e.core("GET", "/trunk_groups/"+tg+"?with_trunks=true", nil).obj()
	if !reflect.DeepEqual(normalizeJSON(full), normalizeJSON(want)) {
		t.Fatalf("GET with_trunks %v", full)
	}
	l := e.core("GET", "/trunk_groups?with_trunks=true", nil).obj()
	if num(l["total"]) != 1 || len(l["items"].([]any)[0].(map[string]any)["trunks"].([]any)) != 1 {
		t.Fatalf("list with_trunks %v", l)
	}
	// minimal group: {} → defaults, name N/A; trunks in the body without with_trunks are ignored
	m := e.core("POST", "/trunk_groups", map[string]any{"trunks": []any{map[string]any{"name": "x"}}}).obj()
	if m["name"] != "N/A" || m["routing_type"] != "failover" {
		t.Fatalf("minimal %v", m)
	}
	if n := len(e.core("GET", "/trunk_groups/"+m["trunk_group_sid"].(string)+"/trunks", nil).obj()["items"].([]any)); n != 0 {
		t.Fatalf("%d trunks created without with_trunks", n)
	}
	// sub-collection: create, list (default limit 1000 as in the sample), get, patch, delete
	tr := e.core("POST", "/trunk_groups/"+tg+"/trunks", map[string]any{})
	expectStatus(t, tr, 200)
	sid := tr.obj()["trunk_sid"].(string)
	if tr.obj()["name"] != "N/A" {
		t.Fatalf("trunk %s", tr.raw)
	}
	tl := e.core("GET", "/trunk_groups/"+tg+"/trunks", nil).obj()
	if num(tl["limit"]) != 1000 || num(tl["total"]) != 2 {
		t.Fatalf("trunk list %v", tl)
	}
	p := e.core("PATCH", "/trunk_groups/"+tg+"/trunks/"+sid, map[string]any{"name": "tr-renamed", "in_capacity": 20})
	expectStatus(t, p, 200)
	if p.obj()["name"] != "tr-renamed" || num(p.obj()["in_capacity"]) != 20 || p.obj()["asn_mode"] != "disable" {
		t.Fatalf("patch %s", p.raw)
	}
	// a trunk is not reachable under another group
	other := m["trunk_group_sid"].(string)
	expectError(t, e.core("GET", "/trunk_groups/"+other+"/trunks/"+sid, nil), 404, noItemMessage, nil)
	expectStatus(t, e.core("DELETE", "/trunk_groups/"+tg+"/trunks/"+sid, nil), 204)
	expectError(t, e.core("GET", "/trunk_groups/"+tg+"/trunks/"+sid, nil), 404, noItemMessage, nil)
}

func TestTrunkValidation(t *testing.T) {
	e := newEnv(t)
	tg := e.core("POST", "/trunk_groups", map[string]any{}).obj()["trunk_group_sid"].(string)
	base := "/trunk_groups/" + tg + "/trunks"
	for _, c := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"allow_forward": "sometimes"}, "allow_forward"},
		{map[string]any{"asn_mode": "rw"}, "asn_mode"},
		{map[string]any{"in_capacity": -2}, "in_capacity"},
		{map[string]any{"out_capacity": "5"}, "out_capacity"},
		{map[string]any{"weight": -1}, "weight"},
		{map[string]any{"priority": 1.5}, "priority"},
		{map[string]any{"relay_sip_headers": []any{1}}, "relay_sip_headers[0]"},
		{map[string]any{"acls": []any{map[string]any{"direction": "sideways"}}}, "acls[0].direction"},
		{map[string]any{"acls": []any{map[string]any{"access_control_rules": []any{}}}}, "acls[0].direction"},
		{map[string]any{"acls": []any{map[string]any{"direction": "any", "voice_action_true": "drop"}}}, "acls[0].voice_action_true"},
		{map[string]any{"acls": []any{map[string]any{"direction": "any", "sms_action_true": "accept"}}}, "acls[0].sms_action_true"},
		{map[string]any{"trunk_sid": "x", "colour": 1}, "colour"},
	} {
		expectError(t, e.core("POST", base, c.body), 422, "object validation error", c.field)
	}
	// partly known enums accept unknown values
	r := e.core("POST", base, map[string]any{"call_type": "future", "in_identity_mode": "whatever", "codec": "opus99", "allow_transfer": "disabled"})
	expectStatus(t, r, 200)
	// endpoint_sid must be an endpoint of the caller
	bad := "11111111-1111-4111-8111-111111111111"
	r = e.core("POST", base, map[string]any{"endpoint_sid": bad})
	expectError(t, r, 422, "object validation error", "endpoint_sid")
	if ref := r.obj()["errors"].([]any)[0].(map[string]any)["reference_sid"]; ref != bad {
		t.Fatalf("reference_sid %v", ref)
	}
	ep := e.createEndpoint(map[string]any{"type": "third_party"})["endpoint_sid"].(string)
	tr := e.core("POST", base, map[string]any{"endpoint_sid": ep}).obj()
	if tr["endpoint_sid"] != ep {
		t.Fatalf("trunk %v", tr)
	}
	// the endpoint is now referenced: delete refused with 409 naming the trunk
	r = e.core("DELETE", "/endpoints/"+ep, nil)
	expectError(t, r, 409, "", "endpoint_sid")
	if ref := r.obj()["errors"].([]any)[0].(map[string]any)["reference_sid"]; ref != tr["trunk_sid"] {
		t.Fatalf("409 %s", r.raw)
	}
	// group enums; with_trunks errors are named inside the trunks array
	expectError(t, e.core("POST", "/trunk_groups", map[string]any{"hard_failure_last_resort": "reject504"}), 422, "", "hard_failure_last_resort")
	expectError(t, e.core("POST", "/trunk_groups", map[string]any{"hard_failure_cooldown": -1}), 422, "", "hard_failure_cooldown")
	expectError(t, e.core("POST", "/trunk_groups?with_trunks=true", map[string]any{"trunks": []any{map[string]any{}, map[string]any{"asn_mode": "x"}}}), 422, "", "trunks[1].asn_mode")
	expectError(t, e.core("GET", "/trunk_groups?with_trunks=perhaps", nil), 400, "", "with_trunks")
	expectStatus(t, e.core("POST", "/trunk_groups", map[string]any{"routing_type": "weighted"}), 200)
	// nothing half-created by the failed with_trunks create
	if n := num(e.core("GET", "/trunk_groups", nil).obj()["total"]); n != 2 {
		t.Fatalf("%v groups", n)
	}
	// the group with trunks cannot be deleted
	expectError(t, e.core("DELETE", "/trunk_groups/"+tg, nil), 409, "", "trunk_group_sid")
}

func TestTrunkRoutes(t *testing.T) {
	e := newEnv(t)
	unknown := "00000000-0000-4000-8000-000000000000"
	r := e.core("GET", "/trunk_groups/"+unknown+"/trunks", nil)
	expectError(t, r, 404, noItemMessage, nil)
	// the documented 404 echoes no SID
	if ref := r.obj()["errors"].([]any)[0].(map[string]any)["reference_sid"]; ref != nil {
		t.Fatalf("reference_sid %v", ref)
	}
	expectError(t, e.core("POST", "/trunk_groups/"+unknown+"/trunks", map[string]any{}), 404, noItemMessage, nil)
	expectError(t, e.core("GET", "/trunk_groups/"+unknown+"/trunks/"+unknown, nil), 404, noItemMessage, nil)
	expectError(t, e.core("GET", "/trunk_groups/"+unknown+"/nothing", nil), 404, "Not Found", nil)
	expectError(t, e.core("GET", "/trunk_groups/"+unknown+"/trunks/"+unknown+"/x", nil), 404, "Not Found", nil)
	expectError(t, e.core("GET", "/trunk_groups//trunks", nil), 404, "Not Found", nil)
	expectError(t, e.core("GET", "/trunk_groups/", nil), 404, "Not Found", nil)
	expectStatus(t, e.core("DELETE", "/trunk_groups/"+unknown+"/trunks", nil), 405)

	// another partner's group is invisible, so are its trunks
	tg := e.core("POST", "/trunk_groups?with_trunks=true", map[string]any{"trunks": []any{map[string]any{}}}).obj()
	sub := e.control("POST", "/seed", map[string]any{"collection": "partners", "count": 1}).obj()["sids"].([]any)[0].(string)
	subTok := e.control("POST", "/tokens", map[string]any{"scopes": []string{"trunk_groups.manage", "trunk_groups.trunks.manage"}, "partner_sid": sub}).obj()["access_token"].(string)
	sid := tg["trunk_group_sid"].(string)
	expectError(t, e.do("GET", e.base+"/trunk_groups/"+sid, subTok, nil), 404, "", nil)
	expectError(t, e.do("GET", e.base+"/trunk_groups/"+sid+"/trunks", subTok, nil), 404, "", nil)

	// scopes: group scopes do not cover trunks; with_trunks needs trunk scopes too
	gtok := e.token("trunk_groups.manage")
	expectStatus(t, e.do("GET", e.base+"/trunk_groups/"+sid, gtok, nil), 200)
	expectError(t, e.do("GET", e.base+"/trunk_groups/"+sid+"/trunks", gtok, nil), 403, "Forbidden", nil)
	expectError(t, e.do("GET", e.base+"/trunk_groups/"+sid+"?with_trunks=true", gtok, nil), 403, "Forbidden", nil)
	expectError(t, e.do("POST", e.base+"/trunk_groups?with_trunks=true", gtok, map[string]any{"trunks": []any{}}), 403, "Forbidden", nil)
	ttok := e.token("trunk_groups.trunks.read")
	expectError(t, e.do("GET", e.base+"/trunk_groups", ttok, nil), 403, "Forbidden", nil)
	expectStatus(t, e.do("GET", e.base+"/trunk_groups/"+sid+"/trunks", ttok, nil), 200)

	// control API: objects and seed for both collections
	ts := tg["trunks"].([]any)[0].(map[string]any)["trunk_sid"].(string)
	expectStatus(t, e.control("GET", "/objects/trunk_groups/"+sid, nil), 200)
	expectStatus(t, e.control("PATCH", "/objects/trunk_groups.trunks/"+ts, map[string]any{"name": "drift"}), 200)
	if n := e.core("GET", "/trunk_groups/"+sid+"/trunks/"+ts, nil).obj()["name"]; n != "drift" {
		t.Fatalf("drift %v", n)
	}
	sr := e.control("POST", "/seed", map[string]any{"collection": "trunk_groups.trunks", "count": 3, "parent_sid": sid, "object": map[string]any{"name": "t-{n}"}})
	expectStatus(t, sr, 200)
	if n := num(e.core("GET", "/trunk_groups/"+sid+"/trunks", nil).obj()["total"]); n != 4 {
		t.Fatalf("%v trunks after seed", n)
	}
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "trunk_groups.trunks", "count": 1}), 400, "", "parent_sid")
	expectStatus(t, e.control("DELETE", "/objects/trunk_groups/"+sid, nil), 204)
	expectError(t, e.core("GET", "/trunk_groups/"+sid+"/trunks/"+ts, nil), 404, "", nil)
	// filter on trunks.* works without with_trunks
	g2 := e.core("POST", "/trunk_groups?with_trunks=true", map[string]any{"name": "f", "trunks": []any{map[string]any{"allow_transfer": true}}}).obj()
	l := e.core("GET", "/trunk_groups?filter=trunks.allow_transfer+eq+true", nil).obj()
	items := l["items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["trunk_group_sid"] != g2["trunk_group_sid"] {
		t.Fatalf("filter trunks.allow_transfer: %v", l)
	}
	if _, ok := items[0].(map[string]any)["trunks"]; ok {
		t.Fatal("filter view leaked trunks into the answer")
	}
}
