// Package acctest is where acceptance tests run: an in-process emulator by
// default, or the live API when CARRIERX_ACC_LIVE=1 and CARRIERX_TOKEN are
// set; with the request-log and body assertions, Fault injection and the
// out-of-band recreate step that every object's tests use.
package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/emulator"
	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
)

// Env is where an acceptance test runs: an in-process emulator by
// default, or the live API when CARRIERX_ACC_LIVE=1 and CARRIERX_TOKEN are set.
type Env struct {
	T       *testing.T
	Live    bool
	BaseURL string
	Token   string
	Emu     *emulator.Instance
	API     *client.Client // for out-of-band changes, through the public API on both targets
}

// IsLive reports whether the tests run against the live API.
func IsLive() bool { return os.Getenv("CARRIERX_ACC_LIVE") == "1" }

// New starts the environment of one test: an emulator of its own, or the live API.
func New(t *testing.T) *Env {
	t.Helper()
	e := &Env{T: t}
	if IsLive() {
		e.Live = true
		e.Token = os.Getenv("CARRIERX_TOKEN")
		e.BaseURL = os.Getenv("CARRIERX_BASE_URL")
		if e.BaseURL == "" {
			e.BaseURL = provider.DefaultBaseURL
		}
		if e.Token == "" {
			t.Fatal("CARRIERX_ACC_LIVE=1 needs CARRIERX_TOKEN")
		}
	} else {
		inst, err := emulator.Listen("127.0.0.1:0", emulator.Options{})
		if err != nil {
			t.Fatalf("start emulator: %v", err)
		}
		t.Cleanup(func() { _ = inst.Close() })
		e.Emu = inst
		e.BaseURL = inst.BaseURL()
		e.Token = inst.Server.Token()
	}
	c, err := client.New(client.Config{BaseURL: e.BaseURL, Token: e.Token, MaxRetries: 2,
		RetryWaitMin: 10 * time.Millisecond, RetryWaitMax: time.Second, UserAgent: "carrierx-acc-test"})
	if err != nil {
		t.Fatal(err)
	}
	e.API = c
	return e
}

// EmulatorOnly skips checks that need the emulator's Control API (request
// log, Fault injection); they cannot be made against the live API.
func (e *Env) EmulatorOnly() {
	if e.Live {
		e.T.Skip("needs the emulator's Control API")
	}
}

// Providers are the provider factories of a resource.TestCase.
func (e *Env) Providers() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"carrierx": func() (tfprotov6.ProviderServer, error) { return provider.ProtocolServer("test")(), nil },
	}
}

// Config prefixes an HCL body with the provider block of this environment.
func (e *Env) Config(body string) string {
	return fmt.Sprintf(`
provider "carrierx" {
  base_url            = %q
  token               = %q
  max_retries         = 3
}
`, e.BaseURL, e.Token) + body
}

// Control calls the emulator's test-Control API.
func (e *Env) Control(method, path string, in, out any) {
	e.T.Helper()
	e.EmulatorOnly()
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, e.Emu.ControlURL()+path, body)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.T.Fatalf("emulator %s %s: %v", method, path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		e.T.Fatalf("emulator %s %s: %d %s", method, path, resp.StatusCode, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			e.T.Fatalf("emulator %s %s: decode: %v", method, path, err)
		}
	}
}

// Request is one request in the emulator's log.
type Request struct {
	Seq    int             `json:"seq"`
	Method string          `json:"method"`
	Path   string          `json:"path"`
	Query  string          `json:"query"`
	Status int             `json:"status"`
	Body   json.RawMessage `json:"body"`
	Fault  bool            `json:"fault"`
}

// Requests returns the emulator's request log.
func (e *Env) Requests() []Request {
	var out struct {
		Requests []Request `json:"requests"`
	}
	e.Control(http.MethodGet, "/requests", nil, &out)
	return out.Requests
}

// ClearRequests empties the emulator's request log.
func (e *Env) ClearRequests() { e.Control(http.MethodDelete, "/requests", nil, nil) }

