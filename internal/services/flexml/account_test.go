package flexml_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// accountEndpoints are two FlexML endpoints, a and b: every step keeps
// them, so moving or destroying the account leaves the endpoint whose
// account must have CarrierX's defaults back.
const accountEndpoints = `
resource "carrierx_endpoint" "a" {
  name = "ivr-a"
  type = "flexml"
}
resource "carrierx_endpoint" "b" {
  name = "ivr-b"
  type = "flexml"
}
`

// accountCfg is the endpoints and the account of endpoint ep with lines.
func accountCfg(e *acctest.Env, ep string, lines ...string) string {
	return e.Config(accountEndpoints + acctest.Res("carrierx_flexml_account", "test",
		append([]string{"endpoint_sid = carrierx_endpoint." + ep + ".endpoint_sid"}, lines...)...))
}

// accountDefaults checks that the account has CarrierX's defaults back.
func accountDefaults(a *client.AppAccount) error {
	if deref(a.ErrorHandler) != "basic" {
		return fmt.Errorf("error_handler %s, want basic", deref(a.ErrorHandler))
	}
	return defaults(a.URL, a.Method, a.StatusCallbackURL, a.StatusCallbackMethod)
}

// loginOfEndpoint checks that the account's login is the endpoint's
// properties.login, as the Core API shows it.
func loginOfEndpoint(e *acctest.Env, endpoint *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ep, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Get(context.Background(), *endpoint)
		if err != nil {
			return err
		}
		return resource.TestCheckResourceAttr(account.res, "login", fmt.Sprint(ep.Properties["login"]))(s)
	}
}

