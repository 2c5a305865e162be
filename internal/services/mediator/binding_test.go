package mediator_test

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

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const (
	bindingType  = "carrierx_mediator_binding"
	bindingRes   = bindingType + ".test"
	bindingsPath = "/mediator/v1/bindings"
)

// binding is carrierx_mediator_binding.test on the endpoint of
// acctest.Hosted(label): it waits for the route, so CarrierX has a
// redirect number to assign, and goes before it.
func binding(label string, lines ...string) string {
	lines = append([]string{"endpoint_sid = carrierx_endpoint." + label + ".endpoint_sid"}, lines...)
	return acctest.Res(bindingType, "test", append(lines, "depends_on = [carrierx_trunk."+label+", carrierx_phone_number."+label+"]")...)
}

// bindingImportID is "<endpoint_sid>/<binding_sid>" of carrierx_mediator_binding.test.
func bindingImportID(s *terraform.State) (string, error) {
	ep, err := acctest.Attr(bindingRes, "endpoint_sid")(s)
	if err != nil {
		return "", err
	}
	b, err := acctest.Attr(bindingRes, "binding_sid")(s)
	return ep + "/" + b, err
}

// bindings is the Mediator API's bindings of the endpoint *endpoint, for
// out-of-band changes and checks.
func bindings(e *acctest.Env, endpoint *string) func() client.AppCollection[client.MediatorBinding] {
	return acctest.App[client.MediatorBinding](e, client.MediatorAPI, endpoint, client.MediatorBindingKind)
}

// bindingsDeleted is a CheckDestroy: against the emulator, destroy sent
// one DELETE of every binding in state, answered 204 (the endpoint goes
// too, after it, so a 404 afterwards alone would prove nothing); and none
// of them answers any more.
func bindingsDeleted(e *acctest.Env) func(*terraform.State) error {
	return func(s *terraform.State) error {
		if !e.Live {
			reqs := e.Requests()
			for addr, rs := range s.RootModule().Resources {
				if rs.Type != bindingType || strings.HasPrefix(addr, "data.") {
					continue
				}
				path, n := bindingsPath+"/"+rs.Primary.Attributes["binding_sid"], 0
				for _, r := range reqs {
					if r.Method == http.MethodDelete && r.Path == path && r.Status == 204 {
						n++
					}
				}
				if n != 1 {
					return fmt.Errorf("%s: %d DELETE %s answered 204, want 1: %v", addr, n, path, acctest.Summarize(reqs))
				}
			}
		}
		return e.AppCheckGone(bindingType, "binding_sid", client.MediatorAPI, client.MediatorBindingKind)(s)
	}
}

// redirectAmong checks that CarrierX assigned one of the n numbers of
// acctest.Hosted(label) as the redirect number.
func redirectAmong(label string, n int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		got, err := acctest.Attr(bindingRes, "redirect_did")(s)
		if err != nil {
			return err
		}
		var routed []string
		for i := range n {
			num, err := acctest.Attr(fmt.Sprintf("carrierx_phone_number.%s.%d", label, i), "phonenumber")(s)
			if err != nil {
				return err
			}
			routed = append(routed, num)
		}
		if !slices.Contains(routed, got) {
			return fmt.Errorf("redirect_did %s is none of the numbers routed to endpoint %s: %v", got, label, routed)
		}
		return nil
	}
}

