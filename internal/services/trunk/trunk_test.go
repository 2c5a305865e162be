package trunk_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

const trunkRes = "carrierx_trunk.test"

// trunkImportID is the import ID of carrierx_trunk.test.
func trunkImportID(s *terraform.State) (string, error) {
	tg, err := acctest.Attr(trunkRes, "trunk_group_sid")(s)
	if err != nil {
		return "", err
	}
	tr, err := acctest.Attr(trunkRes, "trunk_sid")(s)
	return tg + "/" + tr, err
}

// trunkCheckGone is a CheckDestroy: every carrierx_trunk left in state must
// answer 404 (itself, or its whole group), and so must every trunk group.
func trunkCheckGone(e *acctest.Env) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "carrierx_trunk" {
				continue
			}
			tg, tr := rs.Primary.Attributes["trunk_group_sid"], rs.Primary.Attributes["trunk_sid"]
			_, err := client.Objects[client.Trunk](e.API, client.TrunkKind(tg)).Get(context.Background(), tr)
			if err == nil {
				return fmt.Errorf("carrierx_trunk %s/%s still exists after destroy", tg, tr)
			}
			if !client.IsNotFound(err) {
				return err
			}
		}
		return e.TrunkGroupsGone()(s)
	}
}

// trunkNoneLeft fails the test when the group has any trunk.
func trunkNoneLeft(t *testing.T, e *acctest.Env, trunkGroupSID string) {
	t.Helper()
	ts, err := client.Objects[client.Trunk](e.API, client.TrunkKind(trunkGroupSID)).List(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 0 {
		t.Fatalf("bad input left %d trunks behind", len(ts))
	}
}

// trunkStack is an endpoint, two trunk groups and a trunk in group `group`
// ("a" or "b") with the given trunk body.
func trunkStack(group, trunkBody string) string {
	return fmt.Sprintf(`
resource "carrierx_endpoint" "pbx" {
  name      = "pbx"
  type      = "third_party"
  addresses = [{ ip = "203.0.113.20" }]
}
resource "carrierx_trunk_group" "a" {
  name = "tg-a"
}
resource "carrierx_trunk_group" "b" {
  name = "tg-b"
}
resource "carrierx_trunk" "test" {
  trunk_group_sid = carrierx_trunk_group.%s.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.pbx.endpoint_sid
  %s
}
`, group, trunkBody)
}

const trunkBody = `
  name          = %q
  in_capacity   = %d
  allow_forward = "reroute"
  acls = [{
    direction          = "outbound"
    voice_action_false = "reject503"
  }]
  relay_sip_headers = ["X-Account"]
  %s
`

func trunkCfg(e *acctest.Env, group, name string, inCapacity int, extra string) string {
	return e.Config(trunkStack(group, fmt.Sprintf(trunkBody, name, inCapacity, extra)))
}

// TestAccTrunk_lifecycle covers create, import (resource and import block),
// update in place with one PATCH of what changed, moving the trunk to another
// group (replace), and destroy.
func TestAccTrunk_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var firstSID, groupA string
	e.Test(resource.TestCase{
		CheckDestroy: trunkCheckGone(e),
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           trunkCfg(e, "a", "tr-a", 10, ""),
				ConfigPlanChecks: acctest.Plans(trunkRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(trunkRes, map[string]knownvalue.Check{
					"allow_transfer":              knownvalue.StringExact("false"),
					"asn_mode":                    knownvalue.StringExact("disable"),
					"call_type":                   knownvalue.StringExact("regular"),
					"codec":                       knownvalue.Null(),
					"in_identity_format":          knownvalue.StringExact("passthrough"),
					"out_rfc_4694_mode":           knownvalue.StringExact("cut_all"),
					"location_sid":                knownvalue.Null(),
					"weight":                      knownvalue.Int64Exact(0),
					"acls.0.access_control_rules": knownvalue.ListSizeExact(0),
				}),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(trunkRes, "trunk_sid", acctest.SIDRegexp),
					resource.TestCheckResourceAttrPair(trunkRes, "trunk_group_sid", "carrierx_trunk_group.a", "trunk_group_sid"),
					resource.TestCheckResourceAttrPair(trunkRes, "endpoint_sid", "carrierx_endpoint.pbx", "endpoint_sid"),
					resource.TestCheckResourceAttr(trunkRes, "allow_forward", "reroute"),
					resource.TestCheckResourceAttr(trunkRes, "relay_sip_headers.0", "X-Account"),
					func(s *terraform.State) error {
						var err error
						if firstSID, err = acctest.Attr(trunkRes, "trunk_sid")(s); err != nil {
							return err
						}
						if groupA, err = acctest.Attr(trunkRes, "trunk_group_sid")(s); err != nil || e.Live {
							return err
						}
						return acctest.ExpectCalls(e.Requests(), map[string]int{
							"POST /core/v2/trunk_groups/" + groupA + "/trunks":            1,
							"GET /core/v2/trunk_groups/" + groupA + "/trunks/" + firstSID: 0,
							"POST /core/v2/trunk_groups":                                  2,
							"POST /core/v2/endpoints":                                     1,
						})
					},
				),
			},
		}, acctest.ImportStepsByID(trunkCfg(e, "a", "tr-a", 10, ""), trunkRes, "trunk_sid", trunkImportID), []resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           trunkCfg(e, "a", "tr-renamed", 20, `allow_transfer = true`),
				ConfigPlanChecks: acctest.Quiet(trunkRes, "name", "in_capacity", "allow_transfer"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(trunkRes, "name", "tr-renamed"),
					resource.TestCheckResourceAttr(trunkRes, "in_capacity", "20"),
					resource.TestCheckResourceAttr(trunkRes, "allow_transfer", "true"),
					func(s *terraform.State) error {
						sid, _ := acctest.Attr(trunkRes, "trunk_sid")(s)
						if sid != firstSID {
							return fmt.Errorf("update replaced the trunk: %s became %s", firstSID, sid)
						}
						if e.Live {
							return nil
						}
						reqs := e.Requests()
						p := "/core/v2/trunk_groups/" + groupA + "/trunks/" + sid
						if err := acctest.ExpectCalls(reqs, map[string]int{"GET " + p: 1, "PATCH " + p: 1}); err != nil {
							return err
						}
						patches := 0
						for _, r := range reqs {
							if r.Method == http.MethodPatch {
								patches++
							}
						}
						if patches != 1 {
							return fmt.Errorf("%d PATCH requests, want 1: %v", patches, acctest.Summarize(reqs))
						}
						return acctest.ExpectBody(reqs, "PATCH", `{"allow_transfer":true,"in_capacity":20,"name":"tr-renamed"}`)
					},
				),
			},
			acctest.QuietStep(nil, trunkCfg(e, "a", "tr-renamed", 21, `allow_transfer = true`), trunkRes, []string{"in_capacity"},
				resource.TestCheckResourceAttr(trunkRes, "in_capacity", "21")),
			{
				// Moving the trunk to another group replaces it.
				Config:           trunkCfg(e, "b", "tr-renamed", 20, `allow_transfer = true`),
				ConfigPlanChecks: acctest.Plans(trunkRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair(trunkRes, "trunk_group_sid", "carrierx_trunk_group.b", "trunk_group_sid"),
					func(s *terraform.State) error {
						sid, _ := acctest.Attr(trunkRes, "trunk_sid")(s)
						if sid == firstSID {
							return fmt.Errorf("moving kept SID %s", sid)
						}
						switch _, err := client.Objects[client.Trunk](e.API, client.TrunkKind(groupA)).Get(context.Background(), firstSID); {
						case err == nil:
							return fmt.Errorf("old trunk %s/%s still exists after replace", groupA, firstSID)
						case !client.IsNotFound(err):
							return err
						}
						return nil
					},
				),
			},
			{
				// Replacing the group replaces its trunk too: the trunk goes
				// first, so CarrierX never sees a group deleted with trunks.
				Config: trunkCfg(e, "b", "tr-renamed", 20, `allow_transfer = true`),
				Taint:  []string{"carrierx_trunk_group.b"},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("carrierx_trunk_group.b", plancheck.ResourceActionReplace),
						plancheck.ExpectResourceAction(trunkRes, plancheck.ResourceActionDestroyBeforeCreate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttrPair(trunkRes, "trunk_group_sid", "carrierx_trunk_group.b", "trunk_group_sid"),
			},
		}),
	})
}

