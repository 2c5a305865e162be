package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const didGroupRes = "carrierx_did_group.test"

func didGroupConfig(e *accEnv, body string) string {
	return e.config("resource \"carrierx_did_group\" \"test\" {\n" + body + "\n}\n")
}

// TestAccDIDGroup_lifecycle covers create, import, update in place,
// clearing an attribute and destroy, and the requests each step sends.
// Nothing on a DID group is create-only, so nothing forces a replacement.
func TestAccDIDGroup_lifecycle(t *testing.T) {
	e := newAccEnv(t)
	var sid string
	full := didGroupConfig(e, `
  name         = "sales-lines"
  callback_url = "https://hooks.example.com/sms/sales"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy: func(s *terraform.State) error {
			if !e.live {
				if err := expectCalls(e.requests(), map[string]int{"DELETE /core/v2/phonenumber/did_groups/" + sid: 1}); err != nil {
					return err
				}
			}
			return e.checkGone("carrierx_did_group", "did_group_sid", e.didGroupGet)(s)
		},
		Steps: []resource.TestStep{
			{
				PreConfig: e.clearRequestsIfEmulated,
				Config:    full,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(didGroupRes, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(didGroupRes, "did_group_sid", sidRegexp),
					resource.TestMatchResourceAttr(didGroupRes, "partner_sid", regexp.MustCompile(`.+`)),
					resource.TestCheckResourceAttr(didGroupRes, "name", "sales-lines"),
					resource.TestCheckResourceAttr(didGroupRes, "callback_url", "https://hooks.example.com/sms/sales"),
					prefixSaveAttr(didGroupRes, "did_group_sid", &sid),
					func(*terraform.State) error {
						if e.live {
							return nil
						}
						reqs := e.requests()
						// One POST with the configured values, and no extra GET.
						if err := expectCalls(reqs, map[string]int{"POST /core/v2/phonenumber/did_groups": 1, "GET /core/v2/phonenumber/did_groups/" + sid: 0}); err != nil {
							return err
						}
						return expectBody(reqs, "POST", `{"callback_url":"https://hooks.example.com/sms/sales","name":"sales-lines"}`)
					},
				),
			},
			{
				ResourceName:                         didGroupRes,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "did_group_sid",
				ImportStateIdFunc:                    prefixStateAttr(didGroupRes, "did_group_sid"),
			},
			{
				// An import block with the same configuration plans no change.
				Config:            full,
				ResourceName:      didGroupRes,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: prefixStateAttr(didGroupRes, "did_group_sid"),
			},
			{
				PreConfig: e.clearRequestsIfEmulated,
				Config: didGroupConfig(e, `
  name         = "sales-lines-2"
  callback_url = "https://hooks.example.com/sms/sales"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(didGroupRes, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(didGroupRes, "name", "sales-lines-2"),
					prefixSameAttr(didGroupRes, "did_group_sid", &sid),
					func(*terraform.State) error {
						if e.live {
							return nil
						}
						reqs := e.requests()
						if err := expectCalls(reqs, map[string]int{"PATCH /core/v2/phonenumber/did_groups/" + sid: 1}); err != nil {
							return err
						}
						if n := len(prefixWrites(reqs)); n != 1 {
							return fmt.Errorf("%d writes, want one PATCH: %v", n, summarize(reqs))
						}
						return expectBody(reqs, "PATCH", `{"name":"sales-lines-2"}`)
					},
				),
			},
			{
				// Leaving out callback_url clears it; leaving out name sends CarrierX's default.
				PreConfig: e.clearRequestsIfEmulated,
				Config:    didGroupConfig(e, ``),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(didGroupRes, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(didGroupRes, "name", "N/A"),
					resource.TestCheckNoResourceAttr(didGroupRes, "callback_url"),
					prefixSameAttr(didGroupRes, "did_group_sid", &sid),
					func(*terraform.State) error {
						if e.live {
							return nil
						}
						reqs := e.requests()
						if err := expectBody(reqs, "PATCH", `{"callback_url":null,"name":"N/A"}`); err != nil {
							return err
						}
						e.clearRequests() // CheckDestroy counts what destroy sends
						return nil
					},
				),
			},
		},
	})
}

// TestAccDIDGroup_defaults creates a group with nothing configured: the
// API's defaults never show as a change.
func TestAccDIDGroup_defaults(t *testing.T) {
	e := newAccEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy:             e.checkGone("carrierx_did_group", "did_group_sid", e.didGroupGet),
		Steps: []resource.TestStep{
			{
				Config: didGroupConfig(e, ``),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(didGroupRes, "name", "N/A"),
					resource.TestCheckNoResourceAttr(didGroupRes, "callback_url"),
				),
			},
			{
				ResourceName:                         didGroupRes,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "did_group_sid",
				ImportStateIdFunc:                    prefixStateAttr(didGroupRes, "did_group_sid"),
			},
		},
	})
}

// TestAccDIDGroup_drift changes and deletes the group behind Terraform's
// back; the next plan shows both and the apply puts things right.
func TestAccDIDGroup_drift(t *testing.T) {
	e := newAccEnv(t)
	var sid string
	cfg := didGroupConfig(e, `
  name         = "drift"
  callback_url = "https://hooks.example.com/sms/drift"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy:             e.checkGone("carrierx_did_group", "did_group_sid", e.didGroupGet),
		Steps: []resource.TestStep{
			{Config: cfg, Check: prefixSaveAttr(didGroupRes, "did_group_sid", &sid)},
			{
				PreConfig: func() {
					if _, err := e.api.UpdateDIDGroup(context.Background(), sid, map[string]any{"name": "changed-outside", "callback_url": nil}); err != nil {
						t.Fatal(err)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(didGroupRes, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(didGroupRes, "name", "drift"),
					resource.TestCheckResourceAttr(didGroupRes, "callback_url", "https://hooks.example.com/sms/drift"),
					func(*terraform.State) error {
						g, err := e.api.GetDIDGroup(context.Background(), sid)
						if err == nil && (g.Name == nil || *g.Name != "drift" || g.CallbackURL == nil) {
							err = fmt.Errorf("the apply did not revert the API object: %+v", g)
						}
						return err
					},
				),
			},
			recreateStep(t, cfg, didGroupRes, "did_group_sid", &sid, func() error { return e.api.DeleteDIDGroup(context.Background(), sid) }),
		},
	})
}

// TestAccDIDGroup_invalidInput rejects malformed and unknown import IDs and
// leaves nothing behind.
func TestAccDIDGroup_invalidInput(t *testing.T) {
	e := newAccEnv(t)
	cfg := didGroupConfig(e, `name = "x"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				Config:        cfg,
				ResourceName:  didGroupRes,
				ImportState:   true,
				ImportStateId: "sales-lines",
				ExpectError:   regexp.MustCompile(`(?s)"sales-lines" is not a DID group SID;\s+import with the\s+did_group_sid`),
			},
			{
				Config:        cfg,
				ResourceName:  didGroupRes,
				ImportState:   true,
				ImportStateId: "00000000-0000-4000-8000-000000000000",
				ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
	gs, err := e.api.ListDIDGroups(context.Background(), client.ListOptions{})
	if err != nil || len(gs) != 0 {
		t.Fatalf("after failed imports: %d DID groups, err %v", len(gs), err)
	}
}
