package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// KeepUnless keeps an unconfigured computed value from state unless one of
// the attributes at paths, which it derives from, changes in the plan. A
// null is kept too: it is what CarrierX answered (no LRN, no redirect).
func KeepUnless(paths ...path.Path) KeepUnlessModifier {
	return KeepUnlessModifier{Desc: "kept from state unless the attributes it derives from change", paths: paths}
}

// KeepUnlessModifier is the plan modifier KeepUnless returns.
type KeepUnlessModifier struct {
	Desc
	paths []path.Path
}

func (m KeepUnlessModifier) keep(ctx context.Context, state tfsdk.State, plan tfsdk.Plan, stateValue, planValue, configValue attr.Value) bool {
	if state.Raw.IsNull() || plan.Raw.IsNull() || !planValue.IsUnknown() || !configValue.IsNull() {
		return false
	}
	for _, p := range m.paths {
		var pv, sv attr.Value
		if plan.GetAttribute(ctx, p, &pv).HasError() || state.GetAttribute(ctx, p, &sv).HasError() || !pv.Equal(sv) {
			return false
		}
	}
	return true
}

func (m KeepUnlessModifier) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnlessModifier) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnlessModifier) PlanModifyFloat64(ctx context.Context, req planmodifier.Float64Request, resp *planmodifier.Float64Response) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnlessModifier) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnlessModifier) PlanModifyMap(ctx context.Context, req planmodifier.MapRequest, resp *planmodifier.MapResponse) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

// Volatile keeps a read-only value CarrierX changes by itself (a balance, a
// last use, a counter) from state in the plan of an update, unless one of
// the attributes at paths, which it derives from, changes; and the update
// stores the planned value, not the answer's, so the value never shows in
// a plan nor breaks an apply during which it moves. The next refresh reads
// it.
func Volatile(paths ...path.Path) VolatileModifier {
	return VolatileModifier{KeepUnlessModifier{Desc: "kept from state in the plan of an update; the next refresh reads it", paths: paths}}
}

// VolatileModifier is the plan modifier Volatile returns; Resource.Update
// finds the attributes that have it.
type VolatileModifier struct{ KeepUnlessModifier }
