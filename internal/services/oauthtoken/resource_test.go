package oauthtoken_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/oauthtoken"
)

const oauthTokenRes = "carrierx_oauth_token.test"

func oauthTokenSIDFrom(s *terraform.State) (string, error) {
	rs, ok := s.RootModule().Resources[oauthTokenRes]
	if !ok {
		return "", fmt.Errorf("%s not in state", oauthTokenRes)
	}
	return rs.Primary.Attributes["token_sid"], nil
}

func oauthTokenAccessFrom(s *terraform.State, addr string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", fmt.Errorf("%s not in state", addr)
	}
	v := rs.Primary.Attributes["access_token"]
	if v == "" {
		return "", fmt.Errorf("%s has no access_token in state", addr)
	}
	return v, nil
}

// oauthTokenConfig renders carrierx_oauth_token.test.
func oauthTokenConfig(name string, scopes []string, extra string) string {
	q := make([]string, len(scopes))
	for i, s := range scopes {
		q[i] = fmt.Sprintf("%q", s)
	}
	nameLine := ""
	if name != "" {
		nameLine = fmt.Sprintf("name = %q", name)
	}
	return fmt.Sprintf(`
resource "carrierx_oauth_token" "test" {
  %s
  scopes = [%s]
  %s
}
`, nameLine, strings.Join(q, ", "), extra)
}

// oauthTokenClient is a client that authenticates with accessToken.
func oauthTokenClient(e *acctest.Env, accessToken string) *client.Client {
	e.T.Helper()
	c, err := client.New(client.Config{BaseURL: e.BaseURL, Token: accessToken, UserAgent: "carrierx-acc-test"})
	if err != nil {
		e.T.Fatal(err)
	}
	return c
}

// oauthTokenWorks reports whether a request with accessToken is accepted;
// it returns an error unless the answer is 2xx or 401.
func oauthTokenWorks(e *acctest.Env, accessToken string) (bool, error) {
	_, err := client.ListPage[map[string]any](context.Background(), oauthTokenClient(e, accessToken), "/oauth/tokens", client.ListOptions{PageSize: 1}, 0)
	switch client.StatusCode(err) {
	case 0:
		if err != nil {
			return false, err
		}
		return true, nil
	case http.StatusUnauthorized:
		return false, nil
	case http.StatusForbidden:
		return true, nil // authenticated, only without oauth read scopes
	}
	return false, err
}

// oauthTokenCheckRevoked is a CheckDestroy: every token left in state is no
// longer found by SID, and a request made with it answers 401.
func oauthTokenCheckRevoked(e *acctest.Env, s *terraform.State) error {
	for addr, rs := range s.RootModule().Resources {
		if rs.Type != "carrierx_oauth_token" || strings.HasPrefix(addr, "data.") {
			continue
		}
		sid := rs.Primary.Attributes["token_sid"]
		if _, err := client.Objects[client.Token](e.API, client.TokenKind).Get(context.Background(), sid); !client.IsNotFound(err) {
			return fmt.Errorf("token %s after destroy: want 404, got %w", sid, err)
		}
		works, err := oauthTokenWorks(e, rs.Primary.Attributes["access_token"])
		if err != nil {
			return fmt.Errorf("token %s after destroy: %w", sid, err)
		}
		if works {
			return fmt.Errorf("token %s still authenticates after destroy", sid)
		}
	}
	return nil
}

// oauthTokenForm decodes the form body of a logged request (the request
// log keeps non-JSON bodies as a JSON string).
func oauthTokenForm(r acctest.Request) (url.Values, error) {
	var raw string
	if err := json.Unmarshal(r.Body, &raw); err != nil {
		return nil, fmt.Errorf("%s %s body %s is not a logged form: %w", r.Method, r.Path, r.Body, err)
	}
	return url.ParseQuery(raw)
}

