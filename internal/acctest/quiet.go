package acctest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// ExpectOnlyChanges is a plan check: the plan updates res, every attribute
// in attrs changes, and no other attribute changes or becomes "known after
// apply" (GUIDE.md: a one-attribute change plans as one line). An entry of
// attrs covers everything nested under it. The error names every other
// attribute that moves, with its values unless they are sensitive.
func ExpectOnlyChanges(res string, attrs ...string) plancheck.PlanCheck {
	return onlyChanges{res: res, attrs: attrs}
}

// Quiet is Plans for an update of res that changes exactly attrs.
func Quiet(res string, attrs ...string) resource.ConfigPlanChecks {
	plans := Plans(res, plancheck.ResourceActionUpdate)
	plans.PreApply = append(plans.PreApply, ExpectOnlyChanges(res, attrs...))
	return plans
}

type onlyChanges struct {
	res   string
	attrs []string
}

func (c onlyChanges) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.res {
			continue
		}
		ch := rc.Change
		if !ch.Actions.Update() {
			resp.Error = fmt.Errorf("%s: planned %v, want an update in place", c.res, ch.Actions)
			return
		}
		before, _ := ch.Before.(map[string]any)
		after, _ := ch.After.(map[string]any)
		unknown, _ := ch.AfterUnknown.(map[string]any)
		bs, _ := ch.BeforeSensitive.(map[string]any)
		as, _ := ch.AfterSensitive.(map[string]any)
		names := map[string]bool{}
		for _, m := range []map[string]any{before, after, unknown} {
			for k := range m {
				names[k] = true
			}
		}
		var extra []string
		changed := map[string]bool{}
		for name := range names {
			var moves []string
			diff(name, before[name], after[name], unknown[name], isSensitive(bs[name]) || isSensitive(as[name]), &moves)
			if len(moves) == 0 {
				continue
			}
			changed[name] = true
			if !slices.Contains(c.attrs, name) {
				extra = append(extra, moves...)
			}
		}
		var problems []string
		for _, a := range c.attrs {
			if !changed[a] {
				problems = append(problems, a+" does not change")
			}
		}
		sort.Strings(extra)
		problems = append(problems, extra...)
		if len(problems) > 0 {
			resp.Error = fmt.Errorf("%s: the update should plan only %s:\n  %s", c.res, strings.Join(c.attrs, ", "),
				strings.Join(problems, "\n  "))
		}
		return
	}
	resp.Error = fmt.Errorf("%s: not in the plan", c.res)
}

// diff appends to moves, by path, each value under p that is unknown after
// apply or differs from before.
func diff(p string, before, after, unknown any, sensitive bool, moves *[]string) {
	switch a := after.(type) {
	case map[string]any:
		if b, ok := before.(map[string]any); ok {
			u, _ := unknown.(map[string]any)
			keys := map[string]bool{}
			for _, m := range []map[string]any{a, b, u} {
				for k := range m {
					keys[k] = true
				}
			}
			for k := range keys {
				diff(p+"."+k, b[k], a[k], u[k], sensitive, moves)
			}
			return
		}
	case []any:
		if b, ok := before.([]any); ok && len(a) == len(b) {
			u, _ := unknown.([]any)
			for i := range a {
				var ui any
				if i < len(u) {
					ui = u[i]
				}
				diff(fmt.Sprintf("%s[%d]", p, i), b[i], a[i], ui, sensitive, moves)
			}
			return
		}
	}
	switch {
	case isSensitive(unknown): // the same walk: any true under it
		*moves = append(*moves, p+": (known after apply)")
	case reflect.DeepEqual(before, after):
	case sensitive:
		*moves = append(*moves, p+": (sensitive value changes)")
	default:
		*moves = append(*moves, fmt.Sprintf("%s: %v → %v", p, show(before), show(after)))
	}
}

func show(v any) string {
	if v == nil {
		return "null"
	}
	s := fmt.Sprintf("%v", v)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// isSensitive reports whether a before_sensitive/after_sensitive (or an
// after_unknown) entry marks any value under it.
func isSensitive(v any) bool {
	switch s := v.(type) {
	case bool:
		return s
	case map[string]any:
		for _, e := range s {
			if isSensitive(e) {
				return true
			}
		}
	case []any:
		for _, e := range s {
			if isSensitive(e) {
				return true
			}
		}
	}
	return false
}

// QuietStep is ApplyStep for an update of res that plans exactly attrs.
func QuietStep(pre func(), cfg, res string, attrs []string, checks ...resource.TestCheckFunc) resource.TestStep {
	step := ApplyStep(pre, cfg, res, plancheck.ResourceActionUpdate, checks...)
	step.ConfigPlanChecks = Quiet(res, attrs...)
	return step
}
