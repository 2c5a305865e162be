package endpoint_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccEndpointDataSource(t *testing.T) {
	e := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
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
			{
				Config:      e.Config(`data "carrierx_endpoint" "x" { filter = "type ne system_gateway_x" }`),
				ExpectError: regexp.MustCompile(`filter "type ne system_gateway_x" matched more than one endpoints|matched 2 endpoints`),
			},
			{
				Config:      e.Config(`data "carrierx_endpoint" "x" { filter = "name eq nothing-has-this-name" }`),
				ExpectError: regexp.MustCompile(`matched 0 endpoints`),
			},
			{
				Config:      e.Config(`data "carrierx_endpoint" "x" { endpoint_sid = "00000000-0000-4000-8000-000000000000" }`),
				ExpectError: regexp.MustCompile(`No endpoint has endpoint_sid "00000000-0000-4000-8000-000000000000"`),
			},
			{
				Config:      e.Config(`data "carrierx_endpoint" "x" {}`),
				ExpectError: regexp.MustCompile(`Exactly one of these attributes must be configured: \[endpoint_sid,filter\]`),
			},
			{
				Config:      e.Config(`data "carrierx_endpoints" "x" { filter = "name eq" }`),
				ExpectError: regexp.MustCompile(`(?s)Unable to list endpoints.*400.*filter`),
			},
		},
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
			{
				PreConfig: e.ClearRequests,
				Config:    e.Config(`data "carrierx_endpoints" "bulk" { filter = "name like \"bulk-%\"" }`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.#", "2500"),
					resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.0.name", "bulk-0"),
					resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.2499.name", "bulk-2499"),
					func(*terraform.State) error {
						// The data source is read once, at plan time; the apply reuses it.
						reqs := e.Requests()
						if n := acctest.Count(reqs, "GET", "/core/v2/endpoints"); n != 3 {
							return fmt.Errorf("%d list requests for 2,500 endpoints, want exactly 3", n)
						}
						return acctest.ExpectPagedReads(reqs, "/core/v2/endpoints", 2500)
					},
				),
			},
			{
				Config: e.Config(`data "carrierx_endpoints" "bulk" {
  filter = "name like \"bulk-1%\""
  order  = "name desc"
}`),
				Check: resource.ComposeTestCheckFunc(
					// bulk-1, bulk-10..19, bulk-100..199, bulk-1000..1999
					resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.#", "1111"),
					resource.TestCheckResourceAttr("data.carrierx_endpoints.bulk", "endpoints.0.name", "bulk-1999"),
				),
			},
		},
	})
}
