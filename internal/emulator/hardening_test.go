package emulator

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRequestLogRingBuffer(t *testing.T) {
	s := New(Options{RequestLogSize: 3})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	e := &env{t: t, ts: ts, srv: s, base: ts.URL + "/core/v2", ctl: ts.URL + "/_emulator"}
	for i := 0; i < 5; i++ {
		e.core("GET", "/endpoints?i="+fmt.Sprint(i), nil)
	}
	reqs := e.control("GET", "/requests", nil).obj()["requests"].([]any)
	if len(reqs) != 3 {
		t.Fatalf("%d records kept, want 3", len(reqs))
	}
	for i, x := range reqs {
		r := x.(map[string]any)
		if num(r["seq"]) != float64(i+3) || r["query"] != fmt.Sprintf("i=%d", i+2) {
			t.Fatalf("record %d: %v", i, r)
		}
	}
	expectStatus(t, e.control("DELETE", "/requests", nil), 204)
	e.core("GET", "/endpoints", nil)
	reqs = e.control("GET", "/requests", nil).obj()["requests"].([]any)
	if len(reqs) != 1 || num(reqs[0].(map[string]any)["seq"]) != 6 {
		t.Fatalf("after clear: %v", reqs)
	}
	if New(Options{}).log.size != DefaultRequestLogSize {
		t.Fatal("default size")
	}
}

func TestRequestLogBodies(t *testing.T) {
	e := newEnv(t)
	big := strings.Repeat("x", 70<<10)
	ro := e.token("endpoints.read")
	e.core("POST", "/endpoints", map[string]any{"type": "third_party", "name": big})                 // 200, JSON > 64 KiB
	e.do("POST", e.base+"/endpoints", "", map[string]any{"type": "third_party", "name": "secret-1"}) // 401
	e.do("POST", e.base+"/endpoints", ro, map[string]any{"type": "third_party", "name": "secret-2"}) // 403
	e.do("POST", e.base+"/endpoints", e.srv.Token(), "name=secret-3", "Content-Type", "text/plain")  // 415
	e.do("POST", e.base+"/endpoints", e.srv.Token(), `{"type":"bogus"}`)                             // 422: kept
	reqs := e.control("GET", "/requests", nil)
	if strings.Contains(string(reqs.raw), "secret-") {
		t.Fatalf("refused bodies kept: %s", reqs.raw)
	}
	list := reqs.obj()["requests"].([]any)
	want := []struct {
		status float64
		body   any
	}{{200, fmt.Sprintf("<%d bytes>", len(`{"name":"","type":"third_party"}`)+len(big))}, {401, nil}, {403, nil}, {415, nil}, {422, map[string]any{"type": "bogus"}}}
	for i, w := range want {
		r := list[i].(map[string]any)
		if num(r["status"]) != w.status || mustMarshal(t, r["body"]) != mustMarshal(t, w.body) {
			t.Fatalf("record %d: %v, want %v", i, r, w)
		}
	}
}

// countingBody counts the bytes a handler reads from a request body.
type countingBody struct {
	n    atomic.Int64
	left int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, io.EOF
	}
	n := int64(len(p))
	if n > b.left {
		n = b.left
	}
	for i := range p[:n] {
		p[i] = 'a'
	}
	b.left -= n
	b.n.Add(n)
	return int(n), nil
}

func (b *countingBody) Close() error { return nil }

