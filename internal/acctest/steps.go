package acctest

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Step builders for the shapes every object's lifecycle test repeats.

// ImportSteps import res by its SID attribute twice: with `terraform
// import`, verifying every attribute against state, and with an import
// block in cfg, which must plan no change.
func ImportSteps(cfg, res, sidAttr string) []resource.TestStep {
	return ImportStepsByID(cfg, res, sidAttr, Attr(res, sidAttr))
}

// ImportStepsByID is ImportSteps with the import ID that id returns (a
// composite one, such as a trunk's "<trunk_group_sid>/<trunk_sid>");
// idAttr identifies the object in state.
func ImportStepsByID(cfg, res, idAttr string, id resource.ImportStateIdFunc) []resource.TestStep {
	return []resource.TestStep{
		{
			ResourceName:                         res,
			ImportState:                          true,
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: idAttr,
			ImportStateIdFunc:                    id,
		},
		{Config: cfg, ResourceName: res, ImportState: true, ImportStateKind: resource.ImportBlockWithID, ImportStateIdFunc: id},
	}
}

// Plans expects the step's plan to take action on res, and the plan after
// the apply to be empty.
func Plans(res string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, action)},
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
}

// OnePatch checks, against the emulator, that the step wrote exactly once:
// a PATCH whose body is body.
func OnePatch(e *Env, body string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if e.Live {
			return nil
		}
		reqs := e.Requests()
		if n := len(Writes(reqs)); n != 1 {
			return fmt.Errorf("%d writes, want one PATCH: %v", n, Summarize(reqs))
		}
		return ExpectBody(reqs, "PATCH", body)
	}
}

// DeletedOnce is a CheckDestroy: against the emulator, destroy sent one
// DELETE of path/<*sid>; and the object of typ is gone.
func DeletedOnce(e *Env, typ, sidAttr, path string, sid *string, get func(context.Context, string) error) func(*terraform.State) error {
	return func(s *terraform.State) error {
		if !e.Live {
			if err := ExpectCalls(e.Requests(), map[string]int{"DELETE " + path + "/" + *sid: 1}); err != nil {
				return err
			}
		}
		return e.CheckGone(typ, sidAttr, get)(s)
	}
}

// DriftSteps apply cfg and save res's SID; then change the object behind
// Terraform's back (change), and expect an update in place that puts it
// back (checks); then delete it behind Terraform's back (remove), and
// expect it created again. extra are more checks of the plan that puts it
// back.
func DriftSteps(t *testing.T, cfg, res, sidAttr string, sid *string, change func() error,
	checks resource.TestCheckFunc, remove func() error, extra ...plancheck.PlanCheck) []resource.TestStep {
	plans := Plans(res, plancheck.ResourceActionUpdate)
	plans.PreApply = append(plans.PreApply, extra...)
	return []resource.TestStep{
		{Config: cfg, Check: SaveAttr(res, sidAttr, sid)},
		{
			PreConfig: func() {
				if err := change(); err != nil {
					t.Fatal(err)
				}
			},
			Config:           cfg,
			ConfigPlanChecks: plans,
			Check:            checks,
		},
		RecreateStep(t, cfg, res, sidAttr, sid, remove),
	}
}

// ImportStep imports res by its sidAttr and verifies the result against
// the state; ignore names the attributes an import may change.
func ImportStep(res, sidAttr string, ignore ...string) resource.TestStep {
	return resource.TestStep{
		ResourceName:                         res,
		ImportState:                          true,
		ImportStateVerify:                    true,
		ImportStateVerifyIdentifierAttribute: sidAttr,
		ImportStateIdFunc:                    Attr(res, sidAttr),
		ImportStateVerifyIgnore:              ignore,
	}
}

// ImportBlockStep imports res by its sidAttr with an import block in cfg,
// which must plan no change.
func ImportBlockStep(cfg, res, sidAttr string) resource.TestStep {
	return resource.TestStep{Config: cfg, ResourceName: res, ImportState: true,
		ImportStateKind: resource.ImportBlockWithID, ImportStateIdFunc: Attr(res, sidAttr)}
}

// ApplyStep runs pre (when not nil), plans cfg expecting action on res,
// applies it, expects an empty plan after, and runs checks on the state.
func ApplyStep(pre func(), cfg, res string, action plancheck.ResourceActionType, checks ...resource.TestCheckFunc) resource.TestStep {
	return resource.TestStep{
		PreConfig:        pre,
		Config:           cfg,
		ConfigPlanChecks: Plans(res, action),
		Check:            resource.ComposeTestCheckFunc(checks...),
	}
}

