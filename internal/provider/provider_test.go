package provider

import (
	"context"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestModelsMatchSchemas reads a null value of every schema into its model,
// which fails when a tfsdk tag and the schema disagree.
func TestModelsMatchSchemas(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	for _, f := range p.Resources(ctx) {
		r := f()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		if sr.Diagnostics.HasError() {
			t.Fatalf("%s schema: %v", md.TypeName, sr.Diagnostics)
		}
		if diags := sr.Schema.ValidateImplementation(ctx); diags.HasError() {
			t.Fatalf("%s schema: %v", md.TypeName, diags)
		}
		var model func() any
		if m, ok := r.(interface{ NewModel() any }); ok {
			model = m.NewModel
		}
		if model == nil {
			t.Fatalf("%s has no NewModel method to check its model with", md.TypeName)
		}
		st := tfsdk.State{Schema: sr.Schema, Raw: nullObject(ctx, sr.Schema.Type().TerraformType(ctx))}
		if diags := st.Get(ctx, model()); diags.HasError() {
			t.Errorf("%s model does not match schema: %v", md.TypeName, diags)
		}
	}
	for _, f := range p.DataSources(ctx) {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		if diags := sr.Schema.ValidateImplementation(ctx); diags.HasError() {
			t.Fatalf("%s schema: %v", md.TypeName, diags)
		}
		if _, derived := d.(interface{ Derived() }); derived {
			continue // filled through its resource's model, checked above
		}
		var model func() any
		if m, ok := d.(interface{ NewModel() any }); ok {
			model = m.NewModel
		}
		if model == nil {
			t.Fatalf("data source %s has no NewModel method to check its model with", md.TypeName)
		}
		st := tfsdk.State{Schema: sr.Schema, Raw: nullObject(ctx, sr.Schema.Type().TerraformType(ctx))}
		if diags := st.Get(ctx, model()); diags.HasError() {
			t.Errorf("data source %s model does not match schema: %v", md.TypeName, diags)
		}
	}
}

// TestEphemeralModelsMatchSchemas does the same for ephemeral resources.
func TestEphemeralModelsMatchSchemas(t *testing.T) {
	ctx := context.Background()
	p := New("test")().(*carrierxProvider)
	for _, f := range p.EphemeralResources(ctx) {
		r := f()
		var md ephemeral.MetadataResponse
		r.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		var sr ephemeral.SchemaResponse
		r.Schema(ctx, ephemeral.SchemaRequest{}, &sr)
		if diags := sr.Schema.ValidateImplementation(ctx); diags.HasError() {
			t.Fatalf("%s schema: %v", md.TypeName, diags)
		}
		var model func() any
		if m, ok := r.(interface{ NewModel() any }); ok {
			model = m.NewModel
		}
		if model == nil {
			t.Fatalf("ephemeral resource %s has no NewModel method to check its model with", md.TypeName)
		}
		st := tfsdk.State{Schema: sr.Schema, Raw: nullObject(ctx, sr.Schema.Type().TerraformType(ctx))}
		if diags := st.Get(ctx, model()); diags.HasError() {
			t.Errorf("ephemeral resource %s model does not match schema: %v", md.TypeName, diags)
		}
	}
}

// nullObject is an object of the schema's type whose attributes are all null.
func nullObject(_ context.Context, typ tftypes.Type) tftypes.Value {
	obj := typ.(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for k, at := range obj.AttributeTypes {
		vals[k] = tftypes.NewValue(at, nil)
	}
	return tftypes.NewValue(obj, vals)
}

func TestFieldPath(t *testing.T) {
	for in, want := range map[string]string{
		"type":             "type",
		"addresses[0].ip":  "addresses[0].ip",
		"addresses.1.port": "addresses[1].port",
		"properties":       "properties",
	} {
		p, ok := framework.FieldPath(in)
		if !ok || p.String() != want {
			t.Errorf("fieldPath(%q) = %q, %v; want %q", in, p.String(), ok, want)
		}
	}
	for _, bad := range []string{"", "a b", "x[y]"} {
		if _, ok := framework.FieldPath(bad); ok {
			t.Errorf("fieldPath(%q) accepted", bad)
		}
	}
}

func TestCheckBaseURL(t *testing.T) {
	for _, ok := range []string{"https://api.carrierx.com/core/v2", "http://127.0.0.1:8787/core/v2", "http://localhost/core/v2", "http://[::1]:9/core/v2"} {
		if err := checkBaseURL(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"http://10.0.0.1/core/v2", "ftp://x/y", "api.carrierx.com", "http://127.0.0.1.example.com/"} {
		if err := checkBaseURL(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}
