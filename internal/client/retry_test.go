package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"
)

// failThen answers status for the first fails requests, then 200.
func failThen(n *counter, fails, status int, hdr map[string]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if n.inc() <= fails {
			for k, v := range hdr {
				w.Header().Set(k, v)
			}
			writeJSON(w, status, `{"message":"try later","errors":[]}`)
			return
		}
		writeJSON(w, 200, `{"endpoint_sid":"ok"}`)
	}
}

func TestRetryOnRetryableStatuses(t *testing.T) {
	for _, status := range []int{429, 502, 503, 504} {
		for _, method := range []string{"GET", "PUT", "PATCH", "DELETE"} {
			t.Run(fmt.Sprintf("%s_%d", method, status), func(t *testing.T) {
				var n counter
				srv := newServer(t, failThen(&n, 2, status, nil))
				c, rec := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 3 })
				var out Endpoint
				if err := c.Do(context.Background(), method, "/endpoints/x", nil, map[string]any{"a": 1}, &out); err != nil {
					t.Fatal(err)
				}
				if n.get() != 3 || out.EndpointSID != "ok" {
					t.Errorf("requests = %d, out = %+v", n.get(), out)
				}
				d := rec.level(LevelDebug)
				if len(d) != 3 || d[0].Fields["status"] != status || d[2].Fields["status"] != 200 || d[2].Fields["attempt"] != 3 {
					t.Errorf("debug log = %v", rec)
				}
			})
		}
	}
}

func TestNoRetryOnOtherStatuses(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409, 415, 422, 500} {
		var n counter
		srv := newServer(t, failThen(&n, 5, status, nil))
		c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 3 })
		err := c.Do(context.Background(), "GET", "/x", nil, nil, nil)
		if StatusCode(err) != status || n.get() != 1 {
			t.Errorf("%d: err %v, requests %d", status, err, n.get())
		}
	}
}

func TestPostRetriedOnlyOn429(t *testing.T) {
	for _, status := range []int{429, 502, 503, 504} {
		var n counter
		srv := newServer(t, failThen(&n, 1, status, nil))
		c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 3 })
		_, err := Objects[Endpoint](c, EndpointKind).Create(context.Background(), map[string]any{"type": "third_party"})
		want := 2 // 429: the POST again; 5xx: one POST, then the search for what it may have created
		var lost *LostCreateError
		if status == 429 {
			if err != nil {
				t.Errorf("429: %v", err)
			}
		} else if StatusCode(err) != status || !errors.As(err, &lost) {
			t.Errorf("%d: err = %v", status, err)
		}
		if n.get() != want {
			t.Errorf("POST on %d: requests = %d, want %d", status, n.get(), want)
		}
	}
}

func TestRetriesExhaustedReturnsLastError(t *testing.T) {
	var n counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 503, fmt.Sprintf(`{"message":"attempt %d"}`, n.inc()))
	})
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 2 })
	err := c.Do(context.Background(), "GET", "/x", nil, nil, nil)
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != http.StatusServiceUnavailable || e.Message != "attempt 3" || n.get() != 3 {
		t.Fatalf("err = %v, requests = %d", err, n.get())
	}
	// MaxRetries 0 means a single attempt.
	c0, _ := newTestClient(t, srv.URL, nil)
	_ = c0.Do(context.Background(), "GET", "/x", nil, nil, nil)
	if n.get() != 4 {
		t.Errorf("MaxRetries 0 made %d requests", n.get()-3)
	}
}

func TestBodyResentOnEachAttempt(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	var n counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		failThen(&n, 2, 503, nil)(w, r)
	})
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 2 })
	if _, err := Objects[Endpoint](c, EndpointKind).Update(context.Background(), "ok", map[string]any{"name": "n"}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(bodies) != `[{"name":"n"} {"name":"n"} {"name":"n"}]` {
		t.Errorf("bodies = %q", bodies)
	}
}

// recordSleeps replaces the client's sleep with one that records waits.
func recordSleeps(c *Client) *[]time.Duration {
	var got []time.Duration
	var mu sync.Mutex
	c.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		got = append(got, d)
		mu.Unlock()
		return ctx.Err()
	}
	return &got
}