func TestRefusedBodyNotRead(t *testing.T) {
	s := New(Options{})
	ro := ""
	{
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/_emulator/tokens", strings.NewReader(`{"scopes":["endpoints.read"]}`))
		req.Host = "127.0.0.1"
		req.Header.Set("Content-Type", "application/json")
		s.ServeHTTP(rec, req)
		ro = mustJSON(t, rec.Body.String()).(map[string]any)["access_token"].(string)
	}
	for _, c := range []struct {
		name, auth, ctype string
		status            int
	}{
		{"no token", "", "application/json", 401},
		{"wrong token", "Bearer nope", "application/json", 401},
		{"basic", "Basic dXNlcjpwdw==", "application/json", 401},
		{"scope", "Bearer " + ro, "application/json", 403},
		{"media type", "Bearer " + s.Token(), "text/plain", 415},
	} {
		body := &countingBody{left: 1 << 20}
		req := httptest.NewRequest(http.MethodPost, "/core/v2/endpoints", body)
		req.Host = "127.0.0.1:8787"
		req.Header.Set("Content-Type", c.ctype)
		if c.auth != "" {
			req.Header.Set("Authorization", c.auth)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != c.status || body.n.Load() != 0 {
			t.Fatalf("%s: status %d (want %d), %d body bytes read", c.name, rec.Code, c.status, body.n.Load())
		}
	}
	// an accepted request does read its body
	body := &countingBody{left: 10}
	req := httptest.NewRequest(http.MethodPost, "/core/v2/endpoints", body)
	req.Host = "localhost"
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+s.Token())
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 400 || body.n.Load() != 10 {
		t.Fatalf("accepted: %d, read %d", rec.Code, body.n.Load())
	}
}

// jsonFlood is a valid JSON object of about n bytes, generated as it is read.
func jsonFlood(n int64) io.Reader {
	return io.MultiReader(strings.NewReader(`{"type":"third_party","name":"`),
		&countingBody{left: n}, strings.NewReader(`"}`))
}

func TestUnauthenticatedFloodMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 600 MB over loopback")
	}
	inst, err := Listen("127.0.0.1:0", Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = inst.Close() })
	const size = 15 << 20
	client := &http.Client{Timeout: 60 * time.Second}
	answered := 0
	for i := 0; i < 40; i++ {
		req, _ := http.NewRequest(http.MethodPost, inst.BaseURL()+"/endpoints", jsonFlood(size))
		req.ContentLength = size + int64(len(`{"type":"third_party","name":""}`))
		req.Header.Set("Content-Type", "application/json")
		if i%2 == 1 {
			req.Header.Set("Authorization", "Bearer wrong-token")
		}
		res, err := client.Do(req)
		if err != nil {
			continue // the server may close the connection before the body is sent
		}
		_, _ = io.Copy(io.Discard, res.Body)
		_ = res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("request %d: status %d", i, res.StatusCode)
		}
		answered++
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapInuse > 200<<20 {
		t.Fatalf("heap in use %d MB after 40 refused 15 MB POSTs", ms.HeapInuse>>20)
	}
	res, err := http.Get(inst.ControlURL() + "/requests")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK || len(b) > 64<<10 {
		t.Fatalf("GET /requests: %d, %d bytes", res.StatusCode, len(b))
	}
	reqs := mustJSON(t, string(b)).(map[string]any)["requests"].([]any)
	for _, x := range reqs {
		if r := x.(map[string]any); r["body"] != nil || num(r["status"]) != 401 {
			t.Fatalf("record %v", r)
		}
	}
	t.Logf("%d of 40 answered 401, %d logged, heap in use %d MB", answered, len(reqs), ms.HeapInuse>>20)
}

