package flexml_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// ivr is a FlexML endpoint with two numbers routed to it.
var ivr = acctest.Hosted("ivr", "flexml", 2)

// didCfg is ivr, extra HCL, and a carrierx_flexml_did of the endpoint with lines.
func didCfg(e *acctest.Env, extra string, lines ...string) string {
	return e.Config(ivr + extra + acctest.Res("carrierx_flexml_did", "test", append([]string{
		"endpoint_sid = carrierx_endpoint.ivr.endpoint_sid",
		"depends_on   = [carrierx_trunk.ivr]",
	}, lines...)...))
}

func dids(e *acctest.Env, endpoint *string) func() client.AppCollection[client.AppDID] {
	return acctest.App[client.AppDID](e, client.FlexMLAPI, endpoint, client.AppDIDKind)
}

// didDefaults checks that a number has CarrierX's defaults back.
func didDefaults(d *client.AppDID) error {
	return defaults(d.URL, d.Method, d.StatusCallbackURL, d.StatusCallbackMethod)
}

// notRoutedError is the error of a number that the endpoint's API does
// not list: it names the number and says how numbers reach an endpoint.
func notRoutedError(what string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + what + `\s+routed\s+to\s+endpoint\s+"[0-9a-f-]{36}".*A\s+number\s+reaches\s+an\s+` +
		`endpoint\s+through\s+its\s+trunk\s+group:\s+the\s+number's\s+` + "`trunk_group_sid`" + `\s+names\s+a`)
}

