package didgroup_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const didGroupRes = "carrierx_did_group.test"

// TestAccDIDGroup_lifecycle covers create, import, update in place,
// clearing an attribute and destroy, and the requests each step sends.
// Nothing on a DID group is create-only, so nothing forces a replacement.
func TestAccDIDGroup_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var sid string
	full := e.Resource("carrierx_did_group", `
  name         = "sales-lines"
  callback_url = "https://hooks.example.com/sms/sales"`)
	e.Test(resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			if !e.Live {
				if err := acctest.ExpectCalls(e.Requests(), map[string]int{"DELETE /core/v2/phonenumber/did_groups/" + sid: 1}); err != nil {
					return err
				}
			}
			return e.CheckGone("carrierx_did_group", "did_group_sid", acctest.Getter[client.DIDGroup](e, client.DIDGroupKind))(s)
		},
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           full,
				ConfigPlanChecks: acctest.Plans(didGroupRes, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(didGroupRes, "did_group_sid", acctest.SIDRegexp),
					resource.TestMatchResourceAttr(didGroupRes, "partner_sid", regexp.MustCompile(`.+`)),
					resource.TestCheckResourceAttr(didGroupRes, "name", "sales-lines"),
					resource.TestCheckResourceAttr(didGroupRes, "callback_url", "https://hooks.example.com/sms/sales"),
					acctest.SaveAttr(didGroupRes, "did_group_sid", &sid),
					// One POST with the configured values, and no extra GET.
					acctest.Sent(e, &sid, map[string]int{"POST /core/v2/phonenumber/did_groups": 1, "GET /core/v2/phonenumber/did_groups/{sid}": 0}, "POST", `{"callback_url":"https://hooks.example.com/sms/sales","name":"sales-lines"}`),
				),
			},
			{
				ResourceName:                         didGroupRes,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "did_group_sid",
				ImportStateIdFunc:                    acctest.Attr(didGroupRes, "did_group_sid"),
			},
			{
				// An import block with the same configuration plans no change.
				Config:            full,
				ResourceName:      didGroupRes,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: acctest.Attr(didGroupRes, "did_group_sid"),
			},
			{
				PreConfig: e.ClearRequestsIfEmulated,
				Config: e.Resource("carrierx_did_group", `
  name         = "sales-lines-2"
  callback_url = "https://hooks.example.com/sms/sales"`),
				ConfigPlanChecks: acctest.Quiet(didGroupRes, "name"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(didGroupRes, "name", "sales-lines-2"),
					acctest.SameAttr(didGroupRes, "did_group_sid", &sid),
					acctest.Sent(e, &sid, map[string]int{"PATCH /core/v2/phonenumber/did_groups/{sid}": 1}, "", ""),
					acctest.OnePatch(e, `{"name":"sales-lines-2"}`),
				),
			},
			{
				// Leaving out callback_url clears it; leaving out name sends CarrierX's default.
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Resource("carrierx_did_group", ``),
				ConfigPlanChecks: acctest.Quiet(didGroupRes, "name", "callback_url"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(didGroupRes, "name", "N/A"),
					resource.TestCheckNoResourceAttr(didGroupRes, "callback_url"),
					acctest.SameAttr(didGroupRes, "did_group_sid", &sid),
					func(*terraform.State) error {
						if e.Live {
							return nil
						}
						reqs := e.Requests()
						if err := acctest.ExpectBody(reqs, "PATCH", `{"callback_url":null,"name":"N/A"}`); err != nil {
							return err
						}
						e.ClearRequests() // CheckDestroy counts what destroy sends
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
	e := acctest.New(t)
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_did_group", "did_group_sid", acctest.Getter[client.DIDGroup](e, client.DIDGroupKind)),
		Steps: []resource.TestStep{
			{
				Config:           e.Resource("carrierx_did_group", ``),
				ConfigPlanChecks: acctest.NoChangeAfter(),
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
				ImportStateIdFunc:                    acctest.Attr(didGroupRes, "did_group_sid"),
			},
		},
	})
}

// TestAccDIDGroup_drift changes and deletes the group behind Terraform's
// back; the next plan shows both and the apply puts things right.
func TestAccDIDGroup_drift(t *testing.T) {
	e := acctest.New(t)
	var sid string
	cfg := e.Resource("carrierx_did_group", `
  name         = "drift"
  callback_url = "https://hooks.example.com/sms/drift"`)
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_did_group", "did_group_sid", acctest.Getter[client.DIDGroup](e, client.DIDGroupKind)),
		Steps: acctest.DriftSteps(t, cfg, didGroupRes, "did_group_sid", &sid,
			acctest.UpdateOutside[client.DIDGroup](e, client.DIDGroupKind, &sid, map[string]any{"name": "changed-outside", "callback_url": nil}),
			resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(didGroupRes, "name", "drift"),
				resource.TestCheckResourceAttr(didGroupRes, "callback_url", "https://hooks.example.com/sms/drift"),
				acctest.Reverted(e, client.DIDGroupKind, &sid, func(g *client.DIDGroup) bool {
					return g.Name != nil && *g.Name == "drift" && g.CallbackURL != nil
				}),
			),
			acctest.DeleteOutside[client.DIDGroup](e, client.DIDGroupKind, &sid)),
	})
}

// TestAccDIDGroup_invalidInput rejects malformed and unknown import IDs and
// leaves nothing behind.
func TestAccDIDGroup_invalidInput(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Resource("carrierx_did_group", `name = "x"`)
	e.Test(resource.TestCase{
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
	gs, err := client.Objects[client.DIDGroup](e.API, client.DIDGroupKind).List(context.Background(), client.ListOptions{})
	if err != nil || len(gs) != 0 {
		t.Fatalf("after failed imports: %d DID groups, err %v", len(gs), err)
	}
}
