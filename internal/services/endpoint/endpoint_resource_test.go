package endpoint_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const endpointRes = "carrierx_endpoint.test"

// endpointSID reads the SID of the test endpoint from state.
var endpointSID = acctest.Attr(endpointRes, "endpoint_sid")

func endpoints(e *acctest.Env) client.Collection[client.Endpoint] {
	return client.Objects[client.Endpoint](e.API, client.EndpointKind)
}

func thirdParty(name string, capacity int, extra string) string {
	return fmt.Sprintf(`
resource "carrierx_endpoint" "test" {
  name     = %q
  type     = "third_party"
  capacity = %d
  addresses = [{
    ip   = "203.0.113.10"
    port = "5060"
  }]
  attributes = { team = "voice" }
  %s
}
`, name, capacity, extra)
}

// TestAccEndpoint_lifecycle covers create, import, update in place, replace
// and destroy, and the request each step sends.
func TestAccEndpoint_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var firstSID string
	e.Test(resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			if !e.Live {
				// Destroy sends one DELETE for the one endpoint, nothing more.
				reqs := e.Requests()
				deletes := 0
				for _, r := range reqs {
					if r.Method == http.MethodDelete {
						deletes++
					}
				}
				if deletes != 1 {
					return fmt.Errorf("destroy sent %d DELETE requests, want 1: %v", deletes, acctest.Summarize(reqs))
				}
			}
			return e.CheckGone("carrierx_endpoint", "endpoint_sid", acctest.Getter[client.Endpoint](e, client.EndpointKind))(s)
		},
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Config(thirdParty("pbx-east", 0, "")),
				ConfigPlanChecks: acctest.Plans(endpointRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(endpointRes, map[string]knownvalue.Check{
					"addresses.0.port":      knownvalue.Int64Exact(5060),
					"addresses.0.transport": knownvalue.StringExact("udp"),
					"addresses.0.direction": knownvalue.StringExact("any"),
					"auth_required":         knownvalue.Bool(true),
					"credentials":           knownvalue.Null(),
					"voip_token":            knownvalue.NotNull(),
					"attributes":            knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("voice")}),
				}),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(endpointRes, "endpoint_sid", acctest.SIDRegexp),
					resource.TestCheckResourceAttr(endpointRes, "type", "third_party"),
					func(s *terraform.State) error {
						sid, err := endpointSID(s)
						firstSID = sid
						if err != nil || e.Live {
							return err
						}
						// Create sends one request and the plan before it none.
						return acctest.ExpectCalls(e.Requests(), map[string]int{"POST /core/v2/endpoints": 1, "GET /core/v2/endpoints/" + sid: 0})
					},
				),
			},
			acctest.ImportStep(endpointRes, "endpoint_sid"),
			// An import block with the same configuration plans no change.
			acctest.ImportBlockStep(e.Config(thirdParty("pbx-east", 0, "")), endpointRes, "endpoint_sid"),
			acctest.QuietStep(e.ClearRequestsIfEmulated, e.Config(thirdParty("pbx-east-2", 20, "")), endpointRes, []string{"name", "capacity"},
				resource.TestCheckResourceAttr(endpointRes, "name", "pbx-east-2"),
				resource.TestCheckResourceAttr(endpointRes, "capacity", "20"),
				acctest.SameAttr(endpointRes, "endpoint_sid", &firstSID),
				// The refresh before the plan reads once; the update sends one PATCH with only what changed.
				acctest.Sent(e, &firstSID, map[string]int{"GET /core/v2/endpoints/{sid}": 1, "PATCH /core/v2/endpoints/{sid}": 1}, "PATCH", `{"capacity":20,"name":"pbx-east-2"}`),
			),
			acctest.ApplyStep(nil, e.Config(strings.Replace(thirdParty("pbx-east-2", 20, ""), `"third_party"`, `"mediator"`, 1)), endpointRes, plancheck.ResourceActionDestroyBeforeCreate,
				resource.TestCheckResourceAttr(endpointRes, "type", "mediator"),
				resource.TestCheckResourceAttrSet(endpointRes, "credentials.login"),
				resource.TestCheckResourceAttrSet(endpointRes, "credentials.password"),
				resource.TestMatchResourceAttr(endpointRes, "credentials.api_url", regexp.MustCompile(`^https?://[^/]+/mediator/v1$`)),
				resource.TestCheckResourceAttr(endpointRes, "properties.%", "0"),
				func(s *terraform.State) error {
					sid, _ := endpointSID(s)
					if sid == firstSID {
						return fmt.Errorf("type change kept SID %s; expected a new endpoint", sid)
					}
					if _, err := endpoints(e).Get(context.Background(), firstSID); !client.IsNotFound(err) {
						return fmt.Errorf("old endpoint %s after replace: %w", firstSID, err)
					}
					e.ClearRequestsIfEmulated() // CheckDestroy counts what destroy sends
					return nil
				},
			),
		},
	})
}

