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
// int64 and set attributes: the kinds that replace objects here) and
// reports whether one requires replacing the object.
func requiresReplace(ctx context.Context, a schema.Attribute, p path.Path, req resource.ModifyPlanRequest,
	resp *resource.ModifyPlanResponse, cfg, plan, state attr.Value) bool {
	replace := false
	switch a := a.(type) {
	case schema.StringAttribute:
		c, pl, st, ok := typed[types.String](cfg, plan, state)
		for _, m := range a.PlanModifiers {
			if !ok {
				break
			}
			r := planmodifier.StringResponse{PlanValue: pl}
			m.PlanModifyString(ctx, planmodifier.StringRequest{Path: p, PathExpression: p.Expression(), Config: req.Config,
				ConfigValue: c, Plan: resp.Plan, PlanValue: pl, State: req.State, StateValue: st, Private: req.Private}, &r)
			replace = replace || r.RequiresReplace
		}
	case schema.BoolAttribute:
		c, pl, st, ok := typed[types.Bool](cfg, plan, state)
		for _, m := range a.PlanModifiers {
			if !ok {
				break
			}
			r := planmodifier.BoolResponse{PlanValue: pl}
			m.PlanModifyBool(ctx, planmodifier.BoolRequest{Path: p, PathExpression: p.Expression(), Config: req.Config,
				ConfigValue: c, Plan: resp.Plan, PlanValue: pl, State: req.State, StateValue: st, Private: req.Private}, &r)
			replace = replace || r.RequiresReplace
		}
	case schema.Int64Attribute:
		c, pl, st, ok := typed[types.Int64](cfg, plan, state)
		for _, m := range a.PlanModifiers {
			if !ok {
				break
			}
			r := planmodifier.Int64Response{PlanValue: pl}
			m.PlanModifyInt64(ctx, planmodifier.Int64Request{Path: p, PathExpression: p.Expression(), Config: req.Config,
				ConfigValue: c, Plan: resp.Plan, PlanValue: pl, State: req.State, StateValue: st, Private: req.Private}, &r)
			replace = replace || r.RequiresReplace
		}
	case schema.SetAttribute:
		c, pl, st, ok := typed[types.Set](cfg, plan, state)
		for _, m := range a.PlanModifiers {
			if !ok {
				break
			}
			r := planmodifier.SetResponse{PlanValue: pl}
			m.PlanModifySet(ctx, planmodifier.SetRequest{Path: p, PathExpression: p.Expression(), Config: req.Config,
				ConfigValue: c, Plan: resp.Plan, PlanValue: pl, State: req.State, StateValue: st, Private: req.Private}, &r)
			replace = replace || r.RequiresReplace
		}
	}
	return replace
}

// typed asserts the configuration, plan and state values of an attribute
// to its value type; false for a custom type.
func typed[V attr.Value](cfg, plan, state attr.Value) (c, p, s V, ok bool) {
	c, ok1 := cfg.(V)
	p, ok2 := plan.(V)
	s, ok3 := state.(V)
	return c, p, s, ok1 && ok2 && ok3
}
