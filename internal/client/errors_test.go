package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func doStatus(t *testing.T, status int, body string, method, path string) error {
	t.Helper()
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	return c.Do(context.Background(), method, path, nil, nil, nil)
}

func TestErrorValidation422(t *testing.T) {
	err := doStatus(t, 422, `{"message":"object validation error","errors":[{"field":"type","message":"value is not allowed","reference_sid":null}]}`,
		http.MethodPatch, "/endpoints/e1")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("not *Error: %T %v", err, err)
	}
	want := "CarrierX API: PATCH /endpoints/e1: 422 object validation error: type: value is not allowed"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	if e.StatusCode != http.StatusUnprocessableEntity || e.Method != http.MethodPatch || e.Path != "/endpoints/e1" || e.Message != "object validation error" {
		t.Errorf("fields %+v", e)
	}
	if len(e.Errors) != 1 || e.Errors[0] != (ErrorDetail{Field: "type", Message: "value is not allowed"}) {
		t.Errorf("details %+v", e.Errors)
	}
}

func TestErrorNotFound(t *testing.T) {
	err := doStatus(t, 404, `{"message":"no item error","errors":[{"field":null,"message":"cannot find item by sid","reference_sid":"abc"}]}`,
		http.MethodGet, "/endpoints/abc")
	if !IsNotFound(err) || StatusCode(err) != 404 {
		t.Fatalf("IsNotFound=%v StatusCode=%d", IsNotFound(err), StatusCode(err))
	}
	wrapped := fmt.Errorf("reading: %w", err)
	if !IsNotFound(wrapped) {
		t.Error("IsNotFound through wrapping")
	}
	if got := err.Error(); got != "CarrierX API: GET /endpoints/abc: 404 no item error: cannot find item by sid (reference_sid abc)" {
		t.Errorf("Error() = %q", got)
	}
	if IsNotFound(errors.New("x")) || StatusCode(errors.New("x")) != 0 || IsNotFound(nil) {
		t.Error("non-API errors")
	}
}

func TestError401NeverShowsToken(t *testing.T) {
	err := doStatus(t, 401, `{"message":"bad credentials","errors":[]}`, http.MethodGet, "/partners")
	msg := err.Error()
	for _, w := range []string{"401 bad credentials", "token was rejected", "expired", "revoked", "Security Tokens"} {
		if !strings.Contains(msg, w) {
			t.Errorf("401 message %q lacks %q", msg, w)
		}
	}
	if strings.Contains(msg, testToken) {
		t.Errorf("401 message leaks token")
	}
	if err := doStatus(t, 403, `{"message":"forbidden"}`, "GET", "/x"); !strings.Contains(err.Error(), "scope") {
		t.Errorf("403 = %v", err)
	}
}

func TestErrorNonJSONBody(t *testing.T) {
	long := "<html><body>\n  <h1>502 Bad Gateway</h1>  " + strings.Repeat("é", 400) + "</body></html>\n"
	err := doStatus(t, 502, long, http.MethodGet, "/endpoints")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Message, "<html><body> <h1>502 Bad Gateway</h1>") || len(e.Message) > maxSnippet {
		t.Errorf("snippet (%d bytes) = %q", len(e.Message), e.Message)
	}
	if !strings.Contains(err.Error(), "502 <html>") {
		t.Errorf("Error() = %q", err.Error())
	}

	err = doStatus(t, 503, "", http.MethodGet, "/endpoints")
	if got := err.Error(); got != "CarrierX API: GET /endpoints: 503 service unavailable" {
		t.Errorf("empty body Error() = %q", got)
	}
	err = doStatus(t, 500, `{"detail":"boom"}`, http.MethodGet, "/x")
	if !strings.Contains(err.Error(), `500 {"detail":"boom"}`) {
		t.Errorf("unknown JSON = %q", err.Error())
	}
}

func TestErrorDetailsTolerant(t *testing.T) {
	err := doStatus(t, 400, `{"message":"bad","errors":["first", {"field":"name","message":"too long"}]}`, "POST", "/x")
	if got := err.Error(); got != "CarrierX API: POST /x: 400 bad: first; name: too long" {
		t.Errorf("mixed = %q", got)
	}
	err = doStatus(t, 400, `{"errors":{"zip":"required","city":"required"}}`, "POST", "/x")
	if got := err.Error(); got != "CarrierX API: POST /x: 400 bad request: city: required; zip: required" {
		t.Errorf("object errors = %q", got)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 2, 1, 12, 0, 0, 0, time.UTC)
	cases := map[string]time.Duration{
		"":     0,
		"3":    3 * time.Second,
		"\t10": 10 * time.Second,
		"0":    0,
		"-5":   0,
		"abc":  0,
		now.Add(7 * time.Second).Format(http.TimeFormat):  7 * time.Second,
		now.Add(-7 * time.Second).Format(http.TimeFormat): 0,
	}
	for in, want := range cases {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}
