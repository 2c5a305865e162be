package endpoint_test

import (
	"fmt"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccEndpointDataSource(t *testing.T) {
	e := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: append([]resource.TestStep{
			{
				Config: e.Config(`
resource "carrierx_endpoint" "pbx" {
  name      = "ds pbx \"one\""
  type      = "third_party"
  addresses = [{ ip = "192.0.2.44", transport = "tcp" }]
}
data "carrierx_endpoint" "by_sid" {
  endpoint_sid = carrierx_endpoint.pbx.endpoint_sid
}
data "carrierx_endpoint" "by_filter" {
  filter = "name eq ${jsonencode(carrierx_endpoint.pbx.name)}"
}
data "carrierx_endpoint" "by_address" {
  filter     = "addresses.ip eq \"192.0.2.44\""
  depends_on = [carrierx_endpoint.pbx]
}
data "carrierx_endpoint" "gateway" {
  filter = "type eq system_gateway"
}
`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.carrierx_endpoint.by_sid", "endpoint_sid", "carrierx_endpoint.pbx", "endpoint_sid"),
					resource.TestCheckResourceAttrPair("data.carrierx_endpoint.by_filter", "endpoint_sid", "carrierx_endpoint.pbx", "endpoint_sid"),
					resource.TestCheckResourceAttrPair("data.carrierx_endpoint.by_address", "endpoint_sid", "carrierx_endpoint.pbx", "endpoint_sid"),
					resource.TestCheckResourceAttr("data.carrierx_endpoint.by_sid", "addresses.0.transport", "tcp"),
					resource.TestCheckResourceAttr("data.carrierx_endpoint.by_sid", "addresses.0.port", "5060"),
					resource.TestCheckResourceAttr("data.carrierx_endpoint.gateway", "type", "system_gateway"),
					resource.TestCheckResourceAttrSet("data.carrierx_endpoint.gateway", "addresses.0.ip"),
				),
			},
		}, acctest.ErrorSteps(e.Config(""),
			acctest.ErrorCase{Config: `data "carrierx_endpoint" "x" { filter = "type ne system_gateway_x" }`,
				Want: `filter "type ne system_gateway_x" matched more than one endpoints|matched 2 endpoints`},
			acctest.ErrorCase{Config: `data "carrierx_endpoint" "x" { filter = "name eq nothing-has-this-name" }`,
				Want: `matched 0 endpoints`},
			acctest.ErrorCase{Config: `data "carrierx_endpoint" "x" { endpoint_sid = "00000000-0000-4000-8000-000000000000" }`,
				Want: `No endpoint has endpoint_sid "00000000-0000-4000-8000-000000000000"`},
			acctest.ErrorCase{Config: `data "carrierx_endpoint" "x" {}`,
				Want: `Exactly one of these attributes must be configured: \[endpoint_sid,filter\]`},
			acctest.ErrorCase{Config: `data "carrierx_endpoints" "x" { filter = "name eq" }`,
				Want: acctest.ListFilterError("endpoints")},
		)...),
	})
}

// TestAccEndpointsDataSource_pagination lists 2,500 endpoints: 1,000 a page,
// so every read of the data source makes exactly three list requests.
func TestAccEndpointsDataSource_pagination(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	e.Seed("endpoints", 2500, map[string]any{"type": "third_party", "name": "bulk-{n}"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
			acctest.PagedListStep(e, e.Config(`data "carrierx_endpoints" "bulk" { filter = "name like \"bulk-%\"" }`), "/core/v2/endpoints", 2500,
				resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.#", "2500"),
				resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.0.name", "bulk-0"),
				resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.2499.name", "bulk-2499"),
				func(*terraform.State) error {
					// The data source is read once, at plan time; the apply reuses it.
					if n := acctest.Count(e.Requests(), "GET", "/core/v2/endpoints"); n != 3 {
						return fmt.Errorf("%d list requests for 2,500 endpoints, want exactly 3", n)
					}
					return nil
				},
			),
			acctest.PagedListStep(e, e.Config(`data "carrierx_endpoints" "bulk" {
  filter = "name like \"bulk-1%\""
  order  = "name desc"
}`), "/core/v2/endpoints", 1111,
				// bulk-1, bulk-10..19, bulk-100..199, bulk-1000..1999
				resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.#", "1111"),
				resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.0.name", "bulk-1999"),
			),
		},
	})
}