// TestAccEndpoint_drift changes and deletes the endpoint behind Terraform's
// back; the next plan must show both.
func TestAccEndpoint_drift(t *testing.T) {
	e := acctest.New(t)
	var sid string
	cfg := e.Config(thirdParty("drift", 5, ""))
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_endpoint", "endpoint_sid", acctest.Getter[client.Endpoint](e, client.EndpointKind)),
		Steps: acctest.DriftSteps(t, cfg, endpointRes, "endpoint_sid", &sid,
			acctest.UpdateOutside[client.Endpoint](e, client.EndpointKind, &sid, map[string]any{
				"name": "changed-outside", "capacity": 9,
				"addresses": []map[string]any{{"ip": "198.51.100.7", "port": 5080}},
			}),
			resource.ComposeTestCheckFunc(
				acctest.Expect(acctest.Want{endpointRes: {
					"name": "drift", "capacity": "5", "addresses.0.ip": "203.0.113.10",
					"addresses.0.port": "5060",
				}}),
			),
			acctest.DeleteOutside[client.Endpoint](e, client.EndpointKind, &sid)),
	})
}

// TestAccEndpoint_writeOnlyPassword sends out_sip_password_wo without ever
// storing it, and re-sends it when the version changes.
func TestAccEndpoint_writeOnlyPassword(t *testing.T) {
	e := acctest.New(t)
	cfg := func(pw string, v int) string {
		return e.Config(fmt.Sprintf(`
resource "carrierx_endpoint" "test" {
  name                        = "wo"
  type                        = "third_party"
  out_sip_username            = "carrier"
  out_sip_password_wo         = %q
  out_sip_password_wo_version = %d
}
`, pw, v))
	}
	stored := func(want string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			sid, _ := endpointSID(s)
			ep, err := endpoints(e).Get(context.Background(), sid)
			if err != nil {
				return err
			}
			if ep.OutSIPPassword == nil || *ep.OutSIPPassword != want {
				return fmt.Errorf("API has out_sip_password %v, want the write-only value", ep.OutSIPPassword)
			}
			return nil
		}
	}
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_endpoint", "endpoint_sid", acctest.Getter[client.Endpoint](e, client.EndpointKind)),
		Steps: []resource.TestStep{
			{
				Config:           cfg("first-Secret-1", 1),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckNoResourceAttr(endpointRes, "out_sip_password"),
					resource.TestCheckNoResourceAttr(endpointRes, "out_sip_password_wo"),
					stored("first-Secret-1"),
				),
			},
			{
				// A new value alone does not change the plan; the version does.
				Config: cfg("second-Secret-2", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: stored("first-Secret-1"),
			},
			acctest.QuietStep(nil, cfg("second-Secret-2", 2), endpointRes, []string{"out_sip_password_wo_version"},
				resource.TestCheckNoResourceAttr(endpointRes, "out_sip_password"),
				stored("second-Secret-2"),
			),
		},
	})
}

