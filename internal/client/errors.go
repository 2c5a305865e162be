package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

const maxSnippet = 512

// Error is a non-2xx answer of the API.
type Error struct {
	StatusCode int
	Method     string
	Path       string // as requested, without base URL and query
	Message    string // top-level "message", or a body snippet, or the status text
	Errors     []ErrorDetail
	RetryAfter time.Duration // from the Retry-After header; 0 when absent
	App        string        // the endpoint API that answered ("Mediator API"); "" for the Core API
}

// ErrorDetail is one item of the "errors" array. JSON nulls become "".
type ErrorDetail struct {
	Field        string `json:"field"`
	Message      string `json:"message"`
	ReferenceSID string `json:"reference_sid"`
}

func (e *Error) Error() string {
	var b strings.Builder
	api := "API"
	if e.App != "" {
		api = e.App
	}
	fmt.Fprintf(&b, "CarrierX %s: %s %s: %d", api, e.Method, e.Path, e.StatusCode)
	if e.Message != "" {
		b.WriteString(" " + e.Message)
	}
	sep := ": "
	for _, d := range e.Errors {
		b.WriteString(sep + d.String())
		sep = "; "
	}
	switch {
	case e.App != "" && e.StatusCode == http.StatusUnauthorized:
		b.WriteString(" (the endpoint's login and password, read from the endpoint in this run, were refused " +
			"twice; check the endpoint in the CarrierX portal)")
	case e.App != "":
	case e.StatusCode == http.StatusUnauthorized:
		b.WriteString(" (the API token was rejected: it is wrong, expired or revoked; " +
			"create a new Core API token in the CarrierX portal under Security Tokens or with POST /oauth/token, " +
			"and configure that token)")
	case e.StatusCode == http.StatusForbidden:
		b.WriteString(" (the API token is valid but lacks a scope this request needs)")
	}
	return b.String()
}

func (d ErrorDetail) String() string {
	s := d.Message
	if d.Field != "" {
		s = d.Field + ": " + s
	}
	if d.ReferenceSID != "" {
		s += " (reference_sid " + d.ReferenceSID + ")"
	}
	return s
}

// IsNotFound reports whether err is an API 404.
func IsNotFound(err error) bool { return StatusCode(err) == http.StatusNotFound }

// StatusCode returns the HTTP status of an API error, or 0 for other errors.
func StatusCode(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.StatusCode
	}
	return 0
}

func newError(method, path string, resp *http.Response, body []byte, now time.Time) *Error {
	e := &Error{StatusCode: resp.StatusCode, Method: method, Path: path}
	e.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), now)
	var env struct {
		Message string          `json:"message"`
		Errors  json.RawMessage `json:"errors"`
	}
	if json.Unmarshal(body, &env) == nil {
		e.Message = env.Message
		e.Errors = parseDetails(env.Errors)
	}
	if e.Message == "" && len(e.Errors) == 0 {
		e.Message = snippet(body)
	}
	if e.Message == "" {
		e.Message = strings.ToLower(http.StatusText(resp.StatusCode))
	}
	return e
}

// parseDetails accepts the documented array of objects and, tolerantly,
// an array of strings or an object of field -> message.
func parseDetails(raw json.RawMessage) []ErrorDetail {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) == nil {
		var out []ErrorDetail
		for _, it := range items {
			var d ErrorDetail
			var s string
			switch {
			case json.Unmarshal(it, &d) == nil:
			case json.Unmarshal(it, &s) == nil:
				d.Message = s
			default:
				d.Message = string(it)
			}
			if d != (ErrorDetail{}) {
				out = append(out, d)
			}
		}
		return out
	}
	var byField map[string]json.RawMessage
	if json.Unmarshal(raw, &byField) == nil {
		var out []ErrorDetail
		for f, v := range byField {
			var s string
			if json.Unmarshal(v, &s) != nil {
				s = string(v)
			}
			out = append(out, ErrorDetail{Field: f, Message: s})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
		return out
	}
	return nil
}

// snippet makes a short, single-line, redacted excerpt of a non-JSON body.
func snippet(body []byte) string {
	b := bytes.TrimSpace(Redact(body))
	if len(b) > maxSnippet {
		b = b[:maxSnippet]
		for len(b) > 0 && !utf8.Valid(b) {
			b = b[:len(b)-1]
		}
	}
	return strings.Join(strings.Fields(strings.ToValidUTF8(string(b), "")), " ")
}

// parseRetryAfter reads delta-seconds or an HTTP date; 0 when absent,
// malformed or in the past.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		if n > int64(24*time.Hour/time.Second) {
			n = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// scrub applies f to every text of e that came from the server.
func (e *Error) scrub(f func(string) string) {
	e.Message = f(e.Message)
	for i := range e.Errors {
		e.Errors[i].Field = f(e.Errors[i].Field)
		e.Errors[i].Message = f(e.Errors[i].Message)
		e.Errors[i].ReferenceSID = f(e.Errors[i].ReferenceSID)
	}
}

// TransportError is a request that got no complete answer: the connection
// failed, was reset or timed out, or the body broke off. Sent is false
// only when the request surely never reached the server (it could not
// connect), so a create that failed this way created nothing.
type TransportError struct {
	Method, Path string
	Sent         bool
	Status       int // the status, when the body broke off after it
	Err          error
}

func (e *TransportError) Error() string {
	return fmt.Sprintf("CarrierX API: %s %s: %v", e.Method, e.Path, e.Err)
}

func (e *TransportError) Unwrap() error { return e.Err }

// AnswerError is a 2xx answer that cannot be the object asked for: empty,
// null, not JSON, too large, or another object's. The request may have
// taken effect; nothing of the answer is used.
type AnswerError struct {
	Method, Path string
	Status       int
	Problem      string
}

func (e *AnswerError) Error() string {
	return fmt.Sprintf("CarrierX API: %s %s: HTTP %d, but %s. Nothing of this answer was used; "+
		"if it persists, a proxy between you and CarrierX may be altering answers", e.Method, e.Path, e.Status, e.Problem)
}

// Ambiguous reports whether a failed request may still have taken effect
// at CarrierX: the answer was lost (after the request was sent), unusable,
// a redirect, or a server error. A 4xx (429 included) or a request that
// never left is not ambiguous.
func Ambiguous(err error) bool {
	var te *TransportError
	if errors.As(err, &te) {
		return te.Sent
	}
	var ae *AnswerError
	if errors.As(err, &ae) {
		return true
	}
	var e *Error
	if errors.As(err, &e) {
		return e.StatusCode >= 500 || (e.StatusCode >= 300 && e.StatusCode <= 399)
	}
	return false
}
