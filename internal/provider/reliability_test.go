package provider_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// What every resource survives when CarrierX's answer is lost or wrong
// (faults injected by the emulator after or instead of the real answer).

// lostCreateCase is one creatable resource type: a configuration that
// creates exactly one object of its kind, where its POST goes, and which
// stored objects count.
type lostCreateCase struct {
	typ, collection, post string
	mine                  func(obj map[string]any) bool // nil: every object counts
	config                func(e *acctest.Env) string
}

// adopted are the cases whose object the provider can prove new after a
// lost answer: a creation time (links, tokens), or a search that showed
// the number available just before.
var adopted = map[string]bool{"carrierx_shortener_link": true, "carrierx_oauth_token": true,
	"carrierx_phone_number (by criteria)": true, "carrierx_mediator_binding": true}

func lostCreateCases() []lostCreateCase {
	return []lostCreateCase{
		{"carrierx_endpoint", "endpoints", "/core/v2/endpoints",
			func(o map[string]any) bool { return o["type"] != "system_gateway" },
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_endpoint" "test" {
  name      = "lost-pbx"
  type      = "third_party"
  addresses = [{ ip = "203.0.113.10" }]
}`)
			}},
		{"carrierx_trunk_group", "trunk_groups", "/core/v2/trunk_groups", nil,
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_trunk_group" "test" { name = "lost-tg" }`)
			}},
		{"carrierx_trunk", "trunk_groups.trunks", "/core/v2/trunk_groups/*", nil,
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_trunk_group" "g" { name = "lost-parent" }
resource "carrierx_trunk" "test" {
  trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid
  name            = "lost-trunk"
}`)
			}},
		{"carrierx_phone_number", "phonenumber.dids", "/core/v2/phonenumber/dids",
			func(o map[string]any) bool { return o["status"] == client.DIDStatusAssigned },
			func(e *acctest.Env) string {
				avail, err := e.API.ListAvailableDIDs(e.T.Context(), client.AvailableDIDSearch{CountryCode: "USA"}, 1)
				if err != nil || len(avail) != 1 {
					e.T.Fatalf("no available number: %v", err)
				}
				return e.Config(fmt.Sprintf(`resource "carrierx_phone_number" "test" { phonenumber = %q }`, avail[0].PhoneNumber))
			}},
		{"carrierx_did_group", "phonenumber.did_groups", "/core/v2/phonenumber/did_groups", nil,
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_did_group" "test" { name = "lost-group" }`)
			}},
		{"carrierx_prefix", "phonenumber.prefixes", "/core/v2/phonenumber/prefixes", nil,
			func(e *acctest.Env) string { return e.Config(`resource "carrierx_prefix" "test" { prefix = "1555" }`) }},
		{"carrierx_access_control_rule", "accesscontrol.rules", "/core/v2/accesscontrol/rules", nil,
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_access_control_rule" "test" {
  name       = "lost-rule"
  field      = "called"
  operation  = "prefix"
  quantifier = "any"
  entries    = ["1900"]
}`)
			}},
		{"carrierx_storage_container", "storage.containers", "/core/v2/storage/containers", nil,
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_storage_container" "test" { name = "lost-box" }`)
			}},
		{"carrierx_storage_file", "storage.files", "/core/v2/storage/files", nil,
			func(e *acctest.Env) string {
				return e.Config(`
resource "carrierx_storage_container" "c" {
  name = "files"
}
resource "carrierx_storage_file" "test" {
  container_sid = carrierx_storage_container.c.container_sid
  content       = "lost answer"
  name          = "lost.txt"
}
`)
			}},
		{"carrierx_shortener_domain", "shortener.domains", "/core/v2/shortener/domains", nil,
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_shortener_domain" "test" { domain_name = "lost.example.org" }`)
			}},
		{"carrierx_shortener_link", "shortener.links", "/core/v2/shortener/links", nil,
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_shortener_domain" "d" { domain_name = "links.example.org" }
resource "carrierx_shortener_link" "test" {
  domain_sid      = carrierx_shortener_domain.d.domain_sid
  destination_url = "https://www.example.com/lost"
}`)
			}},
		{"carrierx_oauth_token", "oauth.tokens", "/core/v2/oauth/token",
			func(o map[string]any) bool { return o["name"] == "lost-token" },
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_oauth_token" "test" {
  name   = "lost-token"
  scopes = ["endpoints.read"]
}`)
			}},
		// Endpoint APIs: a binding has a creation time; a meeting room is
		// found again by its name.
		{"carrierx_mediator_binding", "mediator.bindings", "/mediator/v1/bindings", nil,
			func(e *acctest.Env) string {
				return e.Config(acctest.Hosted("app", "mediator", 1) + `resource "carrierx_mediator_binding" "test" {
  endpoint_sid    = carrierx_endpoint.app.endpoint_sid
  destination_did = "15557020002"
  depends_on      = [carrierx_trunk.app, carrierx_phone_number.app]
}`)
			}},
		{"carrierx_conference_meeting_room", "conference.meeting_rooms", "/conference/v2/meeting_rooms", nil,
			func(e *acctest.Env) string {
				return e.Config(`resource "carrierx_endpoint" "app" { type = "conference_v2" }
resource "carrierx_conference_meeting_room" "test" {
  endpoint_sid = carrierx_endpoint.app.endpoint_sid
  name         = "lost-room"
}`)
			}},
	}
}

