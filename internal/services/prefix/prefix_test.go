package prefix_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const prefixRes = "carrierx_prefix.test"

// TestAccPrefix_lifecycle covers create, import, update in place (a new
// prefix string included: the API documents it as writable, so it is no
// replacement), clearing references, and destroy, with the requests sent.
func TestAccPrefix_lifecycle(t *testing.T) {
	e := acctest.New(t)
	tg := acctest.PrefixCreateRoutableTrunkGroup(t, e, "prefix-dest")
	src := acctest.PrefixCreateTrunkGroup(t, e, "prefix-src")
	var sid string
	full := func(prefix, name, key string) string {
		return e.Resource("carrierx_prefix", fmt.Sprintf(`
  prefix                 = %q
  name                   = %q
  trunk_group_sid        = %q
  source_trunk_group_sid = %q
  string_key_1           = %q
  callback_url           = "https://hooks.example.com/prefix"
  attributes             = { team = "voice" }
  transformations = [{
    action    = "set_ani"
    direction = "outbound"
    operands  = ["15550100100"]
  }]`, prefix, name, tg, src, key))
	}
	e.Test(resource.TestCase{
		CheckDestroy: acctest.DeletedOnce(e, "carrierx_prefix", "prefix_sid", "/core/v2/phonenumber/prefixes", &sid, acctest.Getter[client.Prefix](e, client.PrefixKind)),
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           full("1555012", "carrier-b", "k1"),
				ConfigPlanChecks: acctest.Plans(prefixRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(prefixRes, map[string]knownvalue.Check{
					"lrn_sid":                    knownvalue.Null(),
					"string_key_2":               knownvalue.Null(),
					"attributes":                 knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("voice")}),
					"transformations.0.operands": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("15550100100")}),
				}),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(prefixRes, "prefix_sid", acctest.SIDRegexp),
					resource.TestMatchResourceAttr(prefixRes, "partner_sid", regexp.MustCompile(`.+`)),
					resource.TestCheckResourceAttr(prefixRes, "prefix", "1555012"),
					resource.TestCheckResourceAttr(prefixRes, "trunk_group_sid", tg),
					resource.TestCheckResourceAttr(prefixRes, "source_trunk_group_sid", src),
					acctest.SaveAttr(prefixRes, "prefix_sid", &sid),
					acctest.Sent(e, &sid, map[string]int{"POST /core/v2/phonenumber/prefixes": 1, "GET /core/v2/phonenumber/prefixes/{sid}": 0}, "POST", fmt.Sprintf(`{"attributes":{"team":"voice"},"callback_url":"https://hooks.example.com/prefix",`+
						`"name":"carrier-b","prefix":"1555012","source_trunk_group_sid":%q,"string_key_1":"k1",`+
						`"transformations":[{"action":"set_ani","direction":"outbound","operands":["15550100100"]}],"trunk_group_sid":%q}`, src, tg)),
				),
			},
		}, acctest.ImportSteps(full("1555012", "carrier-b", "k1"), prefixRes, "prefix_sid"), []resource.TestStep{
			acctest.QuietStep(e.ClearRequestsIfEmulated, full("1555012", "carrier-b", "k2"), prefixRes, []string{"string_key_1"},
				resource.TestCheckResourceAttr(prefixRes, "string_key_1", "k2"),
				acctest.OnePatch(e, `{"string_key_1":"k2"}`),
			),
			{
				// New digits may get another LRN, so lrn_sid is the one other value planned.
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           full("1555013", "carrier-b", "k2"),
				ConfigPlanChecks: acctest.Quiet(prefixRes, "prefix", "lrn_sid"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(prefixRes, "prefix", "1555013"),
					resource.TestCheckResourceAttr(prefixRes, "string_key_1", "k2"),
					acctest.SameAttr(prefixRes, "prefix_sid", &sid),
					acctest.OnePatch(e, `{"prefix":"1555013"}`),
				),
			},
			{
				// Removing the references and the lists clears them.
				PreConfig: e.ClearRequestsIfEmulated,
				Config:    e.Resource("carrierx_prefix", `prefix = "1555013"`+"\n"+`name = "carrier-b"`),
				ConfigPlanChecks: acctest.Quiet(prefixRes, "trunk_group_sid", "source_trunk_group_sid", "callback_url", "string_key_1",
					"attributes", "transformations"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckNoResourceAttr(prefixRes, "trunk_group_sid"),
					resource.TestCheckNoResourceAttr(prefixRes, "source_trunk_group_sid"),
					resource.TestCheckResourceAttr(prefixRes, "transformations.#", "0"),
					resource.TestCheckResourceAttr(prefixRes, "attributes.%", "0"),
					acctest.SameAttr(prefixRes, "prefix_sid", &sid),
					func(*terraform.State) error {
						if e.Live {
							return nil
						}
						reqs := e.Requests()
						if err := acctest.ExpectBody(reqs, "PATCH", `{"attributes":{},"callback_url":null,"source_trunk_group_sid":null,`+
							`"string_key_1":null,"transformations":[],"trunk_group_sid":null}`); err != nil {
							return err
						}
						e.ClearRequests() // CheckDestroy counts what destroy sends
						return nil
					},
				),
			},
		}),
	})
}

