package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestModelsMatchSchemas reads a null value of every schema into its model,
// which fails when a tfsdk tag and the schema disagree. Derived data
// sources are filled through their resource's model, checked with it.
func TestModelsMatchSchemas(t *testing.T) {
	ctx := context.Background()
	p := New("test")().(*carrierxProvider)
	for _, f := range p.Resources(ctx) {
		r := f()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		checkModel(t, "resource "+md.TypeName, r, tfsdk.State{Schema: sr.Schema, Raw: nullObject(sr.Schema.Type().TerraformType(ctx))}, sr.Schema.ValidateImplementation(ctx))
	}
	for _, f := range p.DataSources(ctx) {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		if _, derived := d.(interface{ Derived() }); !derived {
			checkModel(t, "data source "+md.TypeName, d, tfsdk.State{Schema: sr.Schema, Raw: nullObject(sr.Schema.Type().TerraformType(ctx))}, sr.Schema.ValidateImplementation(ctx))
		}
	}
	for _, f := range p.EphemeralResources(ctx) {
		r := f()
		var md ephemeral.MetadataResponse
		r.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		var sr ephemeral.SchemaResponse
		r.Schema(ctx, ephemeral.SchemaRequest{}, &sr)
		checkModel(t, "ephemeral resource "+md.TypeName, r, tfsdk.State{Schema: sr.Schema, Raw: nullObject(sr.Schema.Type().TerraformType(ctx))}, sr.Schema.ValidateImplementation(ctx))
	}
}

// checkModel reads st, a null object of obj's schema, into obj's model.
func checkModel(t *testing.T, name string, obj any, st tfsdk.State, valid diag.Diagnostics) {
	t.Helper()
	if valid.HasError() {
		t.Fatalf("%s schema: %v", name, valid)
	}
	m, ok := obj.(interface{ NewModel() any })
	if !ok {
		t.Fatalf("%s has no NewModel method to check its model with", name)
	}
	model := m.NewModel()
	if diags := st.Get(context.Background(), model); diags.HasError() {
		t.Errorf("%s model does not match schema: %v", name, diags)
	}
	// Body names attributes as strings (framework.ScalarBody): a misspelt
	// name panics, here rather than in the first apply.
	if b, ok := model.(interface {
		Body(context.Context) (map[string]any, diag.Diagnostics)
	}); ok {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: Body of a null model panics: %v", name, r)
			}
		}()
		b.Body(context.Background())
	}
}

// nullObject is an object of the schema's type whose attributes are all null.
func nullObject(typ tftypes.Type) tftypes.Value {
	obj := typ.(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for k, at := range obj.AttributeTypes {
		vals[k] = tftypes.NewValue(at, nil)
	}
	return tftypes.NewValue(obj, vals)
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
