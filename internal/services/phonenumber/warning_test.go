package phonenumber_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/phonenumber"
)

const warnSID = "0b1c2d3e-0000-4000-8000-000000000d1d"

// numberValue is a carrierx_phone_number object value: vals, every other
// attribute null.
func numberValue(t *testing.T, vals map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	typ := phonenumber.Object.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
	all := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		all[name] = tftypes.NewValue(at, nil)
		if v, ok := vals[name]; ok {
			all[name] = v
		}
	}
	return tftypes.NewValue(typ, all)
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

// rentedState is a rented number in state: +15550100142, released on
// destroy unless release is false; over are attributes to change.
func rentedState(t *testing.T, release bool, over map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	vals := map[string]tftypes.Value{
		"did_sid": str(warnSID), "phonenumber": str("15550100142"), "name": str("N/A"), "status": str("assigned"),
		"country_code": str("USA"), "state": str("NY"), "locality": str("NEW YORK"),
		"capabilities":       tftypes.NewValue(tftypes.Number, 7),
		"release_on_destroy": tftypes.NewValue(tftypes.Bool, release),
	}
	for k, v := range over {
		vals[k] = v
	}
	return numberValue(t, vals)
}

// planNumber sends PlanResourceChange for carrierx_phone_number through the
// provider's protocol server, as Terraform does, and returns its answer.
func planNumber(t *testing.T, prior, config, proposed tftypes.Value) *tfprotov6.PlanResourceChangeResponse {
	t.Helper()
	ctx := context.Background()
	srv, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	typ := phonenumber.Object.Schema.Type().TerraformType(ctx)
	dv := func(v tftypes.Value) *tfprotov6.DynamicValue {
		d, err := tfprotov6.NewDynamicValue(typ, v)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	resp, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: "carrierx_phone_number", PriorState: dv(prior), Config: dv(config), ProposedNewState: dv(proposed),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("plan error: %s: %s", d.Summary, d.Detail)
		}
	}
	return resp
}

// releaseWarnings are the plan's warnings that a number will be released.
func releaseWarnings(resp *tfprotov6.PlanResourceChangeResponse) []*tfprotov6.Diagnostic {
	var out []*tfprotov6.Diagnostic
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityWarning && strings.Contains(d.Summary, "releases phone number") {
			out = append(out, d)
		}
	}
	return out
}

// TestPlanWarnsBeforeRelease: a plan that destroys or replaces a number
// released on destroy warns, naming the number and its SID, saying it cannot
// be rented back and what to do instead; no warning when the number is kept
// on destroy, on an in-place update, or when a criterion the number meets
// changes.
func TestPlanWarnsBeforeRelease(t *testing.T) {
	null := numberValue(t, nil).Type()
	destroy := tftypes.NewValue(null, nil)
	cfg := func(vals map[string]tftypes.Value) tftypes.Value { return numberValue(t, vals) }
	for _, c := range []struct {
		name                    string
		prior, config, proposed tftypes.Value
		want                    bool
		because                 string
	}{
		{name: "destroy", prior: rentedState(t, true, nil), config: destroy, proposed: destroy, want: true},
		{name: "destroy kept", prior: rentedState(t, false, nil), config: destroy, proposed: destroy},
		{name: "new number", prior: rentedState(t, true, nil),
			config:   cfg(map[string]tftypes.Value{"phonenumber": str("+15550100199")}),
			proposed: rentedState(t, true, map[string]tftypes.Value{"phonenumber": str("+15550100199")}),
			want:     true, because: "phonenumber"},
		{name: "new number kept", prior: rentedState(t, false, nil),
			config: cfg(map[string]tftypes.Value{"phonenumber": str("+15550100199"),
				"release_on_destroy": tftypes.NewValue(tftypes.Bool, false)}),
			proposed: rentedState(t, false, map[string]tftypes.Value{"phonenumber": str("+15550100199")})},
		{name: "unmet prefix", prior: rentedState(t, true, nil),
			config:   cfg(map[string]tftypes.Value{"phonenumber_prefix": str("1516")}),
			proposed: rentedState(t, true, map[string]tftypes.Value{"phonenumber_prefix": str("1516")}),
			want:     true, because: "phonenumber_prefix"},
		{name: "met prefix", prior: rentedState(t, true, nil),
			config:   cfg(map[string]tftypes.Value{"phonenumber_prefix": str("1555")}),
			proposed: rentedState(t, true, map[string]tftypes.Value{"phonenumber_prefix": str("1555")})},
		{name: "in-place update", prior: rentedState(t, true, nil),
			config:   cfg(map[string]tftypes.Value{"name": str("main line")}),
			proposed: rentedState(t, true, map[string]tftypes.Value{"name": str("main line")})},
	} {
		t.Run(c.name, func(t *testing.T) {
			resp := planNumber(t, c.prior, c.config, c.proposed)
			got := releaseWarnings(resp)
			if !c.want {
				if len(got) != 0 {
					t.Fatalf("unexpected warning %q: %s", got[0].Summary, got[0].Detail)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d release warnings, want 1; diagnostics: %+v", len(got), resp.Diagnostics)
			}
			w := got[0].Summary + "\n" + got[0].Detail
			for _, part := range []string{"+15550100142", warnSID, "can never be rented back", "release_on_destroy = false",
				"prevent_destroy", "removed block", "carrierx_available_phone_numbers"} {
				if !strings.Contains(w, part) {
					t.Errorf("warning lacks %q:\n%s", part, w)
				}
			}
			if c.because != "" && !strings.Contains(got[0].Detail, "The plan replaces it: "+c.because+" cannot change in place") {
				t.Errorf("warning does not say that %s replaces the number:\n%s", c.because, got[0].Detail)
			}
		})
	}
}
