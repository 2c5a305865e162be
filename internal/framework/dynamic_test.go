package framework

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A conditional transformation with nested rules, numbers, booleans, nulls
// and keys nobody documented reads and writes back unchanged.
func TestTransformationsRoundTrip(t *testing.T) {
	raw := `[{"action":"if","direction":"inbound","operands":["ani","^1555"],"enabled":true,"weight":12345678901234567890,
		"ratio":0.25,"note":null,"transformations":[{"action":"set","direction":"any","operands":["X-Tag",7]}]},{"action":"reject"}]`
	var diags diag.Diagnostics
	v := TransformationsValue(json.RawMessage(raw), types.DynamicNull(), &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	back := TransformationsBody(v, &diags)
	want, _ := decodeJSON([]byte(raw))
	got, err := decodeJSON(back)
	if err != nil || diags.HasError() {
		t.Fatal(err, diags)
	}
	wantJ, _ := json.Marshal(want)
	gotJ, _ := json.Marshal(got)
	if string(wantJ) != string(gotJ) {
		t.Errorf("round trip\n got %s\nwant %s", gotJ, wantJ)
	}
	for _, empty := range []string{"", "null", "[]"} {
		v := TransformationsValue(json.RawMessage(empty), types.DynamicNull(), &diags)
		if j, _ := ValueJSON(v); !sameJSON(j, []any{}) {
			t.Errorf("%q read as %v, want an empty list", empty, v)
		}
	}
	if TransformationsValue(json.RawMessage(`[{`), types.DynamicNull(), &diags); !diags.HasError() {
		t.Error("broken JSON read without an error")
	}
}

// What was planned stays, in its own spelling, when CarrierX answers the
// same value; a different answer replaces it.
func TestTransformationsKeepPrior(t *testing.T) {
	planned := types.DynamicValue(types.ListValueMust(types.ObjectType{AttrTypes: map[string]attr.Type{"operands": types.ListType{ElemType: types.NumberType}}},
		[]attr.Value{types.ObjectValueMust(map[string]attr.Type{"operands": types.ListType{ElemType: types.NumberType}},
			map[string]attr.Value{"operands": types.ListValueMust(types.NumberType, []attr.Value{types.NumberValue(bigFloat(1))})})}))
	var diags diag.Diagnostics
	if got := TransformationsValue(json.RawMessage(`[{"operands":[1.0]}]`), planned, &diags); !got.Equal(planned) {
		t.Errorf("an equal answer replaced the plan: %v", got)
	}
	if got := TransformationsValue(json.RawMessage(`[{"operands":[2]}]`), planned, &diags); got.Equal(planned) {
		t.Error("a different answer kept the plan")
	}
}

func TestTransformationsShape(t *testing.T) {
	obj := types.ObjectValueMust(map[string]attr.Type{"action": types.StringType}, map[string]attr.Value{"action": types.StringValue("set")})
	for name, c := range map[string]struct {
		v    attr.Value
		fail bool
	}{
		"tuple of objects": {types.TupleValueMust([]attr.Type{obj.Type(context.Background())}, []attr.Value{obj}), false},
		"empty":            {types.TupleValueMust(nil, nil), false},
		"a string":         {types.StringValue("set"), true},
		"list of strings":  {types.ListValueMust(types.StringType, []attr.Value{types.StringValue("x")}), true},
	} {
		resp := &validator.DynamicResponse{}
		transformationsShape.ValidateDynamic(context.Background(), validator.DynamicRequest{Path: path.Root("transformations"),
			ConfigValue: types.DynamicValue(c.v)}, resp)
		if resp.Diagnostics.HasError() != c.fail {
			t.Errorf("%s: errors %v, want failure %v", name, resp.Diagnostics, c.fail)
		}
	}
}

func bigFloat(f float64) *big.Float { return big.NewFloat(f) }

// State written before version 1 holds transformations as a list of
// objects; the upgrade gives the value the same HCL gives now, so a
// configuration that did not change plans no change.
func TestUpgradeStateTransformations(t *testing.T) {
	ctx := context.Background()
	o := &Object[fieldsAPI, fieldsModel]{Type: "carrierx_test", Schema: rschema.Schema{Version: 1, Attributes: map[string]rschema.Attribute{
		"sid":             rschema.StringAttribute{Computed: true},
		"transformations": Transformations("test"),
	}}}
	up := NewResource(o)().(resource.ResourceWithUpgradeState).UpgradeState(ctx)[0]
	obj := TransformationsV0.ElemType.(types.ObjectType)
	rule := types.ObjectValueMust(obj.AttrTypes, map[string]attr.Value{"action": types.StringValue("set"),
		"direction": types.StringValue("inbound"), "operands": types.ListValueMust(types.StringType, []attr.Value{types.StringValue("X-A"), types.StringValue("1")})})
	for name, c := range map[string]struct {
		old  attr.Value
		want string
	}{
		"rules": {types.ListValueMust(obj, []attr.Value{rule}), `[{"action":"set","direction":"inbound","operands":["X-A","1"]}]`},
		"empty": {types.ListValueMust(obj, nil), `[]`},
		"null":  {types.ListNull(obj), `null`},
	} {
		oldTF, _ := c.old.ToTerraformValue(ctx)
		priorType := up.PriorSchema.Type().TerraformType(ctx)
		raw := tftypes.NewValue(priorType, map[string]tftypes.Value{"sid": tftypes.NewValue(tftypes.String, "s1"), "transformations": oldTF})
		req := resource.UpgradeStateRequest{State: &tfsdk.State{Schema: *up.PriorSchema, Raw: raw}}
		resp := &resource.UpgradeStateResponse{State: tfsdk.State{Schema: o.Schema}}
		up.StateUpgrader(ctx, req, resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s: %v", name, resp.Diagnostics)
		}
		var got types.Dynamic
		resp.State.GetAttribute(ctx, path.Root("transformations"), &got)
		j, _ := ValueJSON(got)
		gotJ, _ := json.Marshal(j)
		if string(gotJ) != c.want {
			t.Errorf("%s: upgraded to %s, want %s", name, gotJ, c.want)
		}
		var sid types.String
		resp.State.GetAttribute(ctx, path.Root("sid"), &sid)
		if sid.ValueString() != "s1" {
			t.Errorf("%s: sid %v", name, sid)
		}
		if _, isTuple := got.UnderlyingValue().(types.Tuple); !isTuple && name != "null" {
			t.Errorf("%s: upgraded to a %T, not the tuple HCL gives", name, got.UnderlyingValue())
		}
	}
}
