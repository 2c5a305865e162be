package framework

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// JSON as Terraform values and back, for attributes whose shape CarrierX
// does not document (transformations): any JSON reads, and what was read is
// written back unchanged.

// JSONValue renders a decoded JSON value (json.Decoder with UseNumber) as
// the value HCL would give the same literal: an array is a tuple, an object
// an object, null a dynamic null.
func JSONValue(v any) (attr.Value, error) {
	switch v := v.(type) {
	case nil:
		return types.DynamicNull(), nil
	case bool:
		return types.BoolValue(v), nil
	case string:
		return types.StringValue(v), nil
	case json.Number:
		f, _, err := big.ParseFloat(string(v), 10, 512, big.ToNearestEven)
		if err != nil {
			return nil, fmt.Errorf("number %s: %w", v, err)
		}
		return types.NumberValue(f), nil
	case []any:
		elems := make([]attr.Value, len(v))
		typs := make([]attr.Type, len(v))
		for i, e := range v {
			ev, err := JSONValue(e)
			if err != nil {
				return nil, err
			}
			elems[i], typs[i] = ev, ev.Type(context.Background())
		}
		return types.TupleValueMust(typs, elems), nil
	case map[string]any:
		vals := make(map[string]attr.Value, len(v))
		typs := make(map[string]attr.Type, len(v))
		for k, e := range v {
			ev, err := JSONValue(e)
			if err != nil {
				return nil, err
			}
			vals[k], typs[k] = ev, ev.Type(context.Background())
		}
		return types.ObjectValueMust(typs, vals), nil
	}
	return nil, fmt.Errorf("%T is not a decoded JSON value", v)
}

// ValueJSON is the JSON value of a known Terraform value (null is nil);
// unknown values are an error, as they cannot be sent.
func ValueJSON(v attr.Value) (any, error) {
	if v == nil || v.IsNull() {
		return nil, nil
	}
	if v.IsUnknown() {
		return nil, fmt.Errorf("the value is not known yet")
	}
	switch v := v.(type) {
	case basetypes.DynamicValue:
		return ValueJSON(v.UnderlyingValue())
	case basetypes.StringValue:
		return v.ValueString(), nil
	case basetypes.BoolValue:
		return v.ValueBool(), nil
	case basetypes.NumberValue:
		f := v.ValueBigFloat()
		if f.IsInt() {
			return json.Number(f.Text('f', 0)), nil // no exponent: 12345678901234567890 stays as written
		}
		return json.Number(f.Text('g', -1)), nil
	case basetypes.Int64Value:
		return v.ValueInt64(), nil
	case basetypes.Float64Value:
		return v.ValueFloat64(), nil
	case basetypes.TupleValue:
		return elemsJSON(v.Elements())
	case basetypes.ListValue:
		return elemsJSON(v.Elements())
	case basetypes.SetValue:
		return elemsJSON(v.Elements())
	case basetypes.ObjectValue:
		return attrsJSON(v.Attributes())
	case basetypes.MapValue:
		return attrsJSON(v.Elements())
	}
	return nil, fmt.Errorf("%T has no JSON form", v)
}

func elemsJSON(elems []attr.Value) (any, error) {
	out := make([]any, len(elems))
	for i, e := range elems {
		j, err := ValueJSON(e)
		if err != nil {
			return nil, err
		}
		out[i] = j
	}
	return out, nil
}

func attrsJSON(attrs map[string]attr.Value) (any, error) {
	out := make(map[string]any, len(attrs))
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		j, err := ValueJSON(attrs[k])
		if err != nil {
			return nil, err
		}
		out[k] = j
	}
	return out, nil
}

// decodeJSON decodes raw keeping numbers exact.
func decodeJSON(raw []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// sameJSON reports whether a and b are the same JSON value: the same keys
// and elements, numbers by value (1 and 1.0 are the same).
func sameJSON(a, b any) bool {
	norm := func(v any) string {
		j, _ := json.Marshal(v)
		var f any
		_ = json.Unmarshal(j, &f) // numbers as float64
		n, _ := json.Marshal(f)
		return string(n)
	}
	return norm(a) == norm(b)
}

// EmptyJSON reports whether raw is absent, null, an empty array or an
// empty object.
func EmptyJSON(raw json.RawMessage) bool {
	v, err := decodeJSON(raw)
	if err != nil {
		return len(bytes.TrimSpace(raw)) == 0
	}
	switch v := v.(type) {
	case nil:
		return true
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}
