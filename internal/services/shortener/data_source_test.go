package shortener_test

import (
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccShortenerDataSources lists domains and links with filter and order.
func TestAccShortenerDataSources(t *testing.T) {
	e := acctest.New(t)
	keep := e.Config(`
resource "carrierx_shortener_domain" "d" {
  count       = 3
  domain_name = "${["a", "b", "c"][count.index]}.ds.example.org"
}
resource "carrierx_shortener_link" "l" {
  count           = 3
  domain_sid      = carrierx_shortener_domain.d[0].domain_sid
  destination_url = "https://www.example.org/${count.index}"
  short_name      = "s${count.index}link"
}
resource "carrierx_shortener_link" "other" {
  domain_sid      = carrierx_shortener_domain.d[1].domain_sid
  destination_url = "https://www.example.org/other"
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: append([]resource.TestStep{
			{
				Config: keep + `
data "carrierx_shortener_domains" "ds" {
  filter     = "domain_name like \"%.ds.example.org\""
  order      = "domain_name desc"
  depends_on = [carrierx_shortener_domain.d]
}
data "carrierx_shortener_links" "a" {
  domain_sid = carrierx_shortener_domain.d[0].domain_sid
  order      = "short_name desc"
  depends_on = [carrierx_shortener_link.l, carrierx_shortener_link.other]
}
data "carrierx_shortener_links" "filtered" {
  filter     = "destination_url eq \"https://www.example.org/other\""
  depends_on = [carrierx_shortener_link.l, carrierx_shortener_link.other]
}
`,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("data.carrierx_shortener_domains.ds", "domains.#", "3"),
					resource.TestCheckResourceAttr("data.carrierx_shortener_domains.ds", "domains.0.domain_name", "c.ds.example.org"),
					resource.TestCheckResourceAttrPair("data.carrierx_shortener_domains.ds", "domains.2.domain_sid", "carrierx_shortener_domain.d.0", "domain_sid"),
					resource.TestCheckResourceAttr("data.carrierx_shortener_domains.ds", "domains.2.minimum_length", "6"),
					resource.TestCheckResourceAttr("data.carrierx_shortener_links.a", "links.#", "3"),
					resource.TestCheckResourceAttr("data.carrierx_shortener_links.a", "links.0.short_name", "s2link"),
					resource.TestCheckResourceAttrPair("data.carrierx_shortener_links.a", "links.2.url", "carrierx_shortener_link.l.0", "url"),
					resource.TestCheckResourceAttr("data.carrierx_shortener_links.filtered", "links.#", "1"),
					resource.TestCheckResourceAttrPair("data.carrierx_shortener_links.filtered", "links.0.link_sid", "carrierx_shortener_link.other", "link_sid"),
				),
			},
		}, acctest.ErrorSteps(keep,
			acctest.ErrorCase{Config: `data "carrierx_shortener_links" "x" { filter = "hits eq" }`,
				Want: acctest.ListFilterError("shortener links")},
		)...),
	})
}