// Count returns how many logged Requests have this method and path.
func Count(reqs []Request, method, path string) int {
	n := 0
	for _, r := range reqs {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

// Fault installs a fault in the emulator (see the emulator's faults).
func (e *Env) Fault(f map[string]any) { e.Control(http.MethodPost, "/faults", f, nil) }

// Seed creates n copies of object in a collection of the emulator and returns their SIDs.
func (e *Env) Seed(collection string, n int, object map[string]any) []string {
	return e.seed(map[string]any{"collection": collection, "count": n, "object": object})
}

// SeedUnder is Seed in a collection that lives under a parent object
// (an endpoint API's bindings under their endpoint): parentSID names it.
func (e *Env) SeedUnder(collection, parentSID string, n int, object map[string]any) []string {
	return e.seed(map[string]any{"collection": collection, "parent_sid": parentSID, "count": n, "object": object})
}

func (e *Env) seed(req map[string]any) []string {
	var out struct {
		SIDs []string `json:"sids"`
	}
	e.Control(http.MethodPost, "/seed", req, &out)
	return out.SIDs
}

// CheckGone is a CheckDestroy: every object of this resource type left in
// state must answer 404.
func (e *Env) CheckGone(resourceType, sidAttr string, get func(ctx context.Context, sid string) error) func(*terraform.State) error {
	return func(st *terraform.State) error {
		for addr, rs := range st.RootModule().Resources {
			if rs.Type != resourceType || strings.HasPrefix(addr, "data.") {
				continue
			}
			sid := rs.Primary.Attributes[sidAttr]
			err := get(context.Background(), sid)
			if err == nil {
				return fmt.Errorf("%s %s still exists after destroy", resourceType, sid)
			}
			if !client.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

// GetEndpoint reads an endpoint through the API, for CheckGone.
func (e *Env) GetEndpoint(ctx context.Context, sid string) error {
	_, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Get(ctx, sid)
	return err
}

// SIDRegexp matches a SID as the emulator and CarrierX write it.
var SIDRegexp = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// ClearRequestsIfEmulated empties the request log on the emulator; no-op live.
func (e *Env) ClearRequestsIfEmulated() {
	if !e.Live {
		e.ClearRequests()
	}
}

// ExpectCalls checks how many Requests were made per "METHOD path".
func ExpectCalls(reqs []Request, want map[string]int) error {
	got := map[string]int{}
	for _, r := range reqs {
		got[r.Method+" "+r.Path]++
	}
	for k, n := range want {
		if got[k] != n {
			return fmt.Errorf("%s: %d requests, want %d (log: %v)", k, got[k], n, Summarize(reqs))
		}
	}
	return nil
}

// Summarize renders a request log one line a request, for error messages.
func Summarize(reqs []Request) []string {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = fmt.Sprintf("%s %s?%s=%d", r.Method, r.Path, r.Query, r.Status)
	}
	return out
}

// ExpectBody checks the JSON body of the only request with this method.
func ExpectBody(reqs []Request, method, want string) error {
	for _, r := range reqs {
		if r.Method == method {
			return sameBody(r, want)
		}
	}
	return fmt.Errorf("no %s request in %v", method, Summarize(reqs))
}

// ExpectBodyAt checks the JSON body of the one request with this method
// and path, where a step sends requests of that method to other paths too.
func ExpectBodyAt(reqs []Request, method, path, want string) error {
	var found []Request
	for _, r := range reqs {
		if r.Method == method && r.Path == path {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		return fmt.Errorf("%d %s %s requests, want one: %v", len(found), method, path, Summarize(reqs))
	}
	return sameBody(found[0], want)
}

// sameBody compares r's JSON body with want, whatever the key order.
func sameBody(r Request, want string) error {
	var got, exp any
	if err := json.Unmarshal(r.Body, &got); err != nil {
		return fmt.Errorf("%s body %s: %w", r.Method, r.Body, err)
	}
	_ = json.Unmarshal([]byte(want), &exp)
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(exp)
	if string(g) != string(w) {
		return fmt.Errorf("%s %s sent %s, want %s", r.Method, r.Path, g, w)
	}
	return nil
}

// RecreateStep removes the object behind Terraform's back, then expects the
// next plan to create it again, under a new SID, and no change after that.
// oldSID is read when the step runs, so an earlier step may set it.
func RecreateStep(t *testing.T, cfg, addr, sidAttr string, oldSID *string, remove func() error) resource.TestStep {
	return resource.TestStep{
		PreConfig: func() {
			if err := remove(); err != nil {
				t.Fatal(err)
			}
		},
		Config: cfg,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
			PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
		Check: func(s *terraform.State) error {
			rs, ok := s.RootModule().Resources[addr]
			if !ok {
				return fmt.Errorf("%s not in state after re-creation", addr)
			}
			if got := rs.Primary.Attributes[sidAttr]; got == "" || got == *oldSID {
				return fmt.Errorf("%s removed out of band came back with %s %q, want a new one (old %q)", addr, sidAttr, got, *oldSID)
			}
			return nil
		},
	}
}
