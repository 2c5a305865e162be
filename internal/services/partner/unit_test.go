package partner

import (
	"context"
	"strings"
	"testing"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestPartnerResource_deleteWarns: destroy sends nothing (no client is
// configured, so any call would panic) and warns that the partner stays.
func TestPartnerResource_deleteWarns(t *testing.T) {
	ctx := context.Background()
	r := Resource()
	var sr fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &sr)
	st := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}
	st.SetAttribute(ctx, path.Root("partner_sid"), types.StringValue("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"))
	st.SetAttribute(ctx, path.Root("login"), types.StringValue("subco"))
	resp := fwresource.DeleteResponse{State: st}
	r.Delete(ctx, fwresource.DeleteRequest{State: st}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want exactly one warning, got %v", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0]
	for _, want := range []string{"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", `"subco"`, "still exists in CarrierX", "contact CarrierX support", "portal"} {
		if !strings.Contains(w.Detail(), want) {
			t.Errorf("warning %q lacks %q", w.Detail(), want)
		}
	}
}

// TestPartnerResource_destroyPlanWarns: a plan that destroys a partner
// warns, before anything is applied, that the partner stays in CarrierX.
func TestPartnerResource_destroyPlanWarns(t *testing.T) {
	ctx := context.Background()
	r := Resource()
	var sr fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx)
	st := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nil)}
	st.SetAttribute(ctx, path.Root("partner_sid"), types.StringValue("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"))
	st.SetAttribute(ctx, path.Root("login"), types.StringValue("subco"))
	null := tfsdk.Plan{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nil)}
	resp := fwresource.ModifyPlanResponse{Plan: null}
	r.(fwresource.ResourceWithModifyPlan).ModifyPlan(ctx, fwresource.ModifyPlanRequest{
		State: st, Plan: null, Config: tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nil)},
	}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want exactly one warning, got %v", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0]
	for _, want := range []string{`"subco"`, "only removes", "still exists in CarrierX", "import it"} {
		if !strings.Contains(w.Summary()+w.Detail(), want) {
			t.Errorf("warning %q: %q lacks %q", w.Summary(), w.Detail(), want)
		}
	}
}

func TestPartnerMoneySemanticEquality(t *testing.T) {
	ctx := context.Background()
	m := func(s string) moneyValue { return moneyValue{StringValue: types.StringValue(s)} }
	for _, c := range []struct {
		a, b string
		eq   bool
	}{
		{"20", "20", true}, {"20", "20.00", true}, {"20.5", "20.50", true}, {"0", "0.0", true},
		{"20", "21", false}, {"20.01", "20", false}, {"100", "10", false},
	} {
		got, diags := m(c.a).StringSemanticEquals(ctx, m(c.b))
		if diags.HasError() || got != c.eq {
			t.Errorf("%q ~ %q = %v, want %v", c.a, c.b, got, c.eq)
		}
	}
	if eq, _ := m("20").StringSemanticEquals(ctx, moneyNull()); eq {
		t.Error("an amount equals null")
	}
	for _, ok := range []string{"0", "20", "20.50", "1000000"} {
		if !moneyPattern.MatchString(ok) {
			t.Errorf("%q refused", ok)
		}
	}
	for _, bad := range []string{"", "-1", "1e3", "20,5", " 20", "$20", "20."} {
		if moneyPattern.MatchString(bad) {
			t.Errorf("%q accepted", bad)
		}
	}
}
