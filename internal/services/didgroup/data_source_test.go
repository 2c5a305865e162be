package didgroup_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
)

// TestAccDIDGroupDataSources reads DID groups by SID, by a filter matching
// one, and as a filtered, ordered list; 0 and >1 matches are clear errors.
func TestAccDIDGroupDataSources(t *testing.T) {
	e := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: append([]resource.TestStep{
			{
				Config: didGroupsKeep(e) + `
data "carrierx_did_group" "by_sid" {
  did_group_sid = carrierx_did_group.g[1].did_group_sid
}
data "carrierx_did_group" "by_filter" {
  filter     = "name eq \"ds-c\""
  depends_on = [carrierx_did_group.g]
}
data "carrierx_did_groups" "ds" {
  filter     = "name like \"ds-%\""
  order      = "name desc"
  depends_on = [carrierx_did_group.g, carrierx_did_group.other]
}
`,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.carrierx_did_group.by_sid", "did_group_sid", "carrierx_did_group.g.1", "did_group_sid"),
					resource.TestCheckResourceAttr("data.carrierx_did_group.by_sid", "name", "ds-b"),
					resource.TestCheckResourceAttr("data.carrierx_did_group.by_sid", "callback_url", "https://hooks.example.com/b"),
					resource.TestCheckResourceAttrPair("data.carrierx_did_group.by_sid", "partner_sid", "carrierx_did_group.g.1", "partner_sid"),
					resource.TestCheckResourceAttrPair("data.carrierx_did_group.by_filter", "did_group_sid", "carrierx_did_group.g.2", "did_group_sid"),
					resource.TestCheckResourceAttr("data.carrierx_did_groups.ds", "did_groups.#", "3"),
					resource.TestCheckResourceAttr("data.carrierx_did_groups.ds", "did_groups.0.name", "ds-c"),
					resource.TestCheckResourceAttr("data.carrierx_did_groups.ds", "did_groups.2.name", "ds-a"),
					resource.TestCheckResourceAttrPair("data.carrierx_did_groups.ds", "did_groups.2.did_group_sid", "carrierx_did_group.g.0", "did_group_sid"),
				),
			},
		}, acctest.ErrorSteps(didGroupsKeep(e),
			acctest.ErrorCase{Config: `data "carrierx_did_group" "x" { filter = "name like \"ds-%\"" }`,
				Want: `(?s)filter "name like \\"ds-%\\"" matched more than one DID\s+groups`},
			acctest.ErrorCase{Config: `data "carrierx_did_group" "x" { filter = "name eq \"nothing-has-this\"" }`,
				Want: `(?s)matched 0 DID groups`},
			acctest.ErrorCase{Config: `data "carrierx_did_group" "x" { did_group_sid = "00000000-0000-4000-8000-000000000000" }`,
				Want: `(?s)No DID group has did_group_sid\s+"00000000-0000-4000-8000-000000000000"`},
			acctest.ErrorCase{Config: `data "carrierx_did_group" "x" {}`,
				Want: `(?s)Exactly one of these attributes must be configured:\s+\[did_group_sid,filter\]`},
			acctest.ErrorCase{Config: `data "carrierx_did_groups" "x" { filter = "name eq" }`,
				Want: acctest.ListFilterError("DID groups")},
		)...),
	})
}

// didGroupsKeep is the provider block and the groups of the first step,
// so later steps keep them.
func didGroupsKeep(e *acctest.Env) string {
	return e.Config(`
resource "carrierx_did_group" "g" {
  count        = 3
  name         = "ds-${["a", "b", "c"][count.index]}"
  callback_url = "https://hooks.example.com/${["a", "b", "c"][count.index]}"
}
resource "carrierx_did_group" "other" { name = "unrelated" }
`)
}