func countStored(e *acctest.Env, c lostCreateCase) int {
	n := 0
	for _, o := range e.Emu.Server.Objects(c.collection) {
		if c.mine == nil || c.mine(o) {
			n++
		}
	}
	return n
}

// newStored returns the SIDs stored for c that are not in before.
func newStored(e *acctest.Env, c lostCreateCase, sidKey string, before map[string]bool) []string {
	var out []string
	for _, o := range e.Emu.Server.Objects(c.collection) {
		if sid, _ := o[sidKey].(string); (c.mine == nil || c.mine(o)) && !before[sid] {
			out = append(out, sid)
		}
	}
	return out
}

func storedSet(e *acctest.Env, c lostCreateCase, sidKey string) map[string]bool {
	set := map[string]bool{}
	for _, sid := range newStored(e, c, sidKey, nil) {
		set[sid] = true
	}
	return set
}

// TestAccReliability_lostCreateAnswer is the proof for every
// creatable type but the partner (below): the POST reaches CarrierX and its
// answer is lost (a 502 after the object was stored). Where the provider
// can prove the object it finds is new (a creation time: tokens, links; a
// number a search showed available just before), it records it and the
// next plan is empty. Elsewhere nothing proves that an identical object did
// not exist before, so the apply fails naming the one found with its import
// block; importing it, as the message says, converges. Either way CarrierX
// holds exactly one object of that kind.
func TestAccReliability_lostCreateAnswer(t *testing.T) {
	for _, c := range lostCreateCases() {
		t.Run(c.typ, func(t *testing.T) {
			e := acctest.New(t)
			e.EmulatorOnly()
			cfg := c.config(e)
			res := strings.Fields(c.typ)[0] + ".test"
			sidKey := map[string]string{"carrierx_endpoint": "endpoint_sid", "carrierx_trunk_group": "trunk_group_sid",
				"carrierx_trunk": "trunk_sid", "carrierx_phone_number": "did_sid", "carrierx_did_group": "did_group_sid",
				"carrierx_prefix": "prefix_sid", "carrierx_access_control_rule": "rule_sid",
				"carrierx_storage_container": "container_sid", "carrierx_storage_file": "file_sid",
				"carrierx_shortener_domain": "domain_sid", "carrierx_shortener_link": "link_sid",
				"carrierx_oauth_token": "token_sid", "carrierx_mediator_binding": "binding_sid",
				"carrierx_conference_meeting_room": "meeting_room_sid"}[strings.Fields(c.typ)[0]]
			before := storedSet(e, c, sidKey)
			exactlyOne := func(*terraform.State) error {
				if got := newStored(e, c, sidKey, before); len(got) != 1 {
					return fmt.Errorf("CarrierX holds %d new objects of %s, want exactly 1", len(got), c.typ)
				}
				return nil
			}
			lose := func() {
				e.Fault(map[string]any{"method": "POST", "path": c.post, "count": 1, "status": 502, "when": "after"})
			}
			steps := []resource.TestStep{{PreConfig: lose, Config: cfg, Check: exactlyOne}}
			if !adopted[c.typ] {
				steps = []resource.TestStep{
					{PreConfig: lose, Config: cfg,
						ExpectError: regexp.MustCompile(`(?s)the answer was lost.*holds\s+one.*import\s+\{.*to\s+=\s+` + strings.Fields(c.typ)[0])},
					{
						Config: cfg, ResourceName: res, ImportState: true, ImportStatePersist: true,
						ImportStateIdFunc: func(s *terraform.State) (string, error) {
							got := newStored(e, c, sidKey, before)
							if len(got) != 1 {
								return "", fmt.Errorf("%d new objects of %s, want 1", len(got), c.typ)
							}
							if c.typ == "carrierx_trunk" {
								return s.RootModule().Resources["carrierx_trunk_group.g"].Primary.Attributes["trunk_group_sid"] + "/" + got[0], nil
							}
							if ep, ok := s.RootModule().Resources["carrierx_endpoint.app"]; ok {
								return ep.Primary.Attributes["endpoint_sid"] + "/" + got[0], nil
							}
							return got[0], nil
						},
					},
					{Config: cfg, Check: exactlyOne},
				}
			}
			steps = append(steps, resource.TestStep{
				Config:           cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            exactlyOne,
			})
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: e.Providers(), Steps: steps})
		})
	}
}

