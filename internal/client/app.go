package client

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// The endpoint APIs. A hosted endpoint (Mediator, FlexML, Conference v2)
// has an API of its own, at the endpoint's properties.api_url, with HTTP
// Basic auth by the login and password CarrierX generated in its
// properties; the Core token is refused there (CarrierX docs, Mediator API,
// FlexML API and Conference API, Authentication). The provider reads them
// from the endpoint through the Core API, so no password is configured.

// AppAPI is one endpoint API.
type AppAPI struct {
	Name         string // "mediator": the key of Config.AppURLs, and in messages
	Title        string // "Mediator API"
	EndpointType string // the Core endpoint type that has this API
	// Envelope: every answer is wrapped in {"body": ..., "status": ...}
	// (CarrierX docs, Mediator API).
	Envelope bool
}

// The endpoint APIs the provider manages. Conference v1 is legacy
// (CarrierX docs, Conference API v1: to be deprecated) and left out.
var (
	MediatorAPI   = AppAPI{Name: "mediator", Title: "Mediator API", EndpointType: "mediator", Envelope: true}
	FlexMLAPI     = AppAPI{Name: "flexml", Title: "FlexML API", EndpointType: "flexml"}
	ConferenceAPI = AppAPI{Name: "conference", Title: "Conference API v2", EndpointType: "conference_v2"}
)

// apps holds one client per endpoint, made on first use and shared by
// every object that names the endpoint: one Core read of the endpoint per
// provider run, however many objects and however parallel.
type apps struct {
	urls       map[string]string
	mu         sync.Mutex
	byEndpoint map[string]*appEntry
}

type appEntry struct {
	mu  sync.Mutex // held while the endpoint is read, so it is read once
	c   *Client
	err error // a refusal that another read would only repeat (a 4xx, a wrong type)
}

// App returns the client of api for the endpoint endpointSID, reading the
// endpoint (its API URL and credentials) once per Client. Nothing of the
// credentials is kept beyond the process.
func (c *Client) App(ctx context.Context, api AppAPI, endpointSID string) (*Client, error) {
	if c.apps == nil {
		return nil, errors.New("CarrierX API: endpoint APIs are reached through the Core API client")
	}
	key := api.Name + "/" + endpointSID
	c.apps.mu.Lock()
	e := c.apps.byEndpoint[key]
	if e == nil {
		e = &appEntry{}
		c.apps.byEndpoint[key] = e
	}
	c.apps.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.c == nil && e.err == nil {
		ac, err := c.readApp(ctx, api, endpointSID)
		var ae *AppError
		code := StatusCode(err)
		permanent := (code >= 400 && code < 500) || (errors.As(err, &ae) && ae.Err == nil)
		if err != nil && !permanent {
			return nil, err // a transient failure is not kept: the next object tries again
		}
		e.c, e.err = ac, err
	}
	return e.c, e.err
}

// forgetApp drops ac, refused by its API (a password changed during the
// run), so the next App reads the endpoint again.
func (c *Client) forgetApp(api AppAPI, endpointSID string, ac *Client) {
	c.apps.mu.Lock()
	e := c.apps.byEndpoint[api.Name+"/"+endpointSID]
	c.apps.mu.Unlock()
	if e == nil {
		return
	}
	e.mu.Lock()
	if e.c == ac {
		e.c = nil
	}
	e.mu.Unlock()
}

// AppError is an endpoint that cannot serve an endpoint API.
type AppError struct {
	Endpoint string
	Problem  string
	Err      error
}

func (e *AppError) Error() string {
	s := fmt.Sprintf("endpoint %q: %s", e.Endpoint, e.Problem)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *AppError) Unwrap() error { return e.Err }

func (c *Client) readApp(ctx context.Context, api AppAPI, sid string) (*Client, error) {
	ep, err := Objects[Endpoint](c, EndpointKind).Get(ctx, sid)
	switch {
	case err == nil:
	case IsNotFound(err):
		return nil, &AppError{Endpoint: sid, Err: err, Problem: fmt.Sprintf("no endpoint has this endpoint_sid for "+
			"the provider's token; use the endpoint_sid of a carrierx_endpoint of type %q", api.EndpointType)}
	case StatusCode(err) == http.StatusForbidden:
		return nil, &AppError{Endpoint: sid, Err: err, Problem: fmt.Sprintf("the provider reads the endpoint's %s "+
			"credentials through the Core API, and its token lacks the scope endpoints.read: give the token that "+
			"scope (or endpoints.manage)", api.Title)}
	default:
		return nil, &AppError{Endpoint: sid, Err: err, Problem: "reading the endpoint for its " + api.Title + " credentials failed"}
	}
	if ep.Type != api.EndpointType {
		return nil, &AppError{Endpoint: sid, Problem: fmt.Sprintf("it is of type %q, and the %s belongs to endpoints "+
			"of type %q; use such an endpoint's endpoint_sid", ep.Type, api.Title, api.EndpointType)}
	}
	prop := func(k string) string { s, _ := ep.Properties[k].(string); return s }
	login, password, base := prop("login"), prop("password"), prop("api_url")
	if u := c.apps.urls[api.Name]; u != "" {
		base = u
	}
	if login == "" || password == "" {
		return nil, &AppError{Endpoint: sid, Problem: fmt.Sprintf("its properties carry no login and password for "+
			"the %s (the Core API generates them when the endpoint is created)", api.Title)}
	}
	if err := checkAppURL(base, c.cfg.AllowPlainHTTP); err != nil {
		return nil, &AppError{Endpoint: sid, Problem: fmt.Sprintf("its properties.api_url %q is not usable (%v); "+
			"set %s_base_url in the provider configuration", base, err, api.Name)}
	}
	cfg := c.cfg
	cfg.BaseURL, cfg.Token = base, password // the password is scrubbed from every error and log line, like the token
	return &Client{
		cfg:      cfg,
		base:     strings.TrimRight(base, "/"),
		hc:       c.hc,
		limiter:  c.limiter,
		auth:     "Basic " + base64.StdEncoding.EncodeToString([]byte(login+":"+password)),
		envelope: api.Envelope,
		appTitle: api.Title,
		now:      c.now,
		sleep:    c.sleep,
	}, nil
}

