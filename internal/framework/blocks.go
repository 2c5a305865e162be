package framework

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/dynamicdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// Blocks that several objects carry, defined once.

// Transformations are call-data rewrite rules (CarrierX docs, Core API,
// Transformation Object). Only part of their shape is documented: CarrierX
// describes conditional transformations that run nested ones, and the
// element table could not be read. So the attribute takes any value, written
// in HCL as usual (a list of objects such as { action = "set", direction =
// "inbound", operands = ["a", "b"] }), and sends it as JSON; what CarrierX
// answers is read whatever its shape and written back unchanged.

// Transformations is the transformations attribute of an object at level
// ("endpoint", "trunk group"): optional, an empty list by default.
func Transformations(level string) schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: "Call-data rewrite rules applied at " + level + " level, in order: a list of objects, " +
			"each usually `{ action = \"...\", direction = \"inbound\" | \"outbound\" | \"any\", operands = [...] }`. " +
			"Passed to CarrierX as written, nested rules (conditional transformations) and values of any type included, " +
			"and read back as CarrierX answers them.",
		Optional:   true,
		Computed:   true,
		Default:    dynamicdefault.StaticValue(types.DynamicValue(types.TupleValueMust(nil, nil))),
		Validators: []validator.Dynamic{transformationsShape},
	}
}

// transformationsShape refuses what cannot be an array of transformations.
var transformationsShape = DynamicCheck{Desc: "must be a list of objects",
	Check: func(_ context.Context, req validator.DynamicRequest, resp *validator.DynamicResponse) {
		var elems []attr.Value
		switch v := req.ConfigValue.UnderlyingValue().(type) {
		case basetypes.TupleValue:
			elems = v.Elements()
		case basetypes.ListValue:
			elems = v.Elements()
		default:
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid transformations",
				fmt.Sprintf("%s must be a list of transformation objects, such as [{ action = \"set\", direction = \"inbound\", "+
					"operands = [\"X-Header\", \"1\"] }]; got a %s.", req.Path, v.Type(context.Background())))
			return
		}
		for i, e := range elems {
			if _, ok := e.(basetypes.ObjectValue); !ok && !e.IsUnknown() {
				if _, isMap := e.(basetypes.MapValue); !isMap {
					resp.Diagnostics.AddAttributeError(req.Path, "Invalid transformations",
						fmt.Sprintf("%s element %d must be an object ({ action = ..., direction = ..., operands = [...] }); got a %s.",
							req.Path, i, e.Type(context.Background())))
				}
			}
		}
	}}

// TransformationsValue renders the API's transformations (raw JSON) as the
// attribute. prior is kept when it says the same (the configuration's own
// spelling: 1 and 1.0, a list and a tuple), so an answer equal to what was
// sent never shows as a change; null or absent reads as an empty list.
func TransformationsValue(raw json.RawMessage, prior types.Dynamic, diags *diag.Diagnostics) types.Dynamic {
	api := any([]any{})
	if len(bytes.TrimSpace(raw)) > 0 && !bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		var err error
		if api, err = decodeJSON(raw); err != nil {
			diags.AddError("Unreadable transformations", "CarrierX answered transformations that are not JSON: "+err.Error())
			return types.DynamicNull()
		}
	}
	if Known(prior) {
		if p, err := ValueJSON(prior); err == nil && sameJSON(p, api) {
			return prior
		}
	}
	v, err := JSONValue(api)
	if err != nil {
		diags.AddError("Unreadable transformations", err.Error())
		return types.DynamicNull()
	}
	return types.DynamicValue(v)
}

// TransformationsBody renders the attribute as the API's transformations;
// nil when the attribute is null or unknown.
func TransformationsBody(d types.Dynamic, diags *diag.Diagnostics) json.RawMessage {
	if !Known(d) || d.IsUnderlyingValueUnknown() {
		return nil
	}
	v, err := ValueJSON(d)
	if err != nil {
		diags.AddError("Invalid transformations", "transformations cannot be sent: "+err.Error())
		return nil
	}
	if v == nil {
		v = []any{}
	}
	raw, _ := json.Marshal(v)
	return raw
}

// TransformationsV0 is the transformations attribute's type before schema
// version 1: a list of objects of three attributes.
var TransformationsV0 = types.ListType{ElemType: types.ObjectType{AttrTypes: map[string]attr.Type{
	"action": types.StringType, "direction": types.StringType, "operands": types.ListType{ElemType: types.StringType},
}}}

// Strings reads a list of strings; null or unknown is an empty slice.
func Strings(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	var out []string
	if Known(l) {
		diags.Append(l.ElementsAs(ctx, &out, false)...)
	}
	return NonNil(out)
}
