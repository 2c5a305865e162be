// Package probe checks the emulator's assumptions (the table at the end of
// internal/emulator's package documentation) against a CarrierX Core API:
// the live one, with a user's token, or the emulator itself. It never
// imports the emulator: it only speaks HTTP, through internal/client's
// transport (rate limit, retries, token scrubbing).
//
// Each check reports confirmed (the API behaves as the emulator assumes),
// contradicted (what was seen instead) or not checked (why). Reports name
// attributes and JSON types, never values of properties, passwords, logins
// or tokens.
package probe

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Status is the outcome of one check.
type Status string

// The three outcomes.
const (
	Confirmed    Status = "confirmed"
	Contradicted Status = "contradicted"
	NotChecked   Status = "not checked"
)

// Result is one check.
type Result struct {
	Name    string `json:"name"`
	Settles string `json:"settles"` // topics of the emulator's assumptions table
	Status  Status `json:"status"`
	Detail  string `json:"detail,omitempty"`
}

// Report is a whole run.
type Report struct {
	BaseURL      string   `json:"base_url"`
	Write        bool     `json:"write"`
	Results      []Result `json:"results"`
	Leftover     []string `json:"leftover,omitempty"` // objects created and not deleted: "endpoint <sid>"
	Confirmed    int      `json:"confirmed"`
	Contradicted int      `json:"contradicted"`
	NotChecked   int      `json:"not_checked"`
}

// OK reports whether nothing was contradicted and nothing was left behind.
func (r *Report) OK() bool { return r.Contradicted == 0 && len(r.Leftover) == 0 }

// Config configures a run. BaseURL and Token are required.
type Config struct {
	BaseURL           string
	Token             string
	Write             bool          // also create, patch and delete one third_party endpoint
	RequestsPerSecond float64       // 0 = unlimited
	MaxRetries        int           // retries of 429/502/503/504 and lost connections
	Timeout           time.Duration // per request; 0 = the client's default
	Transport         http.RoundTripper
	UserAgent         string
}

// ConnError means the API could not be used at all (unreachable, or the
// token refused): no check could run.
type ConnError struct{ Err error }

func (e *ConnError) Error() string { return e.Err.Error() }
func (e *ConnError) Unwrap() error { return e.Err }

// Run runs every check in order and returns the report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	base := cfg.Transport
	if base == nil {
		base = http.DefaultTransport.(*http.Transport).Clone()
	}
	rec := &recorder{base: base}
	ua := cfg.UserAgent
	if ua == "" {
		ua = "carrierx-probe"
	}
	c, err := client.New(client.Config{BaseURL: cfg.BaseURL, Token: cfg.Token, Timeout: cfg.Timeout,
		MaxRetries: cfg.MaxRetries, RequestsPerSecond: cfg.RequestsPerSecond, UserAgent: ua,
		HTTPClient: &http.Client{Transport: rec}})
	if err != nil {
		return nil, err
	}
	p := &prober{ctx: ctx, c: c, rec: rec, cfg: cfg, base: c.BaseURL()}
	if err := p.connect(); err != nil {
		return nil, err
	}
	rep := &Report{BaseURL: p.base, Write: cfg.Write}
	for _, ch := range readChecks {
		rep.Results = append(rep.Results, p.run(ch))
	}
	rep.Results = append(rep.Results, p.writeChecks(rep)...)
	for i := range rep.Results {
		r := &rep.Results[i]
		r.Detail = p.scrub(r.Detail)
		switch r.Status {
		case Confirmed:
			rep.Confirmed++
		case Contradicted:
			rep.Contradicted++
		default:
			rep.NotChecked++
		}
	}
	return rep, nil
}

// check is one named check; fn fills v.
type check struct {
	name, settles string
	fn            func(p *prober, v *verdict)
}

func (p *prober) run(ch check) Result {
	v := &verdict{}
	func() {
		defer func() {
			if r := recover(); r != nil {
				v.skip("the probe failed: %v", r)
			}
		}()
		ch.fn(p, v)
	}()
	return v.result(ch.name, ch.settles)
}

// verdict collects the parts of one check: any contradiction makes the
// check contradicted; otherwise one confirmed part makes it confirmed.
type verdict struct{ ok, bad, skipped []string }

