package trunkgroup_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const trunkGroupRes = "carrierx_trunk_group.test"

// trunkGroupSID reads the SID of carrierx_trunk_group.test.
var trunkGroupSID = acctest.Attr(trunkGroupRes, "trunk_group_sid")

// getTrunkGroup reads a trunk group through the API.
func getTrunkGroup(e *acctest.Env, sid string) error {
	return acctest.Getter[client.TrunkGroup](e, client.TrunkGroupKind)(context.Background(), sid)
}

// trunkGroupNoneLeft fails the test when any trunk group exists.
func trunkGroupNoneLeft(t *testing.T, e *acctest.Env) {
	t.Helper()
	acctest.NoneLeft[client.TrunkGroup](t, e, client.TrunkGroupKind, client.ListOptions{})
}

// trunkGroupConfig is a trunk group with the given name, threshold and extra HCL.
func trunkGroupConfig(name string, threshold int, extra string) string {
	return fmt.Sprintf(`
resource "carrierx_trunk_group" "test" {
  name                   = %q
  hard_failure_threshold = %d
  hard_failure_codes     = "408;503;"
  acls = [{
    access_control_rules = []
    direction            = "inbound"
    voice_action_false   = "accept"
  }]
  transformations = [{
    action    = "set_ani"
    direction = "inbound"
    operands  = ["15550001111"]
  }]
  %s
}
`, name, threshold, extra)
}

// TestAccTrunkGroup_lifecycle covers create, import, update in place,
// replace (taint) and destroy, and the request each step sends.
func TestAccTrunkGroup_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var firstSID string
	cfg := e.Config(trunkGroupConfig("tg-one", 3, ""))
	e.Test(resource.TestCase{
		CheckDestroy: e.TrunkGroupsGone(),
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           cfg,
				ConfigPlanChecks: acctest.Plans(trunkGroupRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(trunkGroupRes, map[string]knownvalue.Check{
					"hard_failure_cooldown":      knownvalue.Int64Exact(120),
					"hard_failure_last_resort":   knownvalue.StringExact("first"),
					"routing_type":               knownvalue.StringExact("failover"),
					"routing_data":               knownvalue.Null(),
					"soft_failure_codes":         knownvalue.StringExact("408;"),
					"sip_options_locations":      knownvalue.ListSizeExact(0),
					"external_handlers":          knownvalue.Null(),
					"acls.0.voice_action_true":   knownvalue.Null(),
					"transformations.0.operands": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("15550001111")}),
				}),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(trunkGroupRes, "trunk_group_sid", acctest.SIDRegexp),
					resource.TestMatchResourceAttr(trunkGroupRes, "partner_sid", regexp.MustCompile(`.`)),
					resource.TestCheckResourceAttr(trunkGroupRes, "hard_failure_codes", "408;503;"),
					func(s *terraform.State) error {
						sid, err := trunkGroupSID(s)
						firstSID = sid
						if err != nil || e.Live {
							return err
						}
						return acctest.ExpectCalls(e.Requests(), map[string]int{"POST /core/v2/trunk_groups": 1, "GET /core/v2/trunk_groups/" + sid: 0})
					},
				),
			},
		}, acctest.ImportSteps(cfg, trunkGroupRes, "trunk_group_sid"), []resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Config(trunkGroupConfig("tg-two", 5, `hard_failure_last_resort = "reject503"`)),
				ConfigPlanChecks: acctest.Quiet(trunkGroupRes, "name", "hard_failure_threshold", "hard_failure_last_resort"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(trunkGroupRes, "name", "tg-two"),
					resource.TestCheckResourceAttr(trunkGroupRes, "hard_failure_threshold", "5"),
					resource.TestCheckResourceAttr(trunkGroupRes, "hard_failure_last_resort", "reject503"),
					acctest.SameAttr(trunkGroupRes, "trunk_group_sid", &firstSID),
					acctest.Sent(e, &firstSID, map[string]int{"GET /core/v2/trunk_groups/{sid}": 1, "PATCH /core/v2/trunk_groups/{sid}": 1}, "PATCH", `{"hard_failure_last_resort":"reject503","hard_failure_threshold":5,"name":"tg-two"}`),
				),
			},
			{
				// Every documented attribute is writable on update, so only
				// a taint replaces a trunk group.
				Config:           e.Config(trunkGroupConfig("tg-two", 5, `hard_failure_last_resort = "reject503"`)),
				Taint:            []string{trunkGroupRes},
				ConfigPlanChecks: acctest.Plans(trunkGroupRes, plancheck.ResourceActionReplace),
				Check: func(s *terraform.State) error {
					sid, _ := trunkGroupSID(s)
					if sid == firstSID {
						return fmt.Errorf("taint kept SID %s", sid)
					}
					switch err := getTrunkGroup(e, firstSID); {
					case err == nil:
						return fmt.Errorf("old trunk group %s still exists after replace", firstSID)
					case !client.IsNotFound(err):
						return err
					}
					return nil
				},
			},
		}),
	})
}