func TestHostCheck(t *testing.T) {
	s := New(Options{AllowedHosts: []string{"emu.internal", "Other.Example:9000", "[::2]:1"}})
	serve := func(method, path, host string, hdr ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, nil)
		req.Host = host
		if method == "POST" {
			req.Header.Set("Content-Type", "application/json")
		}
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		req.Header.Set("Authorization", "Bearer "+s.Token())
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	for _, host := range []string{"127.0.0.1:8787", "127.0.0.1", "127.1.2.3:80", "localhost", "LOCALHOST:1", "[::1]:8787", "[::1]",
		"emu.internal", "emu.internal:1234", "other.example:9000", "[::2]:1"} {
		for _, path := range []string{"/_emulator/faults", "/core/v2/endpoints"} {
			if rec := serve("GET", path, host); rec.Code != 200 {
				t.Fatalf("Host %q %s: %d %s", host, path, rec.Code, rec.Body)
			}
		}
	}
	for _, host := range []string{"evil.example", "evil.example:8787", "other.example:9001", "127.0.0.1.evil.example", "", "0.0.0.0:8787", "[::2]:2", "emu.internal.evil"} {
		for _, path := range []string{"/_emulator/requests", "/core/v2/endpoints", "/_emulator/reset"} {
			rec := serve("GET", path, host)
			if rec.Code != 403 {
				t.Fatalf("Host %q %s: %d", host, path, rec.Code)
			}
			m := mustJSON(t, rec.Body.String()).(map[string]any)
			msg := mustMarshal(t, m)
			if !strings.Contains(m["message"].(string), fmt.Sprintf("%q", host)) || !strings.Contains(msg, "AllowedHosts") || !strings.Contains(msg, "-allowed-hosts") {
				t.Fatalf("Host %q: %s", host, rec.Body)
			}
		}
	}
	// nothing behind a refused Host happened
	if rec := serve("POST", "/_emulator/reset", "evil.example"); rec.Code != 403 {
		t.Fatalf("reset with foreign Host: %d", rec.Code)
	}
}

func TestControlOriginAndContentType(t *testing.T) {
	e := newEnv(t)
	r := e.do("GET", e.ctl+"/requests", "", nil, "Origin", "http://evil.example")
	expectError(t, r, 403, "Forbidden", "Origin")
	r = e.do("POST", e.ctl+"/faults", "", map[string]any{"path": "/core/v2/*", "status": 500}, "Origin", "null")
	expectError(t, r, 403, "Forbidden", "Origin")
	if n := len(e.control("GET", "/faults", nil).obj()["faults"].([]any)); n != 0 {
		t.Fatal("a fault was added from a cross-origin request")
	}
	// the Core API takes Origin (CarrierX allows CORS)
	expectStatus(t, e.do("GET", e.base+"/endpoints", e.srv.Token(), nil, "Origin", "http://app.example"), 200)

	for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"} {
		r = e.do("POST", e.ctl+"/faults", "", `{"path":"/core/v2/*","status":500}`, "Content-Type", ct)
		expectError(t, r, 415, "Unsupported media type", "Content-Type")
		r = e.do("POST", e.ctl+"/reset", "", nil, "Content-Type", ct)
		expectError(t, r, 415, "Unsupported media type", "Content-Type")
		r = e.do("PATCH", e.ctl+"/objects/partners/"+e.srv.PartnerSID(), "", `{"name":"x"}`, "Content-Type", ct)
		expectError(t, r, 415, "Unsupported media type", "Content-Type")
	}
	expectStatus(t, e.do("POST", e.ctl+"/reset", "", nil, "Content-Type", "application/json; charset=utf-8"), 204)
	// GET and DELETE need no Content-Type
	expectStatus(t, e.do("DELETE", e.ctl+"/requests", "", nil), 204)
	expectStatus(t, e.do("GET", e.ctl+"/requests", "", nil), 200)
}

func TestFilterBounds(t *testing.T) {
	e := newEnv(t)
	q := func(f string) string { return "/endpoints?filter=" + url.QueryEscape(f) }
	pat := strings.Repeat("%", maxLikePattern)
	expectStatus(t, e.core("GET", q(`name like "`+pat+`"`), nil), 200)
	r := e.core("GET", q(`name like "`+pat+`_"`), nil)
	expectError(t, r, 400, "Bad Request", "filter")
	if !strings.Contains(string(r.raw), "1024") {
		t.Fatalf("like limit not named: %s", r.raw)
	}
	expectError(t, e.core("GET", q(`name ilike '`+pat+`x'`), nil), 400, "Bad Request", "filter")
	long := "name ne x" + strings.Repeat(" and name ne x", 700) // > 8 KiB
	r = e.core("GET", q(long), nil)
	expectError(t, r, 400, "Bad Request", "filter")
	if !strings.Contains(string(r.raw), "8192") {
		t.Fatalf("filter limit not named: %s", r.raw)
	}
	ok := "name ne x" + strings.Repeat(" and name ne x", (maxFilterLen-9)/14)
	if len(ok) > maxFilterLen {
		t.Fatal(len(ok))
	}
	expectStatus(t, e.core("GET", q(ok), nil), 200)
}