func (v *verdict) confirm(f string, a ...any)    { v.ok = append(v.ok, fmt.Sprintf(f, a...)) }
func (v *verdict) contradict(f string, a ...any) { v.bad = append(v.bad, fmt.Sprintf(f, a...)) }
func (v *verdict) skip(f string, a ...any)       { v.skipped = append(v.skipped, fmt.Sprintf(f, a...)) }

// expect confirms or contradicts: want describes the emulator's choice.
func (v *verdict) expect(cond bool, want string, gotf string, a ...any) {
	if cond {
		v.confirm("%s", want)
	} else {
		v.contradict("expected %s, got %s", want, fmt.Sprintf(gotf, a...))
	}
}

func (v *verdict) result(name, settles string) Result {
	r := Result{Name: name, Settles: settles}
	var parts []string
	switch {
	case len(v.bad) > 0:
		r.Status, parts = Contradicted, v.bad
	case len(v.ok) > 0:
		r.Status, parts = Confirmed, v.ok
	default:
		r.Status = NotChecked
	}
	if len(v.skipped) > 0 {
		s := strings.Join(v.skipped, "; ")
		if r.Status != NotChecked {
			s = "not checked: " + s
		}
		parts = append(parts, s)
	}
	r.Detail = strings.Join(parts, "; ")
	return r
}

// prober holds one run's client and what earlier checks fetched.
type prober struct {
	ctx  context.Context
	c    *client.Client
	rec  *recorder
	cfg  Config
	base string

	endpoints []map[string]any // the caller's endpoints (first 1000)
	dids      *listed          // a page of available DIDs
	cache     map[string]*listed
}

// listed is a list answer, or why there is none.
type listed struct {
	ans   *answer
	items []map[string]any
	why   string // not empty when the list could not be read
}

// connect makes the first request: it must reach the API and the token
// must be accepted, else nothing can be probed.
func (p *prober) connect() error {
	a, err := p.get("/endpoints", url.Values{"limit": {"1000"}})
	if err != nil {
		return &ConnError{Err: fmt.Errorf("cannot reach %s: %s", p.base, p.scrub(err.Error()))}
	}
	switch {
	case a.status == http.StatusUnauthorized:
		return &ConnError{Err: fmt.Errorf("%s refused the token (401 %s): check CARRIERX_TOKEN", p.base, p.scrub(a.message()))}
	case a.status != http.StatusOK:
		return &ConnError{Err: fmt.Errorf("GET %s/endpoints answered %s; the probe needs a token with endpoints.read or endpoints.manage",
			p.base, p.scrub(a.describe()))}
	}
	items, ok := a.items()
	if !ok {
		return &ConnError{Err: fmt.Errorf("GET %s/endpoints did not answer a list envelope with items; is CARRIERX_BASE_URL the Core API v2 base URL?", p.base)}
	}
	p.endpoints = items
	return nil
}

// list reads one list GET once per run.
func (p *prober) list(path string, q url.Values) *listed {
	key := path + "?" + q.Encode()
	if l, ok := p.cache[key]; ok {
		return l
	}
	if p.cache == nil {
		p.cache = map[string]*listed{}
	}
	l := &listed{}
	a, err := p.get(path, q)
	switch {
	case err != nil:
		l.why = "GET " + path + " failed: " + err.Error()
	case a.status == http.StatusForbidden:
		l.why = "the token may not read " + path + " (403)"
	case a.status != http.StatusOK:
		l.why = "GET " + path + " answered " + a.describe()
	default:
		items, ok := a.items()
		if !ok {
			l.why = "GET " + path + " has no items array"
		}
		l.ans, l.items = a, items
	}
	p.cache[key] = l
	return l
}

// availableDIDs is a page of the DID inventory: the one list every
// account can read with data in it (filters need values to match).
func (p *prober) availableDIDs() *listed {
	if p.dids == nil {
		p.dids = p.list("/phonenumber/available_dids", url.Values{"limit": {"20"}})
		if p.dids.why == "" && len(p.dids.items) < 2 {
			p.dids.why = "GET /phonenumber/available_dids returned fewer than two numbers"
		}
	}
	return p.dids
}

// answer is one HTTP answer as received (after the client's retries).
type answer struct {
	status int
	header http.Header
	raw    []byte
	body   any // decoded JSON (numbers as json.Number), nil when none
}

