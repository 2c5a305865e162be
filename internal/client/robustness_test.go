package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// These tests pin down the client's defences: what it refuses to send, what
// answers it refuses to use, what never reaches an error or a log, and how a
// create whose answer was lost is found again (or not).

// robustCountingServer counts every request and answers with h.
func robustCountingServer(t *testing.T, n *counter, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	return newServer(t, func(w http.ResponseWriter, r *http.Request) {
		n.inc()
		h(w, r)
	})
}

// 1. An empty SID is refused before anything is sent.
func TestRobust_EmptySIDNeverSent(t *testing.T) {
	var n counter
	srv := robustCountingServer(t, &n, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"endpoint_sid":"x","trunk_sid":"x"}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()

	cases := []struct {
		name string
		key  string
		call func() error
	}{
		{"GetEndpoint empty", "endpoint_sid", func() error { _, err := Objects[Endpoint](c, EndpointKind).Get(ctx, ""); return err }},
		{"UpdateEndpoint blank", "endpoint_sid", func() error {
			_, err := Objects[Endpoint](c, EndpointKind).Update(ctx, " ", map[string]any{"name": "n"})
			return err
		}},
		{"DeleteEndpoint empty", "endpoint_sid", func() error { return Objects[Endpoint](c, EndpointKind).Delete(ctx, "") }},
		{"GetTrunk empty group", "trunk_group_sid", func() error { _, err := Objects[Trunk](c, TrunkKind("")).Get(ctx, "t"); return err }},
		{"GetTrunk empty trunk", "trunk_sid", func() error { _, err := Objects[Trunk](c, TrunkKind("g")).Get(ctx, ""); return err }},
		{"DeleteTrunk empty trunk", "trunk_sid", func() error { return Objects[Trunk](c, TrunkKind("g")).Delete(ctx, "") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.key) || !strings.Contains(err.Error(), "nothing was sent") {
				t.Errorf("error does not name %s / say nothing was sent: %v", tc.key, err)
			}
			if Ambiguous(err) {
				t.Errorf("a refused request is not ambiguous: %v", err)
			}
		})
	}

	// A raw path with an empty segment is refused by the transport itself.
	var out map[string]any
	err := c.Do(ctx, http.MethodGet, "/endpoints/", nil, nil, &out)
	if err == nil || !strings.Contains(err.Error(), "empty segment") {
		t.Errorf("Do GET /endpoints/: %v", err)
	}
	if got := n.get(); got != 0 {
		t.Fatalf("server received %d requests, want 0", got)
	}
}

// 2. An answer that describes another object (or none) is refused.
func TestRobust_AnotherObjectsAnswerRefused(t *testing.T) {
	const asked, other = "sid-AAA-1111", "sid-BBB-2222"
	var body string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/core/v2/endpoints/"+asked || (r.Method != http.MethodGet && r.Method != http.MethodPatch) {
			t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		}
		writeJSON(w, 200, body)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()
	calls := map[string]func() (*Endpoint, error){
		"get": func() (*Endpoint, error) { return Objects[Endpoint](c, EndpointKind).Get(ctx, asked) },
		"update": func() (*Endpoint, error) {
			return Objects[Endpoint](c, EndpointKind).Update(ctx, asked, map[string]any{"name": "n"})
		},
	}
	for name, call := range calls {
		body = `{"endpoint_sid":"` + other + `","name":"n"}`
		e, err := call()
		var ae *AnswerError
		if !errors.As(err, &ae) || e != nil {
			t.Fatalf("%s other SID: e = %+v, err = %T %v", name, e, err, err)
		}
		if !strings.Contains(err.Error(), asked) || !strings.Contains(err.Error(), other) {
			t.Errorf("%s other SID: error should name both SIDs: %v", name, err)
		}

		body = `{"name":"n"}`
		e, err = call()
		if !errors.As(err, &ae) || e != nil || !strings.Contains(err.Error(), "no endpoint_sid") {
			t.Errorf("%s no SID: e = %+v, err = %T %v", name, e, err, err)
		}
	}
}

// 3. Empty, null and non-object 200 answers are errors, never a zero object.
func TestRobust_EmptyOrNonObjectAnswerRefused(t *testing.T) {
	var body string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, body) })
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()
	cases := []struct{ body, problem string }{
		{"", "no body"},
		{" \r\n\t ", "no body"},
		{"null", "is null"},
		{" null\n", "is null"},
		{`[{"endpoint_sid":"e1"}]`, "not a JSON object"},
		{`[]`, "not a JSON object"},
		{`"e1"`, "not a JSON object"},
	}
	for _, tc := range cases {
		body = tc.body
		e, err := Objects[Endpoint](c, EndpointKind).Get(ctx, "e1")
		var ae *AnswerError
		if !errors.As(err, &ae) || e != nil || !strings.Contains(ae.Problem, tc.problem) {
			t.Errorf("GetEndpoint with answer %q: e = %+v, err = %T %v (want problem %q)", tc.body, e, err, err, tc.problem)
		}
		// Where no SID check follows (a raw Do into a map), the same holds.
		var m map[string]any
		err = c.Do(ctx, http.MethodGet, "/endpoints/e1", nil, nil, &m)
		if !errors.As(err, &ae) || m != nil || !strings.Contains(ae.Problem, tc.problem) {
			t.Errorf("Do with answer %q: m = %v, err = %T %v", tc.body, m, err, err)
		}
	}
}

