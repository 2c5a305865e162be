package framework

import (
	"context"
	"maps"
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// codecModel has a field of every kind the provider's models use, some
// from an embedded struct.
type codecModel struct {
	codecEmbedded
	B     types.Bool    `tfsdk:"b"`
	F     types.Float64 `tfsdk:"f"`
	L     types.List    `tfsdk:"l"`
	LS    types.List    `tfsdk:"ls"`
	M     types.Map     `tfsdk:"m"`
	S     types.Set     `tfsdk:"s"`
	O     types.Object  `tfsdk:"o"`
	D     types.Dynamic `tfsdk:"d"`
	Extra string        `tfsdk:"-"`
}

type codecEmbedded struct {
	ID types.String `tfsdk:"id"`
	N  types.Int64  `tfsdk:"n"`
}

func codecSchema() schema.Schema {
	return schema.Schema{Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true},
		"n":  schema.Int64Attribute{Optional: true},
		"b":  schema.BoolAttribute{Optional: true},
		"f":  schema.Float64Attribute{Optional: true},
		"l": schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"ip": schema.StringAttribute{Required: true}, "port": schema.Int64Attribute{Optional: true},
		}}},
		"ls": schema.ListAttribute{Optional: true, ElementType: types.StringType},
		"m":  schema.MapAttribute{Optional: true, ElementType: types.StringType},
		"s": schema.SetNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"code": schema.StringAttribute{Required: true},
		}}},
		"o": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
			"login": schema.StringAttribute{Optional: true}, "password": schema.StringAttribute{Optional: true, Sensitive: true},
		}},
		"d": schema.DynamicAttribute{Optional: true},
	}}
}

// TestCodecMatchesTfsdk reads and writes values of every kind, null and
// unknown, with the codec and with tfsdk: the models and the raw values
// must be the same.
func TestCodecMatchesTfsdk(t *testing.T) {
	ctx := context.Background()
	sch := codecSchema()
	typ := sch.Type().TerraformType(ctx).(tftypes.Object)
	at := typ.AttributeTypes
	c := newCodec(ctx, reflect.TypeFor[codecModel](), sch.Type())
	if c == nil {
		t.Fatal("no codec for a model of framework values")
	}
	unknown := func(name string) tftypes.Value { return tftypes.NewValue(at[name], tftypes.UnknownValue) }
	null := func(name string) tftypes.Value { return tftypes.NewValue(at[name], nil) }
	elem := func(name string) tftypes.Type {
		switch t := at[name].(type) {
		case tftypes.List:
			return t.ElementType
		case tftypes.Set:
			return t.ElementType
		}
		return nil
	}
	full := map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, "sid-1"),
		"n":  tftypes.NewValue(tftypes.Number, big.NewFloat(42)),
		"b":  tftypes.NewValue(tftypes.Bool, true),
		"f":  tftypes.NewValue(tftypes.Number, big.NewFloat(1.5)),
		"l": tftypes.NewValue(at["l"], []tftypes.Value{tftypes.NewValue(elem("l"), map[string]tftypes.Value{
			"ip": tftypes.NewValue(tftypes.String, "10.0.0.1"), "port": tftypes.NewValue(tftypes.Number, nil),
		})}),
		"ls": tftypes.NewValue(at["ls"], []tftypes.Value{tftypes.NewValue(tftypes.String, "a"), tftypes.NewValue(tftypes.String, "b")}),
		"m":  tftypes.NewValue(at["m"], map[string]tftypes.Value{"k": tftypes.NewValue(tftypes.String, "v")}),
		"s": tftypes.NewValue(at["s"], []tftypes.Value{tftypes.NewValue(elem("s"), map[string]tftypes.Value{
			"code": tftypes.NewValue(tftypes.String, "1234"),
		})}),
		"o": tftypes.NewValue(at["o"], map[string]tftypes.Value{
			"login": tftypes.NewValue(tftypes.String, "u"), "password": tftypes.NewValue(tftypes.String, nil),
		}),
		"d": tftypes.NewValue(tftypes.Tuple{ElementTypes: []tftypes.Type{tftypes.String, tftypes.Number}},
			[]tftypes.Value{tftypes.NewValue(tftypes.String, "x"), tftypes.NewValue(tftypes.Number, big.NewFloat(1))}),
	}
	nulls, unknowns := map[string]tftypes.Value{}, map[string]tftypes.Value{}
	for name := range at {
		nulls[name], unknowns[name] = null(name), unknown(name)
	}
	emptyColls := map[string]tftypes.Value{}
	for name, v := range nulls {
		emptyColls[name] = v
	}
	emptyColls["l"] = tftypes.NewValue(at["l"], []tftypes.Value{})
	emptyColls["m"] = tftypes.NewValue(at["m"], map[string]tftypes.Value{})
	emptyColls["d"] = tftypes.NewValue(tftypes.DynamicPseudoType, nil)

	for name, vals := range map[string]map[string]tftypes.Value{"full": full, "null": nulls, "unknown": unknowns, "empty": emptyColls} {
		raw := tftypes.NewValue(typ, vals)
		var viaCodec, viaTfsdk codecModel
		if !c.get(ctx, raw, &viaCodec) {
			t.Fatalf("%s: the codec refused a known object of its type", name)
		}
		st := tfsdk.State{Schema: sch, Raw: raw}
		if d := st.Get(ctx, &viaTfsdk); d.HasError() {
			t.Fatalf("%s: tfsdk Get: %v", name, d)
		}
		a, b := reflect.ValueOf(viaCodec), reflect.ValueOf(viaTfsdk)
		for _, f := range reflect.VisibleFields(a.Type()) {
			if f.Anonymous || !f.IsExported() {
				continue
			}
			av, ok := a.FieldByIndex(f.Index).Interface().(attr.Value)
			if !ok {
				continue
			}
			if bv := b.FieldByIndex(f.Index).Interface().(attr.Value); !av.Equal(bv) {
				t.Errorf("%s: field %s: codec %v, tfsdk %v", name, f.Name, av, bv)
			}
		}
		got, ok := c.set(ctx, &viaCodec)
		if !ok {
			t.Fatalf("%s: the codec refused to write a model it read", name)
		}
		if d := st.Set(ctx, &viaTfsdk); d.HasError() {
			t.Fatalf("%s: tfsdk Set: %v", name, d)
		}
		if !got.Equal(st.Raw) || !got.Equal(raw) {
			t.Errorf("%s: written\n codec %v\n tfsdk %v\n read  %v", name, got, st.Raw, raw)
		}
	}
}

