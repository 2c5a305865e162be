package client

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestNewValidation(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		want string
	}{
		{"empty base", Config{Token: testToken}, "BaseURL"},
		{"relative base", Config{BaseURL: "api.carrierx.com/core/v2", Token: testToken}, "BaseURL"},
		{"ftp base", Config{BaseURL: "ftp://api.carrierx.com/core/v2", Token: testToken}, "BaseURL"},
		{"no host", Config{BaseURL: "https:///core/v2", Token: testToken}, "BaseURL"},
		{"query", Config{BaseURL: "https://api.carrierx.com/core/v2?x=1", Token: testToken}, "BaseURL"},
		{"userinfo", Config{BaseURL: "https://u:p@api.carrierx.com/core/v2", Token: testToken}, "BaseURL"},
		{"empty token", Config{BaseURL: "https://api.carrierx.com/core/v2"}, "Token"},
		{"blank token", Config{BaseURL: "https://api.carrierx.com/core/v2", Token: "  "}, "Token"},
		{"negative retries", Config{BaseURL: "https://api.carrierx.com/core/v2", Token: testToken, MaxRetries: -1}, "MaxRetries"},
		{"negative rps", Config{BaseURL: "https://api.carrierx.com/core/v2", Token: testToken, RequestsPerSecond: -1}, "RequestsPerSecond"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New error = %v, want mention of %s", err, tc.want)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Fatalf("error leaks token: %v", err)
			}
		})
	}
	c, err := New(Config{BaseURL: "https://api.carrierx.com/core/v2/", Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.BaseURL(); got != "https://api.carrierx.com/core/v2" {
		t.Errorf("BaseURL() = %q", got)
	}
	if c.cfg.Timeout != DefaultTimeout || c.cfg.RetryWaitMin != DefaultRetryWaitMin || c.cfg.RetryWaitMax != DefaultRetryWaitMax || c.cfg.MaxRetries != 0 || c.limiter != nil {
		t.Errorf("defaults not applied: %+v", c)
	}
}

func TestRequestHeadersAndBody(t *testing.T) {
	type seen struct {
		method, path, rawQuery, auth, accept, ctype, ua, body string
		hasCType                                              bool
	}
	var got []seen
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		_, has := r.Header["Content-Type"]
		got = append(got, seen{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Get("Authorization"),
			r.Header.Get("Accept"), r.Header.Get("Content-Type"), r.Header.Get("User-Agent"), string(b), has})
		sid := "e1"
		if r.Method == http.MethodGet && r.URL.Path == "/core/v2/endpoints/a/b" {
			sid = "a/b" // the object asked for
		}
		writeJSON(w, 200, `{"endpoint_sid":"`+sid+`","name":"x","unknown_field":{"a":1}}`)
	})
	c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.BaseURL += "/" }) // trailing slash tolerated
	c2, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()

	var out Endpoint
	if err := c.Do(ctx, http.MethodGet, "/endpoints/a b", url.Values{"with_related": {"true"}}, nil, &out); err != nil {
		t.Fatal(err)
	}
	if out.EndpointSID != "e1" || out.Name == nil || *out.Name != "x" {
		t.Errorf("decoded %+v", out)
	}
	if _, err := Objects[Endpoint](c2, EndpointKind).Create(ctx, map[string]any{"type": "third_party"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Objects[Endpoint](c2, EndpointKind).Get(ctx, "a/b"); err != nil {
		t.Fatal(err)
	}

	if len(got) != 3 {
		t.Fatalf("requests = %d", len(got))
	}
	for _, g := range got {
		if g.auth != "Bearer "+testToken {
			t.Errorf("Authorization = %q", g.auth)
		}
		if g.accept != "application/json" {
			t.Errorf("Accept = %q", g.accept)
		}
		if g.ua != "terraform-provider-carrierx/test (+https://example.org)" {
			t.Errorf("User-Agent = %q", g.ua)
		}
	}
	if g := got[0]; g.method != "GET" || g.path != "/core/v2/endpoints/a%20b" || g.rawQuery != "with_related=true" || g.hasCType || g.body != "" {
		t.Errorf("GET request = %+v", g)
	}
	if g := got[1]; g.method != "POST" || g.path != "/core/v2/endpoints" || g.ctype != "application/json" || g.body != `{"type":"third_party"}` {
		t.Errorf("POST request = %+v", g)
	}
	if g := got[2]; g.path != "/core/v2/endpoints/a%2Fb" {
		t.Errorf("escaped SID path = %q", g.path)
	}
}

func TestEmptyAndNoContentResponses(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/core/v2/no-content":
			w.WriteHeader(http.StatusNoContent)
		case "/core/v2/empty":
			w.WriteHeader(http.StatusOK)
		case "/core/v2/spaces":
			_, _ = w.Write([]byte(" \n"))
		}
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()
	for _, p := range []string{"/no-content", "/empty", "/spaces"} {
		if err := c.Do(ctx, http.MethodDelete, p, nil, nil, nil); err != nil {
			t.Errorf("%s out=nil: %v", p, err)
		}
		// Where an object is expected, no object is an error, never an empty object.
		var m map[string]any
		var ae *AnswerError
		if err := c.Do(ctx, http.MethodGet, p, nil, nil, &m); !errors.As(err, &ae) || m != nil ||
			!strings.Contains(err.Error(), "no body where a JSON object was expected") {
			t.Errorf("%s out=map: %v %v", p, err, m)
		}
	}
	if err := Objects[Endpoint](c, EndpointKind).Delete(ctx, "x"); err != nil {
		t.Errorf("DeleteEndpoint: %v", err)
	}
}

func TestDecodeErrorAndBadBody(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"endpoint_sid": 12`) })
	c, _ := newTestClient(t, srv.URL, nil)
	var out Endpoint
	err := c.Do(context.Background(), http.MethodGet, "/endpoints/x", nil, nil, &out)
	if err == nil || !strings.Contains(err.Error(), "the answer is not the JSON expected") {
		t.Fatalf("err = %v", err)
	}
	err = c.Do(context.Background(), http.MethodPost, "/endpoints", nil, map[string]any{"f": func() {}}, nil)
	if err == nil || !strings.Contains(err.Error(), "encoding request body") {
		t.Fatalf("err = %v", err)
	}
}

func TestUpdateEndpointSendsPatch(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		var m map[string]any
		_ = json.NewDecoder(r.Body).Decode(&m)
		if r.Method != http.MethodPatch || len(m) != 1 || m["name"] != "n" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		writeJSON(w, 200, `{"endpoint_sid":"e1","name":"n","capacity":0,"addresses":[{"ip":"1.2.3.4","port":5060}]}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	e, err := Objects[Endpoint](c, EndpointKind).Update(context.Background(), "e1", map[string]any{"name": "n"})
	if err != nil || e.Capacity == nil || *e.Capacity != 0 || len(e.Addresses) != 1 || *e.Addresses[0].Port != 5060 {
		t.Fatalf("UpdateEndpoint = %+v, %v", e, err)
	}
}