// likeRegexpRef is the former regexp implementation of like, the reference.
func likeRegexpRef(pattern string, fold bool) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)`)
	if fold {
		b.WriteString(`(?i)`)
	}
	b.WriteString(`^`)
	for _, r := range pattern {
		switch r {
		case '%':
			b.WriteString(`.*`)
		case '_':
			b.WriteString(`.`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}

func TestLikeMatchAgainstRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alpha := []rune("aAbB%_.\nÉé")
	gen := func(n int, pat bool) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			r := alpha[rng.IntN(len(alpha))]
			if !pat && (r == '%' || r == '_') {
				r = 'a'
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	for i := 0; i < 20000; i++ {
		p, v := gen(rng.IntN(7), true), gen(rng.IntN(8), false)
		for _, fold := range []bool{false, true} {
			if got, want := likeMatch([]rune(p), v, fold), likeRegexpRef(p, fold).MatchString(v); got != want {
				t.Fatalf("like %q on %q (fold %v): %v, want %v", p, v, fold, got, want)
			}
		}
	}
	// a pattern that makes a backtracking matcher exponential
	p := []rune(strings.Repeat("%a", 500) + "%b")
	v := strings.Repeat("a", 5000)
	start := time.Now()
	if likeMatch(p, v, false) {
		t.Fatal("matched")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("took %v", d)
	}
}

// maxFilter is a filter of nearly maxFilterLen bytes made of like
// conditions with patterns of maxLikePattern bytes that every name matches.
func maxFilter() string {
	cond := `name like "` + strings.Repeat("%", maxLikePattern-1) + `_"`
	f := cond
	for len(f)+len(" and ")+len(cond) <= maxFilterLen {
		f += " and " + cond
	}
	return f
}

// TestListFilterDoesNotBlock: while a list with the largest filter allowed
// over 5,000 objects is being evaluated (held half way by a test hook), a
// GET of one object is answered. A lock held during evaluation makes that
// GET wait for the hook, which waits for the GET: the GET's timeout fails
// the test instead of a deadlock.
func TestListFilterDoesNotBlock(t *testing.T) {
	e := newEnv(t)
	seedBulk(t, e, 5000)
	halfway := make(chan struct{})
	release := make(chan struct{})
	var calls atomic.Int64
	e.srv.testHookFilter = func(ctx context.Context, i, n int) {
		calls.Add(1)
		if i == n/2 {
			close(halfway)
			<-release
		}
	}
	f := maxFilter()
	if len(f) > maxFilterLen || len(f) < maxFilterLen-1100 {
		t.Fatalf("filter of %d bytes", len(f))
	}
	type result struct {
		status int
		total  float64
		err    error
	}
	done := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, e.base+"/endpoints?limit=1&filter="+url.QueryEscape(f), nil)
		req.Header.Set("Authorization", "Bearer "+e.srv.Token())
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- result{err: err}
			return
		}
		b, _ := io.ReadAll(res.Body)
		_ = res.Body.Close()
		m, _ := decodeJSON(b)
		mm, _ := m.(map[string]any)
		done <- result{status: res.StatusCode, total: num(mm["total"])}
	}()
	select {
	case <-halfway:
	case r := <-done:
		t.Fatalf("big list finished before the hook: %+v", r)
	case <-time.After(60 * time.Second):
		t.Fatal("big list never reached the filter")
	}
	// the big list is held half way through its filter
	req, _ := http.NewRequest(http.MethodGet, e.base+"/endpoints/"+e.srv.SystemGatewaySID(), nil)
	req.Header.Set("Authorization", "Bearer "+e.srv.Token())
	start := time.Now()
	res, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	close(release)
	if err != nil {
		t.Fatalf("GET of one object while a filter runs: %v (after %v)", err, time.Since(start))
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET of one object: %d", res.StatusCode)
	}
	select {
	case r := <-done:
		if r.err != nil || r.status != 200 || r.total != 5001 {
			t.Fatalf("big list: %+v", r)
		}
	case <-time.After(120 * time.Second):
		t.Fatal("big list did not finish")
	}
	t.Logf("one-object GET took %v while the filter was held; %d filter steps", time.Since(start), calls.Load())
}

// TestListFilterStopsWhenClientLeaves: a list whose client has gone stops
// filtering instead of running to the end.
func TestListFilterStopsWhenClientLeaves(t *testing.T) {
	e := newEnv(t)
	seedBulk(t, e, 3000)
	var last atomic.Int64
	halfway := make(chan struct{})
	gone := make(chan struct{})
	e.srv.testHookFilter = func(ctx context.Context, i, n int) {
		last.Store(int64(i))
		if i == 1000 {
			close(halfway)
			select {
			case <-ctx.Done():
			case <-time.After(30 * time.Second):
			}
			close(gone)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, e.base+"/endpoints?filter="+url.QueryEscape("name ne x"), nil)
	req.Header.Set("Authorization", "Bearer "+e.srv.Token())
	errc := make(chan error, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			_ = res.Body.Close()
		}
		errc <- err
	}()
	<-halfway
	cancel()
	<-gone
	if err := <-errc; err == nil {
		t.Fatal("the cancelled request got an answer")
	}
	rec := e.recordAfter(0, "GET", "/core/v2/endpoints")
	if num(rec["status"]) != 0 || last.Load() > 1000+256 {
		t.Fatalf("record %v, filter went on to candidate %d", rec, last.Load())
	}
}

// TestConcurrentFilteredLists mixes writes with filtered, ordered lists,
// whose filters run without the lock (run it with -race).
func TestConcurrentFilteredLists(t *testing.T) {
	e := newEnv(t)
	sids := seedBulk(t, e, 50)
	tg := e.core("POST", "/trunk_groups?with_trunks=true", map[string]any{"trunks": []any{map[string]any{"name": "t0"}}}).obj()["trunk_group_sid"].(string)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for j := 0; j < 40; j++ {
			sid := sids[j%len(sids)]
			e.core("PATCH", "/endpoints/"+sid, map[string]any{"name": fmt.Sprintf("n-%d", j), "attributes": map[string]any{"j": j}})
			e.control("PATCH", "/objects/endpoints/"+sid, map[string]any{"addresses": []any{map[string]any{"ip": "192.0.2.1"}}})
			e.core("POST", "/trunk_groups/"+tg+"/trunks", map[string]any{"name": fmt.Sprintf("t-%d", j)})
			e.core("DELETE", "/endpoints/"+sids[(j+25)%len(sids)], nil)
		}
	}()
	failed := ""
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		for _, p := range []string{
			"/endpoints?limit=20&with_related=true&order=name+desc&filter=" + url.QueryEscape(`name like "%-%" and attributes.j ge 0 and addresses.ip ne x`),
			"/trunk_groups?with_trunks=true&filter=" + url.QueryEscape(`trunks.name ilike "T-%"`),
		} {
			if r := e.core("GET", p, nil); r.status != 200 && failed == "" {
				failed = fmt.Sprintf("GET %s: %d %s", p, r.status, r.raw)
			}
		}
	}
	if failed != "" {
		t.Fatal(failed)
	}
}
