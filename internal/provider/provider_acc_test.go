package provider_test

import (
	"fmt"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	acc "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
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

// TestAccProvider_rejectedTokenOneError: a token CarrierX refuses is one
// error, from the provider's configuration, however many resources the
// configuration holds; Terraform would print one per resource otherwise.
func TestAccProvider_rejectedTokenOneError(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	body := ""
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		body += `resource "carrierx_did_group" "` + n + `" { name = "` + n + `" }` + "\n"
	}
	bad := `provider "carrierx" {
  base_url = "` + e.BaseURL + `"
  token    = "0badc0de-0000-4000-8000-000000000001"
}
` + body
	oneError := func(err error) error {
		if n := strings.Count(err.Error(), "Error: "); n != 1 {
			return fmt.Errorf("%d error diagnostics, want 1: %w", n, err)
		}
		if !regexp.MustCompile(`(?s)Error: CarrierX refused the API token.*answered 401.*Check the provider's token \(or\s+CARRIERX_TOKEN\)`).MatchString(err.Error()) {
			return fmt.Errorf("not the token error: %w", err)
		}
		return nil
	}
	acc.Test(t, acc.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		ErrorCheck:               oneError,
		Steps: []acc.TestStep{
			// Creating five objects, and refreshing five (a token revoked
			// since the last apply).
			{Config: bad},
			// A valid token is checked once, by one request logged as any
			// other; the provider configured again in the same process (the
			// plans and applies of a test, aliases) does not repeat it.
			{
				PreConfig: e.ClearRequests,
				Config:    e.Config(body),
				Check: func(*terraform.State) error {
					return acctest.ExpectCalls(e.Requests(), map[string]int{"GET /core/v2/countries/USA": 1})
				},
			},
			{Config: bad},
			{
				PreConfig: e.ClearRequests,
				Config:    e.Config(body),
				Check: func(*terraform.State) error {
					return acctest.ExpectCalls(e.Requests(), map[string]int{"GET /core/v2/countries/USA": 0})
				},
			},
		},
	})
}

// TestAccProvider_baseURLWithoutVersion: a base_url without the Core API's
// version path is one error that says what base_url looks like; a gateway
// that serves the Core API under a path of its own works.
func TestAccProvider_baseURLWithoutVersion(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	root := strings.TrimSuffix(e.BaseURL, "/core/v2")
	target, _ := url.Parse(root)
	gateway := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(target)
		r.Out.URL.Path = strings.Replace(r.In.URL.Path, "/carrierx", "/core/v2", 1)
		r.Out.Host = target.Host
	}})
	t.Cleanup(gateway.Close)
	cfg := func(base string) string {
		return `provider "carrierx" {
  base_url = "` + base + `"
  token    = "` + e.Token + `"
}
data "carrierx_endpoints" "x" {}
`
	}
	acc.Test(t, acc.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []acc.TestStep{
			{
				Config: cfg(root),
				ExpectError: regexp.MustCompile(`(?s)CarrierX base_url is not the Core API.*` + regexp.QuoteMeta(root) +
					`/countries/USA\s+answered\s+404.*https://api\.carrierx\.com/core/v2.*did\s+you\s+mean\s+` +
					regexp.QuoteMeta(root) + `/core/v2\?`),
			},
			{
				Config: cfg(gateway.URL + "/carrierx"),
				Check:  acc.TestCheckResourceAttr("data.carrierx_endpoints.x", "endpoints.#", "1"),
			},
		},
	})
}