func TestRetryAfterSeconds(t *testing.T) {
	var n counter
	srv := newServer(t, failThen(&n, 2, 429, map[string]string{"Retry-After": "2"}))
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 2; c.RetryWaitMax = 10 * time.Second })
	sleeps := recordSleeps(c)
	if err := c.Do(context.Background(), "POST", "/x", nil, map[string]any{}, nil); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(*sleeps) != "[2s 2s]" {
		t.Errorf("sleeps = %v", *sleeps)
	}

	// Above the cap: waits RetryWaitMax.
	var n2 counter
	srv2 := newServer(t, failThen(&n2, 1, 503, map[string]string{"Retry-After": "120"}))
	c2, _ := newTestClient(t, srv2.URL, func(c *Config) { c.MaxRetries = 1; c.RetryWaitMax = 3 * time.Second })
	sleeps2 := recordSleeps(c2)
	_ = c2.Do(context.Background(), "GET", "/x", nil, nil, nil)
	if fmt.Sprint(*sleeps2) != "[3s]" {
		t.Errorf("capped sleeps = %v", *sleeps2)
	}

	// The last *Error carries RetryAfter.
	var n3 counter
	srv3 := newServer(t, failThen(&n3, 1, 503, map[string]string{"Retry-After": "120"}))
	c3, _ := newTestClient(t, srv3.URL, nil)
	var e *Error
	if err := c3.Do(context.Background(), "GET", "/x", nil, nil, nil); !errors.As(err, &e) || e.RetryAfter != 120*time.Second {
		t.Errorf("RetryAfter on error: %v", err)
	}
}

func TestRetryAfterHTTPDate(t *testing.T) {
	now := time.Date(2025, 2, 1, 12, 0, 0, 0, time.UTC)
	var n counter
	srv := newServer(t, failThen(&n, 1, 503, map[string]string{"Retry-After": now.Add(7 * time.Second).Format(http.TimeFormat)}))
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 1; c.RetryWaitMax = 10 * time.Second })
	c.now = func() time.Time { return now }
	sleeps := recordSleeps(c)
	if err := c.Do(context.Background(), "GET", "/x", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(*sleeps) != "[7s]" {
		t.Errorf("sleeps = %v", *sleeps)
	}
}

func TestBackoffBounds(t *testing.T) {
	c, _ := newTestClient(t, "http://127.0.0.1:1", func(c *Config) {
		c.RetryWaitMin = 100 * time.Millisecond
		c.RetryWaitMax = 2 * time.Second
	})
	for attempt := 1; attempt <= 40; attempt++ {
		ceil := min(2*time.Second, 100*time.Millisecond<<min(attempt, 30))
		for range 50 {
			d := c.backoff(attempt, 0)
			if d < 100*time.Millisecond || d > ceil {
				t.Fatalf("attempt %d: backoff %v outside [100ms, %v]", attempt, d, ceil)
			}
		}
	}
	// Jitter: values differ.
	seen := map[time.Duration]bool{}
	for range 20 {
		seen[c.backoff(5, 0)] = true
	}
	if len(seen) < 2 {
		t.Error("no jitter")
	}
	if d := c.backoff(1, 500*time.Millisecond); d != 500*time.Millisecond {
		t.Errorf("retry-after within cap = %v", d)
	}
}

func TestContextCancelledDuringBackoff(t *testing.T) {
	var n counter
	srv := newServer(t, failThen(&n, 5, 503, nil))
	c, _ := newTestClient(t, srv.URL, func(c *Config) {
		c.MaxRetries = 5
		c.RetryWaitMin = 10 * time.Second
		c.RetryWaitMax = 20 * time.Second
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	err := c.Do(ctx, "GET", "/x", nil, nil, nil)
	if !errors.Is(err, context.Canceled) || time.Since(start) > 2*time.Second || n.get() != 1 {
		t.Fatalf("err = %v after %v, requests %d", err, time.Since(start), n.get())
	}
	if StatusCode(err) != 0 {
		t.Errorf("cancelled error should not look like an API error: %d", StatusCode(err))
	}
}

func TestContextAlreadyCancelled(t *testing.T) {
	var n counter
	srv := newServer(t, failThen(&n, 0, 200, nil))
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 3 })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Do(ctx, "GET", "/x", nil, nil, nil); !errors.Is(err, context.Canceled) || n.get() != 0 {
		t.Fatalf("err = %v, requests %d", err, n.get())
	}
}