// 4. Redirects are never followed, so neither the token nor the body leaves
// for the Location; credentials in a Location never reach the error.
func TestRobust_RedirectNeverFollowed(t *testing.T) {
	var plainHits counter
	plain := robustCountingServer(t, &plainHits, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"endpoint_sid":"x"}`)
	})
	plainURL, err := url.Parse(plain.URL)
	if err != nil {
		t.Fatal(err)
	}
	var location string
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", location)
		w.WriteHeader(http.StatusTemporaryRedirect)
	}))
	t.Cleanup(tlsSrv.Close)
	c, rec := newTestClient(t, tlsSrv.URL, func(cfg *Config) {
		cfg.HTTPClient = tlsSrv.Client()
		cfg.MaxRetries = 2
	})
	ctx := context.Background()

	location = plain.URL + "/core/v2/endpoints/x"
	_, err = Objects[Endpoint](c, EndpointKind).Get(ctx, "x")
	if got := plainHits.get(); got != 0 {
		t.Fatalf("GET: the redirect target received %d requests, want 0 (err = %v)", got, err)
	}
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != http.StatusTemporaryRedirect {
		t.Fatalf("GET: err = %T %v", err, err)
	}
	if !strings.Contains(err.Error(), "base_url should look like https://api.carrierx.com/core/v2") {
		t.Errorf("GET: error should explain base_url: %v", err)
	}
	_, err = Objects[Endpoint](c, EndpointKind).Update(ctx, "x", map[string]any{"name": "n", "out_sip_password": "p"})
	if StatusCode(err) != http.StatusTemporaryRedirect {
		t.Fatalf("PATCH: err = %T %v", err, err)
	}
	if got := plainHits.get(); got != 0 {
		t.Fatalf("the redirect target received %d requests, want 0", got)
	}

	// Userinfo in the Location never shows.
	const pw = "pw-7319-loc"
	location = "http://user:" + pw + "@" + plainURL.Host + "/core/v2/endpoints/x?k=" + pw + "#" + pw
	_, err = Objects[Endpoint](c, EndpointKind).Get(ctx, "x")
	if StatusCode(err) != http.StatusTemporaryRedirect {
		t.Fatalf("userinfo: err = %T %v", err, err)
	}
	if strings.Contains(err.Error(), "pw") || strings.Contains(err.Error(), "user:") {
		t.Errorf("userinfo leaks into the error: %v", err)
	}
	if !strings.Contains(err.Error(), plainURL.Host) {
		t.Errorf("the error should still name the redirect target: %v", err)
	}
	for _, en := range rec.level(LevelDebug) {
		if s := fmt.Sprint(en.Fields); strings.Contains(s, pw) {
			t.Errorf("userinfo leaks into the debug log: %s", s)
		}
	}
	if got := plainHits.get(); got != 0 {
		t.Fatalf("the redirect target received %d requests, want 0", got)
	}
}

// robustAssertNoSecret fails when a secret, as is or JSON-escaped, shows in
// the error or in any field of any log entry.
func robustAssertNoSecret(t *testing.T, err error, rec *logRec, secrets ...string) {
	t.Helper()
	var forms []string
	for _, s := range secrets {
		b, _ := json.Marshal(s)
		forms = append(forms, s, string(b[1:len(b)-1]))
	}
	rec.mu.Lock()
	entries := append([]logEntry(nil), rec.entries...)
	rec.mu.Unlock()
	for _, f := range forms {
		if strings.Contains(err.Error(), f) {
			t.Errorf("secret %q in error: %v", f, err)
		}
		for _, en := range entries {
			if strings.Contains(en.Msg, f) {
				t.Errorf("secret %q in log message %q", f, en.Msg)
			}
			for k, v := range en.Fields {
				if strings.Contains(fmt.Sprint(v), f) {
					t.Errorf("secret %q in log field %s (%s): %s", f, k, en.Msg, fmt.Sprint(v))
				}
			}
		}
	}
}

// robustEchoServer answers 400, quoting the raw request body: inside a JSON
// error envelope (asJSON) or as the text/plain body.
func robustEchoServer(t *testing.T, asJSON bool) *httptest.Server {
	return newServer(t, func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		if !asJSON {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write(raw)
			return
		}
		env, _ := json.Marshal(map[string]any{
			"message": "invalid body: " + string(raw),
			"errors":  []map[string]any{{"field": "body", "message": string(raw), "reference_sid": nil}},
		})
		writeJSON(w, http.StatusBadRequest, string(env))
	})
}

// 5. Secrets the server echoes back never reach the error or the log.
func TestRobust_EchoedSecretsScrubbed(t *testing.T) {
	const sipSecret = "S3cr3t-pass<&>\"q"
	const addrSecret = "addr-pass-9911"
	const formSecret = "form-pass-5511"
	const uploadSecret = "upl-pass-7777"
	ctx := context.Background()
	for _, asJSON := range []bool{true, false} {
		t.Run(fmt.Sprintf("json_envelope=%v", asJSON), func(t *testing.T) {
			srv := robustEchoServer(t, asJSON)
			check := func(t *testing.T, err error, rec *logRec, secrets ...string) {
				t.Helper()
				if StatusCode(err) != http.StatusBadRequest {
					t.Fatalf("err = %T %v", err, err)
				}
				if asJSON && !strings.Contains(err.Error(), "invalid body") {
					t.Errorf("the echo did not reach the error (test is vacuous): %v", err)
				}
				if !strings.Contains(err.Error(), redacted) {
					t.Errorf("the echoed secret should show as %s: %v", redacted, err)
				}
				if len(rec.level(LevelTrace)) == 0 {
					t.Errorf("no trace entries recorded (test is vacuous)")
				}
				robustAssertNoSecret(t, err, rec, secrets...)
			}

			t.Run("CreateEndpoint", func(t *testing.T) {
				c, rec := newTestClient(t, srv.URL, nil)
				_, err := Objects[Endpoint](c, EndpointKind).Create(ctx, map[string]any{
					"name":             "n",
					"out_sip_password": sipSecret,
					"addresses":        []any{map[string]any{"ip": "203.0.113.1", "sip_password": addrSecret}},
				})
				check(t, err, rec, sipSecret, addrSecret)
			})
			t.Run("DoForm", func(t *testing.T) {
				c, rec := newTestClient(t, srv.URL, nil)
				var out map[string]any
				err := c.DoForm(ctx, http.MethodPost, "/oauth/token",
					url.Values{"password": {formSecret}, "username": {"u"}}, &out)
				check(t, err, rec, formSecret)
			})
			t.Run("UploadStorageFile", func(t *testing.T) {
				c, rec := newTestClient(t, srv.URL, nil)
				up := NewStorageFileUploadBytes(
					map[string]any{"name": "f", "container_sid": "c", "password": uploadSecret},
					"f.txt", "text/plain", []byte("hello"))
				_, err := c.UploadStorageFile(ctx, up)
				check(t, err, rec, uploadSecret)
			})
		})
	}
}

// 6. An answer larger than the cap is reported as such.
func TestRobust_OversizeAnswer(t *testing.T) {
	old := maxResponseBytes
	maxResponseBytes = 1024
	t.Cleanup(func() { maxResponseBytes = old })
	big := `{"endpoint_sid":"x","name":"` + strings.Repeat("a", 2048) + `"}`
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, big) })
	c, _ := newTestClient(t, srv.URL, nil)
	e, err := Objects[Endpoint](c, EndpointKind).Get(context.Background(), "x")
	var ae *AnswerError
	if !errors.As(err, &ae) || e != nil {
		t.Fatalf("e = %+v, err = %T %v", e, err, err)
	}
	if !strings.Contains(err.Error(), "larger than the client accepts") || strings.Contains(err.Error(), "unexpected end") {
		t.Errorf("err = %v", err)
	}
}

// robustPage renders a list envelope; total < 0 is null.
func robustPage(items []map[string]any, hasMore bool, offset, total int) string {
	env := map[string]any{"count": len(items), "has_more": hasMore, "items": items,
		"limit": 1000, "offset": offset, "pagination": map[string]string{}, "total": nil}
	if total >= 0 {
		env["total"] = total
	}
	b, _ := json.Marshal(env)
	return string(b)
}

func robustOffset(r *http.Request) int {
	o, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	return o
}

// 7a. A server that ignores offset is detected on the second page.
func TestRobust_ListRepeatedPage(t *testing.T) {
	var n counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.inc() > 10 { // keeps a broken client from looping for long
			writeJSON(w, 400, `{"message":"enough"}`)
			return
		}
		page := []map[string]any{{"endpoint_sid": "e1"}, {"endpoint_sid": "e2"}}
		writeJSON(w, 200, robustPage(page, true, 0, -1))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	items, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{})
	var ae *AnswerError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "does not advance") || items != nil {
		t.Fatalf("items = %v, err = %T %v", items, err, err)
	}
	if got := n.get(); got != 2 {
		t.Errorf("requests = %d, want 2", got)
	}
}

// 7b. Total reached ends the list even while has_more is true.
func TestRobust_ListStopsAtTotal(t *testing.T) {
	var n counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		n.inc()
		off := robustOffset(r)
		page := []map[string]any{}
		switch {
		case off == 0:
			page = []map[string]any{{"endpoint_sid": "e0"}, {"endpoint_sid": "e1"}}
		case off < 20:
			page = []map[string]any{{"endpoint_sid": fmt.Sprintf("e%d", off)}}
		}
		writeJSON(w, 200, robustPage(page, off < 20, off, 3))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	items, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || items[2].EndpointSID != "e2" || n.get() != 2 {
		t.Errorf("items = %d, requests = %d, want 3 items after 2 requests", len(items), n.get())
	}
}

// 7c. A list that never ends is cut at maxListPages.
func TestRobust_ListPageCap(t *testing.T) {
	old := maxListPages
	maxListPages = 3
	t.Cleanup(func() { maxListPages = old })
	var n counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		off := robustOffset(r)
		if n.inc() > 20 { // keeps a broken client from looping for long
			writeJSON(w, 200, robustPage([]map[string]any{}, false, off, -1))
			return
		}
		writeJSON(w, 200, robustPage([]map[string]any{{"endpoint_sid": fmt.Sprintf("e%d", off)}}, true, off, -1))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	items, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{})
	var ae *AnswerError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "did not end") || items != nil {
		t.Fatalf("items = %d, err = %T %v", len(items), err, err)
	}
	if got := n.get(); got != 3 {
		t.Errorf("requests = %d, want 3", got)
	}
}

// 7d. A list answer without an items array is an error, never an empty list.
func TestRobust_ListWithoutItems(t *testing.T) {
	var body string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, body) })
	c, _ := newTestClient(t, srv.URL, nil)
	for _, b := range []string{`{}`, `{"items":null}`, `{"count":0,"has_more":false,"total":0}`, `{"items":{}}`} {
		body = b
		items, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{})
		var ae *AnswerError
		if !errors.As(err, &ae) || items != nil {
			t.Errorf("answer %s: items = %v, err = %T %v", b, items, err, err)
		}
	}
}

// 8. The revoke POST is retried: revoking twice is harmless.
func TestRobust_RevokeTokenRetried(t *testing.T) {
	var n counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/core/v2/oauth/revoke" {
			t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		}
		if n.inc() == 1 {
			writeJSON(w, http.StatusBadGateway, `{"message":"bad gateway"}`)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.MaxRetries = 2 })
	if err := c.RevokeToken(context.Background(), "at-to-revoke"); err != nil {
		t.Fatalf("RevokeToken: %v", err)
	}
	if got := n.get(); got != 2 {
		t.Errorf("POSTs = %d, want 2", got)
	}
}

// 9. A POST that never reached the server is retried, and its failure is
// not ambiguous (nothing was created, nothing is searched for).
func TestRobust_RefusedPostRetriedNotAmbiguous(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close() // nothing listens any more: dial is refused
	c, rec := newTestClient(t, "http://"+addr, func(cfg *Config) { cfg.MaxRetries = 2 })
	_, err = Objects[Endpoint](c, EndpointKind).Create(context.Background(), map[string]any{"name": "n", "type": "third_party"})
	var te *TransportError
	if !errors.As(err, &te) || te.Sent {
		t.Fatalf("err = %T %v (want *TransportError with Sent false)", err, err)
	}
	if Ambiguous(err) {
		t.Errorf("Ambiguous(%v) = true", err)
	}
	var lost *LostCreateError
	if errors.As(err, &lost) {
		t.Errorf("a create that never left is not a lost create: %v", err)
	}
	var posts, gets int
	for _, en := range rec.level(LevelDebug) {
		switch en.Fields["method"] {
		case http.MethodPost:
			posts++
		case http.MethodGet:
			gets++
		}
	}
	if posts != 3 || gets != 0 {
		t.Errorf("attempts: %d POST, %d GET; want 3 POST, 0 GET\n%v", posts, gets, rec)
	}
}

// robustStore is a fake collection for lost-create tests: POST stores the
// object (when store is set) and answers as mode says; GET on the list
// path returns every stored object.
type robustStore struct {
	t                  *testing.T
	postPath, listPath string // without /core/v2
	sidKey             string
	store              bool
	mode               string        // "502", "reset", "empty", "nosid", "422" or "hang"
	stored             chan struct{} // "hang": closed once the object is stored

	mu      sync.Mutex
	items   []map[string]any
	posts   int
	lists   int
	filters []string
}

func (s *robustStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/core/v2"+s.postPath:
		raw, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.posts++
		if s.store {
			var obj map[string]any
			if err := json.Unmarshal(raw, &obj); err != nil {
				s.t.Errorf("POST body: %v", err)
			}
			for _, k := range []string{"password", "out_sip_password", "sip_password"} {
				delete(obj, k) // the API never returns secrets
			}
			obj[s.sidKey] = fmt.Sprintf("new-%d", s.posts)
			s.items = append(s.items, obj)
		}
		mode := s.mode
		s.mu.Unlock()
		switch mode {
		case "502":
			writeJSON(w, http.StatusBadGateway, `{"message":"bad gateway"}`)
		case "reset":
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				_ = conn.Close()
			}
		case "empty":
			w.WriteHeader(http.StatusOK)
		case "nosid":
			writeJSON(w, http.StatusOK, `{"name":"ep-1","type":"third_party"}`)
		case "422":
			writeJSON(w, http.StatusUnprocessableEntity, `{"message":"invalid","errors":[{"field":"type","message":"bad"}]}`)
		case "hang":
			close(s.stored)
			<-r.Context().Done() // the answer never comes: the client gives up
		}
	case r.Method == http.MethodGet && r.URL.Path == "/core/v2"+s.listPath:
		s.mu.Lock()
		s.lists++
		s.filters = append(s.filters, r.URL.Query().Get("filter"))
		items := append([]map[string]any{}, s.items...)
		s.mu.Unlock()
		writeJSON(w, 200, robustPage(items, false, 0, len(items)))
	default:
		s.t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotFound)
	}
}

func (s *robustStore) counts() (posts, lists int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.posts, s.lists
}

func (s *robustStore) seenFilters() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.filters...)
}

func robustNewStore(t *testing.T, post, list, sidKey, mode string, store bool, items ...map[string]any) (*Client, *robustStore) {
	t.Helper()
	s := &robustStore{t: t, postPath: post, listPath: list, sidKey: sidKey, mode: mode, store: store, items: items,
		stored: make(chan struct{})}
	srv := newServer(t, s.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.MaxRetries = 2 })
	return c, s
}

func robustEndpointBody() map[string]any {
	return map[string]any{
		"name": "ep-1", "type": "third_party", "capacity": 2, "out_sip_password": "sip-secret-1",
		"addresses":  []any{map[string]any{"ip": "203.0.113.5", "port": 5060}},
		"attributes": map[string]any{"team": "voice"},
	}
}

// robustStored is what the API would hold for robustEndpointBody.
func robustStored(sid string, capacity int) map[string]any {
	return map[string]any{
		"endpoint_sid": sid, "name": "ep-1", "type": "third_party", "capacity": capacity,
		"addresses":  []any{map[string]any{"ip": "203.0.113.5", "port": 5060, "transport": "udp"}},
		"attributes": map[string]any{"team": "voice"}, "partner_sid": "p1",
	}
}

// 10a. Exactly one stored object matches, but endpoints have no creation
// time and nothing says what existed before the request: the object is
// named as the candidate, never adopted by itself. The answer is lost as a
// 502, a reset connection, an empty 200 or a 200 without the SID.
func TestRobust_LostCreateNamedNotAdopted(t *testing.T) {
	for _, mode := range []string{"502", "reset", "empty", "nosid"} {
		t.Run(mode, func(t *testing.T) {
			c, s := robustNewStore(t, "/endpoints", "/endpoints", "endpoint_sid", mode, true)
			e, err := Objects[Endpoint](c, EndpointKind).Create(context.Background(), robustEndpointBody())
			var lost *LostCreateError
			if e != nil || !errors.As(err, &lost) || fmt.Sprint(lost.Candidates) != "[new-1]" {
				t.Fatalf("e = %+v, err = %T %v", e, err, err)
			}
			if _, adopted := AdoptedAfterLostAnswer(err); adopted {
				t.Error("an endpoint was adopted without proof that it is new")
			}
			if mode == "502" && StatusCode(err) != http.StatusBadGateway {
				t.Errorf("cause = %v", lost.Cause)
			}
			posts, lists := s.counts()
			if posts != 1 || lists != 1 {
				t.Errorf("POSTs = %d, list GETs = %d; want 1 and 1", posts, lists)
			}
			if want, got := `name eq "ep-1" and type eq "third_party"`, s.seenFilters(); len(got) != 1 || got[0] != want {
				t.Errorf("filters = %q, want %q", got, want)
			}
		})
	}
}

// 10a'. A number rented from a search (it was available just before, so
// none of the account's numbers was it): a lost answer is resolved by
// adopting the number found, with a Recovered error naming it.
func TestRobust_LostRentAdopted(t *testing.T) {
	for _, mode := range []string{"502", "reset", "empty", "nosid"} {
		t.Run(mode, func(t *testing.T) {
			c, s := robustNewStore(t, "/phonenumber/dids", "/phonenumber/dids", "did_sid", mode, true)
			d, err := c.RentDID(context.Background(), map[string]any{"phonenumber": "15550100142"}, RentDIDOptions{Available: true})
			r, ok := AdoptedAfterLostAnswer(err)
			if !ok || d == nil || d.DIDSID != "new-1" || r.SID != "new-1" || !strings.Contains(err.Error(), "new-1") {
				t.Fatalf("d = %+v, err = %T %v", d, err, err)
			}
			if posts, lists := s.counts(); posts != 1 || lists != 1 {
				t.Errorf("POSTs = %d, list GETs = %d; want 1 and 1", posts, lists)
			}
			// Without the search's knowledge, the same number is only a candidate.
			c2, _ := robustNewStore(t, "/phonenumber/dids", "/phonenumber/dids", "did_sid", mode, true)
			d2, err := c2.RentDID(context.Background(), map[string]any{"phonenumber": "15550100142"}, RentDIDOptions{})
			var lost *LostCreateError
			if d2 != nil || !errors.As(err, &lost) || len(lost.Candidates) != 1 {
				t.Errorf("exact rent: d = %+v, err = %v", d2, err)
			}
		})
	}
}

// 10b. Two objects match: none is adopted, both are named, sorted.
func TestRobust_LostCreateTwoCandidates(t *testing.T) {
	c, _ := robustNewStore(t, "/endpoints", "/endpoints", "endpoint_sid", "502", true, robustStored("old-1", 2))
	e, err := Objects[Endpoint](c, EndpointKind).Create(context.Background(), robustEndpointBody())
	var lost *LostCreateError
	if !errors.As(err, &lost) || e != nil {
		t.Fatalf("e = %+v, err = %T %v", e, err, err)
	}
	if _, adopted := AdoptedAfterLostAnswer(err); adopted {
		t.Errorf("adopted with two candidates: %v", err)
	}
	if !lost.Searched || !reflect.DeepEqual(lost.Candidates, []string{"new-1", "old-1"}) {
		t.Errorf("Searched = %v, Candidates = %q", lost.Searched, lost.Candidates)
	}
	if !strings.Contains(err.Error(), "new-1, old-1") || StatusCode(err) != http.StatusBadGateway {
		t.Errorf("err = %v", err)
	}
}

// 10c. Only a differing object exists: nothing was created, applying again is safe.
func TestRobust_LostCreateNoMatch(t *testing.T) {
	c, s := robustNewStore(t, "/endpoints", "/endpoints", "endpoint_sid", "502", false, robustStored("old-1", 5))
	e, err := Objects[Endpoint](c, EndpointKind).Create(context.Background(), robustEndpointBody())
	var lost *LostCreateError
	if !errors.As(err, &lost) || e != nil {
		t.Fatalf("e = %+v, err = %T %v", e, err, err)
	}
	if !lost.Searched || len(lost.Candidates) != 0 || lost.SearchErr != nil {
		t.Errorf("Searched = %v, Candidates = %q, SearchErr = %v", lost.Searched, lost.Candidates, lost.SearchErr)
	}
	if !strings.Contains(err.Error(), "most likely not created") {
		t.Errorf("err = %v", err)
	}
	if _, lists := s.counts(); lists != 1 {
		t.Errorf("list GETs = %d, want 1", lists)
	}
}

func robustAPITime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// 10d. With a creation time, an object older than the request is not taken.
// PartnerKind's CreatedAt is used through the collection's Create with NoRecovery
// cleared, so the test holds whether or not partners are searched for.
func TestRobust_LostCreateCreatedAt(t *testing.T) {
	kind := PartnerKind
	kind.NoRecovery = ""
	if kind.CreatedAt != "date_created" {
		t.Fatalf("PartnerKind.CreatedAt = %q", kind.CreatedAt)
	}
	create := func(c *Client, body any) (*Partner, error) {
		return Objects[Partner](c, kind).Create(context.Background(), body)
	}
	body := map[string]any{"login": "acme-login", "name": "Acme", "password": "partner-pw-1"}
	partner := func(created time.Time) map[string]any {
		return map[string]any{"partner_sid": "p-1", "login": "acme-login", "name": "Acme",
			"status": "unverified", "date_created": robustAPITime(created)}
	}

	c, _ := robustNewStore(t, "/partners", "/partners", "partner_sid", "502", false, partner(time.Now().Add(-time.Hour)))
	p, err := create(c, body)
	var lost *LostCreateError
	if !errors.As(err, &lost) || p != nil || !lost.Searched || len(lost.Candidates) != 0 {
		t.Fatalf("hour-old partner: p = %+v, err = %T %v", p, err, err)
	}

	c, _ = robustNewStore(t, "/partners", "/partners", "partner_sid", "502", false, partner(time.Now()))
	p, err = create(c, body)
	if _, ok := AdoptedAfterLostAnswer(err); !ok || p == nil || p.PartnerSID != "p-1" {
		t.Fatalf("new partner: p = %+v, err = %T %v", p, err, err)
	}
}

// 10e. A 4xx create is not ambiguous: one request, a plain *Error, no search.
func TestRobust_CreateClientErrorNoSearch(t *testing.T) {
	c, s := robustNewStore(t, "/endpoints", "/endpoints", "endpoint_sid", "422", false, robustStored("old-1", 2))
	e, err := Objects[Endpoint](c, EndpointKind).Create(context.Background(), robustEndpointBody())
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnprocessableEntity || e != nil {
		t.Fatalf("e = %+v, err = %T %v", e, err, err)
	}
	if posts, lists := s.counts(); posts != 1 || lists != 0 {
		t.Errorf("POSTs = %d, list GETs = %d; want 1 and 0", posts, lists)
	}
}

// 10f. Nothing sent identifies the object: no search, and the error says so.
func TestRobust_LostCreateNoIdentity(t *testing.T) {
	c, s := robustNewStore(t, "/endpoints", "/endpoints", "endpoint_sid", "502", true)
	e, err := Objects[Endpoint](c, EndpointKind).Create(context.Background(), map[string]any{"capacity": 2})
	var lost *LostCreateError
	if !errors.As(err, &lost) || e != nil {
		t.Fatalf("e = %+v, err = %T %v", e, err, err)
	}
	if lost.Searched || lost.NoSearch == "" || len(lost.Candidates) != 0 {
		t.Errorf("Searched = %v, NoSearch = %q, Candidates = %q", lost.Searched, lost.NoSearch, lost.Candidates)
	}
	if !strings.Contains(err.Error(), "cannot be looked for") {
		t.Errorf("err = %v", err)
	}
	if _, lists := s.counts(); lists != 0 {
		t.Errorf("list GETs = %d, want 0", lists)
	}
}

// 10g. A token found without its access_token is of no use: not adopted.
func TestRobust_LostTokenNeedsAccessToken(t *testing.T) {
	req := TokenRequest{Name: "ci", Scopes: []string{"a.manage", "b.read"}}
	token := map[string]any{"token_sid": "tok-1", "name": "ci", "scopes": []any{"b.read", "a.manage"},
		"partner_sid": "p1", "date_created": robustAPITime(time.Now())}

	c, _ := robustNewStore(t, "/oauth/token", "/oauth/tokens", "token_sid", "502", false, token)
	tok, err := c.CreateToken(context.Background(), req)
	var lost *LostCreateError
	if !errors.As(err, &lost) || tok != nil {
		t.Fatalf("without access_token: tok = %v, err = %T %v", tok, err, err)
	}
	if !lost.Searched || !reflect.DeepEqual(lost.Candidates, []string{"tok-1"}) {
		t.Errorf("Searched = %v, Candidates = %q", lost.Searched, lost.Candidates)
	}

	withAT := map[string]any{"access_token": "at-found-42"}
	for k, v := range token {
		withAT[k] = v
	}
	c, _ = robustNewStore(t, "/oauth/token", "/oauth/tokens", "token_sid", "502", false, withAT)
	tok, err = c.CreateToken(context.Background(), req)
	if _, ok := AdoptedAfterLostAnswer(err); !ok || tok == nil || tok.TokenSID != "tok-1" || tok.AccessToken != "at-found-42" {
		t.Fatalf("with access_token: tok = %v, err = %T %v", tok, err, err)
	}
}

// 10h. sameJSON compares what was sent with what the API shows.
func TestRobust_SameJSON(t *testing.T) {
	cases := []struct {
		name      string
		want, got string
		equal     bool
	}{
		{"number vs numeric string", `{"rate":2.5}`, `{"rate":"2.50"}`, true},
		{"numeric string vs number", `{"rate":"2.50"}`, `{"rate":2.5}`, true},
		{"integer vs float", `{"capacity":2}`, `{"capacity":2.0}`, true},
		{"different numbers", `{"capacity":2}`, `{"capacity":"3"}`, false},
		{"empty string vs null", `{"a":""}`, `{"a":null}`, true},
		{"empty string vs missing", `{"a":""}`, `{}`, true},
		{"null vs empty string", `{"a":null}`, `{"a":""}`, true},
		{"null vs value", `{"a":null}`, `{"a":"x"}`, false},
		{"empty string vs empty string", `{"a":""}`, `{"a":""}`, true},
		{"empty string vs value", `{"a":""}`, `{"a":"x"}`, false},
		{"empty string vs zero", `{"a":""}`, `{"a":0}`, false},
		{"value vs missing", `{"a":"x"}`, `{}`, false},
		{"value vs null", `{"a":"x"}`, `{"a":null}`, false},
		{"extra keys in got", `{"a":1}`, `{"a":1,"b":2,"c":{"d":[1]}}`, true},
		{"missing key in got", `{"a":1,"b":2}`, `{"a":1}`, false},
		{"secret keys ignored", `{"name":"n","password":"p","Out_SIP_Password":"q","addresses":[{"ip":"1","sip_password":"s"}]}`,
			`{"name":"n","addresses":[{"ip":"1"}]}`, true},
		{"scalars any order", `{"scopes":["a","b","c"]}`, `{"scopes":["c","a","b"]}`, true},
		{"scalars multiset", `{"scopes":["a","a","b"]}`, `{"scopes":["a","b","b"]}`, false},
		{"scalars length", `{"scopes":["a","b"]}`, `{"scopes":["a","b","c"]}`, false},
		{"objects in order", `{"l":[{"ip":"1"},{"ip":"2"}]}`, `{"l":[{"ip":"1","port":5060},{"ip":"2"}]}`, true},
		{"objects out of order", `{"l":[{"ip":"1"},{"ip":"2"}]}`, `{"l":[{"ip":"2"},{"ip":"1"}]}`, false},
		{"nested value differs", `{"attributes":{"k":{"x":1,"y":"z"}}}`, `{"attributes":{"k":{"x":2,"y":"z"}}}`, false},
		{"nested value same", `{"attributes":{"k":{"x":1,"y":"z"}}}`, `{"attributes":{"k":{"x":"1","y":"z","w":0}}}`, true},
		{"bool vs string", `{"b":true}`, `{"b":"true"}`, false},
		{"bool differs", `{"b":true}`, `{"b":false}`, false},
		{"object vs scalar", `{"o":{"a":1}}`, `{"o":"x"}`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want, err := toJSONMap(json.RawMessage(tc.want)) // as recoverCreate reads the body sent
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any // as ListAll decodes an item
			if err := json.Unmarshal([]byte(tc.got), &got); err != nil {
				t.Fatal(err)
			}
			if eq := sameJSON(want, got); eq != tc.equal {
				t.Errorf("sameJSON(%s, %s) = %v, want %v", tc.want, tc.got, eq, tc.equal)
			}
		})
	}
}

// An interrupted create (Terraform cancels the provider's context, as on
// Ctrl-C) after CarrierX stored the object: the search still runs, on a
// context of its own, and finds the object.
func TestRobust_InterruptedCreateFound(t *testing.T) {
	c, s := robustNewStore(t, "/phonenumber/dids", "/phonenumber/dids", "did_sid", "hang", true)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-s.stored
		cancel()
	}()
	d, err := c.RentDID(ctx, map[string]any{"phonenumber": "15550100142"}, RentDIDOptions{Available: true})
	r, ok := AdoptedAfterLostAnswer(err)
	if !ok || d == nil || d.DIDSID != "new-1" || !errors.Is(r.Cause, context.Canceled) {
		t.Fatalf("d = %+v, err = %T %v", d, err, err)
	}
	if posts, lists := s.counts(); posts != 1 || lists != 1 {
		t.Errorf("POSTs = %d, list GETs = %d; want 1 and 1", posts, lists)
	}
}

// A 404 on one object is believed only once its collection answers
// without it: a wrong base_url (everything 404s) must not read as "the
// object is gone", or Terraform would forget, then create again, all of it.
func TestRobust_NotFoundConfirmed(t *testing.T) {
	const gone = `{"message":"no item error","errors":[{"field":null,"message":"cannot find item by sid","reference_sid":null}]}`
	for _, tc := range []struct {
		name     string
		list     func(w http.ResponseWriter)
		notFound bool
		text     string
	}{
		{"collection without it", func(w http.ResponseWriter) { writeJSON(w, 200, robustPage([]map[string]any{}, false, 0, 0)) }, true, "404"},
		{"collection 404 too", func(w http.ResponseWriter) { writeJSON(w, 404, gone) }, false, "base_url"},
		{"collection lists it", func(w http.ResponseWriter) {
			writeJSON(w, 200, robustPage([]map[string]any{{"endpoint_sid": "e1"}}, false, 0, 1))
		}, false, "yet the list"},
		{"collection fails", func(w http.ResponseWriter) { writeJSON(w, 500, `{"message":"boom"}`) }, false, "nothing was removed"},
		{"collection refuses the filter", func(w http.ResponseWriter) { writeJSON(w, 400, `{"message":"bad filter"}`) }, true, "404"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/core/v2/endpoints" {
					tc.list(w)
					return
				}
				writeJSON(w, 404, gone)
			})
			c, _ := newTestClient(t, srv.URL, nil)
			_, getErr := Objects[Endpoint](c, EndpointKind).Get(context.Background(), "e1")
			delErr := Objects[Endpoint](c, EndpointKind).Delete(context.Background(), "e1")
			for _, err := range []error{getErr, delErr} {
				if IsNotFound(err) != tc.notFound || err == nil || !strings.Contains(err.Error(), tc.text) {
					t.Errorf("err = %v (IsNotFound %v), want IsNotFound %v and %q", err, IsNotFound(err), tc.notFound, tc.text)
				}
			}
		})
	}
}

// A server that ignores offset while its items change between requests (a
// counter, a timestamp) is caught by the offset its pages echo.
func TestRobust_ListIgnoredOffsetWithChangingItems(t *testing.T) {
	var n counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		i := n.inc()
		writeJSON(w, 200, fmt.Sprintf(`{"count":1,"has_more":true,"items":[{"endpoint_sid":"e1","hits":%d}],"limit":1,"offset":0,"pagination":{},"total":null}`, i))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{PageSize: 1})
	var ae *AnswerError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "does not advance") || n.get() != 2 {
		t.Fatalf("err = %v after %d requests", err, n.get())
	}
}
