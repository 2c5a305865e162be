package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// KeepUnless keeps a computed value from state unless one of the
// attributes it derives from (Paths) changes in the plan; then it is
// unknown, for the API to compute again.
type KeepUnless struct{ Paths []path.Path }

func (KeepUnless) Description(context.Context) string {
	return "kept from state unless the attributes it derives from change"
}

func (m KeepUnless) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m KeepUnless) keep(ctx context.Context, state tfsdk.State, plan tfsdk.Plan, stateValue, planValue attr.Value, configValue attr.Value) bool {
	if state.Raw.IsNull() || plan.Raw.IsNull() || stateValue.IsNull() || !planValue.IsUnknown() || !configValue.IsNull() {
		return false
	}
	for _, p := range m.Paths {
		var pv, sv attr.Value
		if plan.GetAttribute(ctx, p, &pv).HasError() || state.GetAttribute(ctx, p, &sv).HasError() {
			return false
		}
		if !pv.Equal(sv) {
			return false
		}
	}
	return true
}

func (m KeepUnless) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnless) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m KeepUnless) PlanModifyFloat64(ctx context.Context, req planmodifier.Float64Request, resp *planmodifier.Float64Response) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}