// get sends a GET; err is only for answers that never arrived.
func (p *prober) get(path string, q url.Values) (*answer, error) {
	return p.send(http.MethodGet, path, q, nil)
}

func (p *prober) send(method, path string, q url.Values, body any) (*answer, error) {
	p.rec.reset()
	err := p.c.Do(p.ctx, method, path, q, body, nil)
	ex := p.rec.last()
	var te *client.TransportError
	if ex == nil || errors.As(err, &te) {
		if err == nil {
			err = errors.New("no answer recorded")
		}
		return nil, errors.New(p.scrub(err.Error()))
	}
	a := &answer{status: ex.status, header: ex.header, raw: ex.body}
	if len(bytes.TrimSpace(ex.body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(ex.body))
		dec.UseNumber()
		if dec.Decode(&a.body) != nil {
			a.body = nil
		}
	}
	return a, nil
}

// unauthenticated sends a GET without any Authorization header.
func (p *prober) unauthenticated(path string) (*answer, error) {
	ctx, cancel := context.WithTimeout(p.ctx, 60*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	res, err := p.rec.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = res.Body.Close() }()
	raw, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	a := &answer{status: res.StatusCode, header: res.Header, raw: raw}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&a.body) != nil {
		a.body = nil
	}
	return a, nil
}

// scrub removes the token from any text the report will show (server
// messages could echo a header back).
func (p *prober) scrub(s string) string {
	if p.cfg.Token == "" {
		return s
	}
	return strings.ReplaceAll(s, p.cfg.Token, "***")
}

func (a *answer) obj() map[string]any {
	m, _ := a.body.(map[string]any)
	return m
}

// items returns the list envelope's items that are objects.
func (a *answer) items() ([]map[string]any, bool) {
	arr, ok := a.obj()["items"].([]any)
	if !ok {
		return nil, false
	}
	out := make([]map[string]any, 0, len(arr))
	for _, it := range arr {
		if m, ok := it.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out, true
}

func (a *answer) message() string {
	s, _ := a.obj()["message"].(string)
	return s
}

// firstError returns errors[0] of an error envelope.
func (a *answer) firstError() map[string]any {
	errs, _ := a.obj()["errors"].([]any)
	if len(errs) == 0 {
		return nil
	}
	m, _ := errs[0].(map[string]any)
	return m
}

// describe summarises an answer for a report: status, message and
// errors[0]; never the body's other values.
func (a *answer) describe() string {
	s := fmt.Sprintf("%d", a.status)
	if m := a.message(); m != "" {
		s += fmt.Sprintf(" %q", clip(m))
	}
	if e := a.firstError(); e != nil {
		s += fmt.Sprintf(" (errors[0]: field %s, message %s)", jsonText(e["field"]), jsonText(e["message"]))
	}
	return s
}

// isBadRequest tells whether a is a 400 naming field in errors[0].
func (a *answer) isBadRequest(field string) bool {
	e := a.firstError()
	return a.status == http.StatusBadRequest && e != nil && e["field"] == field
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	return clip(string(b))
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// typeOf names a decoded JSON value's type.
func typeOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64, int:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// shape lists an object's keys with their JSON types, never the values.
func shape(m map[string]any) string {
	if len(m) == 0 {
		return "{}"
	}
	keys := make([]string, 0, len(m))
	for k, v := range m {
		keys = append(keys, k+" "+typeOf(v))
	}
	sort.Strings(keys)
	return "{" + strings.Join(keys, ", ") + "}"
}

// keySet returns the sorted keys of m.
func keySet(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// exchange is one recorded HTTP answer.
type exchange struct {
	status int
	header http.Header
	body   []byte
}

// recorder is the client's transport: it keeps the last answer's status
// and raw body, which the client's typed errors do not keep (null versus
// empty fields, 200 versus 201).
type recorder struct {
	base http.RoundTripper
	mu   sync.Mutex
	ex   *exchange
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := r.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, rerr := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	_ = res.Body.Close()
	if rerr != nil {
		return nil, rerr
	}
	res.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.ex = &exchange{status: res.StatusCode, header: res.Header.Clone(), body: body}
	r.mu.Unlock()
	return res, nil
}

func (r *recorder) reset() {
	r.mu.Lock()
	r.ex = nil
	r.mu.Unlock()
}

func (r *recorder) last() *exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ex
}