// hijackThen closes the connection without an answer for the first fails
// requests, then answers 200.
func hijackThen(n *counter, fails int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if n.inc() <= fails {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
			return
		}
		writeJSON(w, 200, `{"endpoint_sid":"ok"}`)
	}
}

func TestConnectionErrorRetried(t *testing.T) {
	for _, method := range []string{"GET", "PUT", "PATCH", "DELETE"} {
		var n counter
		srv := newServer(t, hijackThen(&n, 2))
		c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 2 })
		if err := c.Do(context.Background(), method, "/x", nil, map[string]any{"a": 1}, nil); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if n.get() != 3 {
			t.Errorf("%s: requests = %d", method, n.get())
		}
	}
}

func TestTruncatedBodyRetried(t *testing.T) {
	var n counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.inc() == 1 {
			w.Header().Set("Content-Length", "100")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(`{"endpoint_sid":`)) // then the connection ends early
			return
		}
		writeJSON(w, http.StatusOK, `{"endpoint_sid":"ok"}`)
	})
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 1 })
	e, err := Objects[Endpoint](c, EndpointKind).Get(context.Background(), "ok")
	if err != nil || e.EndpointSID != "ok" || n.get() != 2 {
		t.Fatalf("e = %+v, err = %v, requests = %d", e, err, n.get())
	}
}

func TestConnectionErrorNotRetriedForPost(t *testing.T) {
	var n counter
	srv := newServer(t, hijackThen(&n, 1))
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 3 })
	_, err := Objects[Endpoint](c, EndpointKind).Create(context.Background(), map[string]any{"type": "third_party"})
	// One POST, then the search for what it may have created.
	var lost *LostCreateError
	if !errors.As(err, &lost) || StatusCode(err) != 0 || n.get() != 2 {
		t.Fatalf("err = %v, requests = %d", err, n.get())
	}
}

func TestConnectionRefusedRetriedThenReturned(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close() // nothing listens any more: dial is refused
	c, rec := newTestClient(t, "http://"+addr, func(c *Config) { c.MaxRetries = 2 })
	err = c.Do(context.Background(), "GET", "/endpoints", nil, nil, nil)
	var oe *net.OpError
	if !errors.As(err, &oe) || StatusCode(err) != 0 {
		t.Fatalf("err = %T %v", err, err)
	}
	d := rec.level(LevelDebug)
	if len(d) != 3 || d[2].Fields["attempt"] != 3 || d[0].Fields["status"] != 0 || d[0].Fields["error"] == nil {
		t.Errorf("debug log = %v", rec)
	}
}

func TestAttemptTimeoutRetried(t *testing.T) {
	var n counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.inc() == 1 {
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
			return
		}
		writeJSON(w, 200, `{}`)
	})
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 1; c.Timeout = 100 * time.Millisecond })
	if err := c.Do(context.Background(), "GET", "/x", nil, nil, nil); err != nil || n.get() != 2 {
		t.Fatalf("err = %v, requests = %d", err, n.get())
	}
	// Without retries the timeout is returned as such.
	n = counter{}
	c0, _ := newTestClient(t, srv.URL, func(c *Config) { c.Timeout = 100 * time.Millisecond })
	if err := c0.Do(context.Background(), "GET", "/x", nil, nil, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
}

func TestRateLimiterSpacing(t *testing.T) {
	var mu sync.Mutex
	var arrivals []time.Time
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		writeJSON(w, 200, `{}`)
	})
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.RequestsPerSecond = 20 }) // 50ms apart
	var wg sync.WaitGroup
	start := time.Now()
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Do(context.Background(), "GET", "/x", nil, nil, nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if el := time.Since(start); el < 240*time.Millisecond {
		t.Errorf("6 requests at 20/s took %v, want >= 250ms", el)
	}
	mu.Lock()
	defer mu.Unlock()
	for i := 1; i < len(arrivals); i++ {
		// arrivals are appended in order; allow scheduling jitter
		if gap := arrivals[i].Sub(arrivals[i-1]); gap < 35*time.Millisecond {
			t.Errorf("gap %d = %v", i, gap)
		}
	}
}

func TestRateLimiterRespectsContext(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	c, _ := newTestClient(t, srv.URL, func(c *Config) { c.RequestsPerSecond = 0.5 }) // 2s apart
	if err := c.Do(context.Background(), "GET", "/x", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := c.Do(ctx, "GET", "/x", nil, nil, nil)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
}