// TestCodecFallsBack: what the codec cannot take is left to tfsdk.
func TestCodecFallsBack(t *testing.T) {
	ctx := context.Background()
	sch := codecSchema()
	type native struct {
		ID string `tfsdk:"id"`
	}
	if newCodec(ctx, reflect.TypeFor[native](), schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Optional: true}}}.Type()) != nil {
		t.Error("a codec for a Go-native field")
	}
	type missing struct {
		ID types.String `tfsdk:"id"`
	}
	if newCodec(ctx, reflect.TypeFor[missing](), sch.Type()) != nil {
		t.Error("a codec for a model without every attribute")
	}
	type wrongType struct {
		ID types.Int64 `tfsdk:"id"`
	}
	if newCodec(ctx, reflect.TypeFor[wrongType](), schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Optional: true}}}.Type()) != nil {
		t.Error("a codec for a field of another type than its attribute")
	}
	c := newCodec(ctx, reflect.TypeFor[codecModel](), sch.Type())
	// A list without its element type is not the attribute's type: tfsdk
	// reports it, so the codec must not write it.
	if _, ok := c.set(ctx, &codecModel{}); ok {
		t.Error("the codec wrote a model whose lists have no element type")
	}
	var m codecModel
	if c.get(ctx, tftypes.NewValue(sch.Type().TerraformType(ctx), nil), &m) {
		t.Error("the codec read a null object")
	}
	// A value that does not validate (a set with a duplicate, 1.5 for an
	// integer) is tfsdk's to report.
	typ := sch.Type().TerraformType(ctx).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	code := tftypes.NewValue(typ.AttributeTypes["s"].(tftypes.Set).ElementType, map[string]tftypes.Value{"code": tftypes.NewValue(tftypes.String, "1")})
	dup := maps.Clone(vals)
	dup["s"] = tftypes.NewValue(typ.AttributeTypes["s"], []tftypes.Value{code, code})
	frac := maps.Clone(vals)
	frac["n"] = tftypes.NewValue(tftypes.Number, big.NewFloat(1.5))
	for name, v := range map[string]map[string]tftypes.Value{"duplicate set element": dup, "fractional int64": frac} {
		raw := tftypes.NewValue(typ, v)
		if c.get(ctx, raw, &m) {
			t.Errorf("%s: the codec read it", name)
		}
		var viaTfsdk codecModel
		if d := (tfsdk.State{Schema: sch, Raw: raw}).Get(ctx, &viaTfsdk); !d.HasError() {
			t.Errorf("%s: tfsdk reads it too: the case proves nothing", name)
		}
	}
}