// TestAccEndpoint_hostedProperties keeps user properties apart from the
// generated credentials, which survive a properties update.
func TestAccEndpoint_hostedProperties(t *testing.T) {
	e := acctest.New(t)
	cfg := func(props string) string {
		return e.Config(fmt.Sprintf(`
resource "carrierx_endpoint" "test" {
  name       = "flex"
  type       = "flexml"
  properties = %s
}
`, props))
	}
	var login string
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_endpoint", "endpoint_sid", acctest.Getter[client.Endpoint](e, client.EndpointKind)),
		Steps: []resource.TestStep{
			{
				Config:           cfg(`{}`),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(endpointRes, "credentials.api_url", regexp.MustCompile(`^https?://[^/]+/flexml/v1$`)),
					resource.TestMatchResourceAttr(endpointRes, "credentials.password", regexp.MustCompile(`^.{8,}$`)),
					resource.TestCheckNoResourceAttr(endpointRes, "voip_token"),
					func(s *terraform.State) error {
						login = s.RootModule().Resources[endpointRes].Primary.Attributes["credentials.login"]
						if login == "" {
							return fmt.Errorf("no credentials.login")
						}
						return nil
					},
				),
			},
			acctest.QuietStep(nil, cfg(`{ container_sid = "c0ffee00-0000-4000-8000-000000000001" }`), endpointRes, []string{"properties"},
				resource.TestCheckResourceAttr(endpointRes, "properties.container_sid", "c0ffee00-0000-4000-8000-000000000001"),
				func(s *terraform.State) error {
					got := s.RootModule().Resources[endpointRes].Primary.Attributes["credentials.login"]
					if got != login {
						return fmt.Errorf("credentials.login changed from %q to %q on a properties update", login, got)
					}
					return nil
				},
			),
		},
	})
}

