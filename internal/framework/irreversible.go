package framework

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// warnIrreversible adds the object's DestroyWarning to a plan that
// destroys it (the plan is null: terraform destroy, or the resource left
// the configuration) or replaces it (an attribute that cannot change in
// place changes), so an irreversible destroy never comes as a surprise.
func (r *Resource[T, M]) warnIrreversible(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.o.DestroyWarning == nil || req.State.Raw.IsNull() {
		return
	}
	var because []string
	if !resp.Plan.Raw.IsNull() {
		because = replacedBy(ctx, r.o.Schema, req, resp)
		if len(because) == 0 {
			return
		}
	}
	var state M
	if d := req.State.Get(ctx, &state); d.HasError() {
		return // the plan's own read of state reports it
	}
	w := r.o.DestroyWarning(&state)
	if w == nil {
		return
	}
	detail := w.Detail
	if len(because) > 0 {
		detail = "The plan replaces it: " + strings.Join(because, ", ") + " cannot change in place. " + detail
	}
	resp.Diagnostics.AddWarning(w.Summary, detail)
}

// replacedBy names the top-level attributes whose plan modifiers require
// replacing the object. The framework runs ModifyPlan with an empty
// RequiresReplace, whatever the attribute plan modifiers decided, so they
// are asked again, on the final plan; RequiresReplace set by the
// resource's own ModifyPlan counts too.
func replacedBy(ctx context.Context, s schema.Schema, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) []string {
	var names []string
	for _, p := range resp.RequiresReplace {
		names = append(names, p.String())
	}
	for name, a := range s.Attributes {
		p := path.Root(name)
		var cfg, plan, state attr.Value
		if req.Config.GetAttribute(ctx, p, &cfg).HasError() || resp.Plan.GetAttribute(ctx, p, &plan).HasError() ||
			req.State.GetAttribute(ctx, p, &state).HasError() {
			continue
		}
		if plan.Equal(state) {
			continue
		}
		if requiresReplace(ctx, a, p, req, resp, cfg, plan, state) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// requiresReplace runs the plan modifiers of attribute a (string, bool,
// int64 and set attributes: the kinds that replace objects in this
// provider) and reports whether one requires replacing the object.
func requiresReplace(ctx context.Context, a schema.Attribute, p path.Path, req resource.ModifyPlanRequest,
	resp *resource.ModifyPlanResponse, cfg, plan, state attr.Value) bool {
	e := p.Expression()
	switch a := a.(type) {
	case schema.StringAttribute:
		return anyReplaces(a.PlanModifiers, cfg, plan, state, func(m planmodifier.String, c, pl, st types.String) bool {
			r := planmodifier.StringResponse{PlanValue: pl}
			m.PlanModifyString(ctx, planmodifier.StringRequest{Path: p, PathExpression: e, Config: req.Config, ConfigValue: c,
				Plan: resp.Plan, PlanValue: pl, State: req.State, StateValue: st, Private: req.Private}, &r)
			return r.RequiresReplace
		})
	case schema.BoolAttribute:
		return anyReplaces(a.PlanModifiers, cfg, plan, state, func(m planmodifier.Bool, c, pl, st types.Bool) bool {
			r := planmodifier.BoolResponse{PlanValue: pl}
			m.PlanModifyBool(ctx, planmodifier.BoolRequest{Path: p, PathExpression: e, Config: req.Config, ConfigValue: c,
				Plan: resp.Plan, PlanValue: pl, State: req.State, StateValue: st, Private: req.Private}, &r)
			return r.RequiresReplace
		})
	case schema.Int64Attribute:
		return anyReplaces(a.PlanModifiers, cfg, plan, state, func(m planmodifier.Int64, c, pl, st types.Int64) bool {
			r := planmodifier.Int64Response{PlanValue: pl}
			m.PlanModifyInt64(ctx, planmodifier.Int64Request{Path: p, PathExpression: e, Config: req.Config, ConfigValue: c,
				Plan: resp.Plan, PlanValue: pl, State: req.State, StateValue: st, Private: req.Private}, &r)
			return r.RequiresReplace
		})
	case schema.SetAttribute:
		return anyReplaces(a.PlanModifiers, cfg, plan, state, func(m planmodifier.Set, c, pl, st types.Set) bool {
			r := planmodifier.SetResponse{PlanValue: pl}
			m.PlanModifySet(ctx, planmodifier.SetRequest{Path: p, PathExpression: e, Config: req.Config, ConfigValue: c,
				Plan: resp.Plan, PlanValue: pl, State: req.State, StateValue: st, Private: req.Private}, &r)
			return r.RequiresReplace
		})
	}
	return false
}

// anyReplaces reports whether run says that one of the modifiers requires
// replacement, given the attribute's values as V (false for a custom type).
func anyReplaces[M any, V attr.Value](modifiers []M, cfg, plan, state attr.Value, run func(m M, c, p, s V) bool) bool {
	c, ok1 := cfg.(V)
	p, ok2 := plan.(V)
	s, ok3 := state.(V)
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	for _, m := range modifiers {
		if run(m, c, p, s) {
			return true
		}
	}
	return false
}