// TestAccTrunkGroup_drift changes and deletes the group behind Terraform's
// back; the next plan shows both and the apply puts the configuration back.
func TestAccTrunkGroup_drift(t *testing.T) {
	e := acctest.New(t)
	var sid string
	cfg := e.Config(trunkGroupConfig("drift", 4, ""))
	e.Test(resource.TestCase{
		CheckDestroy: e.TrunkGroupsGone(),
		Steps: acctest.DriftSteps(t, cfg, trunkGroupRes, "trunk_group_sid", &sid,
			acctest.UpdateOutside[client.TrunkGroup](e, client.TrunkGroupKind, &sid, map[string]any{
				"name": "changed-outside", "hard_failure_threshold": 9, "soft_failure_codes": "503;",
				"acls": []map[string]any{{"access_control_rules": []string{}, "direction": "outbound", "voice_action_true": "reject403"}},
			}),
			resource.ComposeTestCheckFunc(
				acctest.Expect(acctest.Want{trunkGroupRes: {
					"name": "drift", "hard_failure_threshold": "4", "soft_failure_codes": "408;",
					"acls.0.direction": "inbound",
				}}),
				resource.TestCheckNoResourceAttr(trunkGroupRes, "acls.0.voice_action_true"),
				acctest.Reverted(e, client.TrunkGroupKind, &sid, func(g *client.TrunkGroup) bool {
					return *g.Name == "drift" && *g.HardFailureThreshold == 4 && g.ACLs[0].Direction == "inbound"
				}),
			),
			acctest.DeleteOutside[client.TrunkGroup](e, client.TrunkGroupKind, &sid),
			plancheck.ExpectKnownValue(trunkGroupRes, tfjsonpath.New("name"), knownvalue.StringExact("drift"))),
	})
}

// TestAccTrunkGroup_externalHandlers passes the JSON through, shows no diff
// for CarrierX's formatting, and clears the handlers when the attribute goes.
func TestAccTrunkGroup_externalHandlers(t *testing.T) {
	e := acctest.New(t)
	cfg := func(extra string) string {
		return e.Config(`resource "carrierx_trunk_group" "test" {
  name = "eh"
  ` + extra + `
}`)
	}
	e.Test(resource.TestCase{
		CheckDestroy: e.TrunkGroupsGone(),
		Steps: []resource.TestStep{
			{
				Config:           cfg(`external_handlers = jsonencode([{ url = "https://example.org/cx", timeout = 5 }])`),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check:            resource.TestCheckResourceAttr(trunkGroupRes, "external_handlers", `[{"timeout":5,"url":"https://example.org/cx"}]`),
			},
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           cfg(""),
				ConfigPlanChecks: acctest.Quiet(trunkGroupRes, "external_handlers"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckNoResourceAttr(trunkGroupRes, "external_handlers"),
					func(*terraform.State) error {
						if e.Live {
							return nil
						}
						return acctest.ExpectBody(e.Requests(), "PATCH", `{"external_handlers":[]}`)
					},
				),
			},
		},
	})
}

// TestAccTrunkGroup_invalidInput fails at plan time where the schema knows
// the rules, and with CarrierX's message otherwise; nothing is left behind.
func TestAccTrunkGroup_invalidInput(t *testing.T) {
	e := acctest.New(t)
	res := func(body string) string {
		return e.Config("resource \"carrierx_trunk_group\" \"test\" {\n" + body + "\n}")
	}
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      res(`hard_failure_last_resort = "retry"`),
				ExpectError: regexp.MustCompile(`(?s)hard_failure_last_resort.*value must be one of:.*"first"`),
			},
			{
				Config:      res(`hard_failure_codes = "408,503"`),
				ExpectError: regexp.MustCompile(`(?s)hard_failure_codes.*each\s+followed\s+by\s+a\s+semicolon`),
			},
			{
				Config:      res(`hard_failure_cooldown = -5`),
				ExpectError: regexp.MustCompile(`(?s)hard_failure_cooldown.*at\s+least\s+0`),
			},
			{
				Config:      res(`acls = [{ direction = "both" }]`),
				ExpectError: regexp.MustCompile(`(?s)acls\[0\]\.direction.*value must be one of`),
			},
			{
				Config:      res(`acls = [{ direction = "any", voice_action_true = "drop" }]`),
				ExpectError: regexp.MustCompile(`(?s)acls\[0\]\.voice_action_true.*"reject403"`),
			},
			{
				Config:      res(`external_handlers = "{not json"`),
				ExpectError: regexp.MustCompile(`(?s)external_handlers must be a JSON array`),
			},
			{
				// The rule SID is well formed but unknown to CarrierX.
				PreConfig:   func() { trunkGroupNoneLeft(t, e) },
				Config:      res(`acls = [{ direction = "any", access_control_rules = ["` + acctest.TrunkGroupMissingSID + `"] }]`),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_trunk_group.*(422|404).*` + acctest.TrunkGroupMissingSID),
			},
		},
	})
	trunkGroupNoneLeft(t, e)
}

// TestAccTrunkGroup_importErrors rejects malformed and unknown import IDs.
func TestAccTrunkGroup_importErrors(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Config(`resource "carrierx_trunk_group" "test" {}`)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:        cfg,
				ResourceName:  trunkGroupRes,
				ImportState:   true,
				ImportStateId: "tg-main",
				ExpectError:   regexp.MustCompile(`"tg-main" is not a trunk group SID`),
			},
			{
				Config:        cfg,
				ResourceName:  trunkGroupRes,
				ImportState:   true,
				ImportStateId: acctest.TrunkGroupMissingSID,
				ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
}
