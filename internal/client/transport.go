package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// request is one API call as the transport sends it: every body kind (JSON,
// form, multipart) and every answer kind (buffered, streamed) goes through
// send, so retries, rate limiting, redirects, size limits, secret scrubbing
// and logging live in one place.
type request struct {
	method, path string
	query        url.Values
	contentType  string
	payload      []byte                        // JSON or form body; nil = none
	open         func() (io.ReadCloser, error) // streamed body (uploads), opened anew per attempt
	size         int64                         // length of open's body
	logBody      []byte                        // the body as the trace log shows it; default payload
	secrets      []string                      // values scrubbed from every error and log line
	idempotent   bool                          // a POST that may be repeated safely (revoke)
	sink         func(io.Reader) error         // receives a 2xx body instead of buffering it
	sizes        map[string]any                // extra trace fields (transfer sizes)
}

// send runs req with the retry policy and decodes the 2xx answer into out
// (see decode).
func (c *Client) send(ctx context.Context, req *request, out any) error {
	if !strings.HasPrefix(req.path, "/") {
		req.path = "/" + req.path
	}
	if err := checkPath(req.method, req.path); err != nil {
		return err
	}
	if req.logBody == nil {
		req.logBody = req.payload
	}
	target := c.base + req.path
	if len(req.query) > 0 {
		target += "?" + req.query.Encode()
	}
	for attempt := 1; ; attempt++ {
		if err := c.waitTurn(ctx); err != nil {
			return fmt.Errorf("CarrierX API: %s %s: waiting for rate limiter: %w", req.method, req.path, err)
		}
		res := c.attempt(ctx, req, target, attempt)
		if res.err == nil {
			return decode(req.method, req.path, res.status, res.body, out)
		}
		if res.transport && ctx.Err() != nil {
			// The caller gave up; the transport error only echoes that.
			return &TransportError{Method: req.method, Path: req.path, Sent: res.sent, Err: ctx.Err()}
		}
		if attempt > c.cfg.MaxRetries || !retryable(req, res) {
			return res.err
		}
		if err := c.sleep(ctx, c.backoff(attempt, res.retryAfter)); err != nil {
			return fmt.Errorf("CarrierX API: %s %s: cancelled while waiting to retry (last error: %s): %w",
				req.method, req.path, res.err.Error(), err)
		}
	}
}

// checkPath refuses a path with an empty segment, such as "/endpoints/"
// built from an empty SID: sent, it would address the collection or
// another route instead of the object meant.
func checkPath(method, path string) error {
	p := strings.TrimPrefix(path, "/")
	if p == "" || strings.HasSuffix(p, "/") || strings.Contains(p, "//") {
		return fmt.Errorf("CarrierX API: %s %s: refusing to send a request whose path has an empty segment "+
			"(an empty SID); nothing was sent", method, path)
	}
	return nil
}

// result is the outcome of one attempt; err is an *Error for HTTP errors,
// an *AnswerError for an unusable 2xx answer and a *TransportError when no
// complete answer arrived (status is then 0 unless the body broke off).
type result struct {
	status     int
	body       []byte
	err        error
	transport  bool
	connErr    bool
	sent       bool // the request may have reached the server
	retryAfter time.Duration
}

func (c *Client) attempt(ctx context.Context, req *request, target string, attempt int) (res result) {
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()

	var body io.ReadCloser
	size := int64(len(req.payload))
	switch {
	case req.open != nil:
		var err error
		if body, err = req.open(); err != nil {
			return result{err: fmt.Errorf("CarrierX API: %s %s: reading the data to upload: %w", req.method, req.path, err)}
		}
		size = req.size
	case req.payload != nil:
		body = io.NopCloser(bytes.NewReader(req.payload))
	}
	hr, err := http.NewRequestWithContext(actx, req.method, target, body)
	if err != nil {
		if body != nil {
			_ = body.Close()
		}
		return result{err: fmt.Errorf("CarrierX API: %s %s: building request: %w", req.method, req.path, err)}
	}
	hr.ContentLength = size
	hr.Header.Set("Authorization", c.auth)
	if req.sink != nil {
		hr.Header.Set("Accept", "*/*")
	} else {
		hr.Header.Set("Accept", "application/json")
	}
	if req.contentType != "" {
		hr.Header.Set("Content-Type", req.contentType)
	}
	if c.cfg.UserAgent != "" {
		hr.Header.Set("User-Agent", c.cfg.UserAgent)
	}

	start := time.Now()
	resp, err := c.hc.Do(hr)
	var streamed int64
	if err == nil {
		res.status = resp.StatusCode
		if req.sink != nil && res.status >= 200 && res.status <= 299 {
			cr := &countingReader{r: resp.Body}
			err = req.sink(cr)
			streamed = cr.n
		} else {
			res.body, err = io.ReadAll(io.LimitReader(resp.Body, int64(maxResponseBytes)+1))
		}
		_ = resp.Body.Close()
		if c.envelope {
			res.body = unwrap(res.body)
		}
	}
	elapsed := time.Since(start)

	switch {
	case err != nil:
		res.transport = true
		res.connErr = isConnError(err)
		res.sent = !isDialError(err)
		// The body travels apart from the URL, so the error holds none of its secrets.
		res.err = &TransportError{Method: req.method, Path: req.path, Sent: res.sent, Status: res.status, Err: err}
	case len(res.body) > maxResponseBytes:
		res.sent = true
		res.body = res.body[:maxResponseBytes]
		res.err = &AnswerError{Method: req.method, Path: req.path, Status: res.status,
			Problem: fmt.Sprintf("the answer is larger than the client accepts (%d MiB); narrow the request "+
				"(a filter, include_fields) or report it to CarrierX support", maxResponseBytes>>20)}
	case res.status >= 300 && res.status <= 399:
		res.sent = true
		res.err = c.redirectError(req, resp)
	case res.status < 200 || res.status > 299:
		res.sent = true
		e := newError(req.method, req.path, resp, []byte(c.scrubAll(string(res.body), req.secrets)), c.now())
		e.scrub(func(s string) string { return c.scrubAll(s, req.secrets) })
		e.App = c.appTitle
		res.retryAfter = e.RetryAfter
		res.err = e
	}
	// A streamed answer (file content) has no res.body, so it is never logged.
	c.logAttempt(ctx, req, attempt, elapsed, res, streamed)
	return res
}

