package conference_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const groupRes = "carrierx_conference_did_group.test"

// TestAccConferenceDIDGroup_lifecycle creates a group (one POST), imports
// it by "<endpoint_sid>/<did_group_sid>", updates it in place (one PATCH of
// what changed; an unset call flow is cleared), moves it to another
// endpoint (replacement), puts back an out-of-band change, creates it again
// after an out-of-band delete, and deletes it.
func TestAccConferenceDIDGroup_lifecycle(t *testing.T) {
	e, eps := start(t, 2)
	ep := eps[0]
	var sid, open string
	group := func(ep, name string, withFlow bool) string {
		flows, openRef := flow(fmt.Sprintf("%q", ep), "open")
		lines := []string{fmt.Sprintf("endpoint_sid = %q", ep), fmt.Sprintf("name = %q", name),
			`properties = { conference_moh_enabled = "off" }`}
		if withFlow {
			lines = append(lines, "call_flow_sid = "+openRef)
		}
		return e.Config(flows + acctest.Res("carrierx_conference_did_group", "test", lines...))
	}
	created := group(eps[0], "sales", true)
	updated := group(eps[0], "sales-2", false)
	moved := group(eps[1], "sales-2", false)
	groups := func() client.AppCollection[client.ConferenceDIDGroup] {
		return conf[client.ConferenceDIDGroup](e, &ep, client.ConferenceDIDGroupKind)
	}
	obj := crud{res: groupRes, sidAttr: "did_group_sid", path: "/did_groups", kind: client.ConferenceDIDGroupKind}
	e.Test(resource.TestCase{
		CheckDestroy: obj.deletedOnce(e),
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequests,
				Config:           created,
				ConfigPlanChecks: acctest.Plans(groupRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(groupRes, map[string]knownvalue.Check{
					"did_group_sid":                     knownvalue.StringRegexp(acctest.SIDRegexp),
					"account_sid":                       knownvalue.StringRegexp(acctest.SIDRegexp),
					"name":                              knownvalue.StringExact("sales"),
					"properties.conference_moh_enabled": knownvalue.StringExact("off"),
				}),
				Check: resource.ComposeTestCheckFunc(
					acctest.SaveAttr(groupRes, "did_group_sid", &sid),
					acctest.SaveAttr("data.carrierx_conference_call_flows.open", "call_flows.0.call_flow_sid", &open),
					resource.TestCheckResourceAttrPtr(groupRes, "call_flow_sid", &open),
					func(s *terraform.State) error {
						return acctest.Sent(e, &sid, map[string]int{"POST " + api + "/did_groups": 1, "GET " + api + "/did_groups/{sid}": 0},
							"POST", fmt.Sprintf(`{"call_flow_sid":%q,"name":"sales","properties":{"conference_moh_enabled":"off"}}`, open))(s)
					},
				),
			},
		}, acctest.ImportStepsByID(created, groupRes, "did_group_sid", importID(groupRes, "did_group_sid")), []resource.TestStep{
			acctest.QuietStep(e.ClearRequests, group(eps[0], "sales-2", true), groupRes, []string{"name"},
				acctest.OnePatch(e, `{"name":"sales-2"}`)),
			{
				// The call flow left out is cleared (the account's applies).
				PreConfig:        e.ClearRequests,
				Config:           updated,
				ConfigPlanChecks: acctest.Quiet(groupRes, "call_flow_sid"),
				Check: resource.ComposeTestCheckFunc(
					acctest.SameAttr(groupRes, "did_group_sid", &sid),
					resource.TestCheckNoResourceAttr(groupRes, "call_flow_sid"),
					acctest.OnePatch(e, `{"call_flow_sid":null}`),
				),
			},
		},
			obj.moveSteps(t, e, moved, eps[1], &ep, &sid,
				func() error {
					_, err := groups().Update(context.Background(), sid, map[string]any{"name": "outside",
						"properties": map[string]any{}})
					return err
				},
				func(*terraform.State) error {
					g, err := groups().Get(context.Background(), sid)
					if err == nil && (*g.Name != "sales-2" || g.CallFlowSID != nil || g.Properties["conference_moh_enabled"] != "off") {
						err = fmt.Errorf("the apply did not put the group back: %+v", g)
					}
					return err
				})),
	})
}
