package flexml_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
)

// didSeed is a FlexML endpoint with three routed numbers, two of them
// configured, and another FlexML endpoint with a number of its own, which
// no data source of the first may show.
const didSeed = `
resource "carrierx_flexml_did" "a" {
  endpoint_sid = carrierx_endpoint.ivr.endpoint_sid
  phonenumber  = carrierx_phone_number.ivr[0].phonenumber
  url          = "https://ivr.example.com/flexml/a"
  depends_on   = [carrierx_trunk.ivr]
}
resource "carrierx_flexml_did" "b" {
  endpoint_sid = carrierx_endpoint.ivr.endpoint_sid
  phonenumber  = carrierx_phone_number.ivr[1].phonenumber
  url          = "https://ivr.example.com/flexml/b"
  method       = "GET"
  depends_on   = [carrierx_trunk.ivr]
}
`

// TestAccFlexMLDataSources reads the endpoint's numbers by SID, by a
// filter matching one, and as a filtered, ordered list; 0 and >1 matches,
// an unknown SID, an unknown endpoint and a filter the API refuses are
// clear errors.
func TestAccFlexMLDataSources(t *testing.T) {
	e := acctest.New(t)
	seed := e.Config(acctest.Hosted("ivr", "flexml", 3) + acctest.Hosted("other", "flexml", 1) + didSeed)
	in := "endpoint_sid = carrierx_endpoint.ivr.endpoint_sid"
	did := acctest.Lookup{Type: "carrierx_flexml_did", Noun: "FlexML number", SIDAttr: "did_sid", In: in}
	errs := did.FilterErrors(`"phonenumber eq \"15550009999\""`, `"country_code eq \"USA\""`)
	// The plural of this lookup is carrierx_flexml_dids, which Lookup
	// cannot derive from the type and the noun; an unknown SID is unknown
	// in the endpoint.
	errs[1].Want = `(?s)filter\s+"country_code\s+eq\s+\\"USA\\""\s+` +
		acctest.ManyMatchedError("more than one", "FlexML numbers", "carrierx_flexml_dids")
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(seed,
			did.Labelled("by_sid", "did_sid = carrierx_flexml_did.b.did_sid")+
				did.Labelled("by_filter", `filter = "phonenumber eq \"${carrierx_phone_number.ivr[2].phonenumber}\""`,
					"depends_on = [carrierx_trunk.ivr]")+
				acctest.Data("carrierx_flexml_dids", "configured", in, `filter = "url like \"https://ivr.example.com/%\""`,
					`order = "url desc"`, "depends_on = [carrierx_flexml_did.a, carrierx_flexml_did.b]")+
				acctest.Data("carrierx_flexml_dids", "all", in, `order = "phonenumber desc"`,
					"depends_on = [carrierx_trunk.ivr, carrierx_phone_number.ivr, carrierx_trunk.other, carrierx_phone_number.other]"),
			resource.ComposeAggregateTestCheckFunc(
				acctest.DataSourceMatches("data.carrierx_flexml_did.by_sid", "carrierx_flexml_did.b", "carrierx_flexml_did"),
				acctest.Expect(acctest.Want{
					"data.carrierx_flexml_did.by_sid":      {"url": "https://ivr.example.com/flexml/b", "method": "GET"},
					"data.carrierx_flexml_did.by_filter":   {"method": "POST", "status_callback_method": "POST"},
					"data.carrierx_flexml_dids.configured": {"dids.#": "2", "dids.0.url": "https://ivr.example.com/flexml/b"},
					"data.carrierx_flexml_dids.all":        {"dids.#": "3"},
				}),
				resource.TestCheckNoResourceAttr("data.carrierx_flexml_did.by_filter", "url"),
				acctest.Paired(acctest.Want{
					"data.carrierx_flexml_did.by_filter":   {"phonenumber": "carrierx_phone_number.ivr.2", "endpoint_sid": "carrierx_endpoint.ivr"},
					"data.carrierx_flexml_dids.configured": {"dids.0.did_sid": "carrierx_flexml_did.b", "dids.1.did_sid": "carrierx_flexml_did.a"},
					"data.carrierx_flexml_dids.all":        {"endpoint_sid": "carrierx_endpoint.ivr"},
				}),
				descending("data.carrierx_flexml_dids.all", "dids", "phonenumber", 3),
			),
			append(errs,
				acctest.ErrorCase{Config: did.Config(`did_sid = "` + acctest.TrunkGroupMissingSID + `"`),
					Want: `(?s)FlexML\s+number\s+not\s+found.*Endpoint\s+"[0-9a-f-]{36}"\s+has\s+no\s+FlexML\s+number\s+with\s+did_sid\s+"` +
						acctest.TrunkGroupMissingSID + `"`},
				acctest.ErrorCase{Config: acctest.Data("carrierx_flexml_dids", "x", in, `filter = "phonenumber eq"`),
					Want: acctest.ListFilterError("FlexML numbers")},
				acctest.ErrorCase{Config: acctest.Data("carrierx_flexml_dids", "x", `endpoint_sid = "`+acctest.TrunkGroupMissingSID+`"`),
					Want: `(?s)Endpoint\s+not\s+found.*No\s+endpoint\s+has\s+endpoint_sid\s+"` + acctest.TrunkGroupMissingSID + `"`},
			)...),
	})
}

// descending checks that attr of the n items of list in data source ds
// are in descending order.
func descending(ds, list, attr string, n int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[ds]
		if !ok {
			return fmt.Errorf("%s not in state", ds)
		}
		for i := 1; i < n; i++ {
			prev := rs.Primary.Attributes[fmt.Sprintf("%s.%d.%s", list, i-1, attr)]
			cur := rs.Primary.Attributes[fmt.Sprintf("%s.%d.%s", list, i, attr)]
			if prev == "" || cur == "" || prev <= cur {
				return fmt.Errorf("%s: %s %q then %q, want descending", ds, attr, prev, cur)
			}
		}
		return nil
	}
}
