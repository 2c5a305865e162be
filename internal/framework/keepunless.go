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

func (m KeepUnlessModifier) keep(ctx context.Context, req planRequest) bool {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || !req.PlanValue.IsUnknown() || !req.ConfigValue.IsNull() {
		return false
	}
	for _, p := range m.paths {
		var pv, sv, cv attr.Value
		if req.Plan.GetAttribute(ctx, p, &pv).HasError() || req.State.GetAttribute(ctx, p, &sv).HasError() ||
			req.Config.GetAttribute(ctx, p, &cv).HasError() {
			return false
		}
		// Attribute plan modifiers all see the plan before any of them ran:
		// an unconfigured source is still unknown there, though its own
		// modifier (KeptString's) keeps it, so it counts as unchanged.
		if !pv.Equal(sv) && (!pv.IsUnknown() || !cv.IsNull()) {
			return false
		}
	}
	return true
}

// planRequest is what keep reads of a plan modifier request of any type.
type planRequest struct {
	Config                             tfsdk.Config
	State                              tfsdk.State
	Plan                               tfsdk.Plan
	StateValue, PlanValue, ConfigValue attr.Value
}

func (m KeepUnlessModifier) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if m.keep(ctx, planRequest{req.Config, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue}) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnlessModifier) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if m.keep(ctx, planRequest{req.Config, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue}) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnlessModifier) PlanModifyFloat64(ctx context.Context, req planmodifier.Float64Request, resp *planmodifier.Float64Response) {
	if m.keep(ctx, planRequest{req.Config, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue}) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnlessModifier) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if m.keep(ctx, planRequest{req.Config, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue}) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnlessModifier) PlanModifyMap(ctx context.Context, req planmodifier.MapRequest, resp *planmodifier.MapResponse) {
	if m.keep(ctx, planRequest{req.Config, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue}) {
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