// TestAccFlexMLDID_lifecycle covers naming the number wrongly (at plan
// time), a number not routed to the endpoint (at apply), adopting a routed
// number by phonenumber (found, then one PATCH over the defaults), import
// (a bare SID is a clear error), update in place, an out-of-band change
// reverted, another number (replacement, which restores the first one's
// defaults), and destroy, which restores the defaults and leaves the
// number rented and routed.
func TestAccFlexMLDID_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var sid, ep string
	full := didCfg(e, "",
		`phonenumber = carrierx_phone_number.ivr[0].phonenumber`,
		`url         = "https://ivr.example.com/flexml/sales"`,
		`method      = "GET"`)
	updated := didCfg(e, "",
		`phonenumber         = carrierx_phone_number.ivr[0].phonenumber`,
		`url                 = "https://ivr.example.com/flexml/sales-v2"`,
		`method              = "GET"`,
		`status_callback_url = "https://ivr.example.com/flexml/status"`)
	res := number.res
	steps := []resource.TestStep{
		{Config: didCfg(e, ""), ExpectError: regexp.MustCompile(`(?s)At\s+least\s+one\s+of\s+these\s+attributes\s+must\s+be\s+configured:\s+\[phonenumber,did_sid\]`)},
		{
			// Both may be set (a generated configuration has both), naming one number.
			Config:      didCfg(e, "", `phonenumber = "15550001111"`, `did_sid = "`+framework.ExampleSID+`"`),
			ExpectError: regexp.MustCompile(`(?s)no number with did_sid`),
		},
		{
			// A rented number with no trunk group does not reach the
			// endpoint: the apply says how to route it.
			Config: didCfg(e, `
resource "carrierx_phone_number" "loose" {
  country_code = "USA"
  state        = "NY"
}
`, `phonenumber = carrierx_phone_number.loose.phonenumber`),
			ExpectError: notRoutedError(`number\s+[0-9]+\s+is\s+not`),
		},
		{
			PreConfig:        e.ClearRequestsIfEmulated,
			Config:           full,
			ConfigPlanChecks: acctest.Plans(res, plancheck.ResourceActionCreate),
			Check: resource.ComposeTestCheckFunc(
				resource.TestMatchResourceAttr(res, "did_sid", acctest.SIDRegexp),
				acctest.SaveAttr(res, "did_sid", &sid),
				acctest.SaveAttr("carrierx_endpoint.ivr", "endpoint_sid", &ep),
				resource.TestCheckResourceAttrPair(res, "phonenumber", "carrierx_phone_number.ivr.0", "phonenumber"),
				resource.TestCheckResourceAttrPair(res, "in_country_format", "carrierx_phone_number.ivr.0", "in_country_format"),
				resource.TestCheckResourceAttr(res, "country_code", "USA"),
				resource.TestMatchResourceAttr(res, "account_sid", acctest.SIDRegexp),
				resource.TestCheckResourceAttr(res, "url", "https://ivr.example.com/flexml/sales"),
				resource.TestCheckResourceAttr(res, "method", "GET"),
				resource.TestCheckNoResourceAttr(res, "status_callback_url"),
				resource.TestCheckResourceAttr(res, "status_callback_method", "POST"),
				// Found among the endpoint's numbers, then configured in
				// one PATCH over the defaults; nothing is created.
				acctest.Sent(e, &sid, map[string]int{"GET /flexml/v1/dids": 1, "PATCH /flexml/v1/dids/{sid}": 1,
					"GET /flexml/v1/dids/{sid}": 0, "POST /flexml/v1/dids": 0}, "PATCH",
					`{"method":"GET","status_callback_method":"POST","status_callback_url":null,"url":"https://ivr.example.com/flexml/sales"}`),
			),
		},
	}
	steps = append(steps, acctest.ImportStepsByID(full, res, "did_sid", number.importID)...)
	steps = append(steps, acctest.ImportErrorStep(full, res, framework.ExampleSID, regexp.MustCompile(`(?s)"`+framework.ExampleSID+
		`" is not of the form\s+<endpoint_sid>/<did_sid>\s+\(two SIDs joined by a slash\),\s+for example\s+\S+\n\n`)))
	steps = append(steps,
		number.updateStep(e, didCfg(e, "",
			`phonenumber         = carrierx_phone_number.ivr[0].phonenumber`,
			`url                 = "https://ivr.example.com/flexml/sales"`,
			`method              = "GET"`,
			`status_callback_url = "https://ivr.example.com/flexml/status"`), &sid, []string{"status_callback_url"},
			`{"status_callback_url":"https://ivr.example.com/flexml/status"}`),
		number.updateStep(e, updated, &sid, []string{"url"},
			`{"url":"https://ivr.example.com/flexml/sales-v2"}`,
			resource.TestCheckResourceAttr(res, "url", "https://ivr.example.com/flexml/sales-v2"),
			resource.TestCheckResourceAttr(res, "status_callback_url", "https://ivr.example.com/flexml/status")),
		driftStep[client.AppDID](e, number, updated, &ep, &sid,
			map[string]any{"url": "https://elsewhere.example.com/x", "method": "POST", "status_callback_url": nil},
			[]string{"url", "method", "status_callback_url"},
			resource.TestCheckResourceAttr(res, "url", "https://ivr.example.com/flexml/sales-v2"),
			inAPI(e, number, &ep, &sid, func(d *client.AppDID) error {
				return configured(d.URL, d.Method, d.StatusCallbackURL,
					"https://ivr.example.com/flexml/sales-v2", "GET", "https://ivr.example.com/flexml/status")
			})),
		resource.TestStep{
			// Another number is another object: replacement, and the first
			// number is back to CarrierX's defaults.
			Config: didCfg(e, "", `phonenumber = carrierx_phone_number.ivr[1].phonenumber`,
				`url         = "https://ivr.example.com/flexml/support"`),
			ConfigPlanChecks: acctest.Plans(res, plancheck.ResourceActionDestroyBeforeCreate),
			Check: resource.ComposeTestCheckFunc(
				acctest.NewAttr(res, "did_sid", &sid),
				resource.TestCheckResourceAttrPair(res, "phonenumber", "carrierx_phone_number.ivr.1", "phonenumber"),
				resource.TestCheckResourceAttr(res, "url", "https://ivr.example.com/flexml/support"),
				resource.TestCheckResourceAttr(res, "method", "POST"),
				inAPI(e, number, &ep, &sid, didDefaults),
				acctest.SaveAttr(res, "did_sid", &sid),
			),
		},
		// The number stays rented and routed.
		number.destroyStep(e, e.Config(ivr), &sid,
			`{"method":"POST","status_callback_method":"POST","status_callback_url":null,"url":null}`,
			inAPI(e, number, &ep, &sid, didDefaults)),
	)
	e.Test(resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(acctest.CheckNumbersReleased(e),
			e.CheckGone("carrierx_endpoint", "endpoint_sid", e.GetEndpoint)),
		Steps: steps,
	})
}

// routed is a FlexML endpoint with two numbers routed to it through a
// trunk group and a trunk, all made through the public API, as another
// team's configuration would: the test's configuration only adopts the
// numbers, so removing a route is not undone by Terraform.
type routed struct {
	endpoint, trunkGroup, trunk string
	numbers, coreSIDs, appSIDs  [2]string
}

