package mediator_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
)

// dataSourceInfra is a mediator endpoint "a" with two numbers routed by
// acctest.Hosted, and a third routed through a trunk group of its own
// ("extra") whose trunk extraTrunk says whether to keep; three bindings
// "ds-0".."ds-2" and one "other".
func dataSourceInfra(e *acctest.Env, extraTrunk bool) string {
	trunk := ""
	if extraTrunk {
		trunk = `
resource "carrierx_trunk" "extra" {
  trunk_group_sid = carrierx_trunk_group.extra.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.a.endpoint_sid
}`
	}
	return e.Config(acctest.Hosted("a", "mediator", 2) + trunk + `
resource "carrierx_trunk_group" "extra" { name = "extra" }
resource "carrierx_phone_number" "extra" {
  country_code    = "USA"
  state           = "NY"
  trunk_group_sid = carrierx_trunk_group.extra.trunk_group_sid
}
resource "carrierx_mediator_binding" "ds" {
  count           = 3
  endpoint_sid    = carrierx_endpoint.a.endpoint_sid
  name            = "ds-${count.index}"
  destination_did = "155570500${count.index}"
  origination_did = "155570510${count.index}"
  redirect_did    = carrierx_phone_number.a[0].phonenumber
  depends_on      = [carrierx_trunk.a]
}
resource "carrierx_mediator_binding" "other" {
  endpoint_sid    = carrierx_endpoint.a.endpoint_sid
  name            = "other"
  destination_did = "15557059999"
  redirect_did    = carrierx_phone_number.a[1].phonenumber
  depends_on      = [carrierx_trunk.a]
}
`)
}

// didsRead is the carrierx_mediator_dids of endpoint "a", in number order.
const didsRead = `
data "carrierx_mediator_dids" "all" {
  endpoint_sid = carrierx_endpoint.a.endpoint_sid
  order        = "phonenumber asc"
  depends_on   = [carrierx_trunk.a, carrierx_phone_number.a, carrierx_phone_number.extra]
}
`

// routedNumbers checks that carrierx_mediator_dids.all lists exactly the
// numbers of these carrierx_phone_number instances, in number order.
func routedNumbers(addrs ...string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		var want []string
		for _, a := range addrs {
			n, err := acctest.Attr(a, "phonenumber")(s)
			if err != nil {
				return err
			}
			want = append(want, n)
		}
		slices.Sort(want)
		got := make([]string, 0, len(want))
		ds := s.RootModule().Resources["data.carrierx_mediator_dids.all"]
		if ds == nil {
			return fmt.Errorf("no data.carrierx_mediator_dids.all in state")
		}
		for i := 0; ; i++ {
			n, ok := ds.Primary.Attributes[fmt.Sprintf("dids.%d.phonenumber", i)]
			if !ok {
				break
			}
			got = append(got, n)
		}
		if !slices.Equal(got, want) {
			return fmt.Errorf("carrierx_mediator_dids lists %v, want %v", got, want)
		}
		return nil
	}
}

