package emulator

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestReset(t *testing.T) {
	e := newEnv(t)
	tok, psid, gsid := e.srv.Token(), e.srv.PartnerSID(), e.srv.SystemGatewaySID()
	extra := e.token("endpoints.read")
	seedBulk(t, e, 3)
	e.control("POST", "/faults", map[string]any{"path": "/core/v2/nothing", "status": 500})
	expectStatus(t, e.control("PATCH", "/objects/partners/"+psid, map[string]any{"name": "drifted"}), 200)
	expectStatus(t, e.control("DELETE", "/objects/endpoints/"+gsid, nil), 204)

	expectStatus(t, e.control("POST", "/reset", nil), 204)
	if e.srv.Token() != tok || e.srv.PartnerSID() != psid || e.srv.SystemGatewaySID() != gsid {
		t.Fatal("reset changed the seed identity")
	}
	l := e.core("GET", "/endpoints", nil).obj()
	if num(l["total"]) != 1 || l["items"].([]any)[0].(map[string]any)["endpoint_sid"] != gsid {
		t.Fatalf("after reset: %v", l)
	}
	if e.core("GET", "/partners/"+psid, nil).obj()["name"] == "drifted" {
		t.Fatal("partner drift survived reset")
	}
	expectError(t, e.do("GET", e.base+"/endpoints", extra, nil), 401, "Bad credentials", nil)
	if got := len(e.control("GET", "/faults", nil).obj()["faults"].([]any)); got != 0 {
		t.Fatalf("%d faults after reset", got)
	}
	reqs := e.control("GET", "/requests", nil).obj()["requests"].([]any)
	if len(reqs) != 3 || num(reqs[0].(map[string]any)["seq"]) != 1 {
		t.Fatalf("request log after reset: %v", reqs)
	}
	expectStatus(t, e.control("GET", "/reset", nil), 405)
}

func TestSeed(t *testing.T) {
	e := newEnv(t)
	sids := seedBulk(t, e, 3)
	o := e.core("GET", "/endpoints/"+sids[2], nil).obj()
	if o["name"] != "bulk-2" || o["attributes"].(map[string]any)["idx"] != "2" || o["voip_token"] == nil || num(o["capacity"]) != 0 {
		t.Fatalf("seeded object %v", o)
	}
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "endpoints", "count": 1, "object": map[string]any{"type": "bogus"}}), 422, "", "type")
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "nope", "count": 1}), 400, "", "collection")
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "endpoints", "count": 0}), 400, "", "count")
	expectError(t, e.control("POST", "/seed", map[string]any{"collection": "endpoints", "count": 1, "typo": 1}), 400, "", "body")
	// seeding is not a Core API request
	for _, r := range e.control("GET", "/requests", nil).obj()["requests"].([]any) {
		if strings.Contains(r.(map[string]any)["path"].(string), "seed") {
			t.Fatal("seed logged")
		}
	}
}

func TestObjectsOutOfBand(t *testing.T) {
	e := newEnv(t)
	m := e.createEndpoint(map[string]any{"type": "third_party", "name": "oob"})
	sid := m["endpoint_sid"].(string)
	r := e.control("GET", "/objects/endpoints/"+sid, nil)
	expectStatus(t, r, 200)
	if r.obj()["name"] != "oob" {
		t.Fatalf("control GET %s", r.raw)
	}
	// verbatim, no validation: even an invalid capacity and a new key
	r = e.control("PATCH", "/objects/endpoints/"+sid, map[string]any{"name": "drift", "capacity": "lots", "extra": 1})
	expectStatus(t, r, 200)
	g := e.core("GET", "/endpoints/"+sid, nil).obj()
	if g["name"] != "drift" || g["capacity"] != "lots" || g["voip_token"] != m["voip_token"] {
		t.Fatalf("drifted object %v", g)
	}
	// an API PATCH of another field still works over drifted values
	expectStatus(t, e.core("PATCH", "/endpoints/"+sid, map[string]any{"name": "back"}), 200)
	expectStatus(t, e.control("DELETE", "/objects/endpoints/"+sid, nil), 204)
	expectError(t, e.core("GET", "/endpoints/"+sid, nil), 404, noItemMessage, nil)
	expectError(t, e.control("GET", "/objects/endpoints/"+sid, nil), 404, noItemMessage, nil)
	expectError(t, e.control("GET", "/objects/widgets/"+sid, nil), 400, "", "collection")
	r = e.control("GET", "/objects/partners/"+e.srv.PartnerSID(), nil)
	expectStatus(t, r, 200)
}

