package conference_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const accountRes = "carrierx_conference_account.test"

// accountCfg is an account of the endpoint ep with these HCL lines; more
// is HCL after it.
func accountCfg(e *acctest.Env, ep, more string, lines ...string) string {
	return e.Config(acctest.Res("carrierx_conference_account", "test",
		append([]string{fmt.Sprintf("endpoint_sid = %q", ep)}, lines...)...) + more)
}

// accountIs checks the account of endpoint *ep through the Conference API.
func accountIs(e *acctest.Env, ep *string, ok func(*client.AppAccount) bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		accs, err := conf[client.AppAccount](e, ep, client.AppAccountKind).List(context.Background(), client.ListOptions{})
		if err != nil {
			return err
		}
		if len(accs) != 1 || !ok(&accs[0]) {
			return fmt.Errorf("account of endpoint %s is not as expected: %+v", *ep, accs)
		}
		return nil
	}
}

func named(a *client.AppAccount, name string) bool { return a.Name != nil && *a.Name == name }

// TestAccConferenceAccount_lifecycle adopts the endpoint's account (a find
// and one PATCH, no POST), imports it by the endpoint alone and by
// "<endpoint_sid>/<account_sid>", updates it in place, puts back an
// out-of-band change, moves to another endpoint (replacement: the old
// account gets its defaults back) and destroys it (properties {}, name and
// call flow kept).
func TestAccConferenceAccount_lifecycle(t *testing.T) {
	e, eps := start(t, 2)
	ep := eps[0]
	var sid, first, open string
	path := func() string { return api + "/accounts/" + sid }
	flows, openRef := flow(fmt.Sprintf("%q", eps[0]), "open")
	flows2, openRef2 := flow(fmt.Sprintf("%q", eps[1]), "open")
	created := accountCfg(e, eps[0], "", `name = "bridge-a"`, `properties = { conference_moh_enabled = "off" }`)
	updated := accountCfg(e, eps[0], flows, `name = "bridge-b"`, "call_flow_sid = "+openRef,
		`properties = { conference_moh_enabled = "off", did_language = "fr_FR" }`)
	moved := accountCfg(e, eps[1], flows2, `name = "bridge-b"`, "call_flow_sid = "+openRef2,
		`properties = { conference_moh_enabled = "off", did_language = "fr_FR" }`)
	e.Test(resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			var err error
			if ep, err = acctest.Attr(accountRes, "endpoint_sid")(s); err != nil {
				return err
			}
			accPath := api + "/accounts/" + s.RootModule().Resources[accountRes].Primary.Attributes["account_sid"]
			return resource.ComposeTestCheckFunc(
				restored(e, &accPath, `{"properties":{}}`),
				accountIs(e, &ep, func(a *client.AppAccount) bool {
					return len(a.Properties) == 0 && named(a, "bridge-b") && a.CallFlowSID != nil
				}),
			)(s)
		},
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequests,
				Config:           created,
				ConfigPlanChecks: acctest.Plans(accountRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(accountRes, map[string]knownvalue.Check{
					"endpoint_sid":                      knownvalue.StringExact(eps[0]),
					"account_sid":                       knownvalue.StringRegexp(acctest.SIDRegexp),
					"login":                             knownvalue.NotNull(),
					"name":                              knownvalue.StringExact("bridge-a"),
					"call_flow_sid":                     knownvalue.StringRegexp(acctest.SIDRegexp),
					"properties":                        knownvalue.MapSizeExact(1),
					"properties.conference_moh_enabled": knownvalue.StringExact("off"),
					"password_wo":                       knownvalue.Null(),
					"password_wo_version":               knownvalue.Null(),
				}),
				Check: resource.ComposeTestCheckFunc(
					acctest.SaveAttr(accountRes, "account_sid", &sid),
					acctest.SaveAttr(accountRes, "account_sid", &first),
					// Adopted: found by a list, configured by one PATCH over
					// the defaults; nothing is created.
					acctest.Sent(e, &sid, map[string]int{
						"GET " + api + "/accounts": 1, "PATCH " + api + "/accounts/{sid}": 1, "POST " + api + "/accounts": 0,
					}, "PATCH", `{"name":"bridge-a","properties":{"conference_moh_enabled":"off"}}`),
				),
			},
		},
			// An endpoint has one account: its SID alone imports it.
			acctest.ImportStepsByID(created, accountRes, "account_sid", acctest.Attr(accountRes, "endpoint_sid")),
			acctest.ImportStepsByID(created, accountRes, "account_sid", importID(accountRes, "account_sid")),
			[]resource.TestStep{
				acctest.QuietStep(e.ClearRequests, accountCfg(e, eps[0], "", `name = "bridge-b"`, `properties = { conference_moh_enabled = "off" }`),
					accountRes, []string{"name"}, acctest.OnePatch(e, `{"name":"bridge-b"}`)),
				{
					PreConfig:        e.ClearRequests,
					Config:           updated,
					ConfigPlanChecks: acctest.Quiet(accountRes, "properties", "call_flow_sid"),
					Check: resource.ComposeTestCheckFunc(
						acctest.SameAttr(accountRes, "account_sid", &sid),
						resource.TestCheckResourceAttr(accountRes, "name", "bridge-b"),
						resource.TestCheckResourceAttr(accountRes, "properties.did_language", "fr_FR"),
						resource.TestCheckResourceAttrPair(accountRes, "call_flow_sid",
							"data.carrierx_conference_call_flows.open", "call_flows.0.call_flow_sid"),
						acctest.SaveAttr("data.carrierx_conference_call_flows.open", "call_flows.0.call_flow_sid", &open),
						func(s *terraform.State) error {
							return acctest.OnePatch(e, fmt.Sprintf(`{"call_flow_sid":%q,`+
								`"properties":{"conference_moh_enabled":"off","did_language":"fr_FR"}}`, open))(s)
						},
					),
				},
				{
					// Changed behind Terraform's back: the plan shows it and
					// the apply puts it back.
					PreConfig: acctest.Must(t, func() error {
						_, err := conf[client.AppAccount](e, &ep, client.AppAccountKind).Update(context.Background(), sid,
							map[string]any{"name": "outside", "properties": map[string]any{"conference_moh_enabled": "on"}})
						return err
					}),
					Config: updated,
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: append(acctest.Quiet(accountRes, "name", "properties").PreApply,
							acctest.PlanKnown(accountRes, map[string]knownvalue.Check{
								"name": knownvalue.StringExact("bridge-b"), "properties.conference_moh_enabled": knownvalue.StringExact("off"),
							})...),
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					Check: accountIs(e, &ep, func(a *client.AppAccount) bool {
						return named(a, "bridge-b") && a.Properties["conference_moh_enabled"] == "off" && *a.CallFlowSID == open
					}),
				},
				{
					// Another endpoint: its account is adopted, and the first
					// one gets its defaults back.
					PreConfig:        e.ClearRequests,
					Config:           moved,
					ConfigPlanChecks: acctest.Plans(accountRes, plancheck.ResourceActionDestroyBeforeCreate),
					Check: resource.ComposeTestCheckFunc(
						acctest.SaveAttr(accountRes, "account_sid", &sid),
						acctest.NewAttr(accountRes, "account_sid", &first),
						resource.TestCheckResourceAttr(accountRes, "endpoint_sid", eps[1]),
						func(*terraform.State) error {
							reqs := e.Requests()
							old, err := sentAt(reqs, http.MethodPatch, api+"/accounts/"+first, `{"properties":{}}`)
							if err != nil {
								return err
							}
							if n, err := sentAt(reqs, http.MethodPatch, path(), ""); err != nil || n < old {
								return fmt.Errorf("the new account was configured before the old one was restored: %w", err)
							}
							return nil
						},
						accountIs(e, &ep, func(a *client.AppAccount) bool { return len(a.Properties) == 0 }),
						func(*terraform.State) error {
							e.ClearRequests() // CheckDestroy reads what destroy sends
							return nil
						},
					),
				},
			}),
	})
}

