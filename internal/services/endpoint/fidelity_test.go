package endpoint_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
)

// TestAccEndpoint_keysCarrierXAdds: a properties key CarrierX adds (a
// conference endpoint's container_sid, in CarrierX's documented create
// sample) and an auth_required the API omits change no plan; auth_required is
// not sent unless configured; an update of properties sends every managed
// key, and a removed one as null, never a generated key.
func TestAccEndpoint_keysCarrierXAdds(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	cfg := func(props string) string {
		return e.Config(fmt.Sprintf(`
resource "carrierx_endpoint" "test" {
  name       = "fidelity"
  type       = "conference"
  properties = %s
}
`, props))
	}
	var sid string
	addKeys := func() {
		path := "/objects/endpoints/" + sid
		var ep map[string]any
		e.Control(http.MethodGet, path, nil, &ep)
		props := ep["properties"].(map[string]any)
		props["container_sid"] = "null"
		props["added_by_carrierx"] = "x"
		e.Control(http.MethodPatch, path, map[string]any{"properties": props, "auth_required": nil}, nil)
		e.ClearRequests()
	}
	noAuthRequired := func(*terraform.State) error {
		body, err := acctest.OnlyRequestBody(e.Requests(), http.MethodPost, "/core/v2/endpoints")
		if err != nil {
			return err
		}
		if v, sent := body["auth_required"]; sent {
			return fmt.Errorf("create sent auth_required = %v, which was not configured", v)
		}
		return nil
	}
	patched := func(want map[string]any) resource.TestCheckFunc {
		w, _ := json.Marshal(map[string]any{"properties": want})
		return acctest.OnePatch(e, string(w))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
			{
				Config: cfg(`{ greeting = "hi" }`),
				Check: resource.ComposeTestCheckFunc(
					acctest.SaveAttr(endpointRes, "endpoint_sid", &sid),
					noAuthRequired,
					resource.TestCheckResourceAttr(endpointRes, "auth_required", "true"),
					resource.TestCheckResourceAttr(endpointRes, "properties.%", "1"),
				),
			},
			{
				PreConfig: addKeys,
				Config:    cfg(`{ greeting = "hi" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(endpointRes, "auth_required", "true"),
			},
			{
				PreConfig: e.ClearRequests,
				Config:    cfg(`{ greeting = "hello", lang = "en" }`),
				Check:     patched(map[string]any{"greeting": "hello", "lang": "en"}),
			},
			{
				PreConfig: e.ClearRequests,
				Config:    cfg(`{ lang = "en" }`),
				Check: resource.ComposeTestCheckFunc(
					patched(map[string]any{"greeting": nil, "lang": "en"}),
					resource.TestCheckResourceAttr(endpointRes, "properties.%", "1"),
					resource.TestCheckResourceAttrSet(endpointRes, "credentials.login"),
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}
