package shortener_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const (
	shortenerDomainRes = "carrierx_shortener_domain.test"
	shortenerLinkRes   = "carrierx_shortener_link.test"
)

func shortenerDomainConfig(e *acctest.Env, name, extra string) string {
	return e.Config(fmt.Sprintf(`
resource "carrierx_shortener_domain" "test" {
  domain_name    = %q
  not_found_page = "https://www.example.net/"
  %s
}
`, name, extra))
}

// TestAccShortenerDomain_lifecycle covers create, import, update in place,
// drift, out-of-band delete and destroy. A domain has no create-only
// attribute, so no change replaces it: renaming is an update.
func TestAccShortenerDomain_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var sid string
	cfg2 := shortenerDomainConfig(e, "go2.example.net", "minimum_length = 8\n  expired_mode = \"redirect_permanent\"")
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_shortener_domain", "domain_sid", acctest.Getter[client.ShortenerDomain](e, client.ShortenerDomainKind)),
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           shortenerDomainConfig(e, "go.example.net", ""),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(shortenerDomainRes, "domain_sid", acctest.SIDRegexp),
					resource.TestMatchResourceAttr(shortenerDomainRes, "partner_sid", acctest.SIDRegexp),
					acctest.Expect(acctest.Want{shortenerDomainRes: {
						"expired_mode": "redirect_temporary", "not_found_mode": "redirect_temporary",
						"minimum_length": "6", "scope": "children", "secure": "disabled",
					}}),
					resource.TestCheckNoResourceAttr(shortenerDomainRes, "suffix_pattern"),
					acctest.SaveAttr(shortenerDomainRes, "domain_sid", &sid),
					func(*terraform.State) error {
						if e.Live {
							return nil
						}
						return acctest.ExpectCalls(e.Requests(), map[string]int{"POST /core/v2/shortener/domains": 1})
					},
				),
			},
		}, acctest.ImportSteps(shortenerDomainConfig(e, "go.example.net", ""), shortenerDomainRes, "domain_sid"), []resource.TestStep{
			acctest.QuietStep(e.ClearRequestsIfEmulated, shortenerDomainConfig(e, "go.example.net", `expired_mode = "redirect_permanent"`),
				shortenerDomainRes, []string{"expired_mode"},
				acctest.OnePatch(e, `{"expired_mode":"redirect_permanent"}`),
			),
			acctest.QuietStep(e.ClearRequestsIfEmulated, cfg2, shortenerDomainRes, []string{"domain_name", "minimum_length"},
				resource.TestCheckResourceAttr(shortenerDomainRes, "domain_name", "go2.example.net"),
				acctest.SameAttr(shortenerDomainRes, "domain_sid", &sid),
				acctest.OnePatch(e, `{"domain_name":"go2.example.net","minimum_length":8}`),
			),
			acctest.QuietStep(acctest.Must(t, acctest.UpdateOutside[client.ShortenerDomain](e, client.ShortenerDomainKind, &sid,
				map[string]any{"minimum_length": 12, "not_found_page": nil})), cfg2, shortenerDomainRes, []string{"minimum_length", "not_found_page"},
				resource.TestCheckResourceAttr(shortenerDomainRes, "minimum_length", "8"),
				resource.TestCheckResourceAttr(shortenerDomainRes, "not_found_page", "https://www.example.net/"),
			),
			acctest.RecreateStep(t, cfg2, shortenerDomainRes, "domain_sid", &sid,
				acctest.DeleteOutside[client.ShortenerDomain](e, client.ShortenerDomainKind, &sid)),
		}),
	})
}

func shortenerLinkConfig(e *acctest.Env, domain, extra string) string {
	return e.Config(fmt.Sprintf(`
resource "carrierx_shortener_domain" "a" { domain_name = "a.example.org" }
resource "carrierx_shortener_domain" "b" { domain_name = "b.example.org" }
resource "carrierx_shortener_link" "test" {
  domain_sid      = carrierx_shortener_domain.%s.domain_sid
  destination_url = "https://www.example.org/offer"
  %s
}
`, domain, extra))
}

