// Package client is the CarrierX Core API v2 HTTP client. It knows HTTP and
// CarrierX and nothing of Terraform: standard library only.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults applied by New for zero Config values.
const (
	DefaultTimeout      = 60 * time.Second
	DefaultRetryWaitMin = 1 * time.Second
	DefaultRetryWaitMax = 30 * time.Second
	DefaultPageSize     = 1000
	maxPageSize         = 1000     // API maximum for limit
	maxResponseBytes    = 64 << 20 // guards memory against a runaway body
)

// Config configures a Client. Only BaseURL and Token are required.
type Config struct {
	BaseURL           string        // e.g. https://api.carrierx.com/core/v2
	Token             string        // bearer token; never logged or put in errors
	Timeout           time.Duration // per attempt; 0 = 60s
	MaxRetries        int           // retries after the first attempt; 0 = none
	RequestsPerSecond float64       // client-side limit across all requests; 0 = unlimited
	UserAgent         string        // full header value
	RetryWaitMin      time.Duration // backoff base; 0 = 1s
	RetryWaitMax      time.Duration // backoff cap; 0 = 30s
	HTTPClient        *http.Client  // optional
	Log               LogFunc       // optional hook
}

// Client talks to one CarrierX Core API base URL with one token. It is safe
// for concurrent use.
type Client struct {
	base       string // no trailing slash
	token      string
	userAgent  string
	hc         *http.Client
	timeout    time.Duration
	maxRetries int
	waitMin    time.Duration
	waitMax    time.Duration
	limiter    *limiter
	log        LogFunc

	// Replaceable in tests so waits can be recorded instead of slept.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

// New validates cfg and returns a Client.
func New(cfg Config) (*Client, error) {
	base := strings.TrimSpace(cfg.BaseURL)
	if base == "" {
		return nil, errors.New("carrierx client: BaseURL (base_url) must be set")
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("carrierx client: BaseURL (base_url) %q must be an absolute http:// or https:// URL", base)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("carrierx client: BaseURL (base_url) must not contain credentials, a query or a fragment")
	}
	if strings.TrimSpace(cfg.Token) == "" {
		return nil, errors.New("carrierx client: Token (token) must be set to a CarrierX Core API access token")
	}
	if cfg.Timeout < 0 {
		return nil, errors.New("carrierx client: Timeout must not be negative")
	}
	if cfg.MaxRetries < 0 {
		return nil, errors.New("carrierx client: MaxRetries must not be negative")
	}
	if cfg.RequestsPerSecond < 0 {
		return nil, errors.New("carrierx client: RequestsPerSecond must not be negative")
	}
	if cfg.RetryWaitMin < 0 || cfg.RetryWaitMax < 0 {
		return nil, errors.New("carrierx client: RetryWaitMin and RetryWaitMax must not be negative")
	}
	c := &Client{
		base:       strings.TrimRight(u.String(), "/"),
		token:      cfg.Token,
		userAgent:  cfg.UserAgent,
		hc:         cfg.HTTPClient,
		timeout:    cfg.Timeout,
		maxRetries: cfg.MaxRetries,
		waitMin:    cfg.RetryWaitMin,
		waitMax:    cfg.RetryWaitMax,
		limiter:    newLimiter(cfg.RequestsPerSecond),
		log:        cfg.Log,
		now:        time.Now,
		sleep:      sleepCtx,
	}
	if c.hc == nil {
		c.hc = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	}
	if c.timeout == 0 {
		c.timeout = DefaultTimeout
	}
	if c.waitMin == 0 {
		c.waitMin = DefaultRetryWaitMin
	}
	if c.waitMax == 0 {
		c.waitMax = DefaultRetryWaitMax
	}
	if c.waitMax < c.waitMin {
		c.waitMax = c.waitMin
	}
	return c, nil
}

// BaseURL returns the normalised base URL (no trailing slash).
func (c *Client) BaseURL() string { return c.base }

// Do sends one API call, retrying as configured. path is relative to the
// base URL (e.g. "/endpoints/<sid>", already escaped); body, when non-nil,
// is sent as JSON; out, when non-nil, receives the decoded JSON response.
// Non-2xx answers are returned as *Error.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	var payload []byte
	if body != nil {
		var err error
		// Marshalled once; each attempt gets a fresh reader over it.
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("CarrierX API: %s %s: encoding request body: %w", method, path, err)
		}
	}
	target := c.base + path
	if len(query) > 0 {
		target += "?" + query.Encode()
	}

	for attempt := 1; ; attempt++ {
		if err := c.limiter.wait(ctx); err != nil {
			return fmt.Errorf("CarrierX API: %s %s: waiting for rate limiter: %w", method, path, err)
		}
		res := c.attempt(ctx, method, path, target, query, payload, body != nil, attempt)
		if res.err == nil {
			return decode(method, path, res.body, out)
		}
		if res.transport && ctx.Err() != nil {
			// The caller gave up; the transport error only echoes that.
			return fmt.Errorf("CarrierX API: %s %s: %w", method, path, ctx.Err())
		}
		if attempt > c.maxRetries || !retryable(method, res) {
			return res.err
		}
		wait := c.backoff(attempt, res.retryAfter)
		if err := c.sleep(ctx, wait); err != nil {
			return fmt.Errorf("CarrierX API: %s %s: cancelled while waiting to retry (last error: %s): %w", method, path, res.err.Error(), err)
		}
	}
}

// result is the outcome of one attempt; err is an *Error for HTTP errors
// and a wrapped transport error otherwise (transport is then true; status
// is 0 unless the body broke off after the headers).
type result struct {
	status     int
	body       []byte
	err        error
	transport  bool
	connErr    bool
	retryAfter time.Duration
}

func (c *Client) attempt(ctx context.Context, method, path, target string, query url.Values, payload []byte, hasBody bool, attempt int) result {
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()

	var rd io.Reader
	if hasBody {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(actx, method, target, rd)
	if err != nil {
		return result{err: fmt.Errorf("CarrierX API: %s %s: building request: %w", method, path, err)}
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	if hasBody {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}

	start := time.Now()
	var res result
	resp, err := c.hc.Do(req)
	if err == nil {
		res.status = resp.StatusCode
		res.body, err = io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
		_ = resp.Body.Close()
	}
	elapsed := time.Since(start)

	switch {
	case err != nil:
		res.transport = true
		res.connErr = isConnError(err)
		res.err = fmt.Errorf("CarrierX API: %s %s: %w", method, path, err)
	case res.status < 200 || res.status > 299:
		e := newError(method, path, resp, []byte(c.scrub(string(res.body))), c.now())
		res.retryAfter = e.RetryAfter
		res.err = e
	}
	c.logAttempt(ctx, method, path, query, attempt, elapsed, payload, res)
	return res
}

// scrub removes the token from text that came from the server, in case a
// proxy or the API echoes request headers back.
func (c *Client) scrub(s string) string {
	if c.token == "" || !strings.Contains(s, c.token) {
		return s
	}
	return strings.ReplaceAll(s, c.token, redacted)
}

func decode(method, path string, body []byte, out any) error {
	if out == nil || len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("CarrierX API: %s %s: decoding response: %w", method, path, err)
	}
	return nil
}
