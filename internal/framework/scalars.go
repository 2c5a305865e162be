package framework

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Most attributes of an object are a JSON scalar under the same name in
// the API object, converted the same way for every object: these two
// convert them by their names, so a model lists only what differs.

// ScalarBody renders the named attributes of model m (a pointer to a
// struct whose fields carry tfsdk tags; types.String, Int64, Float64 or
// Bool) as API JSON values under their own names. Null or unknown is nil,
// so an update clears it and a create leaves it out.
func ScalarBody(m any, names ...string) map[string]any {
	fields := tagged(reflect.ValueOf(m).Elem(), "tfsdk")
	out := make(map[string]any, len(names))
	for _, name := range names {
		f, ok := fields[name]
		if !ok {
			panic(fmt.Sprintf("framework.ScalarBody: %T has no attribute %q", m, name))
		}
		switch v := f.Interface().(type) {
		case types.String:
			out[name] = StringPtr(v)
		case types.Int64:
			out[name] = Int64Ptr(v)
		case types.Bool:
			out[name] = BoolPtr(v)
		case types.Float64:
			out[name] = nil
			if Known(v) {
				out[name] = v.ValueFloat64()
			}
		default:
			panic(fmt.Sprintf("framework.ScalarBody: attribute %q of %T is a %T", name, m, v))
		}
	}
	return out
}

// FillScalars sets every scalar attribute of model m from the field of
// obj (a pointer to an API object) whose JSON name is the attribute's: a
// nil pointer is null. Attributes obj has no scalar for are left alone.
func FillScalars(m, obj any) {
	src := tagged(reflect.ValueOf(obj).Elem(), "json")
	for name, f := range tagged(reflect.ValueOf(m).Elem(), "tfsdk") {
		s, ok := src[name]
		if !ok {
			continue
		}
		kind := s.Kind()
		isNull := kind == reflect.Pointer && s.IsNil()
		if kind == reflect.Pointer {
			kind = s.Type().Elem().Kind()
		}
		c, ok := scalarTypes[f.Type()]
		if !ok || kind != c.kind {
			continue
		}
		v := c.null
		if !isNull {
			v = c.value(reflect.Indirect(s))
		}
		f.Set(reflect.ValueOf(v))
	}
}

// scalarTypes are the scalar attribute types, with the Go kind each is
// read from, how, and its null.
var scalarTypes = map[reflect.Type]struct {
	kind  reflect.Kind
	value func(reflect.Value) any
	null  any
}{
	reflect.TypeOf(types.String{}):  {reflect.String, func(v reflect.Value) any { return types.StringValue(v.String()) }, types.StringNull()},
	reflect.TypeOf(types.Int64{}):   {reflect.Int64, func(v reflect.Value) any { return types.Int64Value(v.Int()) }, types.Int64Null()},
	reflect.TypeOf(types.Float64{}): {reflect.Float64, func(v reflect.Value) any { return types.Float64Value(v.Float()) }, types.Float64Null()},
	reflect.TypeOf(types.Bool{}):    {reflect.Bool, func(v reflect.Value) any { return types.BoolValue(v.Bool()) }, types.BoolNull()},
}

// tagged maps the fields of struct v by the name in their tag key.
func tagged(v reflect.Value, key string) map[string]reflect.Value {
	out := make(map[string]reflect.Value, v.NumField())
	for i := 0; i < v.NumField(); i++ {
		if name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get(key), ","); name != "" && name != "-" {
			out[name] = v.Field(i)
		}
	}
	return out
}