// TestAccPrefix_minimal configures only the required prefix: the API's
// defaults never show as a change, and import round-trips.
func TestAccPrefix_minimal(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Resource("carrierx_prefix", `prefix = "44"`)
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_prefix", "prefix_sid", acctest.Getter[client.Prefix](e, client.PrefixKind)),
		Steps: []resource.TestStep{
			{
				Config:           cfg,
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(prefixRes, "name", "N/A"),
					resource.TestCheckResourceAttr(prefixRes, "attributes.%", "0"),
					resource.TestCheckResourceAttr(prefixRes, "transformations.#", "0"),
					resource.TestCheckNoResourceAttr(prefixRes, "trunk_group_sid"),
				),
			},
			{Config: cfg, ResourceName: prefixRes, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ImportStateIdFunc: acctest.Attr(prefixRes, "prefix_sid")},
		},
	})
}

// TestAccPrefix_drift changes and deletes the prefix behind Terraform's back.
func TestAccPrefix_drift(t *testing.T) {
	e := acctest.New(t)
	tg := acctest.PrefixCreateRoutableTrunkGroup(t, e, "drift-dest")
	other := acctest.PrefixCreateRoutableTrunkGroup(t, e, "drift-other")
	var sid string
	cfg := e.Resource("carrierx_prefix", fmt.Sprintf(`
  prefix          = "1555014"
  name            = "drift"
  trunk_group_sid = %q
  attributes      = { team = "voice" }`, tg))
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_prefix", "prefix_sid", acctest.Getter[client.Prefix](e, client.PrefixKind)),
		Steps: acctest.DriftSteps(t, cfg, prefixRes, "prefix_sid", &sid,
			acctest.UpdateOutside[client.Prefix](e, client.PrefixKind, &sid, map[string]any{
				"name": "changed-outside", "trunk_group_sid": other, "attributes": map[string]any{"team": "data"},
			}),
			resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(prefixRes, "name", "drift"),
				resource.TestCheckResourceAttr(prefixRes, "trunk_group_sid", tg),
				resource.TestCheckResourceAttr(prefixRes, "attributes.team", "voice"),
				acctest.Reverted(e, client.PrefixKind, &sid, func(p *client.Prefix) bool {
					return p.TrunkGroupSID != nil && *p.TrunkGroupSID == tg
				}),
			),
			acctest.DeleteOutside[client.Prefix](e, client.PrefixKind, &sid)),
	})
}

// TestAccPrefix_invalidInput fails at plan time where the schema knows
// better and with CarrierX's message otherwise; nothing is left behind.
func TestAccPrefix_invalidInput(t *testing.T) {
	e := acctest.New(t)
	noneLeft := func() { acctest.NoneLeft[client.Prefix](t, e, client.PrefixKind, client.ListOptions{}) }
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      e.Resource("carrierx_prefix", `prefix = "+1 555"`),
				ExpectError: regexp.MustCompile(`(?s)Attribute\s+prefix\s+must\s+be\s+digits\s+only:.*got:\s+\+1\s+555`),
			},
			{
				Config:      e.Resource("carrierx_prefix", ``),
				ExpectError: regexp.MustCompile(`(?s)The argument "prefix" is required`),
			},
			{
				Config:      e.Resource("carrierx_prefix", `prefix = "1555"`+"\n"+`trunk_group_sid = "tg-main"`),
				ExpectError: regexp.MustCompile(`(?s)trunk_group_sid\s+"tg-main"\s+is\s+not\s+a\s+SID:\s+trunk_group_sid\s+must\s+be\s+a\s+trunk\s+group\s+SID`),
			},
			{
				Config:      e.Resource("carrierx_prefix", `prefix = "1555"`+"\n"+`source_trunk_group_sid = ""`),
				ExpectError: regexp.MustCompile(`(?s)source_trunk_group_sid\s+.*is\s+not\s+a\s+SID:\s+source_trunk_group_sid\s+must\s+be\s+a\s+trunk\s+group\s+SID`),
			},
			{
				// Well-formed but unknown: CarrierX refuses it, naming the field.
				PreConfig:   noneLeft,
				Config:      e.Resource("carrierx_prefix", `prefix = "1555"`+"\n"+`trunk_group_sid = "00000000-0000-4000-8000-000000000000"`),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_prefix.*trunk_group_sid`),
			},
			{
				Config:        e.Resource("carrierx_prefix", `prefix = "1555"`),
				ResourceName:  prefixRes,
				ImportState:   true,
				ImportStateId: "1555",
				ExpectError:   regexp.MustCompile(`(?s)"1555" is not a prefix SID;\s+import with the\s+prefix_sid`),
			},
		},
	})
	noneLeft()
}