// TestAccMediatorBinding_lifecycle covers create (one POST of what is
// configured, the redirect number assigned by CarrierX and then kept),
// import, update in place, moving the binding to another endpoint
// (replacement), out-of-band change and delete, and destroy.
func TestAccMediatorBinding_lifecycle(t *testing.T) {
	t.Parallel()
	e := acctest.New(t)
	var sid, redirect, endpointA, endpointB string
	infra := acctest.Hosted("a", "mediator", 2) + acctest.Hosted("b", "mediator", 1)
	created := e.Config(infra + binding("a", `destination_did = "15557020002"`, `name = "masked"`, `dtmf = "12#"`,
		`maximum_ttl = 3600`, `attributes = { ringback = "moh" }`))
	updated := func(label string) string {
		return e.Config(infra + binding(label, `destination_did = "15557020002"`, `name = "masked-2"`, `dtmf = "34#"`,
			`maximum_ttl = 3600`, `attributes = { ringback = "moh", hide_origination_did = "true" }`))
	}
	e.Test(resource.TestCase{
		CheckDestroy: bindingsDeleted(e),
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           created,
				ConfigPlanChecks: acctest.Plans(bindingRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(bindingRes, map[string]knownvalue.Check{
					"origination_did":          knownvalue.Null(),
					"wait_origination_did_ttl": knownvalue.Int64Exact(300),
					"attributes":               knownvalue.MapExact(map[string]knownvalue.Check{"ringback": knownvalue.StringExact("moh")}),
				}),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(bindingRes, "binding_sid", acctest.SIDRegexp),
					resource.TestMatchResourceAttr(bindingRes, "account_sid", acctest.SIDRegexp),
					resource.TestCheckResourceAttrPair(bindingRes, "endpoint_sid", "carrierx_endpoint.a", "endpoint_sid"),
					resource.TestCheckResourceAttr(bindingRes, "name", "masked"),
					resource.TestCheckResourceAttr(bindingRes, "dtmf", "12#"),
					resource.TestCheckResourceAttr(bindingRes, "maximum_ttl", "3600"),
					resource.TestMatchResourceAttr(bindingRes, "date_created", regexp.MustCompile(`^\d{4}-\d\d-\d\dT`)),
					redirectAmong("a", 2),
					resource.TestCheckResourceAttrPair(bindingRes, "redirect_did_info.phonenumber", bindingRes, "redirect_did"),
					acctest.SaveAttr(bindingRes, "binding_sid", &sid),
					acctest.SaveAttr(bindingRes, "redirect_did", &redirect),
					acctest.SaveAttr("carrierx_endpoint.a", "endpoint_sid", &endpointA),
					acctest.SaveAttr("carrierx_endpoint.b", "endpoint_sid", &endpointB),
					// One POST of what is configured, nothing left out sent as
					// null, and no GET after it.
					acctest.Sent(e, &sid, map[string]int{"POST " + bindingsPath: 1, "GET " + bindingsPath + "/{sid}": 0}, "", ""),
					func(*terraform.State) error {
						if e.Live {
							return nil
						}
						return acctest.ExpectBodyAt(e.Requests(), "POST", bindingsPath,
							`{"attributes":{"ringback":"moh"},"destination_did":"15557020002","dtmf":"12#","maximum_ttl":3600,"name":"masked"}`)
					},
				),
			},
		}, acctest.ImportStepsByID(created, bindingRes, "binding_sid", bindingImportID), []resource.TestStep{
			acctest.ImportErrorStep(created, bindingRes, "not-a-sid",
				regexp.MustCompile(`(?s)"not-a-sid" is not of the form\s+<endpoint_sid>/<binding_sid>`)),
			acctest.QuietStep(e.ClearRequestsIfEmulated, e.Config(infra+binding("a", `destination_did = "15557020002"`, `name = "masked-2"`,
				`dtmf = "12#"`, `maximum_ttl = 3600`, `attributes = { ringback = "moh" }`)), bindingRes, []string{"name"},
				acctest.OnePatch(e, `{"name":"masked-2"}`)),
			{
				// The redirect number CarrierX assigned is kept: the update
				// sends only what changed.
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           updated("a"),
				ConfigPlanChecks: acctest.Quiet(bindingRes, "dtmf", "attributes"),
				Check: resource.ComposeTestCheckFunc(
					acctest.SameAttr(bindingRes, "binding_sid", &sid),
					acctest.SameAttr(bindingRes, "redirect_did", &redirect),
					resource.TestCheckResourceAttr(bindingRes, "name", "masked-2"),
					resource.TestCheckResourceAttr(bindingRes, "attributes.hide_origination_did", "true"),
					acctest.Sent(e, &sid, map[string]int{"PATCH " + bindingsPath + "/{sid}": 1}, "", ""),
					acctest.OnePatch(e, `{"attributes":{"hide_origination_did":"true","ringback":"moh"},"dtmf":"34#"}`),
				),
			},
			{
				// Another endpoint: a new binding there, with a redirect
				// number of that endpoint; the old one is deleted.
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           updated("b"),
				ConfigPlanChecks: acctest.Plans(bindingRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair(bindingRes, "endpoint_sid", "carrierx_endpoint.b", "endpoint_sid"),
					resource.TestCheckResourceAttrPair(bindingRes, "redirect_did", "carrierx_phone_number.b.0", "phonenumber"),
					acctest.NewAttr(bindingRes, "binding_sid", &sid),
					func(*terraform.State) error {
						switch _, err := bindings(e, &endpointA)().Get(context.Background(), sid); {
						case err == nil:
							return fmt.Errorf("binding %s is still in endpoint a after the replacement", sid)
						case !client.IsNotFound(err):
							return err
						}
						return nil
					},
					acctest.Sent(e, &sid, map[string]int{"DELETE " + bindingsPath + "/{sid}": 1, "POST " + bindingsPath: 1}, "", ""),
					acctest.SaveAttr(bindingRes, "binding_sid", &sid),
				),
			},
			// DriftSteps without its first step, which only saves the SID
			// the step above has saved.
		}, acctest.DriftSteps(t, updated("b"), bindingRes, "binding_sid", &sid,
			func() error {
				_, err := bindings(e, &endpointB)().Update(context.Background(), sid, map[string]any{
					"name": "changed-outside", "dtmf": nil, "destination_did": "15557020999", "attributes": map[string]any{},
				})
				e.ClearRequestsIfEmulated()
				return err
			},
			resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(bindingRes, "destination_did", "15557020002"),
				resource.TestCheckResourceAttr(bindingRes, "name", "masked-2"),
				// The apply sends back exactly what was changed.
				acctest.OnePatch(e, `{"attributes":{"hide_origination_did":"true","ringback":"moh"},"destination_did":"15557020002","dtmf":"34#","name":"masked-2"}`),
				func(*terraform.State) error {
					b, err := bindings(e, &endpointB)().Get(context.Background(), sid)
					if err == nil && (b.DestinationDID == nil || *b.DestinationDID != "15557020002" || b.DTMF == nil || *b.DTMF != "34#") {
						err = fmt.Errorf("the apply did not revert the binding: %+v", b)
					}
					return err
				},
			),
			func() error { return bindings(e, &endpointB)().Delete(context.Background(), sid) },
			plancheck.ExpectKnownValue(bindingRes, acctest.Path("destination_did"), knownvalue.StringExact("15557020002")),
		)[1:]),
	})
}

