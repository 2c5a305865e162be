package acctest

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// HCL and test-case builders, so a service's tests state only its type,
// its arguments and its expectations.

// Block renders an HCL block `kind "typ" "label"` with one argument a line.
func Block(kind, typ, label string, lines ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s %q %q {\n", kind, typ, label)
	for _, l := range lines {
		b.WriteString("  " + l + "\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// Res is a resource block (see Block).
func Res(typ, label string, lines ...string) string { return Block("resource", typ, label, lines...) }

// Data is a data source block (see Block).
func Data(typ, label string, lines ...string) string { return Block("data", typ, label, lines...) }

// Resource is the configuration of this environment with one resource of
// typ labelled "test" whose body is body.
func (e *Env) Resource(typ, body string) string {
	return e.Config("resource \"" + typ + "\" \"test\" {\n" + body + "\n}\n")
}

// Test runs tc with this environment's providers.
func (e *Env) Test(tc resource.TestCase) {
	e.T.Helper()
	tc.ProtoV6ProviderFactories = e.Providers()
	resource.Test(e.T, tc)
}

// NoChangeAfter expects the plan after a step's apply to be empty.
func NoChangeAfter() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
}