// checkAppURL accepts an absolute https URL (http for loopback, or for any
// host with plainHTTP) without credentials, query or fragment.
func checkAppURL(raw string, plainHTTP bool) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil:
		return err
	case (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return errors.New("not an absolute http:// or https:// URL")
	case u.User != nil || u.RawQuery != "" || u.Fragment != "":
		return errors.New("it must not contain credentials, a query or a fragment")
	case u.Scheme == "http" && !plainHTTP && !loopback(u.Hostname()):
		return errors.New("plain http towards a host that is not loopback would send the endpoint's password unencrypted; " +
			"use https (for an emulator on another host of a private network, set allow_plain_http = true in the provider configuration)")
	}
	return nil
}

// loopback reports whether host is this machine (an emulator).
func loopback(host string) bool {
	ip := net.ParseIP(host)
	return strings.EqualFold(host, "localhost") || (ip != nil && ip.IsLoopback())
}

// unwrap returns the body of a Mediator answer {"body": ..., "status": ...};
// any other answer is returned as it is.
func unwrap(raw []byte) []byte {
	var env map[string]json.RawMessage
	if json.Unmarshal(raw, &env) != nil || len(env) != 2 || env["body"] == nil || env["status"] == nil {
		return raw
	}
	return env["body"]
}

// AppObjects is the collection of kind k in the endpoint API api of the
// endpoint endpointSID. The endpoint is read on the first call (see App).
func AppObjects[T any](c *Client, api AppAPI, endpointSID string, k Kind) AppCollection[T] {
	return AppCollection[T]{c: c, api: api, endpoint: endpointSID, k: k}
}

// AppCollection is Collection in an endpoint API.
type AppCollection[T any] struct {
	c        *Client
	api      AppAPI
	endpoint string
	k        Kind
}

// appCall runs f on the collection in the endpoint's API. A 401 means the
// credentials read earlier in this run were changed (the conference
// account's password): the endpoint is read again, once.
func appCall[R, T any](ctx context.Context, a AppCollection[T], f func(Collection[T]) (R, error)) (R, error) {
	for try := 0; ; try++ {
		ac, err := a.c.App(ctx, a.api, a.endpoint)
		if err != nil {
			var zero R
			return zero, err
		}
		r, err := f(Objects[T](ac, a.k))
		if try > 0 || StatusCode(err) != http.StatusUnauthorized {
			return r, err
		}
		a.c.forgetApp(a.api, a.endpoint, ac)
	}
}

// Get reads one object by SID.
func (a AppCollection[T]) Get(ctx context.Context, sid string) (*T, error) {
	return appCall(ctx, a, func(col Collection[T]) (*T, error) { return col.Get(ctx, sid) })
}

// Create POSTs body.
func (a AppCollection[T]) Create(ctx context.Context, body any) (*T, error) {
	return appCall(ctx, a, func(col Collection[T]) (*T, error) { return col.Create(ctx, body) })
}

// Update PATCHes the given fields.
func (a AppCollection[T]) Update(ctx context.Context, sid string, patch map[string]any) (*T, error) {
	return appCall(ctx, a, func(col Collection[T]) (*T, error) { return col.Update(ctx, sid, patch) })
}

// Delete deletes one object.
func (a AppCollection[T]) Delete(ctx context.Context, sid string) error {
	_, err := appCall(ctx, a, func(col Collection[T]) (struct{}, error) { return struct{}{}, col.Delete(ctx, sid) })
	return err
}

// List fetches every page.
func (a AppCollection[T]) List(ctx context.Context, opts ListOptions) ([]T, error) {
	return appCall(ctx, a, func(col Collection[T]) ([]T, error) { return col.List(ctx, opts) })
}

// Page fetches one page from offset.
func (a AppCollection[T]) Page(ctx context.Context, opts ListOptions, offset int) (*Page[T], error) {
	return appCall(ctx, a, func(col Collection[T]) (*Page[T], error) { return col.Page(ctx, opts, offset) })
}
