package flexml_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// What the tests of carrierx_flexml_account and carrierx_flexml_did share:
// both configure an object CarrierX made in the endpoint's FlexML API.

// adopted is a resource under test: its address, SID attribute and
// collection in the FlexML API.
type adopted struct {
	res, sidAttr, path string
	kind               client.Kind
}

var (
	account = adopted{"carrierx_flexml_account.test", "account_sid", "/flexml/v1/accounts", client.AppAccountKind}
	number  = adopted{"carrierx_flexml_did.test", "did_sid", "/flexml/v1/dids", client.AppDIDKind}
)

// importID is the import ID "<endpoint_sid>/<sid>".
func (a adopted) importID(s *terraform.State) (string, error) {
	ep, err := acctest.Attr(a.res, "endpoint_sid")(s)
	if err != nil {
		return "", err
	}
	sid, err := acctest.Attr(a.res, a.sidAttr)(s)
	return ep + "/" + sid, err
}

// updateStep applies cfg, which changes the settings attrs: an update in
// place that plans them alone and sends them alone in one PATCH (body).
func (a adopted) updateStep(e *acctest.Env, cfg string, sid *string, attrs []string, body string, checks ...resource.TestCheckFunc) resource.TestStep {
	return resource.TestStep{
		PreConfig:        e.ClearRequestsIfEmulated,
		Config:           cfg,
		ConfigPlanChecks: acctest.Quiet(a.res, attrs...),
		Check: resource.ComposeTestCheckFunc(append(checks, acctest.SameAttr(a.res, a.sidAttr, sid),
			acctest.OnePatch(e, body))...),
	}
}

// driftStep changes the object in the FlexML API behind Terraform's back
// (patch): the plan updates exactly attrs, and the apply puts cfg back
// (checks).
func driftStep[T any](e *acctest.Env, a adopted, cfg string, endpoint, sid *string, patch map[string]any, attrs []string,
	checks ...resource.TestCheckFunc) resource.TestStep {
	return resource.TestStep{
		PreConfig: acctest.Must(e.T, func() error {
			_, err := acctest.App[T](e, client.FlexMLAPI, endpoint, a.kind)().Update(context.Background(), *sid, patch)
			return err
		}),
		Config:           cfg,
		ConfigPlanChecks: acctest.Quiet(a.res, attrs...),
		Check:            resource.ComposeTestCheckFunc(checks...),
	}
}

// destroyStep applies cfg, without the resource: destroy sends CarrierX's
// defaults (body) in one PATCH and deletes nothing, and restored checks
// the object, which is still there.
func (a adopted) destroyStep(e *acctest.Env, cfg string, sid *string, body string, restored resource.TestCheckFunc) resource.TestStep {
	return resource.TestStep{
		PreConfig:        e.ClearRequestsIfEmulated,
		Config:           cfg,
		ConfigPlanChecks: acctest.Plans(a.res, plancheck.ResourceActionDestroy),
		Check: resource.ComposeTestCheckFunc(
			acctest.Sent(e, sid, map[string]int{"PATCH " + a.path + "/{sid}": 1, "DELETE " + a.path + "/{sid}": 0}, "PATCH", body),
			restored),
	}
}

// inAPI reads the object *sid of the endpoint *endpoint through its FlexML
// API, as a user's script would, and checks it with ok.
func inAPI[T any](e *acctest.Env, a adopted, endpoint, sid *string, ok func(*T) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		obj, err := acctest.App[T](e, client.FlexMLAPI, endpoint, a.kind)().Get(context.Background(), *sid)
		if err != nil {
			return err
		}
		return ok(obj)
	}
}

// defaults checks the documented defaults (CarrierX docs, FlexML API,
// Account and DID objects) of the settings destroy restores.
func defaults(url, method, cbURL, cbMethod *string) error {
	if url != nil || cbURL != nil || deref(method) != "POST" || deref(cbMethod) != "POST" {
		return fmt.Errorf("not CarrierX's defaults: url %s, method %s, status_callback_url %s, status_callback_method %s",
			deref(url), deref(method), deref(cbURL), deref(cbMethod))
	}
	return nil
}

// configured checks url, method and status_callback_url against want.
func configured(url, method, cbURL *string, want ...string) error {
	if got := []string{deref(url), deref(method), deref(cbURL)}; strings.Join(got, " ") != strings.Join(want, " ") {
		return fmt.Errorf("url, method and status_callback_url are %q, want %q", got, want)
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

// phrase matches text as Terraform prints it, wrapped at any space.
func phrase(text string) *regexp.Regexp {
	return regexp.MustCompile(strings.Join(strings.Fields(regexp.QuoteMeta(text)), `\s+`))
}
