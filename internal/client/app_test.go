package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

type testBinding struct {
	BindingSID     string `json:"binding_sid"`
	DestinationDID string `json:"destination_did"`
}

var testBindingKind = Kind{Name: "binding", Path: "/bindings", SIDKey: "binding_sid", Identity: []string{"destination_did"}}

// appServer is a Core API with one endpoint and its Mediator API.
type appServer struct {
	*httptest.Server
	typ            string
	password       atomic.Value // the current one
	endpointStatus int          // answer to the endpoint GET when not 0
	endpointReads  atomic.Int32
	mu             sync.Mutex
	auths          []string // Authorization headers seen by the Mediator API
}

const appPassword = "med-PASSWORD-4f3e"

func newAppServer(t *testing.T, typ string) *appServer {
	s := &appServer{typ: typ}
	s.password.Store(appPassword)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/core/v2/endpoints/ep1":
			s.endpointReads.Add(1)
			if r.Header.Get("Authorization") != "Bearer "+testToken {
				t.Errorf("endpoint read with %q", r.Header.Get("Authorization"))
			}
			if s.endpointStatus != 0 {
				w.WriteHeader(s.endpointStatus)
				_, _ = w.Write([]byte(`{"message":"refused","errors":[]}`))
				return
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"endpoint_sid": "ep1", "type": s.typ, "properties": map[string]any{
				"login": "med_user", "password": s.password.Load(), "api_url": s.URL + "/mediator/v1"}})
		case r.URL.Path == "/core/v2/endpoints": // a 404 confirmed
			_, _ = w.Write([]byte(`{"count":0,"has_more":false,"items":[],"limit":1,"offset":0,"total":0}`))
		case strings.HasPrefix(r.URL.Path, "/mediator/v1/"):
			s.mu.Lock()
			s.auths = append(s.auths, r.Header.Get("Authorization"))
			s.mu.Unlock()
			user, pass, ok := r.BasicAuth()
			if !ok || user != "med_user" || pass != s.password.Load() {
				w.WriteHeader(http.StatusUnauthorized)
				_, _ = w.Write([]byte(`{"body":{"message":"unauthorized","errors":[]},"status":401}`))
				return
			}
			switch r.Method + " " + r.URL.Path {
			case "GET /mediator/v1/bindings/b1":
				_, _ = fmt.Fprintf(w, `{"body":{"binding_sid":"b1","destination_did":"15550001111"},"status":200}`)
			case "GET /mediator/v1/bindings/b2":
				w.WriteHeader(http.StatusNotFound)
				_, _ = w.Write([]byte(`{"body":{"message":"object not found","errors":[{"field":"binding_sid","message":"no item error"}]},"status":404}`))
			case "GET /mediator/v1/bindings":
				_, _ = fmt.Fprintf(w, `{"body":{"count":1,"has_more":false,"items":[{"binding_sid":"b1","destination_did":"15550001111"}],"limit":1000,"offset":0,"total":1},"status":200}`)
			default:
				w.WriteHeader(http.StatusNotFound)
			}
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func bindings(c *Client) AppCollection[testBinding] {
	return AppObjects[testBinding](c, MediatorAPI, "ep1", testBindingKind)
}

// The endpoint is read once however many calls name it, in parallel; the
// endpoint API gets Basic auth and its envelope is taken off.
func TestAppReadsEndpointOnce(t *testing.T) {
	s := newAppServer(t, "mediator")
	c, rec := newTestClient(t, s.URL, nil)
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := bindings(c).Get(context.Background(), "b1")
			if err != nil || b.DestinationDID != "15550001111" {
				t.Errorf("Get = %+v, %v", b, err)
			}
		}()
	}
	wg.Wait()
	if n := s.endpointReads.Load(); n != 1 {
		t.Errorf("the endpoint was read %d times, want 1", n)
	}
	items, err := bindings(c).List(context.Background(), ListOptions{})
	if err != nil || len(items) != 1 || items[0].BindingSID != "b1" {
		t.Errorf("List = %+v, %v", items, err)
	}
	for _, a := range s.auths {
		if !strings.HasPrefix(a, "Basic ") {
			t.Fatalf("the Mediator API got Authorization %q, want Basic", a)
		}
	}
	_, err = bindings(c).Get(context.Background(), "b2")
	if !IsNotFound(err) || !strings.Contains(err.Error(), "CarrierX Mediator API: GET /bindings/b2: 404") ||
		!strings.Contains(err.Error(), "no item error") {
		t.Errorf("404 inside the envelope: %v", err)
	}
	if strings.Contains(rec.String(), appPassword) {
		t.Errorf("the endpoint password reached the log:\n%s", rec)
	}
}

