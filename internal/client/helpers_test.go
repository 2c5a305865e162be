package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const testToken = "tok-9f1c2d3e-SECRET-7a6b"

type logEntry struct {
	Level  Level
	Msg    string
	Fields map[string]any
}

type logRec struct {
	mu      sync.Mutex
	entries []logEntry
}

func (r *logRec) fn(_ context.Context, l Level, msg string, f map[string]any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.entries = append(r.entries, logEntry{l, msg, f})
}

func (r *logRec) level(l Level) []logEntry {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []logEntry
	for _, e := range r.entries {
		if e.Level == l {
			out = append(out, e)
		}
	}
	return out
}

func (r *logRec) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	for _, e := range r.entries {
		fmt.Fprintf(&b, "%v %s %v\n", e.Level, e.Msg, e.Fields)
	}
	return b.String()
}

// newTestClient returns a client for srvURL with fast retry waits and a
// log recorder; mod may adjust the config.
func newTestClient(t *testing.T, srvURL string, mod func(*Config)) (*Client, *logRec) {
	t.Helper()
	rec := &logRec{}
	cfg := Config{
		BaseURL:      srvURL + "/core/v2",
		Token:        testToken,
		UserAgent:    "terraform-provider-carrierx/test (+https://example.org)",
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 5 * time.Millisecond,
		Timeout:      5 * time.Second,
		Log:          rec.fn,
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, rec
}

func newServer(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

// counter counts requests a handler has seen, safely.
type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) inc() int { c.mu.Lock(); defer c.mu.Unlock(); c.n++; return c.n }
func (c *counter) get() int { c.mu.Lock(); defer c.mu.Unlock(); return c.n }

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// compactJSON is raw without insignificant white space.
func compactJSON(raw json.RawMessage) string {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw)
	}
	return b.String()
}
