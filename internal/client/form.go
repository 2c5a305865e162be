package client

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// formContentTypeOAuth is the media type of the OAuth token and revoke calls
// (00-conventions.md: form-urlencoded body, JSON response).
const formContentTypeOAuth = "application/x-www-form-urlencoded"

// DoForm sends one API call whose body is form-urlencoded, with the retry,
// rate-limit, logging and error handling of Do. out, when non-nil, receives
// the decoded JSON response. The values of secret form keys (token,
// password, client_secret, ...) never reach a log entry or an error, even
// when the server echoes them back.
func (c *Client) DoForm(ctx context.Context, method, path string, form url.Values, out any) error {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	payload := []byte(form.Encode())
	secrets := formSecretValuesOAuth(form)
	target := c.base + path

	for attempt := 1; ; attempt++ {
		if err := c.limiter.wait(ctx); err != nil {
			return fmt.Errorf("CarrierX API: %s %s: waiting for rate limiter: %w", method, path, err)
		}
		res := c.attemptForm(ctx, method, path, target, payload, secrets, attempt)
		if res.err == nil {
			return decode(method, path, res.body, out)
		}
		if res.transport && ctx.Err() != nil {
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

// attemptForm is attempt (client.go) for a form body. Text that came from
// the server is scrubbed of the form's secret values before it becomes an
// error or a log entry; the real body is kept for decoding a success.
func (c *Client) attemptForm(ctx context.Context, method, path, target string, payload []byte, secrets []string, attempt int) result {
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()

	req, err := http.NewRequestWithContext(actx, method, target, bytes.NewReader(payload))
	if err != nil {
		return result{err: fmt.Errorf("CarrierX API: %s %s: building request: %w", method, path, err)}
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", formContentTypeOAuth)
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
		// The form travels in the body, so a transport error (which names
		// the URL) holds none of its values.
		res.err = fmt.Errorf("CarrierX API: %s %s: %w", method, path, err)
	case res.status < 200 || res.status > 299:
		clean := scrubOAuth(c.scrub(string(res.body)), secrets)
		e := newError(method, path, resp, []byte(clean), c.now())
		res.retryAfter = e.RetryAfter
		res.err = e
	}
	logged := res
	logged.body = []byte(scrubOAuth(string(res.body), secrets))
	c.logAttempt(ctx, method, path, nil, attempt, elapsed, payload, logged)
	return res
}

// formSecretValuesOAuth returns the non-empty values of secret keys of a
// form, longest first so a secret that contains another is scrubbed whole.
func formSecretValuesOAuth(form url.Values) []string {
	var out []string
	for k, vs := range form {
		if !secretKeys[strings.ToLower(k)] {
			continue
		}
		for _, v := range vs {
			if v != "" {
				out = append(out, v, url.QueryEscape(v))
			}
		}
	}
	// Longest first.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// scrubOAuth replaces every secret value in s with the redaction marker.
func scrubOAuth(s string, secrets []string) string {
	for _, v := range secrets {
		if v != "" && strings.Contains(s, v) {
			s = strings.ReplaceAll(s, v, redacted)
		}
	}
	return s
}
