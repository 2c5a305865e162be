package framework

import (
	"context"
	"reflect"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// codec reads and writes a model whose every field is a framework value
// (types.String, types.List, ...) straight from and to the raw Terraform
// value, the field list worked out once. tfsdk's Get and Set reflect over
// the struct at every call and compile a regular expression per field
// (terraform-plugin-framework v1.19.0, internal/reflect): about 8% of the
// provider's CPU in a plan. A model it cannot take (a Go-native field, a
// model of the wrong shape) or a value it does not expect or that does not
// validate goes through tfsdk as before, which gives the same diagnostics.
type codec struct {
	typ    tftypes.Type // the schema's object type
	fields []codecField
}

type codecField struct {
	name   string
	index  []int // reflect.Value.FieldByIndex
	typ    attr.Type
	tfType tftypes.Type
}

func newCodec(ctx context.Context, mt reflect.Type, st attr.Type) *codec {
	ot, ok := st.(attr.TypeWithAttributeTypes)
	if !ok || mt.Kind() != reflect.Struct {
		return nil
	}
	attrTypes := ot.AttributeTypes()
	c := &codec{typ: st.TerraformType(ctx)}
	if !c.addFields(ctx, mt, nil, attrTypes) || len(c.fields) != len(attrTypes) {
		return nil
	}
	return c
}

// addFields adds the fields of struct type mt, at index path prefix, as
// tfsdk reads them: exported fields by their tfsdk tag, "-" skipped, the
// fields of an embedded struct (without a tag) as the model's own.
func (c *codec) addFields(ctx context.Context, mt reflect.Type, prefix []int, attrTypes map[string]attr.Type) bool {
	valueType := reflect.TypeFor[attr.Value]()
	for i := range mt.NumField() {
		f := mt.Field(i)
		if !f.IsExported() && !f.Anonymous {
			continue
		}
		name, tagged := f.Tag.Lookup("tfsdk")
		if name == "-" {
			continue
		}
		index := append(slices.Clone(prefix), i)
		if f.Anonymous {
			if tagged || f.Type.Kind() != reflect.Struct || !c.addFields(ctx, f.Type, index, attrTypes) {
				return false
			}
			continue
		}
		at, ok := attrTypes[name]
		if !tagged || !ok || c.has(name) || !f.Type.Implements(valueType) {
			return false
		}
		tt := at.TerraformType(ctx)
		// The schema's type must build exactly the field's type.
		v, err := at.ValueFromTerraform(ctx, tftypes.NewValue(tt, nil))
		if err != nil || v == nil || reflect.TypeOf(v) != f.Type {
			return false
		}
		c.fields = append(c.fields, codecField{name: name, index: index, typ: at, tfType: tt})
	}
	return true
}

func (c *codec) has(name string) bool {
	return slices.ContainsFunc(c.fields, func(f codecField) bool { return f.name == name })
}

// get fills m from raw; false when raw is not a known object of the
// codec's type (the caller then uses tfsdk).
func (c *codec) get(ctx context.Context, raw tftypes.Value, m any) bool {
	if c == nil || raw.IsNull() || !raw.IsKnown() || !raw.Type().Equal(c.typ) {
		return false
	}
	var vals map[string]tftypes.Value
	if err := raw.As(&vals); err != nil {
		return false
	}
	rv := reflect.ValueOf(m).Elem()
	out := make([]reflect.Value, len(c.fields))
	for i, f := range c.fields {
		v, err := f.typ.ValueFromTerraform(ctx, vals[f.name])
		if err != nil || v == nil || !valid(ctx, f, v, vals[f.name]) {
			return false
		}
		out[i] = reflect.ValueOf(v)
	}
	for i, f := range c.fields {
		rv.FieldByIndex(f.index).Set(out[i])
	}
	return true
}

// set returns the raw value of m; false when a field's value is not of its
// attribute's type (tfsdk then reports it).
func (c *codec) set(ctx context.Context, m any) (tftypes.Value, bool) {
	if c == nil {
		return tftypes.Value{}, false
	}
	rv := reflect.ValueOf(m).Elem()
	vals := make(map[string]tftypes.Value, len(c.fields))
	for _, f := range c.fields {
		v, ok := rv.FieldByIndex(f.index).Interface().(attr.Value)
		if !ok || v == nil || !v.Type(ctx).TerraformType(ctx).Equal(f.tfType) {
			return tftypes.Value{}, false
		}
		tv, err := v.ToTerraformValue(ctx)
		if err != nil || !valid(ctx, f, v, tv) {
			return tftypes.Value{}, false
		}
		vals[f.name] = tv
	}
	if err := tftypes.ValidateValue(c.typ, vals); err != nil {
		return tftypes.Value{}, false
	}
	return tftypes.NewValue(c.typ, vals), true
}

// valid runs the validation tfsdk's Get and Set run on every value: the
// value's own, or its type's (a number in range, a set without duplicates).
// Any diagnostic, even a warning, leaves the value to tfsdk to report.
func valid(ctx context.Context, f codecField, v attr.Value, tv tftypes.Value) bool {
	if va, ok := v.(xattr.ValidateableAttribute); ok {
		var resp xattr.ValidateAttributeResponse
		va.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: path.Root(f.name)}, &resp)
		return len(resp.Diagnostics) == 0
	}
	//nolint:staticcheck // deprecated, but the framework's own types still validate through it
	if tv2, ok := f.typ.(xattr.TypeWithValidate); ok {
		return len(tv2.Validate(ctx, tv, path.Root(f.name))) == 0
	}
	return true
}

// rawData is what tfsdk.State, Plan and Config have in common.
type rawData interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}

// modelCodec is the Object's codec, worked out at its first use.
func (o *Object[T, M]) modelCodec(ctx context.Context) *codec {
	o.codecOnce.Do(func() { o.codec = newCodec(ctx, reflect.TypeFor[M](), o.Schema.Type()) })
	return o.codec
}

// get reads raw (of a state, plan or configuration) into m.
func (o *Object[T, M]) get(ctx context.Context, raw tftypes.Value, data rawData, m *M) diag.Diagnostics {
	if o.modelCodec(ctx).get(ctx, raw, m) {
		return nil
	}
	return data.Get(ctx, m)
}

// set stores m in state.
func (o *Object[T, M]) set(ctx context.Context, state *tfsdk.State, m *M) diag.Diagnostics {
	if raw, ok := o.modelCodec(ctx).set(ctx, m); ok {
		return state.Set(ctx, raw)
	}
	return state.Set(ctx, m)
}
