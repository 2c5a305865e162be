package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

func (e *env) fault(f map[string]any) {
	e.t.Helper()
	expectStatus(e.t, e.control("POST", "/faults", f), 200)
}

func (e *env) total(path string) int {
	e.t.Helper()
	return int(num(e.core("GET", path, nil).obj()["total"]))
}

// seqNow is the newest seq in the request log (0 when empty).
func (e *env) seqNow() float64 {
	e.t.Helper()
	reqs := e.control("GET", "/requests", nil).obj()["requests"].([]any)
	if len(reqs) == 0 {
		return 0
	}
	return num(reqs[len(reqs)-1].(map[string]any)["seq"])
}

// recordAfter is the first record after seq for method and path, polled:
// a request is logged once its answer is written (or its connection closed,
// or a when=after latency is over).
func (e *env) recordAfter(seq float64, method, path string) map[string]any {
	e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		for _, x := range e.control("GET", "/requests", nil).obj()["requests"].([]any) {
			r := x.(map[string]any)
			if num(r["seq"]) > seq && r["method"] == method && r["path"] == path {
				return r
			}
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("no %s %s in the request log after seq %v", method, path, seq)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// raw sends a request with the master token on a new connection (Go's
// transport silently retries an idempotent request whose reused keep-alive
// connection is reset) and returns the response with its body unread (the
// caller closes it), or the transport error. Redirects are not followed.
func (e *env) raw(method, path, body string) (*http.Response, error) {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.base+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.srv.Token())
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return c.Do(req)
}

func TestFaultWhenAfter(t *testing.T) {
	e := newEnv(t)
	// the create is committed, the client gets the fault's status
	e.fault(map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 1, "status": 503, "when": "after"})
	s0 := e.seqNow()
	expectError(t, e.core("POST", "/endpoints", map[string]any{"type": "third_party", "name": "committed"}), 503, "Service Unavailable", nil)
	l := e.core("GET", "/endpoints?filter="+url.QueryEscape(`name eq committed`), nil).obj()
	if num(l["total"]) != 1 {
		t.Fatalf("the faulted create was not committed: %v", l)
	}
	if r := e.recordAfter(s0, "POST", "/core/v2/endpoints"); r["fault"] != true || num(r["status"]) != 503 || r["body"].(map[string]any)["name"] != "committed" {
		t.Fatalf("log record %v", r)
	}
	if n := len(e.control("GET", "/faults", nil).obj()["faults"].([]any)); n != 0 {
		t.Fatalf("%d faults left", n)
	}

	// a failing request (422, 401) gets its real answer and leaves the fault
	e.fault(map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 1, "status": 500, "when": "after"})
	expectError(t, e.core("POST", "/endpoints", map[string]any{"type": "bogus"}), 422, "object validation error", "type")
	s0 = e.seqNow()
	expectError(t, e.do("POST", e.base+"/endpoints", "", map[string]any{"type": "third_party"}), 401, "Unauthorized", nil)
	if r := e.recordAfter(s0, "POST", "/core/v2/endpoints"); r["fault"] != false || num(r["status"]) != 401 {
		t.Fatalf("log record %v", r)
	}
	fl := e.control("GET", "/faults", nil).obj()["faults"].([]any)
	if len(fl) != 1 || num(fl[0].(map[string]any)["count"]) != 1 || fl[0].(map[string]any)["when"] != "after" {
		t.Fatalf("faults %v", fl)
	}
	before := e.total("/endpoints")
	expectError(t, e.core("POST", "/endpoints", map[string]any{"type": "third_party"}), 500, "Internal Server Error", nil)
	if e.total("/endpoints") != before+1 {
		t.Fatal("second create not committed")
	}

	// a delete happens, the client sees 502
	sid := e.createEndpoint(map[string]any{"type": "third_party"})["endpoint_sid"].(string)
	e.fault(map[string]any{"method": "DELETE", "path": "/core/v2/endpoints/*", "count": 1, "status": 502, "when": "after"})
	expectStatus(t, e.core("DELETE", "/endpoints/"+sid, nil), 502)
	expectError(t, e.core("GET", "/endpoints/"+sid, nil), 404, noItemMessage, nil)

	// latency after the commit: a client timeout loses the answer of a
	// request that happened
	e.fault(map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 1, "latency_ms": 500, "when": "after"})
	body, _ := json.Marshal(map[string]any{"type": "third_party", "name": "lost-answer"})
	req, _ := http.NewRequest(http.MethodPost, e.base+"/endpoints", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+e.srv.Token())
	req.Header.Set("Content-Type", "application/json")
	c := &http.Client{Timeout: 150 * time.Millisecond}
	s0 = e.seqNow()
	if res, err := c.Do(req); err == nil {
		_ = res.Body.Close()
		t.Fatalf("answer arrived before the latency: %d", res.StatusCode)
	}
	if n := num(e.core("GET", "/endpoints?filter="+url.QueryEscape(`name eq lost-answer`), nil).obj()["total"]); n != 1 {
		t.Fatal("the create behind the timed-out answer was not committed")
	}
	if r := e.recordAfter(s0, "POST", "/core/v2/endpoints"); num(r["status"]) != 0 || r["fault"] != true {
		t.Fatalf("log record %v", r)
	}
	// latency only with when=after: the real answer, delayed
	e.fault(map[string]any{"method": "GET", "path": "/core/v2/partners", "count": 1, "latency_ms": 150, "when": "after"})
	start := time.Now()
	expectStatus(t, e.core("GET", "/partners", nil), 200)
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Fatalf("latency after took %v", d)
	}
}