// TestAccReliability_lostCreateAnswerKinds: every way an answer gets lost
// after the object was created (reset, cut-off body, empty or null 200,
// another object's body, a redirect, a timeout) is taken for a lost answer,
// never for the object: the apply names the one endpoint created, and no
// second one is created.
func TestAccReliability_lostCreateAnswerKinds(t *testing.T) {
	c := lostCreateCases()[0]
	faults := map[string]map[string]any{
		"reset":    {"kind": "reset"},
		"truncate": {"kind": "truncate"},
		"empty":    {"kind": "empty"},
		"null":     {"kind": "null"},
		"foreign":  {"kind": "foreign"},
		"redirect": {"kind": "redirect", "location": "http://127.0.0.1:9/core/v2/endpoints"},
		"timeout":  {"latency_ms": 4000},
	}
	for name, f := range faults {
		t.Run(name, func(t *testing.T) {
			e := acctest.New(t)
			e.EmulatorOnly()
			// Another endpoint exists, so a foreign answer has a body to show.
			e.Seed("endpoints", 1, map[string]any{"name": "someone-else", "type": "third_party"})
			cfg := strings.Replace(c.config(e), "max_retries         = 3", "max_retries = 3\n  request_timeout = \"2s\"", 1)
			before := storedSet(e, c, "endpoint_sid")
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: e.Providers(),
				Steps: []resource.TestStep{{
					PreConfig: func() {
						fault := map[string]any{"method": "POST", "path": c.post, "count": 1, "when": "after"}
						for k, v := range f {
							fault[k] = v
						}
						e.Fault(fault)
					},
					Config:      cfg,
					ExpectError: regexp.MustCompile(`(?s)the answer was lost.*holds\s+one\s+endpoint`),
				}},
			})
			if got := newStored(e, c, "endpoint_sid", before); len(got) != 1 {
				t.Errorf("%d new endpoints, want 1", len(got))
			}
		})
	}
}

