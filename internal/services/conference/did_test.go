package conference_test

import (
	"context"
	"fmt"
	"net/http"
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

const didRes = "carrierx_conference_did.test"

// didDefaults is what destroy sends an adopted number (CarrierX docs,
// Conference API v2, DIDs: no call flow, no group, no properties).
const didDefaults = `{"call_flow_sid":null,"did_group_sid":null,"properties":{}}`

// TestAccConferenceDID_lifecycle adopts a number routed to the endpoint (a
// find and one PATCH, no POST) into a DID group, imports it by
// "<endpoint_sid>/<did_sid>", updates it in place, puts back an out-of-band
// change, moves to a number of another endpoint named by did_sid
// (replacement: the first number gets its defaults back, then its group
// can be deleted), refuses numbers that are not routed, and destroys the
// whole configuration: the number is released from its group first, so the
// group's DELETE succeeds.
func TestAccConferenceDID_lifecycle(t *testing.T) {
	e, _ := start(t, 0)
	var sid, first, ep, open, grp, didPath string
	flows, openRef := flow(endpoint, "open")
	did := func(lines ...string) string {
		return acctest.Res("carrierx_conference_did", "test", append([]string{"endpoint_sid = " + endpoint,
			"phonenumber = carrierx_phone_number.conf[0].phonenumber", "did_group_sid = carrierx_conference_did_group.g.did_group_sid",
			"depends_on = [carrierx_trunk.conf]"}, lines...)...)
	}
	group := acctest.Res("carrierx_conference_did_group", "g", "endpoint_sid = "+endpoint, `name = "g"`)
	created := bridge(e, 1, flows+group+did("call_flow_sid = "+openRef, `properties = { did_language = "fr_FR" }`))
	updated := bridge(e, 1, flows+group+did(`properties = { did_language = "de_DE" }`))
	// The number of endpoint b, named by its did_sid in b's Conference API.
	moved := bridge(e, 1, acctest.Hosted("b", "conference_v2", 1)+`
data "carrierx_conference_dids" "b" {
  endpoint_sid = carrierx_endpoint.b.endpoint_sid
  depends_on   = [carrierx_trunk.b, carrierx_phone_number.b]
}
`+acctest.Res("carrierx_conference_did_group", "gb", "endpoint_sid = carrierx_endpoint.b.endpoint_sid", `name = "gb"`)+
		acctest.Res("carrierx_conference_did", "test", "endpoint_sid = carrierx_endpoint.b.endpoint_sid",
			"did_sid = data.carrierx_conference_dids.b.dids[0].did_sid",
			"did_group_sid = carrierx_conference_did_group.gb.did_group_sid", `properties = { did_language = "de_DE" }`))
	loose := func(line string) string {
		return moved + acctest.Res("carrierx_conference_did", "loose", "endpoint_sid = "+endpoint, line)
	}
	dids := func() client.AppCollection[client.AppDID] { return conf[client.AppDID](e, &ep, client.AppDIDKind) }
	e.Test(resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if err := restored(e, &didPath, didDefaults)(nil); err != nil {
				return err
			}
			reqs := e.Requests()
			released, _ := sentAt(reqs, http.MethodPatch, didPath, "")
			deleted, err := sentAt(reqs, http.MethodDelete, api+"/did_groups/"+grp, "")
			if err == nil && deleted < released {
				err = fmt.Errorf("the group was deleted before its number was released: %v", acctest.Summarize(reqs))
			}
			return err
		},
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequests,
				Config:           created,
				ConfigPlanChecks: acctest.Plans(didRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(didRes, map[string]knownvalue.Check{
					"did_sid":                 knownvalue.StringRegexp(acctest.SIDRegexp),
					"account_sid":             knownvalue.StringRegexp(acctest.SIDRegexp),
					"country_code":            knownvalue.StringExact("USA"),
					"in_country_format":       knownvalue.NotNull(),
					"international_format":    knownvalue.NotNull(),
					"properties":              knownvalue.MapSizeExact(1),
					"properties.did_language": knownvalue.StringExact("fr_FR"),
				}),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair(didRes, "phonenumber", "carrierx_phone_number.conf.0", "phonenumber"),
					resource.TestCheckResourceAttrPair(didRes, "did_group_sid", "carrierx_conference_did_group.g", "did_group_sid"),
					resource.TestCheckResourceAttrPair(didRes, "call_flow_sid", "data.carrierx_conference_call_flows.open", "call_flows.0.call_flow_sid"),
					acctest.SaveAttr(didRes, "did_sid", &sid),
					acctest.SaveAttr(didRes, "did_sid", &first),
					acctest.SaveAttr(didRes, "endpoint_sid", &ep),
					acctest.SaveAttr("data.carrierx_conference_call_flows.open", "call_flows.0.call_flow_sid", &open),
					acctest.SaveAttr("carrierx_conference_did_group.g", "did_group_sid", &grp),
					// Adopted: found by its number, configured by one PATCH;
					// nothing is created.
					func(s *terraform.State) error {
						return acctest.Sent(e, &sid, map[string]int{"GET " + api + "/dids": 1, "PATCH " + api + "/dids/{sid}": 1,
							"POST " + api + "/dids": 0}, "PATCH",
							fmt.Sprintf(`{"call_flow_sid":%q,"did_group_sid":%q,"properties":{"did_language":"fr_FR"}}`, open, grp))(s)
					},
				),
			},
		}, acctest.ImportStepsByID(created, didRes, "did_sid", importID(didRes, "did_sid")), []resource.TestStep{
			acctest.QuietStep(e.ClearRequests, bridge(e, 1, flows+group+did("call_flow_sid = "+openRef, `properties = { did_language = "de_DE" }`)),
				didRes, []string{"properties"}, acctest.OnePatch(e, `{"properties":{"did_language":"de_DE"}}`)),
			{
				// The call flow left out is cleared (the group's applies).
				PreConfig:        e.ClearRequests,
				Config:           updated,
				ConfigPlanChecks: acctest.Quiet(didRes, "call_flow_sid"),
				Check: resource.ComposeTestCheckFunc(
					acctest.SameAttr(didRes, "did_sid", &sid),
					resource.TestCheckNoResourceAttr(didRes, "call_flow_sid"),
					acctest.OnePatch(e, `{"call_flow_sid":null}`),
				),
			},
			{
				PreConfig: acctest.Must(t, func() error {
					_, err := dids().Update(context.Background(), sid, map[string]any{"did_group_sid": nil, "call_flow_sid": open,
						"properties": map[string]any{}})
					return err
				}),
				Config:           updated,
				ConfigPlanChecks: acctest.Quiet(didRes, "did_group_sid", "call_flow_sid", "properties"),
				Check: func(*terraform.State) error {
					d, err := dids().Get(context.Background(), sid)
					if err == nil && (d.DIDGroupSID == nil || *d.DIDGroupSID != grp || d.CallFlowSID != nil || d.Properties["did_language"] != "de_DE") {
						err = fmt.Errorf("the apply did not put the number back: %+v", d)
					}
					return err
				},
			},
			{
				// Endpoint b's number replaces it; the first number is released
				// (its defaults) before its group goes.
				PreConfig:        e.ClearRequests,
				Config:           moved,
				ConfigPlanChecks: acctest.Plans(didRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					acctest.SaveAttr(didRes, "did_sid", &sid),
					acctest.NewAttr(didRes, "did_sid", &first),
					resource.TestCheckResourceAttrPair(didRes, "endpoint_sid", "carrierx_endpoint.b", "endpoint_sid"),
					resource.TestCheckResourceAttrPair(didRes, "phonenumber", "carrierx_phone_number.b.0", "phonenumber"),
					resource.TestCheckResourceAttrPair(didRes, "did_group_sid", "carrierx_conference_did_group.gb", "did_group_sid"),
					func(*terraform.State) error {
						reqs := e.Requests()
						released, err := sentAt(reqs, http.MethodPatch, api+"/dids/"+first, didDefaults)
						if err != nil {
							return err
						}
						if deleted, err := sentAt(reqs, http.MethodDelete, api+"/did_groups/"+grp, ""); err != nil || deleted < released {
							return fmt.Errorf("group g was not deleted after its number was released (%w): %v", err, acctest.Summarize(reqs))
						}
						d, err := dids().Get(context.Background(), first)
						if err == nil && (d.DIDGroupSID != nil || d.CallFlowSID != nil || len(d.Properties) != 0) {
							err = fmt.Errorf("the first number kept its settings: %+v", d)
						}
						return err
					},
					acctest.SaveAttr("carrierx_conference_did_group.gb", "did_group_sid", &grp),
					func(*terraform.State) error { didPath = api + "/dids/" + sid; return nil },
				),
			},
			{
				Config:      loose(`phonenumber = "15559990000"`),
				ExpectError: regexp.MustCompile(`(?s)number 15559990000 is not routed to endpoint.*trunk group.*carrierx_trunk`),
			},
			{
				PreConfig:   e.ClearRequests, // CheckDestroy reads what destroy sends
				Config:      loose(`did_sid = "` + acctest.TrunkGroupMissingSID + `"`),
				ExpectError: regexp.MustCompile(`(?s)no number with did_sid "` + acctest.TrunkGroupMissingSID + `" is routed to\s+endpoint`),
			},
		}),
	})
}