func TestFaultKindReset(t *testing.T) {
	e := newEnv(t)
	e.fault(map[string]any{"path": "/core/v2/endpoints", "method": "GET", "count": 1, "kind": "reset"})
	s0 := e.seqNow()
	if res, err := e.raw("GET", "/endpoints", ""); err == nil {
		_ = res.Body.Close()
		t.Fatalf("got an answer: %d", res.StatusCode)
	}
	if r := e.recordAfter(s0, "GET", "/core/v2/endpoints"); num(r["status"]) != 0 || r["fault"] != true {
		t.Fatalf("log record %v", r)
	}
	// after: the object exists, the client got no answer
	e.fault(map[string]any{"path": "/core/v2/endpoints", "method": "POST", "count": 1, "kind": "reset", "when": "after"})
	s0 = e.seqNow()
	if res, err := e.raw("POST", "/endpoints", `{"type":"third_party","name":"reset-after"}`); err == nil {
		_ = res.Body.Close()
		t.Fatalf("got an answer: %d", res.StatusCode)
	}
	if r := e.recordAfter(s0, "POST", "/core/v2/endpoints"); num(r["status"]) != 0 || r["fault"] != true {
		t.Fatalf("log record %v", r)
	}
	if e.total("/endpoints?filter="+url.QueryEscape("name eq reset-after")) != 1 {
		t.Fatal("not committed")
	}
	expectStatus(t, e.core("GET", "/endpoints", nil), 200)
}

func TestFaultKindTruncate(t *testing.T) {
	e := newEnv(t)
	path := "/endpoints/" + e.srv.SystemGatewaySID()
	full := e.core("GET", path, nil).raw
	e.fault(map[string]any{"path": "/core/v2" + path, "count": 1, "kind": "truncate", "when": "after"})
	s0 := e.seqNow()
	res, err := e.raw("GET", path, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK || res.ContentLength != int64(len(full)) || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, Content-Length %d (full %d), type %q", res.StatusCode, res.ContentLength, len(full), res.Header.Get("Content-Type"))
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) || len(got) != len(full)/2 || !bytes.Equal(got, full[:len(full)/2]) {
		t.Fatalf("err %v, read %d of %d bytes", err, len(got), len(full))
	}
	if r := e.recordAfter(s0, "GET", "/core/v2"+path); num(r["status"]) != 200 || r["fault"] != true {
		t.Fatalf("log record %v", r)
	}
	expectError(t, e.control("POST", "/faults", map[string]any{"path": "/x", "kind": "truncate"}), 400, "", "when")
}

