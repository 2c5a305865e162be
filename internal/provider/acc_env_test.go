package provider

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

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/emulator"
)

// accEnv is where an acceptance test runs: an in-process emulator by
// default, or the live API when CARRIERX_ACC_LIVE=1 and CARRIERX_TOKEN are set.
type accEnv struct {
	t       *testing.T
	live    bool
	baseURL string
	token   string
	emu     *emulator.Instance
	api     *client.Client // for out-of-band changes, through the public API on both targets
}

func isLive() bool { return os.Getenv("CARRIERX_ACC_LIVE") == "1" }

func newAccEnv(t *testing.T) *accEnv {
	t.Helper()
	e := &accEnv{t: t}
	if isLive() {
		e.live = true
		e.token = os.Getenv("CARRIERX_TOKEN")
		e.baseURL = os.Getenv("CARRIERX_BASE_URL")
		if e.baseURL == "" {
			e.baseURL = DefaultBaseURL
		}
		if e.token == "" {
			t.Fatal("CARRIERX_ACC_LIVE=1 needs CARRIERX_TOKEN")
		}
	} else {
		inst, err := emulator.Listen("127.0.0.1:0", emulator.Options{})
		if err != nil {
			t.Fatalf("start emulator: %v", err)
		}
		t.Cleanup(func() { _ = inst.Close() })
		e.emu = inst
		e.baseURL = inst.BaseURL()
		e.token = inst.Server.Token()
	}
	c, err := client.New(client.Config{BaseURL: e.baseURL, Token: e.token, MaxRetries: 2,
		RetryWaitMin: 10 * time.Millisecond, RetryWaitMax: time.Second, UserAgent: "carrierx-acc-test"})
	if err != nil {
		t.Fatal(err)
	}
	e.api = c
	return e
}

// emulatorOnly skips checks that need the emulator's control API (request
// log, fault injection); they cannot be made against the live API.
func (e *accEnv) emulatorOnly() {
	if e.live {
		e.t.Skip("needs the emulator's control API")
	}
}

func (e *accEnv) providers() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"carrierx": providerserver.NewProtocol6WithError(New("test")()),
	}
}

// config prefixes an HCL body with the provider block of this environment.
func (e *accEnv) config(body string) string {
	return fmt.Sprintf(`
provider "carrierx" {
  base_url            = %q
  token               = %q
  max_retries         = 3
}
`, e.baseURL, e.token) + body
}

// control calls the emulator's test-control API.
func (e *accEnv) control(method, path string, in, out any) {
	e.t.Helper()
	e.emulatorOnly()
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, e.emu.ControlURL()+path, body)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("emulator %s %s: %v", method, path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		e.t.Fatalf("emulator %s %s: %d %s", method, path, resp.StatusCode, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			e.t.Fatalf("emulator %s %s: decode: %v", method, path, err)
		}
	}
}

type loggedRequest struct {
	Seq    int             `json:"seq"`
	Method string          `json:"method"`
	Path   string          `json:"path"`
	Query  string          `json:"query"`
	Status int             `json:"status"`
	Body   json.RawMessage `json:"body"`
	Fault  bool            `json:"fault"`
}

func (e *accEnv) requests() []loggedRequest {
	var out struct {
		Requests []loggedRequest `json:"requests"`
	}
	e.control(http.MethodGet, "/requests", nil, &out)
	return out.Requests
}

func (e *accEnv) clearRequests() { e.control(http.MethodDelete, "/requests", nil, nil) }

// count returns how many logged requests have this method and path.
func count(reqs []loggedRequest, method, path string) int {
	n := 0
	for _, r := range reqs {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

func (e *accEnv) fault(f map[string]any) { e.control(http.MethodPost, "/faults", f, nil) }

func (e *accEnv) seed(collection string, n int, object map[string]any) []string {
	var out struct {
		SIDs []string `json:"sids"`
	}
	e.control(http.MethodPost, "/seed", map[string]any{"collection": collection, "count": n, "object": object}, &out)
	return out.SIDs
}

// checkGone is a CheckDestroy: every object of this resource type left in
// state must answer 404.
func (e *accEnv) checkGone(resourceType, sidAttr string, get func(ctx context.Context, sid string) error) func(*terraform.State) error {
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

func (e *accEnv) getEndpoint(ctx context.Context, sid string) error {
	_, err := e.api.GetEndpoint(ctx, sid)
	return err
}

var sidRegexp = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func (e *accEnv) clearRequestsIfEmulated() {
	if !e.live {
		e.clearRequests()
	}
}

// expectCalls checks how many requests were made per "METHOD path".
func expectCalls(reqs []loggedRequest, want map[string]int) error {
	got := map[string]int{}
	for _, r := range reqs {
		got[r.Method+" "+r.Path]++
	}
	for k, n := range want {
		if got[k] != n {
			return fmt.Errorf("%s: %d requests, want %d (log: %v)", k, got[k], n, summarize(reqs))
		}
	}
	return nil
}

func summarize(reqs []loggedRequest) []string {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = fmt.Sprintf("%s %s?%s=%d", r.Method, r.Path, r.Query, r.Status)
	}
	return out
}

// expectBody checks the JSON body of the only request with this method.
func expectBody(reqs []loggedRequest, method, want string) error {
	for _, r := range reqs {
		if r.Method != method {
			continue
		}
		var got, exp any
		if err := json.Unmarshal(r.Body, &got); err != nil {
			return fmt.Errorf("%s body %s: %w", method, r.Body, err)
		}
		_ = json.Unmarshal([]byte(want), &exp)
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(exp)
		if string(g) != string(w) {
			return fmt.Errorf("%s %s sent %s, want %s", method, r.Path, g, w)
		}
		return nil
	}
	return fmt.Errorf("no %s request in %v", method, summarize(reqs))
}

// recreateStep removes the object behind Terraform's back, then expects the
// next plan to create it again, under a new SID, and no change after that.
// oldSID is read when the step runs, so an earlier step may set it.
func recreateStep(t *testing.T, cfg, addr, sidAttr string, oldSID *string, remove func() error) resource.TestStep {
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
