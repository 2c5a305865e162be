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
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(keep,
			acctest.Data("carrierx_shortener_domains", "ds", `filter = "domain_name like \"%.ds.example.org\""`,
				`order = "domain_name desc"`, "depends_on = [carrierx_shortener_domain.d]")+
				acctest.Data("carrierx_shortener_links", "a", "domain_sid = carrierx_shortener_domain.d[0].domain_sid",
					`order = "short_name desc"`, "depends_on = [carrierx_shortener_link.l, carrierx_shortener_link.other]")+
				acctest.Data("carrierx_shortener_links", "filtered", `filter = "destination_url eq \"https://www.example.org/other\""`,
					"depends_on = [carrierx_shortener_link.l, carrierx_shortener_link.other]"),
			resource.ComposeAggregateTestCheckFunc(
				acctest.Expect(acctest.Want{
					"data.carrierx_shortener_domains.ds": {"domains.#": "3", "domains.0.domain_name": "c.ds.example.org",
						"domains.2.minimum_length": "6"},
					"data.carrierx_shortener_links.a":        {"links.#": "3", "links.0.short_name": "s2link"},
					"data.carrierx_shortener_links.filtered": {"links.#": "1"},
				}),
				acctest.Paired(acctest.Want{
					"data.carrierx_shortener_domains.ds":     {"domains.2.domain_sid": "carrierx_shortener_domain.d.0"},
					"data.carrierx_shortener_links.a":        {"links.2.url": "carrierx_shortener_link.l.0"},
					"data.carrierx_shortener_links.filtered": {"links.0.link_sid": "carrierx_shortener_link.other"},
				}),
			),
			acctest.ErrorCase{Config: `data "carrierx_shortener_links" "x" { filter = "hits eq" }`,
				Want: acctest.ListFilterError("shortener links")}),
	})
}

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
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(base,
			domain.Labelled("by_sid", "domain_sid = carrierx_shortener_domain.a.domain_sid")+
				domain.Labelled("by_filter", `filter = "domain_name eq \"single-b.example.net\""`,
					"depends_on = [carrierx_shortener_domain.a, carrierx_shortener_domain.b]")+
				link.Labelled("by_sid", "link_sid = carrierx_shortener_link.support.link_sid")+
				link.Labelled("by_filter", `filter = "short_name eq \"offer\""`,
					"depends_on = [carrierx_shortener_link.offer, carrierx_shortener_link.support]"),
			resource.ComposeAggregateTestCheckFunc(
				acctest.DataSourceMatches("data.carrierx_shortener_domain.by_sid", "carrierx_shortener_domain.a", "carrierx_shortener_domain"),
				acctest.DataSourceMatches("data.carrierx_shortener_domain.by_filter", "carrierx_shortener_domain.b", "carrierx_shortener_domain"),
				acctest.DataSourceMatches("data.carrierx_shortener_link.by_sid", "carrierx_shortener_link.support", "carrierx_shortener_link"),
				acctest.DataSourceMatches("data.carrierx_shortener_link.by_filter", "carrierx_shortener_link.offer", "carrierx_shortener_link"),
				resource.TestMatchResourceAttr("data.carrierx_shortener_domain.by_sid", "domain_sid", acctest.SIDRegexp),
				resource.TestMatchResourceAttr("data.carrierx_shortener_link.by_sid", "link_sid", acctest.SIDRegexp),
				acctest.Expect(acctest.Want{
					"data.carrierx_shortener_domain.by_sid":    {"minimum_length": "8"},
					"data.carrierx_shortener_domain.by_filter": {"domain_name": "single-b.example.net"},
					"data.carrierx_shortener_link.by_sid":      {"mode": "redirect_permanent"},
					"data.carrierx_shortener_link.by_filter":   {"maximum_ttl": "604800"},
				}),
			),
			append(domain.Errors(`"domain_name eq \"nothing.example.net\""`, `"domain_name like \"single-%\""`),
				link.Errors(`"short_name eq \"nothing\""`, `"domain_sid eq ${jsonencode(carrierx_shortener_domain.a.domain_sid)}"`)...)...),
	})
}