// oauthTokenRevoked returns the access tokens the request log shows revoked.
func oauthTokenRevoked(reqs []acctest.Request) ([]string, error) {
	var out []string
	for _, r := range reqs {
		if r.Method != http.MethodPost || r.Path != "/core/v2/oauth/revoke" {
			continue
		}
		f, err := oauthTokenForm(r)
		if err != nil {
			return nil, err
		}
		if r.Status != http.StatusNoContent {
			return nil, fmt.Errorf("revoke answered %d", r.Status)
		}
		out = append(out, f.Get("token"))
	}
	return out, nil
}

// oauthTokenStateHasNone fails when any value appears in any attribute or
// output of the state.
func oauthTokenStateHasNone(s *terraform.State, values []string) error {
	for _, m := range s.Modules {
		for addr, rs := range m.Resources {
			for k, v := range rs.Primary.Attributes {
				for _, secret := range values {
					if secret != "" && strings.Contains(v, secret) {
						return fmt.Errorf("secret found in state at %s.%s", addr, k)
					}
				}
			}
		}
		for name, o := range m.Outputs {
			b, _ := json.Marshal(o.Value)
			for _, secret := range values {
				if secret != "" && strings.Contains(string(b), secret) {
					return fmt.Errorf("secret found in output %s", name)
				}
			}
		}
	}
	return nil
}

