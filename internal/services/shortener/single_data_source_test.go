package shortener_test

import (
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

const shortenerSingleConfig = `
resource "carrierx_shortener_domain" "a" {
  domain_name    = "single-a.example.net"
  minimum_length = 8
  not_found_page = "https://www.example.net/"
}
resource "carrierx_shortener_domain" "b" {
  domain_name = "single-b.example.net"
}
resource "carrierx_shortener_link" "offer" {
  domain_sid      = carrierx_shortener_domain.a.domain_sid
  destination_url = "https://www.example.net/offer"
  short_name      = "offer"
  maximum_ttl     = 604800
}
resource "carrierx_shortener_link" "support" {
  domain_sid      = carrierx_shortener_domain.a.domain_sid
  destination_url = "https://www.example.net/support"
  mode            = "redirect_permanent"
}
`

// TestAccSingleShortenerDataSources reads one domain and one link by SID and
// by filter; 0 and >1 matches and unknown SIDs are clear errors.
func TestAccSingleShortenerDataSources(t *testing.T) {
	e := acctest.New(t)
	base := e.Config(shortenerSingleConfig)
	domain := acctest.Lookup{Type: "carrierx_shortener_domain", Noun: "shortener domain", SIDAttr: "domain_sid"}
	link := acctest.Lookup{Type: "carrierx_shortener_link", Noun: "shortener link", SIDAttr: "link_sid"}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: append([]resource.TestStep{
			{
				Config: base + `
data "carrierx_shortener_domain" "by_sid" {
  domain_sid = carrierx_shortener_domain.a.domain_sid
}
data "carrierx_shortener_domain" "by_filter" {
  filter     = "domain_name eq \"single-b.example.net\""
  depends_on = [carrierx_shortener_domain.a, carrierx_shortener_domain.b]
}
data "carrierx_shortener_link" "by_sid" {
  link_sid = carrierx_shortener_link.support.link_sid
}
data "carrierx_shortener_link" "by_filter" {
  filter     = "short_name eq \"offer\""
  depends_on = [carrierx_shortener_link.offer, carrierx_shortener_link.support]
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.DataSourceMatches("data.carrierx_shortener_domain.by_sid", "carrierx_shortener_domain.a", "carrierx_shortener_domain"),
					acctest.DataSourceMatches("data.carrierx_shortener_domain.by_filter", "carrierx_shortener_domain.b", "carrierx_shortener_domain"),
					acctest.DataSourceMatches("data.carrierx_shortener_link.by_sid", "carrierx_shortener_link.support", "carrierx_shortener_link"),
					acctest.DataSourceMatches("data.carrierx_shortener_link.by_filter", "carrierx_shortener_link.offer", "carrierx_shortener_link"),
					resource.TestMatchResourceAttr("data.carrierx_shortener_domain.by_sid", "domain_sid", acctest.SIDRegexp),
					resource.TestCheckResourceAttr("data.carrierx_shortener_domain.by_sid", "minimum_length", "8"),
					resource.TestCheckResourceAttr("data.carrierx_shortener_domain.by_filter", "domain_name", "single-b.example.net"),
					resource.TestMatchResourceAttr("data.carrierx_shortener_link.by_sid", "link_sid", acctest.SIDRegexp),
					resource.TestCheckResourceAttr("data.carrierx_shortener_link.by_sid", "mode", "redirect_permanent"),
					resource.TestCheckResourceAttr("data.carrierx_shortener_link.by_filter", "maximum_ttl", "604800"),
				),
			},
		}, acctest.ErrorSteps(base, append(
			domain.Errors(`"domain_name eq \"nothing.example.net\""`, `"domain_name like \"single-%\""`),
			link.Errors(`"short_name eq \"nothing\""`, `"domain_sid eq ${jsonencode(carrierx_shortener_domain.a.domain_sid)}"`)...)...)...),
	})
}