// TestAccEndpoint_invalidInput fails at plan time where the schema knows
// better, and with CarrierX's own message otherwise; nothing is left behind.
func TestAccEndpoint_invalidInput(t *testing.T) {
	e := acctest.New(t)
	res := func(body string) string {
		return e.Config("resource \"carrierx_endpoint\" \"test\" {\n" + body + "\n}")
	}
	noneLeft := func() {
		acctest.NoneLeft[client.Endpoint](t, e, client.EndpointKind, client.ListOptions{Filter: client.Ne("type", "system_gateway").String()})
	}
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      res(`type = "system_gateway"`),
				ExpectError: regexp.MustCompile(`(?s)type "system_gateway" cannot be created.*third_party`),
			},
			{
				Config:      res(`type = "third_party"` + "\n" + `addresses = [{ ip = "203.0.113.1", transport = "sctp" }]`),
				ExpectError: regexp.MustCompile(`(?s)addresses\[0\]\.transport.*value must be one of`),
			},
			{
				Config:      res(`type = "third_party"` + "\n" + `capacity = -1`),
				ExpectError: regexp.MustCompile(`(?s)capacity.*at least 0`),
			},
			{
				Config:      res(`type = "flexml"` + "\n" + `properties = { password = "x" }`),
				ExpectError: regexp.MustCompile(`properties key "password" is generated by CarrierX`),
			},
			{
				Config:      res(`type = "third_party"` + "\n" + `out_sip_password_wo = "x"`),
				ExpectError: regexp.MustCompile(`out_sip_password_wo_version`),
			},
			{
				// Unknown to the schema (the docs' list is incomplete), refused by the API.
				PreConfig:   noneLeft,
				Config:      res(`type = "bridge"`),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_endpoint.*422.*type`),
			},
			{
				PreConfig:   noneLeft,
				Config:      res(`type = "third_party"` + "\n" + `partner_sid = "00000000-0000-4000-8000-000000000000"`),
				ExpectError: regexp.MustCompile(`(?s)422.*partner_sid`),
			},
		},
	})
	noneLeft()
}

// TestAccEndpoint_importErrors rejects malformed and unknown import IDs.
func TestAccEndpoint_importErrors(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Config(`resource "carrierx_endpoint" "test" { type = "third_party" }`)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			acctest.ImportErrorStep(cfg, endpointRes, "not-a-sid", regexp.MustCompile(`"not-a-sid" is not an endpoint SID`)),
			acctest.ImportErrorStep(cfg, endpointRes, "00000000-0000-4000-8000-000000000000", regexp.MustCompile(`Cannot import non-existent remote object`)),
		},
	})
}

// TestAccEndpoint_retryOn429 injects one 429 with Retry-After on the create.
func TestAccEndpoint_retryOn429(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_endpoint", "endpoint_sid", acctest.Getter[client.Endpoint](e, client.EndpointKind)),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.ClearRequests()
				e.Fault(map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 1, "status": 429, "retry_after": "1"})
			},
			Config: e.Config(`resource "carrierx_endpoint" "test" { type = "third_party" }`),
			Check: func(*terraform.State) error {
				// The run's token check (GET /core/v2/countries/USA) comes first.
				reqs := slices.DeleteFunc(e.Requests(), func(r acctest.Request) bool { return r.Method != http.MethodPost })
				if err := acctest.ExpectCalls(reqs, map[string]int{"POST /core/v2/endpoints": 2}); err != nil {
					return err
				}
				if !reqs[0].Fault || reqs[0].Status != 429 || reqs[1].Status != 200 {
					return fmt.Errorf("want a faulted 429 then a 200, got %v", acctest.Summarize(reqs))
				}
				eps, err := endpoints(e).List(context.Background(), client.ListOptions{Filter: `type eq "third_party"`})
				if err == nil && len(eps) != 1 {
					err = fmt.Errorf("%d endpoints after a retried create, want 1", len(eps))
				}
				return err
			},
		}},
	})
}

// TestAccEndpoint_serverError500 fails the apply with CarrierX's message and
// creates nothing: a 500 on a POST is never retried.
func TestAccEndpoint_serverError500(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.ClearRequests()
				e.Fault(map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 0, "status": 500, "message": "switch on fire"})
			},
			Config:      e.Config(`resource "carrierx_endpoint" "test" { type = "third_party" }`),
			ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_endpoint.*500.*switch on fire`),
		}},
	})
	if n := acctest.Count(e.Requests(), "POST", "/core/v2/endpoints"); n != 1 {
		t.Fatalf("%d POST attempts, want 1 (a 500 on create is not retried)", n)
	}
	eps, err := endpoints(e).List(context.Background(), client.ListOptions{Filter: `type eq "third_party"`})
	if err != nil || len(eps) != 0 {
		t.Fatalf("after a failed create: %d endpoints, err %v", len(eps), err)
	}
}

// TestAccEndpoint_updateRetriesExhausted answers 503 to every PATCH: the
// provider retries, then fails quoting CarrierX, and state keeps the old
// values so the next plan still shows the change.
func TestAccEndpoint_updateRetriesExhausted(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_endpoint", "endpoint_sid", acctest.Getter[client.Endpoint](e, client.EndpointKind)),
		Steps: []resource.TestStep{
			{Config: e.Config(thirdParty("before", 1, ""))},
			{
				PreConfig: func() {
					e.ClearRequests()
					e.Fault(map[string]any{"method": "PATCH", "path": "/core/v2/endpoints/*", "count": 0, "status": 503, "message": "maintenance window"})
				},
				Config:      e.Config(thirdParty("after", 1, "")),
				ExpectError: regexp.MustCompile(`(?s)Unable to update carrierx_endpoint.*503.*maintenance window`),
			},
			{
				PreConfig: func() {
					// max_retries = 3 in the test provider block: 4 attempts.
					patches := 0
					for _, r := range e.Requests() {
						if r.Method == http.MethodPatch {
							patches++
						}
					}
					if patches != 4 {
						t.Fatalf("%d PATCH attempts, want 4", patches)
					}
					e.Control("DELETE", "/faults", nil, nil)
				},
				Config:   e.Config(thirdParty("after", 1, "")),
				PlanOnly: true, ExpectNonEmptyPlan: true,
			},
			{Config: e.Config(thirdParty("after", 1, "")), Check: resource.TestCheckResourceAttr(endpointRes, "name", "after")},
		},
	})
}
