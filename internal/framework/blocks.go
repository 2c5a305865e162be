package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Blocks that several objects carry, defined once.

// TransformationModel is one call-data rewrite rule (CarrierX docs, Core
// API, Transformation Object).
type TransformationModel struct {
	Action    types.String `tfsdk:"action"`
	Direction types.String `tfsdk:"direction"`
	Operands  types.List   `tfsdk:"operands"`
}

// TransformationType is the object type of one transformation.
var TransformationType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"action": types.StringType, "direction": types.StringType, "operands": types.ListType{ElemType: types.StringType},
}}

// Transformations is the transformations attribute of an object at level
// ("endpoint", "trunk group"): optional, an empty list by default.
func Transformations(level string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: "Call-data rewrite rules applied at " + level + " level, in order. Passed to CarrierX as written.",
		Optional:            true,
		Computed:            true,
		Default:             listdefault.StaticValue(types.ListValueMust(TransformationType, []attr.Value{})),
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"action":    schema.StringAttribute{MarkdownDescription: "Transformation verb.", Required: true},
				"direction": schema.StringAttribute{MarkdownDescription: "`inbound`, `outbound` or `any`.", Required: true},
				"operands": schema.ListAttribute{
					MarkdownDescription: "Arguments of the action.",
					ElementType:         types.StringType,
					Required:            true,
				},
			},
		},
	}
}

// TransformationsValue renders the API's transformations as the attribute.
func TransformationsValue(ctx context.Context, trs []client.Transformation, diags *diag.Diagnostics) types.List {
	out := make([]TransformationModel, len(trs))
	for i, t := range trs {
		out[i] = TransformationModel{Action: types.StringValue(t.Action), Direction: types.StringValue(t.Direction),
			Operands: types.ListValueMust(types.StringType, stringValues(t.Operands))}
	}
	l, d := types.ListValueFrom(ctx, TransformationType, out)
	diags.Append(d...)
	return l
}

// TransformationsBody renders the attribute as the API's transformations;
// nil when the attribute is null or unknown.
func TransformationsBody(ctx context.Context, l types.List, diags *diag.Diagnostics) []client.Transformation {
	if !Known(l) {
		return nil
	}
	var trs []TransformationModel
	diags.Append(l.ElementsAs(ctx, &trs, false)...)
	out := make([]client.Transformation, 0, len(trs))
	for _, t := range trs {
		out = append(out, client.Transformation{Action: t.Action.ValueString(), Direction: t.Direction.ValueString(),
			Operands: Strings(ctx, t.Operands, diags)})
	}
	return out
}

// Strings reads a list of strings; null or unknown is an empty slice.
func Strings(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	var out []string
	if Known(l) {
		diags.Append(l.ElementsAs(ctx, &out, false)...)
	}
	return NonNil(out)
}