// TestAccShortenerLink_lifecycle covers create (generated short_name),
// import, update in place, replace on a domain change, drift and
// out-of-band delete.
func TestAccShortenerLink_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var sid, short string
	spring := func(domain string) string {
		return shortenerLinkConfig(e, domain, "short_name = \"spring\"\n  maximum_ttl = 604800\n  mode = \"redirect_permanent\"")
	}
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_shortener_link", "link_sid", acctest.Getter[client.ShortenerLink](e, client.ShortenerLinkKind)),
		Steps: slices.Concat([]resource.TestStep{
			{
				Config:           shortenerLinkConfig(e, "a", ""),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(shortenerLinkRes, "link_sid", acctest.SIDRegexp),
					resource.TestMatchResourceAttr(shortenerLinkRes, "short_name", regexp.MustCompile(`^.{6,}$`)),
					resource.TestCheckResourceAttr(shortenerLinkRes, "mode", "redirect_temporary"),
					resource.TestCheckResourceAttr(shortenerLinkRes, "maximum_ttl", "-1"),
					resource.TestCheckResourceAttr(shortenerLinkRes, "hits", "0"),
					resource.TestCheckResourceAttrSet(shortenerLinkRes, "date_created"),
					acctest.SaveAttr(shortenerLinkRes, "link_sid", &sid),
					acctest.SaveAttr(shortenerLinkRes, "short_name", &short),
					func(s *terraform.State) error {
						u, _ := acctest.Attr(shortenerLinkRes, "url")(s)
						if want := regexp.MustCompile(`^https?://a\.example\.org/` + regexp.QuoteMeta(short) + `$`); !want.MatchString(u) {
							return fmt.Errorf("url %q does not end in a.example.org/%s", u, short)
						}
						return nil
					},
				),
			},
		}, acctest.ImportSteps(shortenerLinkConfig(e, "a", ""), shortenerLinkRes, "link_sid"), []resource.TestStep{
			acctest.QuietStep(e.ClearRequestsIfEmulated, shortenerLinkConfig(e, "a", `mode = "redirect_permanent"`), shortenerLinkRes, []string{"mode"},
				acctest.OnePatch(e, `{"mode":"redirect_permanent"}`),
			),
			// A new short name is a new url.
			acctest.QuietStep(e.ClearRequestsIfEmulated, spring("a"), shortenerLinkRes, []string{"short_name", "maximum_ttl", "url"},
				resource.TestCheckResourceAttr(shortenerLinkRes, "short_name", "spring"),
				resource.TestMatchResourceAttr(shortenerLinkRes, "url", regexp.MustCompile(`/spring$`)),
				acctest.SameAttr(shortenerLinkRes, "link_sid", &sid),
				acctest.OnePatch(e, `{"maximum_ttl":604800,"short_name":"spring"}`),
			),
			acctest.QuietStep(acctest.Must(t, acctest.UpdateOutside[client.ShortenerLink](e, client.ShortenerLinkKind, &sid,
				map[string]any{"destination_url": "https://evil.example.com/"})), spring("a"), shortenerLinkRes, []string{"destination_url"},
				resource.TestCheckResourceAttr(shortenerLinkRes, "destination_url", "https://www.example.org/offer")),
			acctest.ApplyStep(nil, spring("b"), shortenerLinkRes, plancheck.ResourceActionDestroyBeforeCreate,
				acctest.NewAttr(shortenerLinkRes, "link_sid", &sid),
				resource.TestMatchResourceAttr(shortenerLinkRes, "url", regexp.MustCompile(`b\.example\.org/spring$`)),
				acctest.SaveAttr(shortenerLinkRes, "link_sid", &sid),
			),
			acctest.RecreateStep(t, spring("b"), shortenerLinkRes, "link_sid", &sid,
				acctest.DeleteOutside[client.ShortenerLink](e, client.ShortenerLinkKind, &sid)),
		}),
	})
}

// TestAccShortener_invalidInput fails at plan time where the schema knows
// better and with CarrierX's message otherwise; nothing is left behind.
func TestAccShortener_invalidInput(t *testing.T) {
	e := acctest.New(t)
	noneLeft := func() { acctest.NoneLeft[client.ShortenerLink](t, e, client.ShortenerLinkKind, client.ListOptions{}) }
	dom := func(body string) string {
		return e.Config("resource \"carrierx_shortener_domain\" \"test\" {\n  domain_name = \"x.example.org\"\n" + body + "\n}")
	}
	link := func(domainSID, body string) string {
		return e.Config(fmt.Sprintf("resource \"carrierx_shortener_link\" \"test\" {\n  domain_sid = %q\n  destination_url = \"https://example.org/\"\n%s\n}", domainSID, body))
	}
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{Config: dom(`expired_mode = "redirect"`), ExpectError: regexp.MustCompile(`(?s)expired_mode.*value must be one of`)},
			{Config: dom(`not_found_status_code = 302`), ExpectError: regexp.MustCompile(`(?s)Invalid HTTP status code.*302\s+is\s+not\s+allowed.*2xx,\s+4xx\s+or\s+5xx`)},
			{Config: dom(`minimum_length = 0`), ExpectError: regexp.MustCompile(`(?s)minimum_length.*at least 1`)},
			{Config: link("not-a-sid", ""), ExpectError: regexp.MustCompile(`(?s)domain_sid.*must\s+be\s+a\s+shortener\s+domain\s+SID`)},
			{Config: link("00000000-0000-4000-8000-000000000000", `mode = "iframe"`), ExpectError: regexp.MustCompile(`(?s)mode.*value must be one of`)},
			{
				PreConfig:   noneLeft,
				Config:      link("00000000-0000-4000-8000-000000000000", ""),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_shortener_link.*domain_sid`),
			},
		},
	})
	noneLeft()
}