// ImportErrorStep imports res by id with cfg and expects the error want.
func ImportErrorStep(cfg, res, id string, want *regexp.Regexp) resource.TestStep {
	return resource.TestStep{Config: cfg, ResourceName: res, ImportState: true, ImportStateId: id, ExpectError: want}
}

// StateCheck runs f as a state check; it needs no shimmed state, so it
// works with string-keyed (for_each) instances.
type StateCheck func() error

// CheckState implements statecheck.StateCheck.
func (f StateCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}

// PlanCheck runs f as a plan check. As a PreApply check it runs between
// the plan and the apply, so the request log holds what the plan sent.
type PlanCheck func() error

// CheckPlan implements plancheck.PlanCheck.
func (f PlanCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}

// ErrorCase is a configuration, appended to a base one, and the regular
// expression of the error it must fail with.
type ErrorCase struct {
	Config string
	Want   string
}

// ErrorSteps plan base+Config of every case and expect its error; a last
// step applies base alone, so the destroy after the test has a valid
// configuration.
func ErrorSteps(base string, cases ...ErrorCase) []resource.TestStep {
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: base + c.Config, ExpectError: regexp.MustCompile(c.Want)})
	}
	return append(steps, resource.TestStep{Config: base})
}

func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// Words is a phrase as a regular expression that lets Terraform wrap it
// at any space: for error messages a test expects.
func Words(phrase string) string { return words(phrase) }

// words is a phrase as a regular expression that lets Terraform wrap it
// at any space.
func words(phrase string) string {
	return strings.Join(strings.Fields(regexp.QuoteMeta(phrase)), `\s+`)
}

// NoneMatchedError is the error of a single-object data source whose
// filter matches none of the plural (such as "storage files").
func NoneMatchedError(plural string) string {
	return `(?s)Filter\s+must\s+match\s+exactly\s+one.*matched\s+0\s+` + words(plural)
}

// ManyMatchedError is the error of a single-object data source whose
// filter matches n of the plural ("2", "more than one"; "" for either);
// listType is the data source to use instead.
func ManyMatchedError(n, plural, listType string) string {
	count := `(2|more\s+than\s+one)`
	if n != "" {
		count = words(n)
	}
	return `(?s)matched\s+` + count + `\s+` + words(plural) + `;\s+narrow\s+it,\s+or\s+use\s+the\s+` + listType
}

// NotFoundError is the error of a single-object data source asked for the
// unknown sid: "<Noun> not found ... No <noun> has <sidAttr> "<sid>"".
func NotFoundError(noun, sidAttr, sid string) string {
	return `(?s)` + words(upperFirst(noun)) + `\s+not\s+found.*No\s+` + words(noun) +
		`\s+has\s+` + sidAttr + `\s+"` + regexp.QuoteMeta(sid) + `"`
}

// ExactlyOneError is the error of a configuration that sets none (or more
// than one) of attrs.
func ExactlyOneError(attrs ...string) string {
	return `(?s)Exactly\s+one\s+of\s+these\s+attributes\s+must\s+be\s+configured:\s+\[` + strings.Join(attrs, ",") + `\]`
}

// Lookup is a single-object data source, for the error cases every one of
// them has.
type Lookup struct {
	Type    string // the data source, such as carrierx_storage_file
	Noun    string // what it reads, such as "storage file"
	SIDAttr string // its SID attribute
	In      string // an HCL line every lookup needs, such as its parent's SID; or ""
	Plural  string // the noun's plural when not Noun+"s", such as "prefixes"
	Many    string // how many the error says the "many" filter matched; "" for 2 or more than one
	// ParentAttr and ParentNoun name the required parent that In sets
	// ("endpoint_sid", "endpoint"): NotFound's SID is then missing from
	// the parent, and MissingParent names a parent that does not exist.
	ParentAttr, ParentNoun string
}

// Config is a lookup labelled x with these HCL lines.
func (l Lookup) Config(lines ...string) string { return l.Labelled("x", lines...) }

// Labelled is a lookup labelled label with these HCL lines.
func (l Lookup) Labelled(label string, lines ...string) string {
	if l.In != "" {
		lines = append([]string{l.In}, lines...)
	}
	return Data(l.Type, label, lines...)
}

func (l Lookup) nouns() string {
	if l.Plural != "" {
		return l.Plural
	}
	return l.Noun + "s"
}

// listType is the plural data source: Type with the last word of Noun
// made plural as in Plural ("carrierx_prefix" → "carrierx_prefixes").
func (l Lookup) listType() string {
	last := func(s string) string { return s[strings.LastIndex(s, " ")+1:] }
	return strings.TrimSuffix(l.Type, last(l.Noun)) + last(l.nouns())
}

