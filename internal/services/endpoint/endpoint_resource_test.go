package endpoint_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const endpointRes = "carrierx_endpoint.test"

// endpointSID reads the SID of the test endpoint from state.
var endpointSID = acctest.Attr(endpointRes, "endpoint_sid")

func endpoints(e *acctest.Env) client.Collection[client.Endpoint, *client.Endpoint] {
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
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
				PreConfig: e.ClearRequestsIfEmulated,
				Config:    e.Config(thirdParty("pbx-east", 0, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(endpointRes, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(endpointRes, tfjsonpath.New("addresses").AtSliceIndex(0).AtMapKey("port"), knownvalue.Int64Exact(5060)),
					statecheck.ExpectKnownValue(endpointRes, tfjsonpath.New("addresses").AtSliceIndex(0).AtMapKey("transport"), knownvalue.StringExact("udp")),
					statecheck.ExpectKnownValue(endpointRes, tfjsonpath.New("addresses").AtSliceIndex(0).AtMapKey("direction"), knownvalue.StringExact("any")),
					statecheck.ExpectKnownValue(endpointRes, tfjsonpath.New("auth_required"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(endpointRes, tfjsonpath.New("credentials"), knownvalue.Null()),
					statecheck.ExpectKnownValue(endpointRes, tfjsonpath.New("voip_token"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(endpointRes, tfjsonpath.New("attributes"), knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("voice")})),
				},
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
			acctest.ApplyStep(e.ClearRequestsIfEmulated, e.Config(thirdParty("pbx-east-2", 20, "")), endpointRes, plancheck.ResourceActionUpdate,
				resource.TestCheckResourceAttr(endpointRes, "name", "pbx-east-2"),
				resource.TestCheckResourceAttr(endpointRes, "capacity", "20"),
				func(s *terraform.State) error {
					sid, _ := endpointSID(s)
					if sid != firstSID {
						return fmt.Errorf("update replaced the endpoint: %s became %s", firstSID, sid)
					}
					if e.Live {
						return nil
					}
					reqs := e.Requests()
					// The refresh before the plan reads once; the update sends one PATCH with only what changed.
					if err := acctest.ExpectCalls(reqs, map[string]int{"GET /core/v2/endpoints/" + sid: 1, "PATCH /core/v2/endpoints/" + sid: 1}); err != nil {
						return err
					}
					return acctest.ExpectBody(reqs, "PATCH", `{"capacity":20,"name":"pbx-east-2"}`)
				},
			),
			acctest.ApplyStep(nil, e.Config(strings.Replace(thirdParty("pbx-east-2", 20, ""), `"third_party"`, `"mediator"`, 1)), endpointRes, plancheck.ResourceActionDestroyBeforeCreate,
				resource.TestCheckResourceAttr(endpointRes, "type", "mediator"),
				resource.TestCheckResourceAttrSet(endpointRes, "credentials.login"),
				resource.TestCheckResourceAttrSet(endpointRes, "credentials.password"),
				resource.TestCheckResourceAttr(endpointRes, "credentials.api_url", "https://api.carrierx.com/mediator/v1"),
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		CheckDestroy:             e.CheckGone("carrierx_endpoint", "endpoint_sid", acctest.Getter[client.Endpoint](e, client.EndpointKind)),
		Steps: acctest.DriftSteps(t, cfg, endpointRes, "endpoint_sid", &sid,
			acctest.UpdateOutside[client.Endpoint](e, client.EndpointKind, &sid, map[string]any{
				"name": "changed-outside", "capacity": 9,
				"addresses": []map[string]any{{"ip": "198.51.100.7", "port": 5080}},
			}),
			resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(endpointRes, "name", "drift"),
				resource.TestCheckResourceAttr(endpointRes, "capacity", "5"),
				resource.TestCheckResourceAttr(endpointRes, "addresses.0.ip", "203.0.113.10"),
				resource.TestCheckResourceAttr(endpointRes, "addresses.0.port", "5060"),
			),
			acctest.DeleteOutside[client.Endpoint](e, client.EndpointKind, &sid)),
	})
}
