package client

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// trunkGroupSample is the documented create answer (CarrierX docs, Core API, Trunk Groups),
// plus a field the reference does not list, which must be ignored.
const trunkGroupSample = `{
  "acls": [{"access_control_rules": ["0b1c2d3e-0000-4000-8000-0000000000e1"], "direction": "outbound", "sms_action_false": null, "sms_action_true": null, "voice_action_false": null, "voice_action_true": "reject403"}],
  "hard_failure_codes": "408;",
  "hard_failure_cooldown": 120,
  "hard_failure_interval": 60,
  "hard_failure_last_resort": "first",
  "hard_failure_threshold": 3,
  "name": "tg-main",
  "partner_sid": "0b1c2d3e-0000-4000-8000-0000000000aa",
  "routing_data": null,
  "routing_type": "failover",
  "sip_options_locations": [],
  "sip_options_threshold": 3,
  "soft_failure_codes": "408;",
  "transformations": [{"action": "set", "direction": "inbound", "operands": ["a"]}],
  "trunk_group_sid": "0b1c2d3e-0000-4000-8000-0000000000b1",
  "future_field": {"x": 1},
  "trunks": [` + trunkSample + `]
}`

const trunkSample = `{
  "acls": [], "allow_forward": "disabled", "allow_transfer": false, "asn_mode": "disable",
  "call_type": "regular", "codec": null, "endpoint_sid": null, "in_capacity": 0,
  "in_identity_format": "passthrough", "in_identity_mode": "passthrough", "in_rfc_4694_mode": "cut_all",
  "location_sid": null, "name": "tr-a", "out_capacity": 0, "out_identity_mode": "passthrough",
  "out_rfc_4694_mode": "cut_all", "priority": 0, "relay_sip_headers": [], "transformations": [],
  "trunk_sid": "0b1c2d3e-0000-4000-8000-0000000000c1", "weight": 0
}`

func TestTrunkGroupDecodeSample(t *testing.T) {
	var g TrunkGroup
	if err := json.Unmarshal([]byte(trunkGroupSample), &g); err != nil {
		t.Fatal(err)
	}
	if g.TrunkGroupSID != "0b1c2d3e-0000-4000-8000-0000000000b1" || *g.Name != "tg-main" || *g.HardFailureCodes != "408;" ||
		*g.HardFailureCooldown != 120 || *g.HardFailureInterval != 60 || *g.HardFailureLastResort != "first" ||
		*g.HardFailureThreshold != 3 || g.RoutingData != nil || *g.RoutingType != "failover" || *g.SIPOptionsThreshold != 3 ||
		*g.SoftFailureCodes != "408;" || g.PartnerSID != "0b1c2d3e-0000-4000-8000-0000000000aa" || g.SIPOptionsLocations == nil {
		t.Errorf("decoded %+v", g)
	}
	if len(g.ACLs) != 1 || g.ACLs[0].Direction != "outbound" || *g.ACLs[0].VoiceActionTrue != "reject403" || g.ACLs[0].VoiceActionFalse != nil {
		t.Errorf("acls %+v", g.ACLs)
	}
	if compactJSON(g.Transformations) != `[{"action":"set","direction":"inbound","operands":["a"]}]` {
		t.Errorf("transformations %+v", g.Transformations)
	}
	if len(g.Trunks) != 1 {
		t.Fatalf("trunks %+v", g.Trunks)
	}
	tr := g.Trunks[0]
	if tr.TrunkSID != "0b1c2d3e-0000-4000-8000-0000000000c1" || *tr.AllowForward != "disabled" || *tr.AllowTransfer != "false" ||
		*tr.ASNMode != "disable" || tr.Codec != nil || tr.EndpointSID != nil || *tr.InCapacity != 0 || *tr.InRFC4694Mode != "cut_all" ||
		*tr.Name != "tr-a" || tr.RelaySIPHeaders == nil || *tr.Weight != 0 {
		t.Errorf("trunk %+v", tr)
	}
}

