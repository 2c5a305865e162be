package framework

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Fields declares the attributes an object converts by name, so that its
// model writes code only for what differs. Every scalar attribute is
// filled from the API field with the same JSON name (see FillScalars).
type Fields struct {
	// Write are the attributes a create or an update sends under their
	// own names. A null scalar is a nil entry, so an update clears it; a
	// list, a map or the transformations are left out unless known, so
	// what CarrierX chose is kept.
	Write []string
	// KeepEmpty are strings for which "" and null are the same: a
	// configured "" CarrierX reads back as null, or an unset one it answers "".
	KeepEmpty []string
	// Read are the lists of strings, maps of strings and transformations
	// (raw JSON, see TransformationsValue) filled from the API field of the
	// same name.
	Read []string
}

// Filler is what a model fills beyond its Fields, after them.
type Filler[T, M any] interface {
	Fill(ctx context.Context, obj *T, prior *M) diag.Diagnostics
}

// Bodier is what a model sends beyond its Fields; its entries win.
type Bodier interface {
	Body(ctx context.Context) (map[string]any, diag.Diagnostics)
}

// fill fills m from obj by the Fields. prior is the model as it was
// (plan or state; zero for a data source).
func (f Fields) fill(ctx context.Context, m, obj, prior any) diag.Diagnostics {
	var diags diag.Diagnostics
	FillScalars(m, obj, KeepEmptyFrom(prior, f.KeepEmpty...))
	src := tagged(reflect.ValueOf(obj).Elem(), "json")
	dst := tagged(reflect.ValueOf(m).Elem(), "tfsdk")
	was := tagged(reflect.ValueOf(prior).Elem(), "tfsdk")
	for _, name := range f.Read {
		var v any
		switch s := src[name]; readable(s.Type()) {
		case stringsType:
			v = types.ListValueMust(types.StringType, stringValues(s.Convert(stringsType).Interface().([]string)))
		case objectType:
			v = StringMapValue(ctx, s.Convert(objectType).Interface().(map[string]any), &diags)
		case transformationsType:
			v = TransformationsValue(s.Interface().(json.RawMessage), was[name].Interface().(types.Dynamic), &diags)
		}
		dst[name].Set(reflect.ValueOf(v))
	}
	return diags
}

var (
	stringsType         = reflect.TypeFor[[]string]()
	objectType          = reflect.TypeFor[map[string]any]()
	transformationsType = reflect.TypeFor[json.RawMessage]()
)

// readable is the type among those Read converts that an API field of
// type t is, or nil.
func readable(t reflect.Type) reflect.Type {
	for _, r := range []reflect.Type{transformationsType, stringsType, objectType} {
		if t == r || (t.Kind() == r.Kind() && t.ConvertibleTo(r) && r != transformationsType) {
			return r
		}
	}
	return nil
}

// body renders the Write attributes of m as API JSON values.
func (f Fields) body(ctx context.Context, m any) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	fields := tagged(reflect.ValueOf(m).Elem(), "tfsdk")
	var scalars []string
	b := map[string]any{}
	for _, name := range f.Write {
		switch v := fields[name].Interface().(type) {
		case types.Map:
			if Known(v) {
				b[name] = StringMapBody(ctx, v, &diags)
			}
		case types.Dynamic:
			if Known(v) {
				b[name] = TransformationsBody(v, &diags)
			}
		default:
			scalars = append(scalars, name)
		}
	}
	maps.Copy(b, ScalarBody(m, scalars...))
	return b, diags
}

// fill fills m from obj: the Fields, then the model's own Fill.
func (o *Object[T, M]) fill(ctx context.Context, m *M, obj *T, prior *M) diag.Diagnostics {
	diags := o.Fields.fill(ctx, m, obj, prior)
	if o.Parent != "" {
		field(m, o.Parent).Set(field(prior, o.Parent))
	}
	if own, ok := any(m).(Filler[T, M]); ok {
		diags.Append(own.Fill(ctx, obj, prior)...)
	}
	return diags
}

// body renders m's request body: the Fields, then the model's own Body,
// whose entries win.
func (o *Object[T, M]) body(ctx context.Context, m *M) (map[string]any, diag.Diagnostics) {
	b, diags := o.Fields.body(ctx, m)
	if own, ok := any(m).(Bodier); ok {
		more, d := own.Body(ctx)
		diags.Append(d...)
		maps.Copy(b, more)
	}
	return b, diags
}

// field is the attribute name of model m (a pointer).
func field(m any, name string) reflect.Value {
	return tagged(reflect.ValueOf(m).Elem(), "tfsdk")[name]
}

// parentSID is the SID in m's Parent attribute.
func (o *Object[T, M]) parentSID(m *M) string {
	return field(m, o.Parent).Interface().(types.String).ValueString()
}

// check panics, when the provider is built, on a dynamic attribute without
// schema version 1, on a declared field the model does not have, a Read field the API object has not in a form Read takes, and on a Fill or Body method that would not be called
// because its signature is not Filler's or Bodier's.
func (o *Object[T, M]) check() {
	m := any(new(M))
	fields := tagged(reflect.ValueOf(m).Elem(), "tfsdk")
	if f, ok := fields[o.Parent]; o.Parent != "" && (!ok || f.Type() != reflect.TypeOf(types.String{})) {
		panic(fmt.Sprintf("framework: %s has Parent %q, which its model %T has not as a types.String", o.Type, o.Parent, m))
	}
	if f, ok := tagged(reflect.ValueOf(new(T)).Elem(), "json")[o.SIDAttr]; o.Adopt != nil && (!ok || f.Kind() != reflect.String) {
		panic(fmt.Sprintf("framework: %s adopts objects, and %T has no string field %q", o.Type, new(T), o.SIDAttr))
	}
	for _, names := range [][]string{o.Fields.Write, o.Fields.KeepEmpty, o.Fields.Read} {
		for _, name := range names {
			if _, ok := fields[name]; !ok {
				panic(fmt.Sprintf("framework: %s declares field %q, which its model %T does not have", o.Type, name, m))
			}
		}
	}
	src := tagged(reflect.ValueOf(new(T)).Elem(), "json")
	for _, name := range o.Fields.Read {
		if f, ok := src[name]; !ok || readable(f.Type()) == nil {
			panic(fmt.Sprintf("framework: %s reads field %q, which %T has not as a list of strings, a map or transformations",
				o.Type, name, new(T)))
		}
	}
	for name, a := range o.Schema.Attributes {
		if _, dyn := a.(schema.DynamicAttribute); dyn && o.Schema.Version < 1 {
			panic(fmt.Sprintf("framework: %s has the dynamic attribute %q: declare Schema.Version 1, so that state of "+
				"version 0, where transformations were a list, is upgraded (Resource.UpgradeState)", o.Type, name))
		}
	}
	typ := reflect.TypeOf(m)
	if _, has := typ.MethodByName("Fill"); has {
		if _, ok := m.(Filler[T, M]); !ok {
			panic(fmt.Sprintf("framework: %T.Fill is not a framework.Filler of %s", m, o.Type))
		}
	}
	if _, has := typ.MethodByName("Body"); has {
		if _, ok := m.(Bodier); !ok {
			panic(fmt.Sprintf("framework: %T.Body is not a framework.Bodier of %s", m, o.Type))
		}
	}
}