// oauthTokenNames lists the names of the caller's active tokens, sorted.
func oauthTokenNames(e *acctest.Env) []string {
	e.T.Helper()
	tks, err := client.Objects[client.Token](e.API, client.TokenKind).List(context.Background(), client.ListOptions{})
	if err != nil {
		e.T.Fatal(err)
	}
	out := make([]string, 0, len(tks))
	for _, tk := range tks {
		n := ""
		if tk.Name != nil {
			n = *tk.Name
		}
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// oauthTokenLifetimeOK checks that an expiration date is about n seconds
// after the creation date.
func oauthTokenLifetimeOK(created, expires string, n int64) error {
	c, err := time.Parse(oauthtoken.TimeLayout, created)
	if err != nil {
		return err
	}
	x, err := time.Parse(oauthtoken.TimeLayout, expires)
	if err != nil {
		return err
	}
	if d := x.Sub(c) - time.Duration(n)*time.Second; d < -2*time.Second || d > 2*time.Second {
		return fmt.Errorf("expiration %s is not %ds after creation %s", expires, n, created)
	}
	return nil
}

// TestAccOAuthToken_lifecycle: create (one form POST), import, rename in
// place (one PATCH with only the name), scopes in place, a lifetime change
// that replaces (the old token revoked), destroy revokes.
func TestAccOAuthToken_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var firstSID, firstAccess string
	scopes := []string{"endpoints.read", "oauth.read"}
	e.Test(resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			if !e.Live {
				// Destroy revokes the token with one POST /oauth/revoke.
				reqs := e.Requests()
				revoked, err := oauthTokenRevoked(reqs)
				if err != nil {
					return err
				}
				access, _ := oauthTokenAccessFrom(s, oauthTokenRes)
				if len(revoked) != 1 || revoked[0] != access {
					return fmt.Errorf("destroy revoked %d tokens (want 1, the resource's): %v", len(revoked), acctest.Summarize(reqs))
				}
			}
			return oauthTokenCheckRevoked(e, s)
		},
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Config(oauthTokenConfig("ci", scopes, "access_token_expires_in = 7200")),
				ConfigPlanChecks: acctest.Plans(oauthTokenRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(oauthTokenRes, tfjsonpath.New("scopes"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("endpoints.read"), knownvalue.StringExact("oauth.read")})),
					statecheck.ExpectKnownValue(oauthTokenRes, tfjsonpath.New("token_type"), knownvalue.StringExact("bearer")),
					statecheck.ExpectKnownValue(oauthTokenRes, tfjsonpath.New("access_token_expires_in"), knownvalue.Int64Exact(7200)),
					statecheck.ExpectSensitiveValue(oauthTokenRes, tfjsonpath.New("access_token")),
					statecheck.ExpectSensitiveValue(oauthTokenRes, tfjsonpath.New("refresh_token")),
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(oauthTokenRes, "token_sid", acctest.SIDRegexp),
					resource.TestCheckResourceAttr(oauthTokenRes, "name", "ci"),
					resource.TestCheckResourceAttrSet(oauthTokenRes, "access_token"),
					resource.TestCheckResourceAttrSet(oauthTokenRes, "refresh_token"),
					resource.TestCheckResourceAttrSet(oauthTokenRes, "client_id"),
					resource.TestCheckResourceAttrSet(oauthTokenRes, "partner_sid"),
					func(s *terraform.State) error {
						rs := s.RootModule().Resources[oauthTokenRes].Primary.Attributes
						firstSID, firstAccess = rs["token_sid"], rs["access_token"]
						if err := oauthTokenLifetimeOK(rs["date_created"], rs["date_expiration_access_token"], 7200); err != nil {
							return err
						}
						// The new token works.
						if works, err := oauthTokenWorks(e, firstAccess); err != nil || !works {
							return fmt.Errorf("new token does not authenticate: %w", err)
						}
						if e.Live {
							return nil
						}
						reqs := e.Requests()
						if err := acctest.ExpectCalls(reqs, map[string]int{"POST /core/v2/oauth/token": 1, "GET /core/v2/oauth/tokens/" + firstSID: 0}); err != nil {
							return err
						}
						for _, r := range reqs {
							if r.Path != "/core/v2/oauth/token" {
								continue
							}
							f, err := oauthTokenForm(r)
							if err != nil {
								return err
							}
							want := url.Values{"name": {"ci"}, "scopes": {"endpoints.read", "oauth.read"}, "access_token_expires_in": {"7200"}}
							if f.Encode() != want.Encode() {
								return fmt.Errorf("create form %q, want %q", f.Encode(), want.Encode())
							}
						}
						return nil
					},
				),
			},
			{
				ResourceName:                         oauthTokenRes,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "token_sid",
				ImportStateIdFunc:                    oauthTokenSIDFrom,
				// Every use of the token moves these (the check above used it).
				ImportStateVerifyIgnore: []string{"date_last_accessed", "ip_last_accessed"},
			},
			{
				// An import block with the same configuration plans no change.
				Config:            e.Config(oauthTokenConfig("ci", scopes, "access_token_expires_in = 7200")),
				ResourceName:      oauthTokenRes,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: oauthTokenSIDFrom,
			},
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Config(oauthTokenConfig("ci-renamed", scopes, "access_token_expires_in = 7200")),
				ConfigPlanChecks: acctest.Quiet(oauthTokenRes, "name"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(oauthTokenRes, "name", "ci-renamed"),
					resource.TestCheckResourceAttrPtr(oauthTokenRes, "token_sid", &firstSID),
					resource.TestCheckResourceAttrPtr(oauthTokenRes, "access_token", &firstAccess),
					acctest.Sent(e, &firstSID, map[string]int{"PATCH /core/v2/oauth/tokens/{sid}": 1, "POST /core/v2/oauth/token": 0}, "PATCH", `{"name":"ci-renamed"}`),
				),
			},
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Config(oauthTokenConfig("ci-renamed", []string{"oauth.read", "endpoints.manage"}, "access_token_expires_in = 7200")),
				ConfigPlanChecks: acctest.Quiet(oauthTokenRes, "scopes"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPtr(oauthTokenRes, "token_sid", &firstSID),
					resource.TestCheckTypeSetElemAttr(oauthTokenRes, "scopes.*", "endpoints.manage"),
					func(s *terraform.State) error {
						if e.Live {
							return nil
						}
						return acctest.ExpectBody(e.Requests(), "PATCH", `{"scopes":["endpoints.manage","oauth.read"]}`)
					},
				),
			},
			{
				Config:           e.Config(oauthTokenConfig("ci-renamed", []string{"oauth.read", "endpoints.manage"}, "access_token_expires_in = 600")),
				ConfigPlanChecks: acctest.Plans(oauthTokenRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(oauthTokenRes, "access_token_expires_in", "600"),
					func(s *terraform.State) error {
						sid, _ := oauthTokenSIDFrom(s)
						if sid == firstSID {
							return fmt.Errorf("lifetime change kept token %s; expected a new token", sid)
						}
						if works, err := oauthTokenWorks(e, firstAccess); err != nil || works {
							return fmt.Errorf("replaced token %s still authenticates (err %w)", firstSID, err)
						}
						rs := s.RootModule().Resources[oauthTokenRes].Primary.Attributes
						if err := oauthTokenLifetimeOK(rs["date_created"], rs["date_expiration_access_token"], 600); err != nil {
							return err
						}
						e.ClearRequestsIfEmulated() // CheckDestroy counts what destroy sends
						return nil
					},
				),
			},
		},
	})
}