// TestAccMediatorBinding_expiry: a binding whose maximum_ttl has passed is
// gone from CarrierX; the next plan creates it again, and the apply does.
func TestAccMediatorBinding_expiry(t *testing.T) {
	t.Parallel()
	e := acctest.New(t)
	e.EmulatorOnly()
	var sid string
	cfg := e.Config(acctest.Hosted("a", "mediator", 1) + binding("a", `destination_did = "15557020002"`, `maximum_ttl = 60`))
	again := acctest.RecreateStep(t, cfg, bindingRes, "binding_sid", &sid, func() error {
		e.AdvanceClock(120)
		e.ClearRequests()
		return nil
	})
	recreated := again.Check
	again.Check = resource.ComposeTestCheckFunc(recreated,
		acctest.Sent(e, nil, map[string]int{"POST " + bindingsPath: 1}, "", ""),
		resource.TestCheckResourceAttr(bindingRes, "maximum_ttl", "60"))
	e.Test(resource.TestCase{
		CheckDestroy: bindingsDeleted(e),
		Steps: []resource.TestStep{
			{Config: cfg, ConfigPlanChecks: acctest.Plans(bindingRes, plancheck.ResourceActionCreate),
				Check: acctest.SaveAttr(bindingRes, "binding_sid", &sid)},
			again,
		},
	})
}