// A password changed during the run (401) makes the endpoint be read
// again, once; a second refusal is an error that names the endpoint API.
func TestAppRereadsAfterRefusal(t *testing.T) {
	s := newAppServer(t, "mediator")
	c, _ := newTestClient(t, s.URL, nil)
	if _, err := bindings(c).Get(context.Background(), "b1"); err != nil {
		t.Fatal(err)
	}
	s.password.Store("rotated-PASSWORD-9")
	if _, err := bindings(c).Get(context.Background(), "b1"); err != nil {
		t.Fatalf("after rotation: %v", err)
	}
	if n := s.endpointReads.Load(); n != 2 {
		t.Errorf("endpoint reads = %d, want 2", n)
	}

	s2 := newAppServer(t, "mediator")
	c2, _ := newTestClient(t, s2.URL, func(cfg *Config) { cfg.AppURLs = map[string]string{"mediator": s2.URL + "/mediator/v1"} })
	s2.Config.Handler = wrapRefuse(s2.Config.Handler)
	_, err := bindings(c2).Get(context.Background(), "b1")
	if StatusCode(err) != http.StatusUnauthorized || !strings.Contains(err.Error(), "login and password") ||
		strings.Contains(err.Error(), "API token") || strings.Contains(err.Error(), appPassword) {
		t.Errorf("refused twice: %v", err)
	}
	if n := s2.endpointReads.Load(); n != 2 {
		t.Errorf("endpoint reads = %d, want 2", n)
	}
}

// wrapRefuse answers 401 to every endpoint API request.
func wrapRefuse(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/mediator/") {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"body":{"message":"unauthorized"},"status":401}`))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// What keeps an endpoint from serving its API is one error that says why
// and what to do, read once: every object naming the endpoint gets it.
func TestAppEndpointErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		typ    string
		status int
		urls   map[string]string
		want   string
	}{
		{"no scope", "mediator", http.StatusForbidden, nil, "lacks the scope endpoints.read"},
		{"missing", "mediator", http.StatusNotFound, nil, `endpoint_sid of a carrierx_endpoint of type "mediator"`},
		{"other type", "flexml", 0, nil, `it is of type "flexml", and the Mediator API belongs to endpoints of type "mediator"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newAppServer(t, tc.typ)
			s.endpointStatus = tc.status
			c, _ := newTestClient(t, s.URL, nil)
			_, err := bindings(c).Get(context.Background(), "b1")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), `endpoint "ep1"`) {
				t.Errorf("error = %v, want it to say %q", err, tc.want)
			}
			_, again := bindings(c).Get(context.Background(), "b1")
			if n := s.endpointReads.Load(); n != 1 || again == nil || again.Error() != err.Error() {
				t.Errorf("endpoint reads = %d, want 1, and the same error again (%v)", n, again)
			}
		})
	}
}

// AppURLs replace the endpoint's api_url (a gateway); a bad one is refused
// by New.
func TestAppURLOverride(t *testing.T) {
	s := newAppServer(t, "mediator")
	gw := httptest.NewServer(http.StripPrefix("/gw", s.Config.Handler))
	defer gw.Close()
	c, _ := newTestClient(t, s.URL, func(cfg *Config) { cfg.AppURLs = map[string]string{"mediator": gw.URL + "/gw/mediator/v1"} })
	if _, err := bindings(c).Get(context.Background(), "b1"); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{BaseURL: s.URL, Token: "t", AppURLs: map[string]string{"flexml": "ftp://x"}}); err == nil ||
		!strings.Contains(err.Error(), `AppURLs["flexml"]`) {
		t.Errorf("bad AppURLs: %v", err)
	}
}

// A transient failure to read the endpoint is not kept: the next object
// reads it again.
func TestAppEndpointTransient(t *testing.T) {
	s := newAppServer(t, "mediator")
	s.endpointStatus = http.StatusInternalServerError
	c, _ := newTestClient(t, s.URL, nil)
	if _, err := bindings(c).Get(context.Background(), "b1"); err == nil {
		t.Fatal("a 500 reading the endpoint was no error")
	}
	s.endpointStatus = 0
	if _, err := bindings(c).Get(context.Background(), "b1"); err != nil {
		t.Fatalf("after the endpoint recovered: %v", err)
	}
}

// Plain http to a host that is not loopback would send an endpoint's
// password unencrypted: refused unless AllowPlainHTTP (an emulator in a CI
// network), for AppURLs and for the api_url an endpoint reports alike.
func TestAppPlainHTTP(t *testing.T) {
	remote := map[string]string{"mediator": "http://emulator.internal:8787/mediator/v1"}
	if _, err := New(Config{BaseURL: "http://127.0.0.1:1/core/v2", Token: "t", AppURLs: remote}); err == nil ||
		!strings.Contains(err.Error(), "not loopback") || !strings.Contains(err.Error(), "allow_plain_http") {
		t.Errorf("plain http AppURLs to a remote host: %v", err)
	}
	if _, err := New(Config{BaseURL: "http://127.0.0.1:1/core/v2", Token: "t", AppURLs: remote, AllowPlainHTTP: true}); err != nil {
		t.Errorf("with AllowPlainHTTP: %v", err)
	}
	for _, allow := range []bool{false, true} {
		err := checkAppURL("http://10.1.2.3/flexml/v1", allow)
		if (err == nil) != allow {
			t.Errorf("api_url http://10.1.2.3 with AllowPlainHTTP %v: %v", allow, err)
		}
		if err := checkAppURL("ftp://10.1.2.3/flexml/v1", allow); err == nil {
			t.Errorf("ftp accepted with AllowPlainHTTP %v", allow)
		}
	}
}