// TestAccReliability_lostCreateAmbiguous: when an identical endpoint
// already existed, a lost answer cannot be told apart: the apply fails
// naming both candidates and the import block, and creates nothing more.
func TestAccReliability_lostCreateAmbiguous(t *testing.T) {
	c := lostCreateCases()[0]
	e := acctest.New(t)
	e.EmulatorOnly()
	twin := e.Seed("endpoints", 1, map[string]any{"name": "lost-pbx", "type": "third_party",
		"addresses": []any{map[string]any{"ip": "203.0.113.10"}}})[0]
	cfg := c.config(e)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.Fault(map[string]any{"method": "POST", "path": c.post, "count": 1, "status": 502, "when": "after"})
			},
			Config: cfg,
			ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_endpoint: the answer was lost.*holds\s+2\s+endpoint\s+objects.*` +
				`import\s+\{.*to\s+=\s+carrierx_endpoint.<name>.*` + twin[:8]),
		}},
	})
	if got := countStored(e, c); got != 2 {
		t.Errorf("CarrierX holds %d endpoints besides the gateway, want 2 (the twin and the one the lost POST created)", got)
	}
}

// TestAccReliability_lostPartnerCreate: a new partner is not listed until
// its e-mail is verified, so a lost create cannot be looked for; the error
// says how to import it, and importing it converges with one partner.
func TestAccReliability_lostPartnerCreate(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	cfg := e.Config(`
resource "carrierx_partner" "test" {
  login        = "lostco"
  password     = "Lost-pass-12345"
  name         = "Lost Co"
  company_name = "SubCo"
  country_code = "USA"
  zip          = "12345"
  owner_email  = "sam@subco.example"
  payment_type = "prepay"
  phonenumber  = "15550002222"
}`)
	loginCount := func() (n int, sid string) {
		for _, p := range e.Emu.Server.Objects("partners") {
			if p["login"] == "lostco" {
				n++
				sid, _ = p["partner_sid"].(string)
			}
		}
		return n, sid
	}
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					e.Fault(map[string]any{"method": "POST", "path": "/core/v2/partners", "count": 1, "status": 502, "when": "after"})
				},
				Config:      cfg,
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_partner.*cannot\s+be\s+looked\s+for.*not\s+listed.*import`),
			},
			{
				Config:       cfg,
				ResourceName: "carrierx_partner.test",
				ImportState:  true,
				ImportStateIdFunc: func(*terraform.State) (string, error) {
					_, sid := loginCount()
					return sid, nil
				},
				ImportStatePersist: true,
			},
			{
				Config: cfg,
				Check: func(*terraform.State) error {
					if n, _ := loginCount(); n != 1 {
						return fmt.Errorf("%d partners with login lostco, want 1", n)
					}
					return nil
				},
			},
		},
	})
}

// TestAccReliability_wrongAnswers: a 200 that is not the object asked for
// never changes state nor leads to a request Terraform did not plan.
func TestAccReliability_wrongAnswers(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	other := e.Seed("endpoints", 1, map[string]any{"name": "not-managed", "type": "third_party"})[0]
	cfg := e.Config(`resource "carrierx_endpoint" "test" {
  name = "managed"
  type = "third_party"
}`)
	renamed := strings.Replace(cfg, `"managed"`, `"managed-2"`, 1)
	var sid string
	item := func() string { return "/core/v2/endpoints/" + sid }
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{Config: cfg, Check: resource.TestCheckResourceAttrWith("carrierx_endpoint.test", "endpoint_sid",
				func(v string) error { sid = v; return nil })},
			// An empty 200 on refresh: an error, no delete, no second create.
			{
				PreConfig: func() {
					e.ClearRequests()
					e.Fault(map[string]any{"method": "GET", "path": item(), "count": 1, "kind": "empty"})
				},
				Config:      cfg,
				ExpectError: regexp.MustCompile(`(?s)no body where a\s+JSON\s+object\s+was\s+expected`),
			},
			// A null 200 on the PATCH: an error; the SID stays and the next plan is the same update.
			{
				PreConfig: func() {
					e.Fault(map[string]any{"method": "PATCH", "path": item(), "count": 1, "kind": "null"})
				},
				Config:      renamed,
				ExpectError: regexp.MustCompile(`(?s)the answer is null\s+where\s+a\s+JSON\s+object\s+was\s+expected`),
			},
			// Another endpoint's body on every read: refresh, plan and destroy fail, and the unmanaged endpoint is untouched.
			{
				PreConfig: func() {
					e.Fault(map[string]any{"method": "GET", "path": item(), "kind": "foreign"})
				},
				Config:      renamed,
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)the answer describes\s+endpoint\s+endpoint_sid.*not\s+the\s+one\s+asked\s+for`),
			},
			{
				PreConfig: func() {
					e.Control("DELETE", "/faults", nil, nil)
					var bad []string
					for _, r := range e.Requests() {
						if r.Method == http.MethodDelete || r.Method == http.MethodPost || strings.HasSuffix(r.Path, "/endpoints/") {
							bad = append(bad, r.Method+" "+r.Path)
						}
					}
					if len(bad) > 0 {
						t.Errorf("wrong answers led to unplanned requests: %v", bad)
					}
					if _, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Get(t.Context(), other); err != nil {
						t.Errorf("the unmanaged endpoint is gone: %v", err)
					}
				},
				Config:           renamed,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("carrierx_endpoint.test", plancheck.ResourceActionUpdate)}},
				Check: resource.TestCheckResourceAttrWith("carrierx_endpoint.test", "endpoint_sid", func(v string) error {
					if v != sid {
						return fmt.Errorf("endpoint_sid = %s, want the first one %s", v, sid)
					}
					return nil
				}),
			},
		},
	})
}

// TestAccReliability_redirectOnCreate: a 302 to a POST is not followed (no
// GET of the list is stored as the new object); nothing is created.
func TestAccReliability_redirectOnCreate(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	c := lostCreateCases()[0]
	before := countStored(e, c)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					e.Fault(map[string]any{"method": "POST", "path": c.post, "count": 1, "kind": "redirect",
						"location": e.BaseURL + "/endpoints"})
				},
				Config:      c.config(e),
				ExpectError: regexp.MustCompile(`(?s)redirect.*never\s+follows.*base_url\s+should\s+look\s+like\s+https://api.carrierx.com/core/v2`),
				Check: func(*terraform.State) error {
					if got := countStored(e, c) - before; got != 0 {
						return fmt.Errorf("%d endpoints created", got)
					}
					return nil
				},
			},
		},
	})
}