func TestTrunkTransferMode(t *testing.T) {
	for in, want := range map[string]TrunkTransferMode{`true`: "true", `false`: "false", `"disabled"`: "disabled", `"blind"`: "blind"} {
		var m TrunkTransferMode
		if err := json.Unmarshal([]byte(in), &m); err != nil || m != want {
			t.Errorf("decode %s = %q, %v; want %q", in, m, err, want)
		}
		out, _ := json.Marshal(m)
		if string(out) != in {
			t.Errorf("encode %q = %s, want %s", m, out, in)
		}
	}
	var m TrunkTransferMode
	if err := json.Unmarshal([]byte(`5`), &m); err == nil || !strings.Contains(err.Error(), "allow_transfer") {
		t.Errorf("a number decoded: %q, %v", m, err)
	}
	var tr Trunk
	if err := json.Unmarshal([]byte(`{"allow_transfer": null}`), &tr); err != nil || tr.AllowTransfer != nil {
		t.Errorf("null allow_transfer: %v, %v", tr.AllowTransfer, err)
	}
}

type trunkGroupCall struct {
	method, path, query, body string
}

// TestTrunkGroupAndTrunkCRUD checks the method, path and body of every call.
func TestTrunkGroupAndTrunkCRUD(t *testing.T) {
	var mu sync.Mutex
	var calls []trunkGroupCall
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		calls = append(calls, trunkGroupCall{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, string(b)})
		mu.Unlock()
		switch {
		case strings.Contains(r.URL.Path, "missing"):
			writeJSON(w, 404, `{"message":"no item error","errors":[{"field":null,"message":"cannot find item by sid","reference_sid":null}]}`)
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		case r.Method == http.MethodGet && r.URL.Path == "/core/v2/trunk_groups":
			writeJSON(w, 200, `{"count":1,"has_more":false,"items":[`+trunkGroupSample+`],"limit":1000,"offset":0,"pagination":{},"total":null}`)
		case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/trunks"):
			writeJSON(w, 200, `{"count":1,"has_more":false,"items":[`+trunkSample+`],"limit":1000,"offset":0,"pagination":{},"total":1}`)
		case strings.Contains(r.URL.Path, "/trunks"):
			writeJSON(w, 200, trunkSample)
		default:
			writeJSON(w, 200, trunkGroupSample)
		}
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()
	const tg = "0b1c2d3e-0000-4000-8000-0000000000b1"
	const tr = "0b1c2d3e-0000-4000-8000-0000000000c1"

	if g, err := Objects[TrunkGroup](c, TrunkGroupKind).Create(ctx, map[string]any{"name": "tg-main"}); err != nil || g.TrunkGroupSID != tg {
		t.Fatalf("CreateTrunkGroup = %+v, %v", g, err)
	}
	if g, err := Objects[TrunkGroup](c, TrunkGroupKind).Get(ctx, tg); err != nil || *g.Name != "tg-main" {
		t.Fatalf("GetTrunkGroup = %+v, %v", g, err)
	}
	if _, err := Objects[TrunkGroup](c, TrunkGroupKind).Get(ctx, "missing"); !IsNotFound(err) {
		t.Errorf("missing trunk group: %v", err)
	}
	if _, err := Objects[TrunkGroup](c, TrunkGroupKind).Update(ctx, tg, map[string]any{"hard_failure_threshold": 5}); err != nil {
		t.Fatal(err)
	}
	if gs, err := Objects[TrunkGroup](c, TrunkGroupKind).List(ctx, ListOptions{Filter: Eq("name", "tg-main").String(), Order: "name desc"}); err != nil || len(gs) != 1 {
		t.Fatalf("ListTrunkGroups = %+v, %v", gs, err)
	}
	if err := Objects[TrunkGroup](c, TrunkGroupKind).Delete(ctx, tg); err != nil {
		t.Fatal(err)
	}
	if x, err := Objects[Trunk](c, TrunkKind(tg)).Create(ctx, map[string]any{"name": "tr-a", "allow_transfer": TrunkTransferMode("true")}); err != nil || x.TrunkSID != tr {
		t.Fatalf("CreateTrunk = %+v, %v", x, err)
	}
	if x, err := Objects[Trunk](c, TrunkKind(tg)).Get(ctx, tr); err != nil || *x.Name != "tr-a" {
		t.Fatalf("GetTrunk = %+v, %v", x, err)
	}
	if _, err := Objects[Trunk](c, TrunkKind("missing")).Get(ctx, tr); !IsNotFound(err) {
		t.Errorf("trunk of a missing group: %v", err)
	}
	if _, err := Objects[Trunk](c, TrunkKind(tg)).Update(ctx, tr, map[string]any{"name": "tr-renamed", "in_capacity": 20}); err != nil {
		t.Fatal(err)
	}
	if xs, err := Objects[Trunk](c, TrunkKind(tg)).List(ctx, ListOptions{}); err != nil || len(xs) != 1 {
		t.Fatalf("ListTrunks = %+v, %v", xs, err)
	}
	if err := Objects[Trunk](c, TrunkKind(tg)).Delete(ctx, tr); err != nil {
		t.Fatal(err)
	}

	want := []trunkGroupCall{
		{"POST", "/core/v2/trunk_groups", "", `{"name":"tg-main"}`},
		{"GET", "/core/v2/trunk_groups/" + tg, "", ""},
		{"GET", "/core/v2/trunk_groups/missing", "", ""},
		{"GET", "/core/v2/trunk_groups", "filter=trunk_group_sid+eq+%22missing%22&include_fields=trunk_group_sid&limit=1&offset=0", ""},
		{"PATCH", "/core/v2/trunk_groups/" + tg, "", `{"hard_failure_threshold":5}`},
		{"GET", "/core/v2/trunk_groups", "filter=name+eq+%22tg-main%22&limit=1000&offset=0&order=name+desc", ""},
		{"DELETE", "/core/v2/trunk_groups/" + tg, "", ""},
		{"POST", "/core/v2/trunk_groups/" + tg + "/trunks", "", `{"allow_transfer":true,"name":"tr-a"}`},
		{"GET", "/core/v2/trunk_groups/" + tg + "/trunks/" + tr, "", ""},
		{"GET", "/core/v2/trunk_groups/missing/trunks/" + tr, "", ""},
		// The trunks list 404s with its group: the group's absence is confirmed in turn.
		{"GET", "/core/v2/trunk_groups/missing/trunks", "filter=trunk_sid+eq+%22" + tr + "%22&include_fields=trunk_sid&limit=1&offset=0", ""},
		{"GET", "/core/v2/trunk_groups", "filter=trunk_group_sid+eq+%22missing%22&include_fields=trunk_group_sid&limit=1&offset=0", ""},
		{"PATCH", "/core/v2/trunk_groups/" + tg + "/trunks/" + tr, "", `{"in_capacity":20,"name":"tr-renamed"}`},
		{"GET", "/core/v2/trunk_groups/" + tg + "/trunks", "limit=1000&offset=0", ""},
		{"DELETE", "/core/v2/trunk_groups/" + tg + "/trunks/" + tr, "", ""},
	}
	if len(calls) != len(want) {
		t.Fatalf("%d calls, want %d: %+v", len(calls), len(want), calls)
	}
	for i := range want {
		if calls[i] != want[i] {
			t.Errorf("call %d = %+v, want %+v", i, calls[i], want[i])
		}
	}
}

// TestTrunkPathEscapesSIDs keeps a SID with a slash inside its own segment.
func TestTrunkPathEscapesSIDs(t *testing.T) {
	if got := TrunkKind("a/b").item("c d"); got != "/trunk_groups/a%2Fb/trunks/c%20d" {
		t.Errorf("trunkPath = %s", got)
	}
}
