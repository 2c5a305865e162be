package shortener_test

import (
	"regexp"
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
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
			{
				Config:      base + `data "carrierx_shortener_domain" "x" { filter = "domain_name eq \"nothing.example.net\"" }`,
				ExpectError: regexp.MustCompile(`(?s)Filter\s+must\s+match\s+exactly\s+one.*matched\s+0\s+shortener\s+domains`),
			},
			{
				Config:      base + `data "carrierx_shortener_domain" "x" { filter = "domain_name like \"single-%\"" }`,
				ExpectError: regexp.MustCompile(`(?s)matched\s+(2|more\s+than\s+one)\s+shortener\s+domains;\s+narrow\s+it,\s+or\s+use\s+the\s+carrierx_shortener_domains`),
			},
			{
				Config:      base + `data "carrierx_shortener_domain" "x" { domain_sid = "` + acctest.TrunkGroupMissingSID + `" }`,
				ExpectError: regexp.MustCompile(`(?s)Shortener\s+domain\s+not\s+found.*No\s+shortener\s+domain\s+has\s+domain_sid\s+"` + acctest.TrunkGroupMissingSID + `"`),
			},
			{
				Config:      base + `data "carrierx_shortener_domain" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Exactly\s+one\s+of\s+these\s+attributes\s+must\s+be\s+configured:\s+\[domain_sid,filter\]`),
			},
			{
				Config:      base + `data "carrierx_shortener_link" "x" { filter = "short_name eq \"nothing\"" }`,
				ExpectError: regexp.MustCompile(`(?s)Filter\s+must\s+match\s+exactly\s+one.*matched\s+0\s+shortener\s+links`),
			},
			{
				Config: base + `data "carrierx_shortener_link" "x" {
  filter = "domain_sid eq ${jsonencode(carrierx_shortener_domain.a.domain_sid)}"
}`,
				ExpectError: regexp.MustCompile(`(?s)matched\s+(2|more\s+than\s+one)\s+shortener\s+links;\s+narrow\s+it,\s+or\s+use\s+the\s+carrierx_shortener_links`),
			},
			{
				Config:      base + `data "carrierx_shortener_link" "x" { link_sid = "` + acctest.TrunkGroupMissingSID + `" }`,
				ExpectError: regexp.MustCompile(`(?s)Shortener\s+link\s+not\s+found.*No\s+shortener\s+link\s+has\s+link_sid\s+"` + acctest.TrunkGroupMissingSID + `"`),
			},
			{
				Config:      base + `data "carrierx_shortener_link" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Exactly\s+one\s+of\s+these\s+attributes\s+must\s+be\s+configured:\s+\[link_sid,filter\]`),
			},
			// Leave a valid configuration for the post-test destroy.
			{Config: base},
		},
	})
}