// TestAccTrunk_drift changes and deletes the trunk behind Terraform's back,
// then deletes its whole trunk group: each next plan shows it.
func TestAccTrunk_drift(t *testing.T) {
	e := acctest.New(t)
	var tg, tr string
	cfg := trunkCfg(e, "a", "drift", 7, "")
	capture := func(s *terraform.State) (err error) {
		if tg, err = acctest.Attr(trunkRes, "trunk_group_sid")(s); err != nil {
			return err
		}
		tr, err = acctest.Attr(trunkRes, "trunk_sid")(s)
		return err
	}
	e.Test(resource.TestCase{
		CheckDestroy: trunkCheckGone(e),
		Steps: []resource.TestStep{
			{Config: cfg, Check: capture},
			{
				PreConfig: func() {
					_, err := client.Objects[client.Trunk](e.API, client.TrunkKind(tg)).Update(context.Background(), tr, map[string]any{
						"name": "changed-outside", "in_capacity": 99, "allow_forward": "disabled", "endpoint_sid": nil,
						"relay_sip_headers": []string{},
					})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(trunkRes, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(trunkRes, tfjsonpath.New("in_capacity"), knownvalue.Int64Exact(7)),
						acctest.ExpectOnlyChanges(trunkRes, "name", "in_capacity", "allow_forward", "endpoint_sid", "relay_sip_headers"),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(trunkRes, "name", "drift"),
					resource.TestCheckResourceAttr(trunkRes, "in_capacity", "7"),
					resource.TestCheckResourceAttr(trunkRes, "allow_forward", "reroute"),
					resource.TestCheckResourceAttrPair(trunkRes, "endpoint_sid", "carrierx_endpoint.pbx", "endpoint_sid"),
					resource.TestCheckResourceAttr(trunkRes, "relay_sip_headers.#", "1"),
				),
			},
			{
				PreConfig: func() {
					if err := client.Objects[client.Trunk](e.API, client.TrunkKind(tg)).Delete(context.Background(), tr); err != nil {
						t.Fatal(err)
					}
				},
				Config:           cfg,
				ConfigPlanChecks: acctest.Plans(trunkRes, plancheck.ResourceActionCreate),
				Check: func(s *terraform.State) error {
					old := tr
					if err := capture(s); err != nil {
						return err
					}
					if tr == old {
						return fmt.Errorf("deleted trunk %s came back with the same SID", old)
					}
					return nil
				},
			},
			{
				// The parent goes: the trunk disappears from state with it and
				// both are created again.
				PreConfig: func() {
					if e.Live {
						// The live API may refuse to delete a group that has
						// trunks; the trunk goes first there.
						if err := client.Objects[client.Trunk](e.API, client.TrunkKind(tg)).Delete(context.Background(), tr); err != nil {
							t.Fatal(err)
						}
						if err := client.Objects[client.TrunkGroup](e.API, client.TrunkGroupKind).Delete(context.Background(), tg); err != nil {
							t.Fatal(err)
						}
						return
					}
					// The emulator refuses to delete a group with trunks, so the
					// group is deleted out of band, trunk and all.
					e.Control("DELETE", "/objects/trunk_groups/"+tg, nil, nil)
					if _, err := client.Objects[client.Trunk](e.API, client.TrunkKind(tg)).Get(context.Background(), tr); !client.IsNotFound(err) {
						t.Fatalf("trunk of a deleted group: %v, want 404", err)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("carrierx_trunk_group.a", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(trunkRes, plancheck.ResourceActionCreate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(s *terraform.State) error {
					oldTG := tg
					if err := capture(s); err != nil {
						return err
					}
					if tg == oldTG {
						return fmt.Errorf("deleted trunk group %s came back with the same SID", oldTG)
					}
					return nil
				},
			},
		},
	})
}

// TestAccTrunk_invalidInput fails at plan time where the schema knows the
// rules and with CarrierX's message (pointing at the attribute) otherwise;
// no trunk is left behind.
func TestAccTrunk_invalidInput(t *testing.T) {
	e := acctest.New(t)
	var tg string
	group := e.Config(`resource "carrierx_trunk_group" "a" { name = "tg-a" }`)
	trunk := func(body string) string {
		return group + "\nresource \"carrierx_trunk\" \"test\" {\n" + body + "\n}"
	}
	inGroup := func(body string) string {
		return trunk("trunk_group_sid = carrierx_trunk_group.a.trunk_group_sid\n" + body)
	}
	e.Test(resource.TestCase{
		CheckDestroy: trunkCheckGone(e),
		Steps: []resource.TestStep{
			{
				Config: group,
				Check: func(s *terraform.State) (err error) {
					tg, err = acctest.Attr("carrierx_trunk_group.a", "trunk_group_sid")(s)
					return err
				},
			},
			{
				Config:      inGroup(`allow_forward = "sometimes"`),
				ExpectError: regexp.MustCompile(`(?s)allow_forward.*value must be one of:.*"direct_uri"`),
			},
			{
				Config:      inGroup(`asn_mode = "readwrite"`),
				ExpectError: regexp.MustCompile(`(?s)asn_mode.*value must be one of:.*"read_write"`),
			},
			{
				Config:      inGroup(`in_capacity = -2`),
				ExpectError: regexp.MustCompile(`(?s)in_capacity.*at\s+least\s+-1`),
			},
			{
				Config:      inGroup(`endpoint_sid = "pbx-east"`),
				ExpectError: regexp.MustCompile(`(?s)endpoint_sid "pbx-east" is not a SID`),
			},
			{
				Config:      trunk(`trunk_group_sid = "tg-a"`),
				ExpectError: regexp.MustCompile(`(?s)trunk_group_sid "tg-a" is not a SID`),
			},
			{
				// Well-formed but unknown endpoint: CarrierX refuses it, and the
				// diagnostic points at endpoint_sid.
				PreConfig:   func() { trunkNoneLeft(t, e, tg) },
				Config:      inGroup(`endpoint_sid = "` + acctest.TrunkGroupMissingSID + `"`),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_trunk.*endpoint_sid\s+=.*(422|404).*endpoint_sid`),
			},
			{
				PreConfig:   func() { trunkNoneLeft(t, e, tg) },
				Config:      trunk(`trunk_group_sid = "` + acctest.TrunkGroupMissingSID + `"`),
				ExpectError: regexp.MustCompile(`(?s)trunk group not found.*trunk_group_sid\s+=.*No trunk group has\s+trunk_group_sid\s+"` + acctest.TrunkGroupMissingSID + `".*404`),
			},
			{
				PreConfig: func() { trunkNoneLeft(t, e, tg) },
				Config:    group,
			},
		},
	})
}

// TestAccTrunk_importErrors: the import ID parser is strict, and an unknown
// trunk is reported by Terraform.
func TestAccTrunk_importErrors(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Config(`resource "carrierx_trunk" "test" { trunk_group_sid = "` + acctest.TrunkGroupMissingSID + `" }`)
	steps := []resource.TestStep{}
	for _, id := range []string{"abc", "a/b/c", "tg-main/tr-a", acctest.TrunkGroupMissingSID + "/tr-a", acctest.TrunkGroupMissingSID, acctest.TrunkGroupMissingSID + "/", "/" + acctest.TrunkGroupMissingSID} {
		steps = append(steps, resource.TestStep{
			Config:        cfg,
			ResourceName:  trunkRes,
			ImportState:   true,
			ImportStateId: id,
			ExpectError: regexp.MustCompile(`(?s)import ID "` + regexp.QuoteMeta(id) + `" is not of the\s+form\s+<trunk_group_sid>/<trunk_sid>.*for\s+example\s+` +
				regexp.QuoteMeta(framework.ExampleSID+"/"+framework.ExampleSID)),
		})
	}
	steps = append(steps, resource.TestStep{
		Config:        cfg,
		ResourceName:  trunkRes,
		ImportState:   true,
		ImportStateId: acctest.TrunkGroupMissingSID + "/" + strings.Replace(acctest.TrunkGroupMissingSID, "dead", "beef", 1),
		ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
	})
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: e.Providers(), Steps: steps})
}

// TestAccTrunk_rewrittenValues: values CarrierX rewrites ("" read back as
// null, "False" read back as the boolean false) never show as a change.
func TestAccTrunk_rewrittenValues(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Config(`
resource "carrierx_trunk_group" "a" {
  name         = ""
  routing_data = ""
}
resource "carrierx_trunk" "test" {
  trunk_group_sid = carrierx_trunk_group.a.trunk_group_sid
  endpoint_sid    = ""
  codec           = ""
  location_sid    = ""
  allow_transfer  = "False"
}
`)
	e.Test(resource.TestCase{
		CheckDestroy: trunkCheckGone(e),
		Steps: []resource.TestStep{
			{
				Config:           cfg,
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(trunkRes, "endpoint_sid", ""),
					resource.TestCheckResourceAttr(trunkRes, "allow_transfer", "False"),
					func(s *terraform.State) error {
						tg, _ := acctest.Attr(trunkRes, "trunk_group_sid")(s)
						tr, _ := acctest.Attr(trunkRes, "trunk_sid")(s)
						got, err := client.Objects[client.Trunk](e.API, client.TrunkKind(tg)).Get(context.Background(), tr)
						if err != nil {
							return err
						}
						if got.EndpointSID != nil || got.AllowTransfer == nil || *got.AllowTransfer != "false" {
							return fmt.Errorf("API has endpoint_sid %v, allow_transfer %v", got.EndpointSID, got.AllowTransfer)
						}
						return nil
					},
				),
			},
			{
				ResourceName:                         trunkRes,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "trunk_sid",
				ImportStateIdFunc:                    trunkImportID,
				// Read back from CarrierX, the empty strings are null and
				// "False" is its boolean.
				ImportStateVerifyIgnore: []string{"endpoint_sid", "codec", "location_sid", "allow_transfer"},
			},
		},
	})
}