// TestAccReliability_lists: a plural data source never returns [] for an
// empty answer, and never loops on a server that ignores offset.
func TestAccReliability_lists(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	e.Seed("endpoints", 3, map[string]any{"name": "ep-{n}", "type": "third_party"})
	cfg := e.Config(`data "carrierx_endpoints" "all" {}`)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					e.Fault(map[string]any{"method": "GET", "path": "/core/v2/endpoints", "count": 1, "kind": "empty"})
				},
				Config:      cfg,
				ExpectError: regexp.MustCompile(`(?s)no body where a\s+JSON\s+object\s+was\s+expected`),
			},
			{
				PreConfig: func() {
					e.ClearRequests()
					e.Fault(map[string]any{"method": "GET", "path": "/core/v2/endpoints", "kind": "endless"})
				},
				Config:      strings.Replace(cfg, "{}", "{\n  filter = \"name like 'ep-%'\"\n}", 1),
				ExpectError: regexp.MustCompile(`(?s)the list does not\s+advance`),
			},
			{
				PreConfig: func() {
					if n := acctest.Count(e.Requests(), "GET", "/core/v2/endpoints"); n > 4 {
						t.Errorf("a list that ignores offset took %d requests", n)
					}
					e.Control("DELETE", "/faults", nil, nil)
				},
				Config: cfg,
				Check:  resource.TestCheckResourceAttr("data.carrierx_endpoints.all", "endpoints.#", "4"),
			},
		},
	})
}

// TestAccReliability_ephemeralRevokeRetried: one lost answer to the revoke
// must not leave the ephemeral token alive for its whole lifetime.
func TestAccReliability_ephemeralRevokeRetried(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	before := activeTokens(e)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.ClearRequests()
				e.Fault(map[string]any{"method": "POST", "path": "/core/v2/oauth/revoke", "count": 1, "status": 502})
			},
			Config: e.Config(fmt.Sprintf(`
ephemeral "carrierx_oauth_token" "ro" {
  scopes = ["endpoints.read"]
  name   = "eph-retry"
}

provider "carrierx" {
  alias    = "ro"
  base_url = %q
  token    = ephemeral.carrierx_oauth_token.ro.access_token
}

data "carrierx_endpoints" "ro" {
  provider = carrierx.ro
}
`, e.BaseURL)),
		}},
	})
	reqs := e.Requests()
	var statuses []int
	for _, r := range reqs {
		if r.Method == http.MethodPost && r.Path == "/core/v2/oauth/revoke" {
			statuses = append(statuses, r.Status)
		}
	}
	// Terraform opens the ephemeral token once per plan and apply; each is revoked once,
	// the first after a retry.
	minted := acctest.Count(reqs, "POST", "/core/v2/oauth/token")
	if len(statuses) != minted+1 || statuses[0] != 502 || statuses[1] != 204 {
		t.Errorf("revoke answers = %v for %d tokens minted, want a 502 retried, then one 204 per token", statuses, minted)
	}
	if after := activeTokens(e); len(after) != len(before) {
		t.Errorf("an ephemeral token is still active: before %v, after %v", before, after)
	}
}