// redirectError describes a 3xx answer. The API never redirects, and
// following one could carry the token and the body to another scheme or
// host, so the client follows none (New sets CheckRedirect).
func (c *Client) redirectError(req *request, resp *http.Response) *Error {
	loc := "no Location"
	if l := resp.Header.Get("Location"); l != "" {
		if u, err := url.Parse(l); err == nil {
			u.User, u.RawQuery, u.Fragment = nil, "", ""
			loc = u.String()
		} else {
			loc = "an unreadable Location"
		}
	}
	return &Error{StatusCode: resp.StatusCode, Method: req.method, Path: req.path,
		Message: fmt.Sprintf("the API answered with a redirect (to %s), which the provider never follows: the CarrierX API "+
			"does not redirect, so base_url is probably wrong or a proxy is in the way; base_url should look like %s",
			c.scrubAll(loc, req.secrets), exampleBaseURL)}
}

const exampleBaseURL = "https://api.carrierx.com/core/v2"

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// decode reads a 2xx answer into out. Where an object is expected, an
// empty, null or non-JSON answer is an error, never an empty object.
func decode(method, path string, status int, body []byte, out any) error {
	if out == nil {
		return nil
	}
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		return &AnswerError{Method: method, Path: path, Status: status, Problem: "the answer has no body where a JSON object was expected"}
	case bytes.Equal(trimmed, []byte("null")):
		return &AnswerError{Method: method, Path: path, Status: status, Problem: "the answer is null where a JSON object was expected"}
	case trimmed[0] != '{':
		return &AnswerError{Method: method, Path: path, Status: status, Problem: "the answer is not a JSON object"}
	}
	if err := json.Unmarshal(trimmed, out); err != nil {
		return &AnswerError{Method: method, Path: path, Status: status, Problem: "the answer is not the JSON expected: " + err.Error()}
	}
	return nil
}

// secretValues returns the values of secret keys at any depth of a JSON
// body, in every spelling an echo could use.
func secretValues(payload []byte) []string {
	if len(payload) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil
	}
	var out []string
	var walk func(any, bool)
	walk = func(v any, secret bool) {
		switch t := v.(type) {
		case map[string]any:
			for k, x := range t {
				walk(x, secretKeys[strings.ToLower(k)])
			}
		case []any:
			for _, x := range t {
				walk(x, secret)
			}
		case string:
			if secret {
				out = append(out, spellings(t)...)
			}
		case json.Number:
			if secret {
				out = append(out, t.String())
			}
		}
	}
	walk(v, false)
	return out
}

// spellings are the forms a secret takes when echoed: as is, URL-encoded,
// and inside JSON once or twice (an error message that quotes a JSON body,
// itself sent as JSON), with and without HTML escaping.
func spellings(s string) []string {
	if s == "" {
		return nil
	}
	out := []string{s, url.QueryEscape(s), url.PathEscape(s)}
	once := jsonEscapes(s)
	out = append(out, once...)
	for _, e := range once {
		out = append(out, jsonEscapes(e)...)
	}
	return out
}

// jsonEscapes returns s as it stands inside a JSON string, with and without
// HTML escaping.
func jsonEscapes(s string) []string {
	var out []string
	for _, html := range []bool{true, false} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(html)
		if enc.Encode(s) == nil {
			b := bytes.TrimSpace(buf.Bytes())
			out = append(out, string(b[1:len(b)-1]))
		}
	}
	return out
}

// scrubAll removes the token and every secret of the request from text
// that came from the server or names the request.
func (c *Client) scrubAll(s string, secrets []string) string {
	s = c.scrub(s)
	if len(secrets) == 0 {
		return s
	}
	sorted := slices.Clone(secrets)
	// Longest first, so a secret that contains another is scrubbed whole.
	slices.SortStableFunc(sorted, func(a, b string) int { return len(b) - len(a) })
	for _, v := range sorted {
		if v != "" && v != redacted && strings.Contains(s, v) {
			s = strings.ReplaceAll(s, v, redacted)
		}
	}
	return s
}

// scrub removes the token from text that came from the server, in case a
// proxy or the API echoes request headers back.
func (c *Client) scrub(s string) string {
	if c.cfg.Token == "" || !strings.Contains(s, c.cfg.Token) {
		return s
	}
	return strings.ReplaceAll(s, c.cfg.Token, redacted)
}
