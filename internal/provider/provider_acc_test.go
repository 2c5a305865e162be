package provider_test

import (
	"regexp"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	acc "github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestAccProvider_configErrors(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	t.Setenv("CARRIERX_TOKEN", "")
	t.Setenv("CARRIERX_BASE_URL", "")
	ds := `data "carrierx_endpoints" "x" {}`
	acc.Test(t, acc.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []acc.TestStep{
			{
				Config:      `provider "carrierx" { base_url = "` + e.BaseURL + `" }` + "\n" + ds,
				ExpectError: regexp.MustCompile(`(?s)Missing CarrierX API token.*token argument or the\s+CARRIERX_TOKEN`),
			},
			{
				Config:      "provider \"carrierx\" {\n token = \"x\"\n base_url = \"http://api.example.com/core/v2\"\n}" + "\n" + ds,
				ExpectError: regexp.MustCompile(`(?s)plain http towards a host that is not\s+loopback`),
			},
			{
				Config:      "provider \"carrierx\" {\n token = \"x\"\n request_timeout = \"soon\"\n}" + "\n" + ds,
				ExpectError: regexp.MustCompile(`"soon" is not a positive duration`),
			},
			{
				Config: `provider "carrierx" {
  base_url = "` + e.BaseURL + `"
  token    = "0badc0de-0000-4000-8000-000000000000"
}
` + ds,
				ExpectError: regexp.MustCompile(`(?s)401.*Check the provider's token \(or CARRIERX_TOKEN\)`),
			},
			{
				// The token comes from the environment when the block has none.
				PreConfig: func() { t.Setenv("CARRIERX_TOKEN", e.Token) },
				Config:    `provider "carrierx" { base_url = "` + e.BaseURL + `" }` + "\n" + ds,
				Check:     acc.TestCheckResourceAttr("data.carrierx_endpoints.x", "endpoints.#", "1"),
			},
		},
	})
}