func newRouted(t *testing.T, e *acctest.Env) *routed {
	t.Helper()
	ctx := context.Background()
	r := &routed{}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	ep, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Create(ctx, map[string]any{"name": "ivr", "type": "flexml"})
	must(err)
	r.endpoint = ep.EndpointSID
	t.Cleanup(func() { _ = client.Objects[client.Endpoint](e.API, client.EndpointKind).Delete(ctx, r.endpoint) })
	r.trunkGroup = acctest.PrefixCreateTrunkGroup(t, e, "ivr")
	tr, err := client.Objects[client.Trunk](e.API, client.TrunkKind(r.trunkGroup)).Create(ctx,
		map[string]any{"name": "ivr", "endpoint_sid": r.endpoint})
	must(err)
	r.trunk = tr.TrunkSID
	t.Cleanup(func() { _ = client.Objects[client.Trunk](e.API, client.TrunkKind(r.trunkGroup)).Delete(ctx, r.trunk) })
	for i := range r.numbers {
		d, err := e.API.RentDID(ctx, map[string]any{"country_code": "USA", "trunk_group_sid": r.trunkGroup}, client.RentDIDOptions{})
		must(err)
		r.numbers[i], r.coreSIDs[i] = d.PhoneNumber, d.DIDSID
		t.Cleanup(func() { _ = client.Objects[client.DID](e.API, client.DIDKind).Delete(ctx, d.DIDSID) })
	}
	listed, err := dids(e, &r.endpoint)().List(ctx, client.ListOptions{})
	must(err)
	for _, d := range listed {
		for i, n := range r.numbers {
			if deref(d.PhoneNumber) == n {
				r.appSIDs[i] = d.DIDSID
			}
		}
	}
	if r.appSIDs[0] == "" || r.appSIDs[1] == "" {
		t.Fatalf("the FlexML API lists %+v, not both routed numbers %v", listed, r.numbers)
	}
	return r
}

// TestAccFlexMLDID_routeRemoved adopts one number by did_sid and another by
// phonenumber; when a route is removed out of band (the number's trunk
// group cleared, then the trunk deleted), the next refresh drops the
// number from state and the apply that would configure it again fails,
// saying how numbers reach an endpoint.
func TestAccFlexMLDID_routeRemoved(t *testing.T) {
	e := acctest.New(t)
	r := newRouted(t, e)
	bySID := acctest.Res("carrierx_flexml_did", "by_sid", fmt.Sprintf("endpoint_sid = %q", r.endpoint),
		fmt.Sprintf("did_sid = %q", r.appSIDs[0]), `url = "https://ivr.example.com/flexml/one"`)
	byNumber := acctest.Res("carrierx_flexml_did", "by_number", fmt.Sprintf("endpoint_sid = %q", r.endpoint),
		fmt.Sprintf("phonenumber = %q", r.numbers[1]), `url = "https://ivr.example.com/flexml/two"`)
	first := r.appSIDs[0]
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Config(bySID + byNumber),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("carrierx_flexml_did.by_sid", "phonenumber", r.numbers[0]),
					resource.TestCheckResourceAttr("carrierx_flexml_did.by_sid", "url", "https://ivr.example.com/flexml/one"),
					resource.TestCheckResourceAttr("carrierx_flexml_did.by_number", "did_sid", r.appSIDs[1]),
					// By did_sid the number is read by its SID, by
					// phonenumber it is found in the list.
					acctest.Sent(e, &first, map[string]int{"GET /flexml/v1/dids/{sid}": 1, "GET /flexml/v1/dids": 1,
						"PATCH /flexml/v1/dids/{sid}": 1, "PATCH /flexml/v1/dids/" + r.appSIDs[1]: 1}, "", ""),
					inAPI(e, number, &r.endpoint, &first, func(d *client.AppDID) error {
						return configured(d.URL, d.Method, d.StatusCallbackURL, "https://ivr.example.com/flexml/one", "POST", "<null>")
					}),
				),
			},
			{
				PreConfig: acctest.Must(t, func() error {
					_, err := client.Objects[client.DID](e.API, client.DIDKind).Update(context.Background(), r.coreSIDs[0],
						map[string]any{"trunk_group_sid": nil})
					return err
				}),
				Config: e.Config(bySID + byNumber),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("carrierx_flexml_did.by_sid", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("carrierx_flexml_did.by_number", plancheck.ResourceActionNoop),
				}},
				ExpectError: notRoutedError(`no\s+number\s+with\s+did_sid\s+"` + first + `"\s+is`),
			},
			{
				PreConfig: acctest.Must(t, func() error {
					return client.Objects[client.Trunk](e.API, client.TrunkKind(r.trunkGroup)).Delete(context.Background(), r.trunk)
				}),
				Config: e.Config(byNumber),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("carrierx_flexml_did.by_number", plancheck.ResourceActionCreate),
				}},
				ExpectError: notRoutedError(`number\s+` + r.numbers[1] + `\s+is\s+not`),
			},
		},
	})
}