// refusedOnce checks the request log: the only request refused is one
// method path, with 401 (credentials read before the password changed in
// the same run); the provider read the endpoint again and the same request
// then succeeded.
func refusedOnce(e *acctest.Env, ep, method string, path *string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reqs := e.Requests()
		var refused []int
		for i, r := range reqs {
			if r.Status >= 400 {
				refused = append(refused, i)
			}
		}
		if len(refused) != 1 || reqs[refused[0]].Method != method || reqs[refused[0]].Path != *path ||
			reqs[refused[0]].Status != http.StatusUnauthorized {
			return fmt.Errorf("want exactly one 401, on %s %s: %v", method, *path, acctest.Summarize(reqs))
		}
		after := reqs[refused[0]+1:]
		read, err := sentAt(after, http.MethodGet, "/core/v2/endpoints/"+ep, "")
		if err != nil {
			return err
		}
		if retry, err := sentAt(after, method, *path, ""); err != nil || retry < read {
			return fmt.Errorf("no retry of %s %s after the endpoint was read again: %v", method, *path, acctest.Summarize(reqs))
		}
		return nil
	}
}

// noneRefused checks that no request of the run was refused.
func noneRefused(e *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reqs := e.Requests()
		if len(reqs) == 0 {
			return fmt.Errorf("no request logged")
		}
		for _, r := range reqs {
			if r.Status >= 400 {
				return fmt.Errorf("%s %s refused with %d: %v", r.Method, r.Path, r.Status, acctest.Summarize(reqs))
			}
		}
		return nil
	}
}