// TestAccReliability_baseURLCredentialsNotEchoed: a base_url with
// user:password@ is refused, and the password is in no output.
func TestAccReliability_baseURLCredentialsNotEchoed(t *testing.T) {
	e := acctest.New(t)
	// From the environment, so Terraform's own source snippet cannot show it.
	t.Setenv("CARRIERX_BASE_URL", "https://ops:Zq9-BaseUrlPw@api.carrierx.com/core/v2")
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{{
			Config: `
provider "carrierx" {
  token = "t"
}
data "carrierx_countries" "all" {}
`,
			// Matches only an output that refuses the URL and holds no "Zq9..." anywhere.
			ExpectError: regexp.MustCompile(`(?s)\A(?:[^Z]|Z[^q]|Zq[^9])*must\s+not\s+contain\s+a\s+user\s+name\s+or\s+password(?:[^Z]|Z[^q]|Zq[^9])*\z`),
		}},
	})
}

// TestAccReliability_preexistingNeverAdopted: a 5xx that created nothing,
// while an identical endpoint already exists: that endpoint is named, never
// recorded in state, so no later destroy can delete it.
func TestAccReliability_preexistingNeverAdopted(t *testing.T) {
	c := lostCreateCases()[0]
	e := acctest.New(t)
	e.EmulatorOnly()
	twin := e.Seed("endpoints", 1, map[string]any{"name": "lost-pbx", "type": "third_party",
		"addresses": []any{map[string]any{"ip": "203.0.113.10"}}})[0]
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.Fault(map[string]any{"method": "POST", "path": c.post, "count": 1, "status": 502})
			},
			Config:      c.config(e),
			ExpectError: regexp.MustCompile(`(?s)the answer was lost.*holds\s+one\s+endpoint.*` + twin + `.*existed\s+before`),
		}},
	})
	if _, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Get(t.Context(), twin); err != nil {
		t.Errorf("the pre-existing endpoint is gone: %v", err)
	}
	if got := countStored(e, c); got != 1 {
		t.Errorf("%d endpoints besides the gateway, want only the pre-existing one", got)
	}
}

// TestAccReliability_wrongBaseURLKeepsState: pointed at the wrong place
// (every path answers 404), the provider does not take its objects for
// deleted: its configuration fails saying what base_url looks like, and
// state is intact afterwards.
func TestAccReliability_wrongBaseURLKeepsState(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	cfg := e.Config(`resource "carrierx_endpoint" "test" {
  name = "kept"
  type = "third_party"
}`)
	wrong := strings.Replace(cfg, "/core/v2", "/core/v3", 1)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{Config: cfg},
			{Config: wrong, ExpectError: regexp.MustCompile(`(?s)base_url is not the Core API.*/core/v3/countries/USA\s+answered\s+404.*` +
				`Core\s+API\s+is\s+version\s+2:\s+did\s+you\s+mean\s+http://127\.0\.0\.1:[0-9]+/core/v2\?`)},
			{Config: cfg, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// activeTokens lists the names of the caller's active OAuth tokens.
func activeTokens(e *acctest.Env) []string {
	e.T.Helper()
	tks, err := client.Objects[client.Token](e.API, client.TokenKind).List(context.Background(), client.ListOptions{})
	if err != nil {
		e.T.Fatal(err)
	}
	out := make([]string, 0, len(tks))
	for _, tk := range tks {
		out = append(out, tk.String())
	}
	return out
}