func TestControlTokens(t *testing.T) {
	e := newEnv(t)
	r := e.control("POST", "/tokens", map[string]any{"scopes": []string{"endpoints.read"}, "name": "ro"})
	expectStatus(t, r, 200)
	tk := r.obj()
	for _, k := range []string{"access_token", "client_id", "date_created", "date_expiration_access_token",
		"date_expiration_refresh_token", "date_last_accessed", "ip_last_accessed", "name", "partner_sid",
		"refresh_token", "scopes", "token_sid", "token_type"} {
		if _, ok := tk[k]; !ok {
			t.Fatalf("token lacks %s: %s", k, r.raw)
		}
	}
	if _, ok := tk["client_secret"]; ok {
		t.Fatal("client_secret returned")
	}
	if tk["token_type"] != "bearer" || tk["name"] != "ro" || tk["partner_sid"] != e.srv.PartnerSID() || !uuidRE.MatchString(tk["access_token"].(string)) {
		t.Fatalf("token %s", r.raw)
	}
	expectError(t, e.control("POST", "/tokens", map[string]any{"partner_sid": "nope"}), 400, "", "partner_sid")
	expectError(t, e.control("DELETE", "/tokens/nope", nil), 404, "", nil)
}

func TestFaults(t *testing.T) {
	e := newEnv(t)
	r := e.control("POST", "/faults", map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 2,
		"status": 429, "retry_after": "1", "message": "Too Many Requests"})
	expectStatus(t, r, 200)
	if id, _ := r.obj()["fault_id"].(string); id == "" {
		t.Fatalf("fault_id: %s", r.raw)
	}
	body := map[string]any{"type": "third_party"}
	for i := 0; i < 2; i++ {
		r = e.core("POST", "/endpoints", body)
		expectError(t, r, 429, "Too Many Requests", nil)
		if r.header.Get("Retry-After") != "1" {
			t.Fatalf("Retry-After %q", r.header.Get("Retry-After"))
		}
	}
	expectStatus(t, e.core("GET", "/endpoints", nil), 200) // method does not match
	expectStatus(t, e.core("POST", "/endpoints", body), 200)
	if n := num(e.core("GET", "/endpoints", nil).obj()["total"]); n != 2 {
		t.Fatalf("faulted requests executed: total %v", n)
	}
	// faults answer before authentication
	e.control("POST", "/faults", map[string]any{"path": "/core/v2/endpoints/*", "count": 1, "status": 503})
	expectError(t, e.do("GET", e.base+"/endpoints/x", "", nil), 503, "Service Unavailable", nil)
	expectError(t, e.do("GET", e.base+"/endpoints/x", "", nil), 401, "Unauthorized", nil)
	// wildcard, unlimited, until cleared
	e.control("POST", "/faults", map[string]any{"path": "/core/v2/*", "status": 500, "count": 0})
	for i := 0; i < 3; i++ {
		expectStatus(t, e.core("GET", "/partners", nil), 500)
	}
	expectStatus(t, e.control("DELETE", "/faults", nil), 204)
	expectStatus(t, e.core("GET", "/partners", nil), 200)
	// latency only
	e.control("POST", "/faults", map[string]any{"path": "/core/v2/partners", "count": 1, "status": 0, "latency_ms": 150})
	start := time.Now()
	expectStatus(t, e.core("GET", "/partners", nil), 200)
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Fatalf("latency fault took %v", d)
	}
	start = time.Now()
	e.core("GET", "/partners", nil)
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Fatalf("latency fault not consumed: %v", d)
	}
	expectError(t, e.control("POST", "/faults", map[string]any{"path": "", "status": 500}), 400, "", "path")
	expectError(t, e.control("POST", "/faults", map[string]any{"path": "/x", "status": 42}), 400, "", "status")
}