// TestAccFlexMLAccount_lifecycle covers bad input at plan time, adopting
// the endpoint's account (found, then one PATCH over the defaults, never a
// POST), import by the endpoint alone and by both SIDs (a malformed ID
// names both forms, an unknown endpoint is a clear error), update in
// place, an out-of-band change reverted, moving to another endpoint
// (replacement, which restores the first account's defaults) and destroy,
// which restores the documented defaults of an account that stays with
// its endpoint.
func TestAccFlexMLAccount_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var sid, sidA, epA, epB string
	full := accountCfg(e, "a",
		`url                    = "https://ivr.example.com/flexml/main"`,
		`method                 = "GET"`,
		`error_handler          = "none"`,
		`status_callback_url    = "https://ivr.example.com/flexml/status"`,
		`status_callback_method = "PUT"`)
	updated := accountCfg(e, "a",
		`url                    = "https://ivr.example.com/flexml/v2"`,
		`method                 = "GET"`,
		`error_handler          = "basic"`,
		`status_callback_url    = "https://ivr.example.com/flexml/status"`,
		`status_callback_method = "PUT"`,
		`name                   = "IVR"`)
	res := account.res
	steps := []resource.TestStep{
		// Bad input fails at plan time, naming the attribute.
		{Config: accountCfg(e, "a", `method = "PUT"`), ExpectError: phrase(`Attribute method value must be one of: ["POST" "GET"], got: "PUT"`)},
		{Config: accountCfg(e, "a", `error_handler = "x"`), ExpectError: phrase(`Attribute error_handler value must be one of: ["basic" "none"], got: "x"`)},
		{Config: accountCfg(e, "a", `url = "example.com/x"`), ExpectError: phrase(`url "example.com/x" is not an absolute http:// or https:// URL`)},
		{
			PreConfig:        e.ClearRequestsIfEmulated,
			Config:           full,
			ConfigPlanChecks: acctest.Plans(res, plancheck.ResourceActionCreate),
			Check: resource.ComposeTestCheckFunc(
				resource.TestMatchResourceAttr(res, "account_sid", acctest.SIDRegexp),
				acctest.SaveAttr(res, "account_sid", &sid),
				acctest.SaveAttr(res, "account_sid", &sidA),
				acctest.SaveAttr("carrierx_endpoint.a", "endpoint_sid", &epA),
				acctest.SaveAttr("carrierx_endpoint.b", "endpoint_sid", &epB),
				resource.TestCheckResourceAttrPair(res, "endpoint_sid", "carrierx_endpoint.a", "endpoint_sid"),
				loginOfEndpoint(e, &epA),
				resource.TestCheckResourceAttr(res, "url", "https://ivr.example.com/flexml/main"),
				resource.TestCheckResourceAttr(res, "method", "GET"),
				resource.TestCheckResourceAttr(res, "error_handler", "none"),
				resource.TestCheckResourceAttr(res, "status_callback_method", "PUT"),
				resource.TestMatchResourceAttr(res, "name", regexp.MustCompile(`.`)),
				// The account exists with the endpoint: it is found and
				// configured in one PATCH, never created.
				acctest.Sent(e, &sid, map[string]int{"GET /flexml/v1/accounts": 1, "PATCH /flexml/v1/accounts/{sid}": 1,
					"POST /flexml/v1/accounts": 0, "GET /flexml/v1/accounts/{sid}": 0}, "PATCH",
					`{"error_handler":"none","method":"GET","status_callback_method":"PUT",`+
						`"status_callback_url":"https://ivr.example.com/flexml/status","url":"https://ivr.example.com/flexml/main"}`),
			),
		},
	}
	steps = append(steps, acctest.ImportStepsByID(full, res, "account_sid", acctest.Attr(res, "endpoint_sid"))...)
	steps = append(steps, acctest.ImportStepsByID(full, res, "account_sid", account.importID)...)
	steps = append(steps,
		acctest.ImportErrorStep(full, res, "ivr-a", phrase(`"ivr-a" is not of the form <endpoint_sid>/<account_sid> (two SIDs `+
			`joined by a slash), for example `+framework.ExampleSID+"/"+framework.ExampleSID+`; <endpoint_sid> alone imports `+
			`the endpoint's one carrierx_flexml_account`)),
		acctest.ImportErrorStep(full, res, acctest.TrunkGroupMissingSID, phrase(`endpoint "`+acctest.TrunkGroupMissingSID+
			`": no endpoint has this endpoint_sid for the provider's token; use the endpoint_sid of a carrierx_endpoint of type "flexml"`)))
	steps = append(steps,
		account.updateStep(e, accountCfg(e, "a",
			`url                    = "https://ivr.example.com/flexml/main"`,
			`method                 = "GET"`,
			`error_handler          = "none"`,
			`status_callback_url    = "https://ivr.example.com/flexml/status"`,
			`status_callback_method = "PUT"`,
			`name                   = "IVR"`), &sid, []string{"name"}, `{"name":"IVR"}`),
		account.updateStep(e, updated, &sid, []string{"error_handler", "url"},
			`{"error_handler":"basic","url":"https://ivr.example.com/flexml/v2"}`,
			resource.TestCheckResourceAttr(res, "url", "https://ivr.example.com/flexml/v2"),
			resource.TestCheckResourceAttr(res, "error_handler", "basic"),
			resource.TestCheckResourceAttr(res, "name", "IVR")),
		driftStep[client.AppAccount](e, account, updated, &epA, &sid,
			map[string]any{"url": "https://elsewhere.example.com/x", "error_handler": "none", "status_callback_url": nil},
			[]string{"url", "error_handler", "status_callback_url"},
			resource.TestCheckResourceAttr(res, "url", "https://ivr.example.com/flexml/v2"),
			inAPI(e, account, &epA, &sid, func(a *client.AppAccount) error {
				if deref(a.ErrorHandler) != "basic" {
					return fmt.Errorf("error_handler %s, want basic back", deref(a.ErrorHandler))
				}
				return configured(a.URL, a.Method, a.StatusCallbackURL,
					"https://ivr.example.com/flexml/v2", "GET", "https://ivr.example.com/flexml/status")
			})),
		resource.TestStep{
			// Another endpoint is another account: replacement, and the
			// first endpoint's account is back to CarrierX's defaults.
			Config: accountCfg(e, "b",
				`url                    = "https://ivr.example.com/flexml/b"`,
				`method                 = "GET"`,
				`error_handler          = "none"`,
				`status_callback_url    = "https://ivr.example.com/flexml/b-status"`,
				`status_callback_method = "GET"`),
			ConfigPlanChecks: acctest.Plans(res, plancheck.ResourceActionDestroyBeforeCreate),
			Check: resource.ComposeTestCheckFunc(
				acctest.NewAttr(res, "account_sid", &sid),
				acctest.SaveAttr(res, "account_sid", &sid),
				resource.TestCheckResourceAttrPair(res, "endpoint_sid", "carrierx_endpoint.b", "endpoint_sid"),
				resource.TestCheckResourceAttr(res, "error_handler", "none"),
				inAPI(e, account, &epA, &sidA, accountDefaults),
				inAPI(e, account, &epB, &sid, func(a *client.AppAccount) error {
					return configured(a.URL, a.Method, a.StatusCallbackURL,
						"https://ivr.example.com/flexml/b", "GET", "https://ivr.example.com/flexml/b-status")
				}),
			),
		},
		account.destroyStep(e, e.Config(accountEndpoints), &sid,
			`{"error_handler":"basic","method":"POST","status_callback_method":"POST","status_callback_url":null,"url":null}`,
			inAPI(e, account, &epB, &sid, accountDefaults)),
	)
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_endpoint", "endpoint_sid", e.GetEndpoint),
		Steps:        steps,
	})
}
