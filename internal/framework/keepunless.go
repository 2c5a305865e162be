package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// KeepUnless keeps an unconfigured computed value from state unless one of
// the attributes at paths, which it derives from, changes in the plan.
func KeepUnless(paths ...path.Path) KeepUnlessModifier {
	return KeepUnlessModifier{Desc: "kept from state unless the attributes it derives from change", paths: paths}
}

// KeepUnlessModifier is the plan modifier KeepUnless returns.
type KeepUnlessModifier struct {
	Desc
	paths []path.Path
}

func (m KeepUnlessModifier) keep(ctx context.Context, state tfsdk.State, plan tfsdk.Plan, stateValue, planValue, configValue attr.Value) bool {
	if state.Raw.IsNull() || plan.Raw.IsNull() || stateValue.IsNull() || !planValue.IsUnknown() || !configValue.IsNull() {
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

func (m KeepUnlessModifier) PlanModifyMap(ctx context.Context, req planmodifier.MapRequest, resp *planmodifier.MapResponse) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}
