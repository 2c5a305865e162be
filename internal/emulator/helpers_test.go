package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type env struct {
	t    *testing.T
	ts   *httptest.Server
	srv  *Server
	base string
	ctl  string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	s := New(Options{})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return &env{t: t, ts: ts, srv: s, base: ts.URL + "/core/v2", ctl: ts.URL + "/_emulator"}
}

type resp struct {
	status int
	header http.Header
	raw    []byte
	body   any
}

func (r resp) obj() map[string]any {
	m, _ := r.body.(map[string]any)
	return m
}

// do sends a request; body may be nil, a string (sent raw) or a value
// (JSON-encoded). token "" sends no Authorization header.
func (e *env) do(method, url, token string, body any, headers ...string) resp {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i+1] == "" {
			req.Header.Del(headers[i])
		} else {
			req.Header.Set(headers[i], headers[i+1])
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer func() { _ = res.Body.Close() }()
	raw, _ := io.ReadAll(res.Body)
	out := resp{status: res.StatusCode, header: res.Header, raw: raw}
	if len(bytes.TrimSpace(raw)) > 0 {
		v, err := decodeJSON(raw)
		if err != nil {
			e.t.Fatalf("%s %s: response is not JSON: %q", method, url, raw)
		}
		out.body = v
	}
	return out
}

// core calls the Core API with the master token.
func (e *env) core(method, path string, body any) resp {
	e.t.Helper()
	return e.do(method, e.base+path, e.srv.Token(), body)
}

// control calls the control API; POST/PATCH/PUT always carry
// Content-Type: application/json (the control API refuses anything else).
func (e *env) control(method, path string, body any) resp {
	e.t.Helper()
	return e.do(method, e.ctl+path, "", body, "Content-Type", "application/json")
}

func expectStatus(t *testing.T, r resp, want int) {
	t.Helper()
	if r.status != want {
		t.Fatalf("status %d, want %d; body %s", r.status, want, r.raw)
	}
}

// expectError checks the error envelope, its message, and errors[0].field.
func expectError(t *testing.T, r resp, status int, message string, field any) {
	t.Helper()
	expectStatus(t, r, status)
	m := r.obj()
	if m == nil {
		t.Fatalf("error body is not an object: %s", r.raw)
	}
	if message != "" && m["message"] != message {
		t.Fatalf("message %q, want %q (body %s)", m["message"], message, r.raw)
	}
	errs, ok := m["errors"].([]any)
	if !ok || len(errs) == 0 {
		t.Fatalf("errors missing: %s", r.raw)
	}
	for _, x := range errs {
		em := x.(map[string]any)
		for _, k := range []string{"field", "message", "reference_sid"} {
			if _, ok := em[k]; !ok {
				t.Fatalf("errors entry lacks %q: %s", k, r.raw)
			}
		}
	}
	if field == nil {
		return
	}
	for _, x := range errs {
		if x.(map[string]any)["field"] == field {
			return
		}
	}
	t.Fatalf("no error names field %v: %s", field, r.raw)
}

func (e *env) token(scopes ...string) string {
	e.t.Helper()
	r := e.control("POST", "/tokens", map[string]any{"scopes": scopes, "name": "t"})
	expectStatus(e.t, r, 200)
	return r.obj()["access_token"].(string)
}

func (e *env) createEndpoint(body map[string]any) map[string]any {
	e.t.Helper()
	r := e.core("POST", "/endpoints", body)
	expectStatus(e.t, r, 200)
	return r.obj()
}

func num(v any) float64 {
	f, _ := toNumber(v)
	return f
}

func mustJSON(t *testing.T, s string) any {
	t.Helper()
	v, err := decodeJSON([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func mustMarshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
