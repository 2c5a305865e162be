package prefix_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
)

// TestAccPrefixDataSources reads prefixes by SID, by a filter matching one,
// and as a filtered, ordered list; 0 and >1 matches are clear errors.
func TestAccPrefixDataSources(t *testing.T) {
	e := acctest.New(t)
	tg := acctest.PrefixCreateRoutableTrunkGroup(t, e, "ds-dest")
	keep := e.Config(`
resource "carrierx_prefix" "p" {
  count           = 3
  prefix          = "155501${count.index}"
  name            = "nanp-155501${count.index}"
  trunk_group_sid = "` + tg + `"
  attributes      = { k = "155501${count.index}" }
}
resource "carrierx_prefix" "uk" { prefix = "44" }
`)
	prefix := acctest.Lookup{Type: "carrierx_prefix", Noun: "prefix", Plural: "prefixes", SIDAttr: "prefix_sid", Many: "more than one"}
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(keep,
			prefix.Labelled("by_sid", "prefix_sid = carrierx_prefix.p[1].prefix_sid")+
				prefix.Labelled("by_filter", `filter = "prefix eq \"44\""`, "depends_on = [carrierx_prefix.uk]")+
				acctest.Data("carrierx_prefixes", "nanp", `filter = "prefix like \"1555%\""`, `order = "prefix desc"`,
					"depends_on = [carrierx_prefix.p, carrierx_prefix.uk]"),
			resource.ComposeAggregateTestCheckFunc(
				acctest.Expect(acctest.Want{
					"data.carrierx_prefix.by_sid":    {"name": "nanp-1555011", "trunk_group_sid": tg, "attributes.k": "1555011", "transformations.#": "0"},
					"data.carrierx_prefix.by_filter": {"name": "N/A"},
					"data.carrierx_prefixes.nanp": {"prefixes.#": "3", "prefixes.0.prefix": "1555012", "prefixes.2.prefix": "1555010",
						"prefixes.2.trunk_group_sid": tg},
				}),
				acctest.Paired(acctest.Want{
					"data.carrierx_prefix.by_sid":    {"prefix_sid": "carrierx_prefix.p.1"},
					"data.carrierx_prefix.by_filter": {"prefix_sid": "carrierx_prefix.uk"},
				}),
				resource.TestCheckNoResourceAttr("data.carrierx_prefix.by_filter", "trunk_group_sid"),
			),
			prefix.Errors(`"prefix eq \"33\""`, `"prefix like \"1555%\""`)...),
	})
}

const prefixesPath = "/core/v2/phonenumber/prefixes"

// TestAccPrefixesDataSource_pagination lists 2,345 prefixes: 1,000 a page,
// so every read of the data source makes exactly three list requests, at
// offsets 0, 1000 and 2000.
func TestAccPrefixesDataSource_pagination(t *testing.T) {
	acctest.SeededTest(t, "phonenumber.prefixes", 2345, map[string]any{"prefix": "4420{n}", "name": "bulk-{n}"}, func(e *acctest.Env) []resource.TestStep {
		return []resource.TestStep{
			acctest.PagedListStep(e, e.Config(`data "carrierx_prefixes" "bulk" { filter = "name like \"bulk-%\"" }`), prefixesPath, 2345,
				resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.#", "2345"),
				resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.0.name", "bulk-0"),
				resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.2344.prefix", "44202344"),
			),
			acctest.PagedListStep(e, e.Config(`data "carrierx_prefixes" "bulk" {
  filter = "name like \"bulk-1%\""
  order  = "name desc"
}`), prefixesPath, 1111,
				// bulk-1, bulk-10..19, bulk-100..199, bulk-1000..1999
				resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.#", "1111"),
				resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.0.name", "bulk-1999"),
			),
		}
	})
}
