package endpoint_test

import (
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestAccEndpointDataSource(t *testing.T) {
	e := acctest.New(t)
	ep := acctest.Lookup{Type: "carrierx_endpoint", Noun: "endpoint", SIDAttr: "endpoint_sid"}
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(e.Config(""), `
resource "carrierx_endpoint" "pbx" {
  name      = "ds pbx \"one\""
  type      = "third_party"
  addresses = [{ ip = "192.0.2.44", transport = "tcp" }]
}
`+ep.Labelled("by_sid", "endpoint_sid = carrierx_endpoint.pbx.endpoint_sid")+
			ep.Labelled("by_filter", `filter = "name eq ${jsonencode(carrierx_endpoint.pbx.name)}"`)+
			ep.Labelled("by_address", `filter = "addresses.ip eq \"192.0.2.44\""`, "depends_on = [carrierx_endpoint.pbx]")+
			ep.Labelled("gateway", `filter = "type eq system_gateway"`),
			resource.ComposeAggregateTestCheckFunc(
				acctest.Paired(acctest.Want{
					"data.carrierx_endpoint.by_sid":     {"endpoint_sid": "carrierx_endpoint.pbx"},
					"data.carrierx_endpoint.by_filter":  {"endpoint_sid": "carrierx_endpoint.pbx"},
					"data.carrierx_endpoint.by_address": {"endpoint_sid": "carrierx_endpoint.pbx"},
				}),
				acctest.Expect(acctest.Want{
					"data.carrierx_endpoint.by_sid":  {"addresses.0.transport": "tcp", "addresses.0.port": "5060"},
					"data.carrierx_endpoint.gateway": {"type": "system_gateway"},
				}),
				resource.TestCheckResourceAttrSet("data.carrierx_endpoint.gateway", "addresses.0.ip"),
			),
			append(ep.Errors(`"name eq nothing-has-this-name"`, `"type ne system_gateway_x"`),
				acctest.ErrorCase{Config: `data "carrierx_endpoints" "x" { filter = "name eq" }`,
					Want: acctest.ListFilterError("endpoints")})...),
	})
}

// TestAccEndpointsDataSource_pagination lists 2,500 endpoints: 1,000 a page,
// so every read of the data source makes exactly three list requests.
func TestAccEndpointsDataSource_pagination(t *testing.T) {
	acctest.SeededTest(t, "endpoints", 2500, map[string]any{"type": "third_party", "name": "bulk-{n}"}, func(e *acctest.Env) []resource.TestStep {
		return []resource.TestStep{
			acctest.PagedOnceStep(e, e.Config(`data "carrierx_endpoints" "bulk" { filter = "name like \"bulk-%\"" }`), "/core/v2/endpoints", 2500,
				acctest.Expect(acctest.Want{"data.carrierx_endpoints.bulk": {"endpoints.#": "2500", "endpoints.0.name": "bulk-0",
					"endpoints.2499.name": "bulk-2499"}})),
			acctest.PagedListStep(e, e.Config(`data "carrierx_endpoints" "bulk" {
  filter = "name like \"bulk-1%\""
  order  = "name desc"
}`), "/core/v2/endpoints", 1111,
				// bulk-1, bulk-10..19, bulk-100..199, bulk-1000..1999
				resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.#", "1111"),
				resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.0.name", "bulk-1999"),
			),
		}
	})
}