// FilterErrors are the lookups by a filter (an HCL string) that matches
// none, by one that matches many, and by neither SID nor filter. The error
// must quote a filter that has no interpolation.
func (l Lookup) FilterErrors(none, many string) []ErrorCase {
	return []ErrorCase{
		{Config: l.Config("filter = " + none), Want: NoneMatchedError(l.nouns())},
		{Config: l.Config("filter = " + many), Want: quoted(many) + ManyMatchedError(l.Many, l.nouns(), l.listType())},
		{Config: l.Config(), Want: ExactlyOneError(l.SIDAttr, "filter")},
	}
}

// quoted matches the error's echo of an HCL string filter, as %q writes it.
func quoted(hcl string) string {
	if strings.Contains(hcl, "${") {
		return ""
	}
	return `(?s)filter\s+` + words(hcl) + `\s+`
}

// NotFound is the lookup of an unknown SID.
func (l Lookup) NotFound() ErrorCase {
	c := ErrorCase{Config: l.Config(l.SIDAttr + ` = "` + TrunkGroupMissingSID + `"`),
		Want: NotFoundError(l.Noun, l.SIDAttr, TrunkGroupMissingSID)}
	if l.ParentNoun != "" {
		c.Want = `(?s)` + words(upperFirst(l.Noun)) + `\s+not\s+found.*` + words(upperFirst(l.ParentNoun)) + `\s+"[^"]+"\s+has\s+no\s+` +
			words(l.Noun) + `\s+with\s+` + l.SIDAttr + `\s+"` + TrunkGroupMissingSID + `"`
	}
	return c
}

// MissingParent is the lookup of an unknown SID under a parent SID that
// nothing has: the error is on the parent.
func (l Lookup) MissingParent() ErrorCase {
	return ErrorCase{Config: Data(l.Type, "x", l.ParentAttr+` = "`+TrunkGroupMissingSID+`"`, l.SIDAttr+` = "`+TrunkGroupMissingSID+`"`),
		Want: NotFoundError(l.ParentNoun, l.ParentAttr, TrunkGroupMissingSID)}
}

// Errors are FilterErrors and NotFound.
func (l Lookup) Errors(none, many string) []ErrorCase {
	return append(l.FilterErrors(none, many), l.NotFound())
}

// ListFilterError is the error of a list data source of plural (such as
// "storage files") whose filter the API refuses.
func ListFilterError(plural string) string {
	return `(?s)Unable to list ` + plural + `.*400.*filter`
}

// PagedListStep clears the request log, applies cfg, runs checks, and
// expects the list requests of path to read total objects in pages of
// 1,000 (ExpectPagedReads).
func PagedListStep(e *Env, cfg, path string, total int, checks ...resource.TestCheckFunc) resource.TestStep {
	return resource.TestStep{
		PreConfig: e.ClearRequests,
		Config:    cfg,
		Check: resource.ComposeTestCheckFunc(append(checks, func(*terraform.State) error {
			return ExpectPagedReads(e.Requests(), path, total)
		})...),
	}
}

// PagedOnceStep is PagedListStep where the data source is read once (at
// plan time; the apply reuses it): exactly one run of pages.
func PagedOnceStep(e *Env, cfg, path string, total int, checks ...resource.TestCheckFunc) resource.TestStep {
	return PagedListStep(e, cfg, path, total, append(checks, func(*terraform.State) error {
		if n, want := Count(e.Requests(), http.MethodGet, path), (total+999)/1000; n != want {
			return fmt.Errorf("%d list requests of %s for %d objects, want exactly %d", n, path, total, want)
		}
		return nil
	})...)
}

// Sent checks, against the emulator, what the step sent: how many requests
// per "METHOD path", where "{sid}" in a path stands for *sid when the check
// runs (an earlier check may save it); and, when method is not "", the JSON
// body of the only request of method.
func Sent(e *Env, sid *string, calls map[string]int, method, body string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.Live {
			return nil
		}
		want := make(map[string]int, len(calls))
		for k, n := range calls {
			if sid != nil {
				k = strings.ReplaceAll(k, "{sid}", *sid)
			}
			want[k] = n
		}
		reqs := e.Requests()
		if err := ExpectCalls(reqs, want); err != nil || method == "" {
			return err
		}
		return ExpectBody(reqs, method, body)
	}
}

// SeededTest runs, against the emulator only, the steps that read n
// copies of object seeded in collection (see Env.Seed): the pagination
// tests of the list data sources.
func SeededTest(t *testing.T, collection string, n int, object map[string]any, steps func(*Env) []resource.TestStep) {
	t.Helper()
	e := New(t)
	e.EmulatorOnly()
	e.Seed(collection, n, object)
	e.Test(resource.TestCase{Steps: steps(e)})
}
