// Package client is the CarrierX Core API v2 HTTP client. It knows HTTP and
// CarrierX and nothing of Terraform: standard library only.
package client

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// maxResponseBytes guards memory against a runaway body (a variable, so
// tests can lower it).
var maxResponseBytes = 64 << 20

// Defaults applied by New for zero Config values.
const (
	DefaultTimeout      = 60 * time.Second
	DefaultRetryWaitMin = 1 * time.Second
	DefaultRetryWaitMax = 30 * time.Second
	DefaultPageSize     = 1000
	maxPageSize         = 1000 // API maximum for limit
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

	// ClientID and ClientSecret are the partner's OAuth client
	// credentials, sent with every token mint and revoke when set, as every
	// documented sample of those forms does (CarrierX docs, Core API, OAuth).
	ClientID     string
	ClientSecret string // secret

	// AppURLs replace the base URL an endpoint reports for its API
	// (properties.api_url), by API name ("mediator", "flexml",
	// "conference"), for users behind a gateway.
	AppURLs map[string]string

	// AllowPlainHTTP accepts http:// endpoint-API URLs towards hosts that are
	// not loopback (an emulator in a CI network); otherwise only loopback ones.
	AllowPlainHTTP bool
}

// Client talks to one CarrierX Core API base URL with one token. It is safe
// for concurrent use.
type Client struct {
	cfg      Config // as given, with New's defaults applied
	base     string // no trailing slash
	hc       *http.Client
	limiter  *rate.Limiter // nil = no limit
	claimed  sync.Map      // SIDs this client created or adopted
	auth     string        // the Authorization header value
	envelope bool          // answers come wrapped in {"body", "status"} (Mediator API)
	apps     *apps         // the endpoint APIs' clients (Core API client only)
	appTitle string        // an endpoint API's client: its name in errors ("Mediator API")

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
	if (cfg.ClientID == "") != (cfg.ClientSecret == "") {
		return nil, errors.New("carrierx client: ClientID (client_id) and ClientSecret (client_secret) go together: set both or neither")
	}
	if cfg.RetryWaitMin < 0 || cfg.RetryWaitMax < 0 {
		return nil, errors.New("carrierx client: RetryWaitMin and RetryWaitMax must not be negative")
	}
	cfg.Timeout = cmp.Or(cfg.Timeout, DefaultTimeout)
	cfg.RetryWaitMin = cmp.Or(cfg.RetryWaitMin, DefaultRetryWaitMin)
	cfg.RetryWaitMax = max(cmp.Or(cfg.RetryWaitMax, DefaultRetryWaitMax), cfg.RetryWaitMin)
	c := &Client{cfg: cfg, base: strings.TrimRight(u.String(), "/"), now: time.Now, sleep: sleepCtx,
		auth: "Bearer " + cfg.Token, apps: &apps{urls: cfg.AppURLs, byEndpoint: map[string]*appEntry{}}}
	for name, u := range cfg.AppURLs {
		if err := checkAppURL(u, cfg.AllowPlainHTTP); err != nil {
			return nil, fmt.Errorf("carrierx client: AppURLs[%q]: %w", name, err)
		}
	}
	if cfg.RequestsPerSecond > 0 {
		// A token bucket of size 1: requests at least 1/rps apart, retries included.
		c.limiter = rate.NewLimiter(rate.Limit(cfg.RequestsPerSecond), 1)
	}
	if cfg.HTTPClient == nil {
		c.hc = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	} else {
		hc := *cfg.HTTPClient
		c.hc = &hc
	}
	// No redirect is followed: the API never redirects, and following one
	// could send the token and the body to another scheme or host.
	c.hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c, nil
}

// BaseURL returns the normalised base URL (no trailing slash).
func (c *Client) BaseURL() string { return c.base }

// Do sends one API call, retrying as configured. path is relative to the
// base URL (e.g. "/endpoints/<sid>", already escaped); body, when non-nil,
// is sent as JSON; out, when non-nil, receives the decoded JSON object of
// the answer (an empty or null answer is then an *AnswerError). Non-2xx
// answers are returned as *Error. The values of secret keys of body never
// reach an error or a log line, even when the server echoes them back.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	req := &request{method: method, path: path, query: query}
	if body != nil {
		var err error
		// Marshalled once; each attempt gets a fresh reader over it.
		if req.payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("CarrierX API: %s %s: encoding request body: %w", method, path, err)
		}
		req.contentType = "application/json"
		req.secrets = secretValues(req.payload)
	}
	return c.send(ctx, req, out)
}
