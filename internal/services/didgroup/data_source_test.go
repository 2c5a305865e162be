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
	group := acctest.Lookup{Type: "carrierx_did_group", Noun: "DID group", SIDAttr: "did_group_sid", Many: "more than one"}
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(didGroupsKeep(e),
			group.Labelled("by_sid", "did_group_sid = carrierx_did_group.g[1].did_group_sid")+
				group.Labelled("by_filter", `filter = "name eq \"ds-c\""`, "depends_on = [carrierx_did_group.g]")+
				acctest.Data("carrierx_did_groups", "ds", `filter = "name like \"ds-%\""`, `order = "name desc"`,
					"depends_on = [carrierx_did_group.g, carrierx_did_group.other]"),
			resource.ComposeAggregateTestCheckFunc(
				acctest.Expect(acctest.Want{
					"data.carrierx_did_group.by_sid": {"name": "ds-b", "callback_url": "https://hooks.example.com/b"},
					"data.carrierx_did_groups.ds":    {"did_groups.#": "3", "did_groups.0.name": "ds-c", "did_groups.2.name": "ds-a"},
				}),
				acctest.Paired(acctest.Want{
					"data.carrierx_did_group.by_sid":    {"did_group_sid": "carrierx_did_group.g.1", "partner_sid": "carrierx_did_group.g.1"},
					"data.carrierx_did_group.by_filter": {"did_group_sid": "carrierx_did_group.g.2"},
					"data.carrierx_did_groups.ds":       {"did_groups.2.did_group_sid": "carrierx_did_group.g.0"},
				}),
			),
			append(group.Errors(`"name eq \"nothing-has-this\""`, `"name like \"ds-%\""`),
				acctest.ErrorCase{Config: `data "carrierx_did_groups" "x" { filter = "name eq" }`,
					Want: acctest.ListFilterError("DID groups")})...),
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