// TestAccOAuthToken_drift: a rename made outside Terraform shows in the plan
// and is reverted; a token revoked outside Terraform leaves state and the
// next plan creates a new one.
func TestAccOAuthToken_drift(t *testing.T) {
	e := acctest.New(t)
	var sid, access string
	cfg := e.Config(oauthTokenConfig("drift", []string{"endpoints.read"}, ""))
	e.Test(resource.TestCase{
		CheckDestroy: func(x *terraform.State) error { return oauthTokenCheckRevoked(e, x) },
		Steps: []resource.TestStep{
			{
				Config:           cfg,
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: func(s *terraform.State) (err error) {
					sid, _ = oauthTokenSIDFrom(s)
					access, err = oauthTokenAccessFrom(s, oauthTokenRes)
					return err
				},
			},
			{
				PreConfig: func() {
					if _, err := client.Objects[client.Token](e.API, client.TokenKind).Update(context.Background(), sid, map[string]any{"name": "renamed-outside"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(oauthTokenRes, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(oauthTokenRes, tfjsonpath.New("name"), knownvalue.StringExact("drift")),
						acctest.ExpectOnlyChanges(oauthTokenRes, "name"),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(oauthTokenRes, "name", "drift"),
					resource.TestCheckResourceAttrPtr(oauthTokenRes, "token_sid", &sid),
				),
			},
			acctest.RecreateStep(t, cfg, oauthTokenRes, "token_sid", &sid, func() error { return e.API.RevokeToken(context.Background(), access) }),
		},
	})
}

// TestAccOAuthToken_expired: a token whose access token expired is replaced
// by the next plan.
func TestAccOAuthToken_expired(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // expiry is simulated through the control API
	var sid string
	cfg := e.Config(oauthTokenConfig("expiring", []string{"endpoints.read"}, "access_token_expires_in = 60"))
	e.Test(resource.TestCase{
		CheckDestroy: func(x *terraform.State) error { return oauthTokenCheckRevoked(e, x) },
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) (err error) {
					sid, err = oauthTokenSIDFrom(s)
					return err
				},
			},
			{
				PreConfig: func() {
					e.Control(http.MethodPatch, "/objects/oauth.tokens/"+sid, map[string]any{"date_expiration_access_token": "2020-01-01T00:00:00.000Z"}, nil)
				},
				Config:           cfg,
				ConfigPlanChecks: acctest.Plans(oauthTokenRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: func(s *terraform.State) error {
					newSID, _ := oauthTokenSIDFrom(s)
					if newSID == sid {
						return fmt.Errorf("expired token %s was kept", sid)
					}
					access, err := oauthTokenAccessFrom(s, oauthTokenRes)
					if err != nil {
						return err
					}
					if works, err := oauthTokenWorks(e, access); err != nil || !works {
						return fmt.Errorf("replacement token does not authenticate (err %w)", err)
					}
					return nil
				},
			},
		},
	})
}

// TestAccOAuthToken_badInput: plan-time checks and the API's own messages,
// with nothing left behind.
func TestAccOAuthToken_badInput(t *testing.T) {
	e := acctest.New(t)
	before := oauthTokenNames(e)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				// An unknown scope: CarrierX's message, pointed at scopes.
				Config:      e.Config(oauthTokenConfig("bad", []string{"endpoints.read", "no_such.scope"}, "")),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_oauth_token.*POST /oauth/token:\s+4\d\d.*no_such\.scope`),
			},
			{
				Config:      e.Config(oauthTokenConfig("bad", []string{"endpoints.read"}, `partner_sid = "not-a-sid"`)),
				ExpectError: regexp.MustCompile(`(?s)partner_sid\s+must\s+be\s+a\s+CarrierX\s+SID,\s+a\s+UUID\s+such\s+as`),
				PlanOnly:    true,
			},
			{
				// A well-formed SID of no partner: the API refuses it.
				Config:      e.Config(oauthTokenConfig("bad", []string{"endpoints.read"}, `partner_sid = "0badc0de-0000-4000-8000-000000000000"`)),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_oauth_token.*POST\s+/oauth/token/0badc0de-0000-4000-8000-000000000000:\s+4\d\d`),
			},
			{
				Config:      e.Config(oauthTokenConfig("bad", []string{"endpoints.read"}, "access_token_expires_in = 0")),
				ExpectError: regexp.MustCompile(`(?s)access_token_expires_in\s+value\s+must\s+be\s+at\s+least\s+1`),
				PlanOnly:    true,
			},
			{
				Config:      e.Config(oauthTokenConfig("bad", []string{}, "")),
				ExpectError: regexp.MustCompile(`(?s)Attribute scopes set must contain at least 1\s+elements`),
				PlanOnly:    true,
			},
			{
				Config: e.Config(`
import {
  to = carrierx_oauth_token.test
  id = "ci_token"
}
` + oauthTokenConfig("bad", []string{"endpoints.read"}, "")),
				ExpectError: regexp.MustCompile(`(?s)"ci_token" is not a token SID; import with the token_sid`),
				PlanOnly:    true,
			},
		},
	})
	if after := oauthTokenNames(e); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("tokens left behind: before %v, after %v", before, after)
	}
}

