package framework

import (
	"fmt"
	"maps"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Most attributes of an object are a JSON scalar under the same name in
// the API object, converted the same way for every object: these two
// convert them by their names, so a model lists only what differs.

// ScalarBody renders the named attributes of model m (a pointer to a
// struct whose fields carry tfsdk tags; types.String, Int64, Float64 or
// Bool) as API JSON values under their own names. Null or unknown is nil,
// so an update clears it and a create leaves it out. A list of strings
// is left out unless known, so what CarrierX chose is kept.
func ScalarBody(m any, names ...string) map[string]any {
	fields := tagged(reflect.ValueOf(m).Elem(), "tfsdk")
	out := make(map[string]any, len(names))
	for _, name := range names {
		f, ok := fields[name]
		if !ok {
			panic(fmt.Sprintf("framework.ScalarBody: %T has no attribute %q", m, name))
		}
		v := f.Interface()
		if _, list := v.(types.List); !list {
			out[name] = nil
		}
		switch v := v.(type) {
		case types.String:
			out[name] = StringPtr(v)
		case types.Int64:
			if Known(v) {
				out[name] = v.ValueInt64()
			}
		case types.Bool:
			if Known(v) {
				out[name] = v.ValueBool()
			}
		case types.Float64:
			if Known(v) {
				out[name] = v.ValueFloat64()
			}
		case types.List:
			if Known(v) {
				s := make([]string, 0, len(v.Elements()))
				for _, e := range v.Elements() {
					s = append(s, e.(types.String).ValueString())
				}
				out[name] = s
			}
		default:
			panic(fmt.Sprintf("framework.ScalarBody: attribute %q of %T is a %T", name, m, v))
		}
	}
	return out
}

// FillOption is what FillScalars does beyond the scalars: see
// KeepEmptyFrom and StringLists.
type FillOption struct {
	prior any
	names []string
}

// KeepEmptyFrom keeps the named string attributes of prior (a model like
// the one filled) where they are a configured "" the API answers null.
func KeepEmptyFrom(prior any, names ...string) FillOption {
	return FillOption{prior: prior, names: names}
}

// StringLists fills the named list(string) attributes too; a nil slice is
// an empty list.
func StringLists(names ...string) FillOption { return FillOption{names: names} }

// FillScalars sets every scalar attribute of model m from the field of
// obj (a pointer to an API object) whose JSON name is the attribute's: a
// nil pointer is null. Attributes obj has no scalar for are left alone.
func FillScalars(m, obj any, opts ...FillOption) {
	src := tagged(reflect.ValueOf(obj).Elem(), "json")
	fields := tagged(reflect.ValueOf(m).Elem(), "tfsdk")
	for _, o := range opts {
		if o.prior == nil {
			for _, name := range o.names {
				l := src[name].Convert(reflect.TypeOf([]string(nil))).Interface().([]string)
				fields[name].Set(reflect.ValueOf(types.ListValueMust(types.StringType, stringValues(l))))
			}
		}
	}
	for name, f := range fields {
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
	for _, o := range opts {
		if o.prior == nil {
			continue
		}
		prior := tagged(reflect.ValueOf(o.prior).Elem(), "tfsdk")
		for _, name := range o.names {
			api, p := fields[name].Interface().(types.String), prior[name].Interface().(types.String)
			fields[name].Set(reflect.ValueOf(KeepEmpty(api.ValueStringPointer(), p)))
		}
	}
}

func stringValues(s []string) []attr.Value {
	out := make([]attr.Value, len(s))
	for i, v := range s {
		out[i] = types.StringValue(v)
	}
	return out
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

// tagged maps the fields of struct v by the name in their tag key; the
// fields of an embedded struct without a tag are v's own.
func tagged(v reflect.Value, key string) map[string]reflect.Value {
	out := make(map[string]reflect.Value, v.NumField())
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		name, _, _ := strings.Cut(f.Tag.Get(key), ",")
		switch {
		case name != "" && name != "-":
			out[name] = v.Field(i)
		case name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct:
			maps.Copy(out, tagged(v.Field(i), key))
		}
	}
	return out
}