func TestRequestLog(t *testing.T) {
	e := newEnv(t)
	e.core("POST", "/endpoints", map[string]any{"type": "third_party", "name": "logged"})
	e.do("GET", e.base+"/endpoints?limit=1000&offset=0", e.srv.Token(), nil)
	e.do("POST", e.base+"/endpoints", e.srv.Token(), "{broken")
	e.control("POST", "/faults", map[string]any{"path": "/core/v2/partners", "count": 1, "status": 502})
	e.core("GET", "/partners", nil)
	r := e.control("GET", "/requests", nil)
	expectStatus(t, r, 200)
	if strings.Contains(string(r.raw), e.srv.Token()) || strings.Contains(strings.ToLower(string(r.raw)), "authorization") {
		t.Fatal("request log holds credentials")
	}
	reqs := r.obj()["requests"].([]any)
	if len(reqs) != 4 {
		t.Fatalf("%d records: %s", len(reqs), r.raw)
	}
	rec := func(i int) map[string]any { return reqs[i].(map[string]any) }
	if rec(0)["method"] != "POST" || rec(0)["path"] != "/core/v2/endpoints" || num(rec(0)["status"]) != 200 ||
		rec(0)["body"].(map[string]any)["name"] != "logged" || rec(0)["fault"] != false || num(rec(0)["seq"]) != 1 {
		t.Fatalf("record 0: %v", rec(0))
	}
	if rec(1)["query"] != "limit=1000&offset=0" || rec(1)["body"] != nil || num(rec(1)["seq"]) != 2 {
		t.Fatalf("record 1: %v", rec(1))
	}
	if rec(2)["body"] != "{broken" || num(rec(2)["status"]) != 400 {
		t.Fatalf("record 2: %v", rec(2))
	}
	if rec(3)["fault"] != true || num(rec(3)["status"]) != 502 {
		t.Fatalf("record 3: %v", rec(3))
	}
	expectStatus(t, e.control("DELETE", "/requests", nil), 204)
	if n := len(e.control("GET", "/requests", nil).obj()["requests"].([]any)); n != 0 {
		t.Fatalf("%d records after clear", n)
	}
	expectError(t, e.control("GET", "/nope", nil), 404, "Not Found", nil)
}

func TestConcurrent(t *testing.T) {
	e := newEnv(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				m := e.createEndpoint(map[string]any{"type": "flexml"})
				sid := m["endpoint_sid"].(string)
				e.core("PATCH", "/endpoints/"+sid, map[string]any{"name": "x"})
				e.core("GET", "/endpoints?limit=50&with_related=true", nil)
				e.control("PATCH", "/objects/endpoints/"+sid, map[string]any{"name": "y"})
				e.core("DELETE", "/endpoints/"+sid, nil)
			}
		}()
	}
	wg.Wait()
	if n := num(e.core("GET", "/endpoints", nil).obj()["total"]); n != 1 {
		t.Fatalf("total %v", n)
	}
}

func TestListen(t *testing.T) {
	for _, bad := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "example.com:0", "nonsense"} {
		if _, err := Listen(bad, Options{}); err == nil {
			t.Fatalf("Listen(%q) accepted", bad)
		}
	}
	inst, err := Listen("127.0.0.1:0", Options{Token: "fixed-token"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(inst.BaseURL(), "http://127.0.0.1:") || !strings.HasSuffix(inst.BaseURL(), "/core/v2") ||
		!strings.HasSuffix(inst.ControlURL(), "/_emulator") || inst.Server.Token() != "fixed-token" {
		t.Fatalf("urls %s %s", inst.BaseURL(), inst.ControlURL())
	}
	e := &env{t: t, srv: inst.Server, base: inst.BaseURL(), ctl: inst.ControlURL()}
	expectStatus(t, e.core("GET", "/endpoints/"+inst.Server.SystemGatewaySID(), nil), 200)
	if err := inst.Close(); err != nil {
		t.Fatal(err)
	}
	if err := inst.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}