// TestAccOAuthToken_subPartner mints a token for a sub-partner
// (POST /oauth/token/{partner_sid}); it acts as that partner; changing
// partner_sid replaces it; destroy revokes it.
func TestAccOAuthToken_subPartner(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // needs a sub-partner, seeded through the control API
	subs := e.Seed("partners", 2, map[string]any{"login": "oauth-sub-{n}", "name": "OAuth Sub {n}"})
	cfg := func(sub string) string {
		return e.Config(oauthTokenConfig("for-sub", []string{"endpoints.read", "partners.read"}, fmt.Sprintf("partner_sid = %q", sub)))
	}
	var firstSID string
	e.Test(resource.TestCase{
		CheckDestroy: func(x *terraform.State) error { return oauthTokenCheckRevoked(e, x) },
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequests,
				Config:           cfg(subs[0]),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(oauthTokenRes, "partner_sid", subs[0]),
					func(s *terraform.State) error {
						firstSID, _ = oauthTokenSIDFrom(s)
						if err := acctest.ExpectCalls(e.Requests(), map[string]int{"POST /core/v2/oauth/token/" + subs[0]: 1, "POST /core/v2/oauth/token": 0}); err != nil {
							return err
						}
						// The token acts as the sub-partner: it sees the sub-partner's own system gateway.
						access, _ := oauthTokenAccessFrom(s, oauthTokenRes)
						eps, err := client.Objects[client.Endpoint](oauthTokenClient(e, access), client.EndpointKind).List(context.Background(), client.ListOptions{})
						if err != nil || len(eps) != 1 || eps[0].PartnerSID != subs[0] {
							return fmt.Errorf("sub-partner token lists %v (err %w), want the sub-partner's gateway", eps, err)
						}
						return nil
					},
				),
			},
			{
				ResourceName:                         oauthTokenRes,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "token_sid",
				ImportStateIdFunc:                    oauthTokenSIDFrom,
				ImportStateVerifyIgnore:              []string{"date_last_accessed", "ip_last_accessed"},
			},
			{
				Config:           cfg(subs[1]),
				ConfigPlanChecks: acctest.Plans(oauthTokenRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(oauthTokenRes, "partner_sid", subs[1]),
					func(s *terraform.State) error {
						if sid, _ := oauthTokenSIDFrom(s); sid == firstSID {
							return fmt.Errorf("partner_sid change kept token %s", sid)
						}
						if _, err := client.Objects[client.Token](e.API, client.TokenKind).Get(context.Background(), firstSID); !client.IsNotFound(err) {
							return fmt.Errorf("replaced token %s: want 404, got %w", firstSID, err)
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccOAuthToken_readOnlyTokenIsRefused is the proof with a token
// resource: a token with only endpoints.read, fed to an aliased provider,
// cannot create an endpoint, and the user sees CarrierX's 403.
func TestAccOAuthToken_readOnlyTokenIsRefused(t *testing.T) {
	e := acctest.New(t)
	token := e.Config(oauthTokenConfig("read-only", []string{"endpoints.read"}, ""))
	aliased := token + fmt.Sprintf(`
provider "carrierx" {
  alias    = "ro"
  base_url = %q
  token    = carrierx_oauth_token.test.access_token
}

data "carrierx_endpoints" "ro" {
  provider = carrierx.ro
}
`, e.BaseURL)
	e.Test(resource.TestCase{
		CheckDestroy: func(x *terraform.State) error { return oauthTokenCheckRevoked(e, x) },
		Steps: []resource.TestStep{
			{Config: token},
			{
				// Reading works with the read-only token.
				Config: aliased,
				Check:  resource.TestCheckResourceAttr("data.carrierx_endpoints.ro", "endpoints.#", "1"),
			},
			{
				Config: aliased + `
resource "carrierx_endpoint" "denied" {
  provider = carrierx.ro
  name     = "denied"
  type     = "third_party"
}
`,
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_endpoint.*POST /endpoints: 403.*lacks a scope this\s+request needs`),
			},
		},
	})
	eps, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).List(context.Background(), client.ListOptions{Filter: client.Eq("name", "denied").String()})
	if err != nil || len(eps) != 0 {
		t.Fatalf("refused endpoint exists: %v %v", eps, err)
	}
}

// TestAccOAuthToken_used: every use of a token moves date_last_accessed
// and ip_last_accessed, as downloading a file or following a link moves
// theirs. The next refresh reads them and the plan stays empty; a rename
// plans the name alone, and applies while the token is being used.
func TestAccOAuthToken_used(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // the emulator records a use at most once a minute: its clock moves
	var access string
	cfg := func(name string) string { return e.Config(oauthTokenConfig(name, []string{"oauth.read"}, "")) }
	use := func() error {
		e.AdvanceClock(61)
		works, err := oauthTokenWorks(e, access)
		if err == nil && !works {
			err = fmt.Errorf("the token was refused")
		}
		return err
	}
	e.Test(resource.TestCase{
		CheckDestroy: func(s *terraform.State) error { return oauthTokenCheckRevoked(e, s) },
		Steps: []resource.TestStep{
			{
				Config: cfg("used"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckNoResourceAttr(oauthTokenRes, "date_last_accessed"),
					func(s *terraform.State) (err error) { access, err = oauthTokenAccessFrom(s, oauthTokenRes); return err },
				),
			},
			{
				PreConfig:        acctest.Must(t, use),
				Config:           cfg("used"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrSet(oauthTokenRes, "date_last_accessed"),
					resource.TestCheckResourceAttr(oauthTokenRes, "ip_last_accessed", "127.0.0.1"),
				),
			},
			{
				// Used again between this plan and its apply: the apply
				// keeps what was planned, the next refresh reads the use.
				PreConfig: acctest.Must(t, use),
				Config:    cfg("used-2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{acctest.ExpectOnlyChanges(oauthTokenRes, "name"), acctest.PlanCheck(use)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(oauthTokenRes, "name", "used-2"),
			},
		},
	})
}
