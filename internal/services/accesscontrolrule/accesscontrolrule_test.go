package accesscontrolrule_test

import (
	"context"
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

const accessControlRuleRes = "carrierx_access_control_rule.test"

func accessControlRuleBody(name, field, op, quant, entries string) string {
	return fmt.Sprintf("name = %q\nfield = %q\noperation = %q\nquantifier = %q\nentries = %s", name, field, op, quant, entries)
}

// TestAccAccessControlRule_lifecycle covers create, import, update in
// place (every attribute is writable, so nothing forces a replacement) and
// destroy, with the requests each step sends.
func TestAccAccessControlRule_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var sid string
	first := e.Resource("carrierx_access_control_rule", accessControlRuleBody("premium", "called", "prefix", "any", `["1900"]`))
	e.Test(resource.TestCase{
		CheckDestroy: acctest.DeletedOnce(e, "carrierx_access_control_rule", "rule_sid", "/core/v2/accesscontrol/rules", &sid, acctest.Getter[client.AccessControlRule](e, client.AccessControlRuleKind)),
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           first,
				ConfigPlanChecks: acctest.Plans(accessControlRuleRes, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(accessControlRuleRes, "rule_sid", acctest.SIDRegexp),
					resource.TestCheckResourceAttr(accessControlRuleRes, "read_only", "false"),
					resource.TestCheckResourceAttr(accessControlRuleRes, "entries.#", "1"),
					resource.TestCheckResourceAttr(accessControlRuleRes, "entries.0", "1900"),
					acctest.SaveAttr(accessControlRuleRes, "rule_sid", &sid),
					acctest.Sent(e, &sid, map[string]int{"POST /core/v2/accesscontrol/rules": 1, "GET /core/v2/accesscontrol/rules/{sid}": 0}, "POST", `{"entries":["1900"],"field":"called","name":"premium","operation":"prefix","quantifier":"any"}`),
				),
			},
		}, acctest.ImportSteps(first, accessControlRuleRes, "rule_sid"), []resource.TestStep{
			acctest.QuietStep(e.ClearRequestsIfEmulated, e.Resource("carrierx_access_control_rule", accessControlRuleBody("premium", "called", "prefix", "none", `["1900"]`)),
				accessControlRuleRes, []string{"quantifier"},
				resource.TestCheckResourceAttr(accessControlRuleRes, "quantifier", "none"),
				acctest.OnePatch(e, `{"quantifier":"none"}`),
			),
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Resource("carrierx_access_control_rule", accessControlRuleBody("premium", "called", "prefix", "none", `["1900", "1976"]`)),
				ConfigPlanChecks: acctest.Quiet(accessControlRuleRes, "entries"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(accessControlRuleRes, "quantifier", "none"),
					resource.TestCheckResourceAttr(accessControlRuleRes, "entries.1", "1976"),
					acctest.SameAttr(accessControlRuleRes, "rule_sid", &sid),
					acctest.OnePatch(e, `{"entries":["1900","1976"]}`),
				),
			},
			{
				// field and operation are writable too: still an update.
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Resource("carrierx_access_control_rule", accessControlRuleBody("premium", "calling", "regexp", "none", `["1900.*", "1976.*"]`)),
				ConfigPlanChecks: acctest.Quiet(accessControlRuleRes, "entries", "field", "operation"),
				Check: resource.ComposeTestCheckFunc(
					acctest.SameAttr(accessControlRuleRes, "rule_sid", &sid),
					func(*terraform.State) error {
						if e.Live {
							return nil
						}
						if err := acctest.ExpectBody(e.Requests(), "PATCH", `{"entries":["1900.*","1976.*"],"field":"calling","operation":"regexp"}`); err != nil {
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

// TestAccAccessControlRule_defaultsAndLegacyField leaves name out and uses
// a legacy field spelling: neither shows as a change later.
func TestAccAccessControlRule_defaultsAndLegacyField(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Resource("carrierx_access_control_rule", `
field      = "from_did"
operation  = "exact"
quantifier = "all"
entries    = ["15550100111"]`)
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_access_control_rule", "rule_sid", acctest.Getter[client.AccessControlRule](e, client.AccessControlRuleKind)),
		Steps: []resource.TestStep{
			{
				Config:           cfg,
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(accessControlRuleRes, "name", "N/A"),
					resource.TestCheckResourceAttr(accessControlRuleRes, "field", "from_did"),
				),
			},
			{Config: cfg, PlanOnly: true},
		},
	})
}

// TestAccAccessControlRule_drift changes and deletes the rule behind
// Terraform's back.
func TestAccAccessControlRule_drift(t *testing.T) {
	e := acctest.New(t)
	var sid string
	cfg := e.Resource("carrierx_access_control_rule", accessControlRuleBody("drift", "called", "prefix", "any", `["1900"]`))
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_access_control_rule", "rule_sid", acctest.Getter[client.AccessControlRule](e, client.AccessControlRuleKind)),
		Steps: acctest.DriftSteps(t, cfg, accessControlRuleRes, "rule_sid", &sid,
			acctest.UpdateOutside[client.AccessControlRule](e, client.AccessControlRuleKind, &sid, map[string]any{
				"entries": []string{"1900", "1555"}, "quantifier": "all", "name": "changed-outside",
			}),
			resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(accessControlRuleRes, "entries.#", "1"),
				resource.TestCheckResourceAttr(accessControlRuleRes, "quantifier", "any"),
				acctest.Reverted(e, client.AccessControlRuleKind, &sid, func(r *client.AccessControlRule) bool {
					return len(r.Entries) == 1 && r.Quantifier == "any" && *r.Name == "drift"
				}),
			),
			acctest.DeleteOutside[client.AccessControlRule](e, client.AccessControlRuleKind, &sid)),
	})
}

