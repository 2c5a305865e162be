package partner_test

import (
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestAccPartnerDataSource(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // verification is a control-API step
	own := e.PartnerOwnSID(t)
	sub := `
resource "carrierx_partner" "sub" {
  login         = "ds_sub"
  password      = "Str0ng-Passw0rd"
  name          = "DS Sub"
  owner_email   = "ds@sub.example"
  payment_type  = "prepay" # a postpay partner's charge_at reads null
  charge_at     = "20.00"
  callbacks     = { sms = "https://sub.example/sms" }
}
`
	var subSID string
	e.Test(resource.TestCase{
		Steps: append([]resource.TestStep{
			{
				Config: e.Config(sub + `
data "carrierx_partner" "own" {}
data "carrierx_partner" "by_sid" {
  partner_sid = carrierx_partner.sub.partner_sid
}
`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrSet("data.carrierx_partner.own", "display_id"),
					acctest.Paired(acctest.Want{"data.carrierx_partner.by_sid": {"partner_sid": "carrierx_partner.sub"}}),
					acctest.Expect(acctest.Want{
						"data.carrierx_partner.own": {"partner_sid": own},
						"data.carrierx_partner.by_sid": {"login": "ds_sub", "parent_sid": own, "status": "unverified",
							"callbacks.sms": "https://sub.example/sms"},
					}),
					// Unverified: CarrierX hides the e-mail; a data source shows what CarrierX says.
					resource.TestCheckNoResourceAttr("data.carrierx_partner.by_sid", "owner_email"),
					acctest.SaveAttr("carrierx_partner.sub", "partner_sid", &subSID),
				),
			},
			{
				PreConfig: func() { partnerVerify(e, subSID) },
				Config: e.Config(sub + `
data "carrierx_partner" "by_filter" {
  filter     = "login eq \"ds_sub\""
  depends_on = [carrierx_partner.sub]
}
data "carrierx_partners" "all" {
  order      = "login asc"
  depends_on = [carrierx_partner.sub]
}
data "carrierx_partners" "subs" {
  filter     = "parent_sid eq \"${carrierx_partner.sub.parent_sid}\""
  depends_on = [carrierx_partner.sub]
}
`),
				Check: resource.ComposeTestCheckFunc(
					acctest.Paired(acctest.Want{"data.carrierx_partner.by_filter": {"partner_sid": "carrierx_partner.sub"}}),
					acctest.Expect(acctest.Want{
						"data.carrierx_partner.by_filter": {"owner_email": "ds@sub.example", "charge_at": "20.00"},
						// The seeded partner's login is exampleco: "ds_sub" sorts before it.
						"data.carrierx_partners.all":  {"partners.#": "2", "partners.0.login": "ds_sub"},
						"data.carrierx_partners.subs": {"partners.#": "1", "partners.0.login": "ds_sub"},
					}),
				),
			},
		}, acctest.ErrorSteps(e.Config(""),
			acctest.ErrorCase{Config: `data "carrierx_partner" "x" { filter = "login eq nobody-has-this" }`,
				Want: `matched 0 partners`},
			acctest.ErrorCase{Config: sub + `data "carrierx_partner" "x" { filter = "status eq active" }`,
				Want: `matched more than one partners|matched 2 partners`},
			acctest.ErrorCase{Config: `data "carrierx_partner" "x" { partner_sid = "00000000-0000-4000-8000-000000000000" }`,
				Want: `No partner has partner_sid "00000000-0000-4000-8000-000000000000"`},
			acctest.ErrorCase{Config: `data "carrierx_partner" "x" {
  partner_sid = "00000000-0000-4000-8000-000000000000"
  filter      = "login eq x"
}`,
				Want: `(?s)These attributes cannot be configured together`},
			acctest.ErrorCase{Config: `data "carrierx_partners" "x" { filter = "login eq" }`,
				Want: acctest.ListFilterError("partners")},
		)...),
	})
}

// TestAccPartnersDataSource_pagination lists 1,500 partners: 1,000 a page,
// so each read makes exactly two list requests.
func TestAccPartnersDataSource_pagination(t *testing.T) {
	acctest.SeededTest(t, "partners", 1500, map[string]any{"login": "bulk-{n}", "name": "Bulk {n}"}, func(e *acctest.Env) []resource.TestStep {
		return []resource.TestStep{
			acctest.PagedOnceStep(e, e.Config(`data "carrierx_partners" "bulk" { filter = "login like \"bulk-%\"" }`), "/core/v2/partners", 1500,
				acctest.Expect(acctest.Want{"data.carrierx_partners.bulk": {"partners.#": "1500", "partners.0.login": "bulk-0",
					"partners.1499.login": "bulk-1499"}})),
		}
	})
}