// TestAccMediatorDataSources reads bindings by SID, by a filter matching
// one, and as a filtered, ordered list; 0 and >1 matches, an unknown
// binding and an unknown endpoint are clear errors. carrierx_mediator_dids
// lists the numbers routed to the endpoint, and no longer lists one whose
// trunk is removed.
func TestAccMediatorDataSources(t *testing.T) {
	t.Parallel()
	e := acctest.New(t)
	const in = "endpoint_sid = carrierx_endpoint.a.endpoint_sid"
	b := acctest.Lookup{Type: "carrierx_mediator_binding", Noun: "Mediator binding", SIDAttr: "binding_sid", In: in,
		ParentAttr: "endpoint_sid", ParentNoun: "endpoint"}
	base := dataSourceInfra(e, true)
	reads := b.Labelled("by_sid", "binding_sid = carrierx_mediator_binding.ds[1].binding_sid") +
		b.Labelled("by_filter", `filter = "destination_did eq \"1555705002\""`, "depends_on = [carrierx_mediator_binding.ds]") +
		acctest.Data("carrierx_mediator_bindings", "ds", in, `filter = "name like \"ds-%\""`, `order = "destination_did desc"`,
			"depends_on = [carrierx_mediator_binding.ds, carrierx_mediator_binding.other]") +
		didsRead
	steps := acctest.DataSourceSteps(base, reads,
		resource.ComposeAggregateTestCheckFunc(
			acctest.DataSourceMatches("data.carrierx_mediator_binding.by_sid", "carrierx_mediator_binding.ds.1", bindingType),
			acctest.DataSourceMatches("data.carrierx_mediator_binding.by_filter", "carrierx_mediator_binding.ds.2", bindingType),
			acctest.Expect(acctest.Want{
				"data.carrierx_mediator_binding.by_sid": {"name": "ds-1", "destination_did": "1555705001"},
				"data.carrierx_mediator_bindings.ds": {"bindings.#": "3", "bindings.0.name": "ds-2", "bindings.2.name": "ds-0",
					"bindings.0.origination_did": "1555705102"},
				"data.carrierx_mediator_dids.all": {"dids.#": "3"},
			}),
			acctest.Paired(acctest.Want{
				"data.carrierx_mediator_binding.by_sid": {"endpoint_sid": "carrierx_endpoint.a", "redirect_did": "carrierx_mediator_binding.ds.1"},
				"data.carrierx_mediator_bindings.ds":    {"bindings.1.binding_sid": "carrierx_mediator_binding.ds.1"},
				"data.carrierx_mediator_dids.all":       {"endpoint_sid": "carrierx_endpoint.a"},
			}),
			routedNumbers("carrierx_phone_number.a.0", "carrierx_phone_number.a.1", "carrierx_phone_number.extra"),
		),
		// Neither SID nor filter is the schema's generic check, left to
		// the DID group tests.
		append(b.FilterErrors(`"name eq \"nothing-has-this\""`, `"name like \"ds-%\""`)[:2], b.NotFound(), b.MissingParent(),
			acctest.ErrorCase{Config: acctest.Data("carrierx_mediator_bindings", "x", in, `filter = "name eq"`),
				Want: acctest.ListFilterError("Mediator bindings")})...)
	// The last step, which leaves a valid configuration after the errors,
	// removes the extra number's trunk; the plan read the list before that
	// apply, so the next step's read is the first without the route.
	without := dataSourceInfra(e, false) + didsRead
	steps[len(steps)-1].Config = without
	steps = append(steps, resource.TestStep{Config: without, Check: routedNumbers("carrierx_phone_number.a.0", "carrierx_phone_number.a.1")})
	e.Test(resource.TestCase{CheckDestroy: bindingsDeleted(e), Steps: steps})
}

// TestAccMediatorBindingsDataSource_pagination lists 1,005 bindings of
// one endpoint in pages of 1,000.
func TestAccMediatorBindingsDataSource_pagination(t *testing.T) {
	t.Parallel()
	e := acctest.New(t)
	e.EmulatorOnly()
	endpoint, numbers := e.HostedOutside("mediator", 1)
	e.SeedUnder("mediator.bindings", endpoint, 1005, map[string]any{
		"name": "seed-{n}", "destination_did": "15557060{n}", "redirect_did": numbers[0],
	})
	cfg := e.Config(acctest.Data("carrierx_mediator_bindings", "all", `endpoint_sid = "`+endpoint+`"`, `filter = "name like \"seed-%\""`))
	e.Test(resource.TestCase{Steps: []resource.TestStep{
		acctest.PagedOnceStep(e, cfg, bindingsPath, 1005,
			resource.TestCheckResourceAttr("data.carrierx_mediator_bindings.all", "bindings.#", "1005"),
			resource.TestCheckResourceAttr("data.carrierx_mediator_bindings.all", "bindings.1004.redirect_did", numbers[0])),
	}})
}