// TestAccAccessControlRule_invalidInput rejects bad enums at plan time and
// leaves nothing behind.
func TestAccAccessControlRule_invalidInput(t *testing.T) {
	e := acctest.New(t)
	noneLeft := func() {
		rules, err := client.Objects[client.AccessControlRule](e.API, client.AccessControlRuleKind).List(context.Background(), client.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rules {
			if !r.ReadOnly {
				t.Fatalf("bad input left rule %s behind", r.RuleSID)
			}
		}
	}
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      e.Resource("carrierx_access_control_rule", accessControlRuleBody("x", "called", "contains", "any", `["1900"]`)),
				ExpectError: regexp.MustCompile(`(?s)Attribute operation value must be one of:.*"exact".*"prefix".*"regexp".*got:\s+"contains"`),
			},
			{
				Config:      e.Resource("carrierx_access_control_rule", accessControlRuleBody("x", "caller_id", "prefix", "any", `["1900"]`)),
				ExpectError: regexp.MustCompile(`(?s)Attribute field value must be one of:.*"calling".*got:\s+"caller_id"`),
			},
			{
				Config:      e.Resource("carrierx_access_control_rule", accessControlRuleBody("x", "called", "prefix", "some", `["1900"]`)),
				ExpectError: regexp.MustCompile(`(?s)Attribute quantifier value must be one of:.*got:\s+"some"`),
			},
			{
				Config:      e.Resource("carrierx_access_control_rule", `field = "called"`+"\n"+`operation = "prefix"`+"\n"+`quantifier = "any"`),
				ExpectError: regexp.MustCompile(`(?s)The argument "entries" is required`),
			},
			{
				// Not checked by the schema (the reference does not say), refused by the API.
				PreConfig:   noneLeft,
				Config:      e.Resource("carrierx_access_control_rule", accessControlRuleBody("x", "called", "prefix", "any", `[]`)),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_access_control_rule.*422.*entries`),
			},
			{
				PreConfig:     noneLeft,
				Config:        e.Resource("carrierx_access_control_rule", accessControlRuleBody("x", "called", "prefix", "any", `["1900"]`)),
				ResourceName:  accessControlRuleRes,
				ImportState:   true,
				ImportStateId: "00000000-0000-4000-8000-000000000000",
				ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
			},
			{
				Config:        e.Resource("carrierx_access_control_rule", accessControlRuleBody("x", "called", "prefix", "any", `["1900"]`)),
				ResourceName:  accessControlRuleRes,
				ImportState:   true,
				ImportStateId: "premium",
				ExpectError:   regexp.MustCompile(`(?s)"premium" is not a rule SID;\s+import with the\s+rule_sid`),
			},
		},
	})
	noneLeft()
}

// TestAccAccessControlRuleDataSources reads rules by SID, by a filter
// matching one, and as a filtered, ordered list.
func TestAccAccessControlRuleDataSources(t *testing.T) {
	e := acctest.New(t)
	keep := e.Config(`
resource "carrierx_access_control_rule" "r" {
  count      = 3
  name       = ["premium", "tollfree", "local"][count.index]
  field      = "called"
  operation  = "prefix"
  quantifier = "any"
  entries    = [["1900", "1800", "1516"][count.index]]
}
resource "carrierx_access_control_rule" "sms" {
  name       = "sms-spam"
  field      = "message"
  operation  = "regexp"
  quantifier = "any"
  entries    = [".*WIN.*"]
}
`)
	rule := acctest.Lookup{Type: "carrierx_access_control_rule", Noun: "access control rule", SIDAttr: "rule_sid", Many: "more than one"}
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(keep,
			rule.Labelled("by_sid", "rule_sid = carrierx_access_control_rule.r[1].rule_sid")+
				rule.Labelled("by_filter", `filter = "field eq \"message\""`,
					"depends_on = [carrierx_access_control_rule.sms, carrierx_access_control_rule.r]")+
				acctest.Data("carrierx_access_control_rules", "called", `filter = "field eq \"called\""`, `order = "name asc"`,
					"depends_on = [carrierx_access_control_rule.r, carrierx_access_control_rule.sms]"),
			resource.ComposeAggregateTestCheckFunc(
				acctest.Paired(acctest.Want{
					"data.carrierx_access_control_rule.by_sid":    {"rule_sid": "carrierx_access_control_rule.r.1"},
					"data.carrierx_access_control_rule.by_filter": {"rule_sid": "carrierx_access_control_rule.sms"},
				}),
				acctest.Expect(acctest.Want{
					"data.carrierx_access_control_rule.by_sid":    {"entries.0": "1800", "read_only": "false"},
					"data.carrierx_access_control_rule.by_filter": {"operation": "regexp"},
					"data.carrierx_access_control_rules.called": {"rules.#": "3", "rules.0.name": "local", "rules.1.name": "premium",
						"rules.2.name": "tollfree"},
				}),
			),
			rule.Errors(`"name eq \"nothing\""`, `"field eq \"called\""`)...),
	})
}
