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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: append([]resource.TestStep{
			{
				Config: keep + `
data "carrierx_prefix" "by_sid" {
  prefix_sid = carrierx_prefix.p[1].prefix_sid
}
data "carrierx_prefix" "by_filter" {
  filter     = "prefix eq \"44\""
  depends_on = [carrierx_prefix.uk]
}
data "carrierx_prefixes" "nanp" {
  filter     = "prefix like \"1555%\""
  order      = "prefix desc"
  depends_on = [carrierx_prefix.p, carrierx_prefix.uk]
}
`,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.carrierx_prefix.by_sid", "prefix_sid", "carrierx_prefix.p.1", "prefix_sid"),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_sid", "name", "nanp-1555011"),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_sid", "trunk_group_sid", tg),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_sid", "attributes.k", "1555011"),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_sid", "transformations.#", "0"),
					resource.TestCheckResourceAttrPair("data.carrierx_prefix.by_filter", "prefix_sid", "carrierx_prefix.uk", "prefix_sid"),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_filter", "name", "N/A"),
					resource.TestCheckNoResourceAttr("data.carrierx_prefix.by_filter", "trunk_group_sid"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.nanp", "prefixes.#", "3"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.nanp", "prefixes.0.prefix", "1555012"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.nanp", "prefixes.2.prefix", "1555010"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.nanp", "prefixes.2.trunk_group_sid", tg),
				),
			},
		}, acctest.ErrorSteps(keep,
			acctest.ErrorCase{Config: `data "carrierx_prefix" "x" { filter = "prefix like \"1555%\"" }`,
				Want: `(?s)matched\s+more\s+than\s+one\s+prefixes;\s+narrow\s+it,\s+or\s+use\s+the\s+carrierx_prefixes`},
			acctest.ErrorCase{Config: `data "carrierx_prefix" "x" { filter = "prefix eq \"33\"" }`,
				Want: `(?s)matched 0 prefixes`},
			acctest.ErrorCase{Config: `data "carrierx_prefix" "x" { prefix_sid = "00000000-0000-4000-8000-000000000000" }`,
				Want: `(?s)No prefix has prefix_sid\s+"00000000-0000-4000-8000-000000000000"`},
			acctest.ErrorCase{Config: `data "carrierx_prefix" "x" {}`,
				Want: `(?s)Exactly one of these attributes must be configured:\s+\[prefix_sid,filter\]`},
		)...),
	})
}

const prefixesPath = "/core/v2/phonenumber/prefixes"

// TestAccPrefixesDataSource_pagination lists 2,345 prefixes: 1,000 a page,
// so every read of the data source makes exactly three list requests, at
// offsets 0, 1000 and 2000.
func TestAccPrefixesDataSource_pagination(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	e.Seed("phonenumber.prefixes", 2345, map[string]any{"prefix": "4420{n}", "name": "bulk-{n}"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
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
		},
	})
}