func TestFaultKindEmptyNullRedirect(t *testing.T) {
	e := newEnv(t)
	e.fault(map[string]any{"path": "/core/v2/partners", "count": 1, "kind": "empty"})
	r := e.core("GET", "/partners", nil)
	if r.status != 200 || len(r.raw) != 0 || r.header.Get("Content-Type") != "application/json" {
		t.Fatalf("empty: %d %q %q", r.status, r.header.Get("Content-Type"), r.raw)
	}
	e.fault(map[string]any{"path": "/core/v2/partners", "count": 1, "kind": "empty", "status": 201})
	expectStatus(t, e.core("GET", "/partners", nil), 201)

	e.fault(map[string]any{"path": "/core/v2/partners", "count": 1, "kind": "null"})
	r = e.core("GET", "/partners", nil)
	if r.status != 200 || strings.TrimSpace(string(r.raw)) != "null" || r.header.Get("Content-Type") != "application/json" {
		t.Fatalf("null: %d %q", r.status, r.raw)
	}
	// when=after: the PATCH is committed, the answer is null
	sid := e.srv.PartnerSID()
	e.fault(map[string]any{"path": "/core/v2/partners/" + sid, "method": "PATCH", "count": 1, "kind": "null", "when": "after"})
	r = e.core("PATCH", "/partners/"+sid, map[string]any{"name": "patched-null"})
	if r.status != 200 || r.body != nil {
		t.Fatalf("null after: %d %q", r.status, r.raw)
	}
	if e.core("GET", "/partners/"+sid, nil).obj()["name"] != "patched-null" {
		t.Fatal("PATCH not committed")
	}

	e.fault(map[string]any{"path": "/core/v2/partners", "count": 2, "kind": "redirect", "location": "https://elsewhere.example/core/v2/partners"})
	for _, want := range []int{302, 302} {
		res, err := e.raw("GET", "/partners", "")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		_ = res.Body.Close()
		if res.StatusCode != want || res.Header.Get("Location") != "https://elsewhere.example/core/v2/partners" || len(b) != 0 {
			t.Fatalf("redirect: %d %q %q", res.StatusCode, res.Header.Get("Location"), b)
		}
	}
	e.fault(map[string]any{"path": "/core/v2/partners", "count": 1, "kind": "redirect", "status": 307, "location": "/core/v2/other"})
	res, err := e.raw("GET", "/partners", "")
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusTemporaryRedirect || res.Header.Get("Location") != "/core/v2/other" {
		t.Fatalf("redirect 307: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestFaultKindForeign(t *testing.T) {
	e := newEnv(t)
	gw := e.srv.SystemGatewaySID()
	// a sub-partner's objects (its own system_gateway) are not visible
	expectStatus(t, e.control("POST", "/seed", map[string]any{"collection": "partners", "count": 1,
		"object": map[string]any{"login": "sub{n}", "password": "pw-123456"}}), 200)
	e.fault(map[string]any{"path": "/core/v2/endpoints/*", "method": "GET", "count": 1, "kind": "foreign"})
	r := e.core("GET", "/endpoints/"+gw, nil)
	if r.status != 200 || string(bytes.TrimSpace(r.raw)) != "{}" {
		t.Fatalf("no other visible endpoint: %d %s", r.status, r.raw)
	}

	a := e.createEndpoint(map[string]any{"type": "third_party", "name": "a"})["endpoint_sid"].(string)
	e.fault(map[string]any{"path": "/core/v2/endpoints/*", "method": "GET", "count": 1, "kind": "foreign"})
	r = e.core("GET", "/endpoints/"+a, nil)
	expectStatus(t, r, 200)
	other, _ := r.obj()["endpoint_sid"].(string)
	if other == "" || other == a {
		t.Fatalf("foreign answered %s", r.raw)
	}
	if want := e.core("GET", "/endpoints/"+other, nil).raw; !bytes.Equal(r.raw, want) {
		t.Fatalf("foreign object\n got %s\nwant %s", r.raw, want)
	}

	// a create with when=after: committed, answered with another object
	e.fault(map[string]any{"path": "/core/v2/endpoints", "method": "POST", "count": 1, "kind": "foreign", "when": "after"})
	r = e.core("POST", "/endpoints", map[string]any{"type": "third_party", "name": "created"})
	expectStatus(t, r, 200)
	if r.obj()["name"] == "created" || r.obj()["endpoint_sid"] == nil {
		t.Fatalf("foreign after create answered %s", r.raw)
	}
	if e.total("/endpoints?filter="+url.QueryEscape("name eq created")) != 1 {
		t.Fatal("not committed")
	}
	// sub-collections: only the trunks of the same group
	tg := e.core("POST", "/trunk_groups?with_trunks=true", map[string]any{"trunks": []any{map[string]any{"name": "t1"}}}).obj()
	tgs := tg["trunk_group_sid"].(string)
	t1 := tg["trunks"].([]any)[0].(map[string]any)["trunk_sid"].(string)
	e.core("POST", "/trunk_groups?with_trunks=true", map[string]any{"trunks": []any{map[string]any{"name": "elsewhere"}}})
	e.fault(map[string]any{"path": "/core/v2/trunk_groups/*", "count": 1, "kind": "foreign"})
	r = e.core("GET", "/trunk_groups/"+tgs+"/trunks/"+t1, nil)
	if string(bytes.TrimSpace(r.raw)) != "{}" {
		t.Fatalf("trunk of another group answered: %s", r.raw)
	}
	expectError(t, e.control("POST", "/faults", map[string]any{"path": "/x", "kind": "foreign", "status": 200}), 400, "", "status")
}

func TestFaultKindEcho(t *testing.T) {
	e := newEnv(t)
	e.fault(map[string]any{"path": "/core/v2/partners", "method": "POST", "count": 1, "kind": "echo"})
	raw := `{"login":"echoed","password":"s3cret-pw"}`
	res, err := e.raw("POST", "/partners", raw)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	_ = res.Body.Close()
	r := resp{status: res.StatusCode, raw: b, body: mustJSON(t, string(b))}
	want := "invalid request: " + raw
	expectError(t, r, 400, want, "body")
	if m := r.obj()["errors"].([]any)[0].(map[string]any)["message"]; m != want {
		t.Fatalf("errors[0].message %q", m)
	}
	// when=after with a status: committed, then echoed
	e.fault(map[string]any{"path": "/core/v2/endpoints", "method": "POST", "count": 1, "kind": "echo", "status": 500, "when": "after"})
	r = e.core("POST", "/endpoints", map[string]any{"type": "third_party", "name": "echo-after", "out_sip_password": "pw-abcdef"})
	expectError(t, r, 500, "", "body")
	if !strings.Contains(r.obj()["message"].(string), `"out_sip_password":"pw-abcdef"`) {
		t.Fatalf("echo %s", r.raw)
	}
	if e.total("/endpoints?filter="+url.QueryEscape("name eq echo-after")) != 1 {
		t.Fatal("not committed")
	}
}

func TestFaultKindEndless(t *testing.T) {
	e := newEnv(t)
	seedBulk(t, e, 4) // 5 endpoints with the system gateway
	first := e.core("GET", "/endpoints?limit=2", nil).obj()["items"]
	e.fault(map[string]any{"path": "/core/v2/endpoints", "kind": "endless"})
	for _, off := range []int{2, 4, 6, 100} {
		l := e.core("GET", "/endpoints?limit=2&offset="+strconv.Itoa(off), nil).obj()
		if mustMarshal(t, l["items"]) != mustMarshal(t, first) || l["has_more"] != true || l["total"] != nil || num(l["offset"]) != float64(off) {
			t.Fatalf("offset %d: %v", off, l)
		}
		next, _ := url.Parse(l["pagination"].(map[string]any)["next"].(string))
		if next.Query().Get("offset") != strconv.Itoa(off+2) {
			t.Fatalf("next %v", next)
		}
	}
	// only list GETs: an item GET is answered normally
	expectStatus(t, e.core("GET", "/endpoints/"+e.srv.SystemGatewaySID(), nil), 200)
	// a failing list is answered as usual
	expectError(t, e.core("GET", "/endpoints?limit=x", nil), 400, "", "limit")
	expectError(t, e.control("POST", "/faults", map[string]any{"path": "/x", "kind": "endless", "method": "POST"}), 400, "", "method")
}

func TestFaultValidation(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"path": "/x", "kind": "explode"}, "kind"},
		{map[string]any{"path": "/x", "when": "during"}, "when"},
		{map[string]any{"path": "/x", "kind": "redirect"}, "location"},
		{map[string]any{"path": "/x", "kind": "redirect", "location": "/y", "status": 200}, "status"},
		{map[string]any{"path": "/x", "kind": "truncate", "when": "before"}, "when"},
		{map[string]any{"path": "/x", "kind": "reset", "status": 500}, "status"},
		{map[string]any{"path": "/x", "status": 500, "location": "/y"}, "location"},
	} {
		expectError(t, e.control("POST", "/faults", c.body), 400, "", c.field)
	}
	e.fault(map[string]any{"path": "/core/v2/x", "kind": "redirect", "location": "/y", "status": 308, "when": "after", "count": 3})
	f := e.control("GET", "/faults", nil).obj()["faults"].([]any)[0].(map[string]any)
	for k, want := range map[string]any{"kind": "redirect", "location": "/y", "when": "after", "status": 308.0, "count": 3.0} {
		if got := f[k]; got != want && num(got) != want {
			t.Fatalf("%s = %v, want %v (%v)", k, got, want, f)
		}
	}
}