// TestAccMediatorBinding_noRedirectNumber: with one number routed to the
// endpoint and a binding for every caller on it, a second such binding has
// no redirect number; the error names the routed number and says how
// numbers reach an endpoint, and nothing is left behind.
func TestAccMediatorBinding_noRedirectNumber(t *testing.T) {
	t.Parallel()
	e := acctest.New(t)
	var endpoint, firstSID string
	number := acctest.AvailableNumbers(t, e, client.AvailableDIDSearch{CountryCode: "USA", State: "NY"}, 1)[0].PhoneNumber
	base := e.Config(fmt.Sprintf(`
resource "carrierx_endpoint" "a" {
  name = "one-number"
  type = "mediator"
}
resource "carrierx_trunk_group" "a" { name = "one-number" }
resource "carrierx_trunk" "a" {
  trunk_group_sid = carrierx_trunk_group.a.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.a.endpoint_sid
}
resource "carrierx_phone_number" "a" {
  phonenumber     = %q
  trunk_group_sid = carrierx_trunk_group.a.trunk_group_sid
}
`, number) + binding("a", `destination_did = "15557020002"`))
	second := acctest.Res(bindingType, "second", "endpoint_sid = carrierx_endpoint.a.endpoint_sid",
		`destination_did = "15557020003"`, "depends_on = ["+bindingRes+"]")
	e.Test(resource.TestCase{
		CheckDestroy: bindingsDeleted(e),
		Steps: []resource.TestStep{
			{
				Config: base,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(bindingRes, "redirect_did", number),
					acctest.SaveAttr("carrierx_endpoint.a", "endpoint_sid", &endpoint),
					acctest.SaveAttr(bindingRes, "binding_sid", &firstSID),
				),
			},
			{
				PreConfig: e.ClearRequestsIfEmulated,
				Config:    base + second,
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_mediator_binding.*` +
					acctest.Words(`CarrierX found no redirect number for the binding among the numbers routed to endpoint`) +
					`\s+"[0-9a-f-]{36}"\s+` + acctest.Words(`(routed now: `+number+`).`) + `\s+` +
					acctest.Words(`A number reaches an endpoint through its trunk group`) + `.*` +
					acctest.Words(`Route one more number to the endpoint, or set redirect_did to a routed number.`) + `.*` +
					acctest.Words(`no redirect_did could be found`)),
			},
			{
				PreConfig: func() {
					if !e.Live {
						if err := acctest.ExpectCalls(e.Requests(), map[string]int{"POST " + bindingsPath: 1}); err != nil {
							t.Fatal(err)
						}
					}
					all, err := bindings(e, &endpoint)().List(context.Background(), client.ListOptions{})
					if err != nil {
						t.Fatal(err)
					}
					if len(all) != 1 || all[0].BindingSID != firstSID {
						t.Fatalf("after the refused binding the endpoint has %d bindings, want only %s: %+v", len(all), firstSID, all)
					}
				},
				Config:           base,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccMediatorBinding_invalidInput: malformed numbers, DTMF and SIDs
// fail at plan time naming the attribute; an endpoint of another type or
// one that does not exist is a clear error, and nothing reaches an
// endpoint API.
func TestAccMediatorBinding_invalidInput(t *testing.T) {
	t.Parallel()
	e := acctest.New(t)
	base := e.Config(acctest.Hosted("a", "mediator", 1) + `
resource "carrierx_endpoint" "ivr" {
  name = "ivr"
  type = "flexml"
}
`)
	// A plan-time error names the attribute in Terraform's "with" line.
	plan := func(attr, want string) string {
		return `(?s)Error running pre-apply plan.*with\s+carrierx_mediator_binding\.test.*` + attr + `.*` + acctest.Words(want)
	}
	steps := acctest.ErrorSteps(base,
		acctest.ErrorCase{Config: binding("a", `destination_did = "+1 555"`),
			Want: plan(`destination_did`, `must be a phone number in digits with its country code, without + or spaces`)},
		acctest.ErrorCase{Config: binding("a", `destination_did = "15557020002"`, `dtmf = "12a"`),
			Want: plan(`dtmf`, `must be DTMF digits`)},
		acctest.ErrorCase{Config: binding("a", `destination_did = "15557020002"`, `redirect_did = "1-555-702"`),
			Want: plan(`redirect_did`, `must be a phone number in digits`)},
		acctest.ErrorCase{Config: acctest.Res(bindingType, "test", `endpoint_sid = "not-a-sid"`, `destination_did = "15557020002"`),
			Want: plan(`endpoint_sid`, `endpoint_sid "not-a-sid" is not a SID`) + `.*` +
				acctest.Words(`Use the endpoint_sid of a carrierx_endpoint of type "mediator".`)},
		acctest.ErrorCase{Config: acctest.Res(bindingType, "test", "endpoint_sid = carrierx_endpoint.ivr.endpoint_sid", `destination_did = "15557020002"`),
			Want: `(?s)endpoint\s+"[0-9a-f-]{36}":\s+` +
				acctest.Words(`it is of type "flexml", and the Mediator API belongs to endpoints of type "mediator"`)},
		acctest.ErrorCase{Config: acctest.Res(bindingType, "test", `endpoint_sid = "`+acctest.TrunkGroupMissingSID+`"`, `destination_did = "15557020002"`),
			Want: `(?s)` + acctest.Words(`no endpoint has this endpoint_sid for the provider's token`)},
	)
	last := &steps[len(steps)-1]
	last.PreConfig = func() {
		if e.Live {
			return
		}
		for _, r := range e.Requests() {
			if strings.HasPrefix(r.Path, "/mediator/") || strings.HasPrefix(r.Path, "/flexml/") {
				t.Fatalf("bad input reached an endpoint API: %s %s", r.Method, r.Path)
			}
		}
	}
	e.Test(resource.TestCase{CheckDestroy: bindingsDeleted(e), Steps: steps})
}
