package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Validators and plan modifiers declared as values: a description and the
// check, which runs on a known value only. A new rule is then a value, not
// a type with three methods.

// Desc is the description of a validator or a plan modifier, the same as
// text and as Markdown.
type Desc string

// Description is d.
func (d Desc) Description(context.Context) string { return string(d) }

// MarkdownDescription is d.
func (d Desc) MarkdownDescription(context.Context) string { return string(d) }

// StringCheck validates a known string.
type StringCheck struct {
	Desc
	Check func(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse)
}

// ValidateString runs Check on a known value.
func (c StringCheck) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if Known(req.ConfigValue) {
		c.Check(ctx, req, resp)
	}
}

// Int64Check validates a known number.
type Int64Check struct {
	Desc
	Check func(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response)
}

// ValidateInt64 runs Check on a known value.
func (c Int64Check) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if Known(req.ConfigValue) {
		c.Check(ctx, req, resp)
	}
}

// ListCheck validates a known list.
type ListCheck struct {
	Desc
	Check func(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse)
}

// ValidateList runs Check on a known value.
func (c ListCheck) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if Known(req.ConfigValue) {
		c.Check(ctx, req, resp)
	}
}

// SetCheck validates a known set.
type SetCheck struct {
	Desc
	Check func(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse)
}

// ValidateSet runs Check on a known value.
func (c SetCheck) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if Known(req.ConfigValue) {
		c.Check(ctx, req, resp)
	}
}

// MapCheck validates a known map.
type MapCheck struct {
	Desc
	Check func(ctx context.Context, req validator.MapRequest, resp *validator.MapResponse)
}

// ValidateMap runs Check on a known value.
func (c MapCheck) ValidateMap(ctx context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if Known(req.ConfigValue) {
		c.Check(ctx, req, resp)
	}
}

// StringPlan is a string plan modifier declared as its description and
// its function.
type StringPlan struct {
	Desc
	Modify func(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse)
}

// PlanModifyString runs Modify.
func (p StringPlan) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	p.Modify(ctx, req, resp)
}

// DynamicCheck validates a known dynamic value.
type DynamicCheck struct {
	Desc
	Check func(ctx context.Context, req validator.DynamicRequest, resp *validator.DynamicResponse)
}

// ValidateDynamic runs Check on a known value.
func (c DynamicCheck) ValidateDynamic(ctx context.Context, req validator.DynamicRequest, resp *validator.DynamicResponse) {
	if Known(req.ConfigValue) && !req.ConfigValue.IsUnderlyingValueUnknown() {
		c.Check(ctx, req, resp)
	}
}