// TestAccConferenceAccount_password sets the write-only password: it is
// sent once, on create and when password_wo_version changes (not when only
// the value does), never lands in state or a plan, and the provider keeps
// reaching the Conference API with the new password (which is the
// endpoint's), in the same run and the next ones; so does it after a
// rotation outside Terraform.
func TestAccConferenceAccount_password(t *testing.T) {
	e, eps := start(t, 1)
	ep := eps[0]
	const pw1, pw2 = "pw-first-4f1c7a", "pw-second-9d2e0b"
	var sid, group, accPath, groupPath, groupsPath = "", "", "", "", api + "/did_groups"
	// The password comes from an ephemeral variable, as a user keeps it out
	// of plans (a literal would be in the plan's copy of the configuration).
	cfg := func(version int, name string) string {
		return accountCfg(e, ep, `
variable "pw" {
  type      = string
  sensitive = true
  ephemeral = true
}`+acctest.Res("carrierx_conference_did_group", "g", fmt.Sprintf("endpoint_sid = %q", ep), fmt.Sprintf("name = %q", name),
			"depends_on = [carrierx_conference_account.test]"),
			"password_wo = var.pw", fmt.Sprintf("password_wo_version = %d", version))
	}
	hiddenEverywhere := func(pw string, action plancheck.ResourceActionType) (resource.ConfigPlanChecks, []statecheck.StateCheck) {
		plans := acctest.Plans(accountRes, action)
		if action == plancheck.ResourceActionNoop {
			plans.PreApply = []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}
		}
		plans.PreApply = append(plans.PreApply, hidden(pw))
		plans.PostApplyPostRefresh = append(plans.PostApplyPostRefresh, hidden(pw))
		return plans, append(acctest.Known(accountRes, map[string]knownvalue.Check{"password_wo": knownvalue.Null()}), hidden(pw))
	}
	corePassword := func(want string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			got, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Get(context.Background(), ep)
			if err == nil && got.Properties["password"] != want {
				err = fmt.Errorf("the endpoint's API password was not changed")
			}
			return err
		}
	}
	step := func(pre func(), pw string, version int, name string, action plancheck.ResourceActionType, checks ...resource.TestCheckFunc) resource.TestStep {
		plans, states := hiddenEverywhere(pw, action)
		return resource.TestStep{PreConfig: pre, Config: cfg(version, name), ConfigPlanChecks: plans,
			ConfigVariables:   config.Variables{"pw": config.StringVariable(pw)},
			ConfigStateChecks: states, Check: resource.ComposeTestCheckFunc(checks...)}
	}
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			// Adopting the account sends the password with the configuration;
			// the group, created next in the same run, is refused once with
			// the old password, and made with the new one.
			step(e.ClearRequests, pw1, 1, "g1", plancheck.ResourceActionCreate,
				acctest.SaveAttr(accountRes, "account_sid", &sid),
				acctest.SaveAttr("carrierx_conference_did_group.g", "did_group_sid", &group),
				func(s *terraform.State) error {
					accPath, groupPath = api+"/accounts/"+sid, api+"/did_groups/"+group
					_, err := sentAt(e.Requests(), http.MethodPatch, accPath, `{"password":"`+pw1+`","properties":{}}`)
					return err
				},
				refusedOnce(e, ep, http.MethodPost, &groupsPath),
				corePassword(pw1),
				resource.TestCheckResourceAttr(accountRes, "password_wo_version", "1"),
			),
			// A new value alone is no change: a write-only value is never
			// compared, so nothing is sent.
			step(e.ClearRequests, pw2, 1, "g1", plancheck.ResourceActionNoop, func(*terraform.State) error {
				if w := acctest.Writes(e.Requests()); len(w) != 0 {
					return fmt.Errorf("a new password without a new version sent %v", acctest.Summarize(w))
				}
				return nil
			}, corePassword(pw1)),
			// A new version sends it, alone; the group's PATCH after it in
			// the same run is refused once and retried.
			step(e.ClearRequests, pw2, 2, "g2", plancheck.ResourceActionUpdate,
				func(s *terraform.State) error {
					reqs := e.Requests()
					if err := acctest.ExpectCalls(reqs, map[string]int{"PATCH " + accPath: 1}); err != nil {
						return err
					}
					_, err := sentAt(reqs, http.MethodPatch, accPath, `{"password":"`+pw2+`"}`)
					return err
				},
				refusedOnce(e, ep, http.MethodPatch, &groupPath),
				corePassword(pw2),
				resource.TestCheckResourceAttr("carrierx_conference_did_group.g", "name", "g2"),
			),
			// The next run reads the new password from the endpoint.
			step(e.ClearRequests, pw2, 2, "g2", plancheck.ResourceActionNoop, noneRefused(e)),
			// So does a run after the password was rotated outside Terraform.
			step(func() { e.RotatePassword(ep); e.ClearRequests() }, pw2, 2, "g2", plancheck.ResourceActionNoop, noneRefused(e)),
		},
	})
}
