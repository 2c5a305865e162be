package provider

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// TestModelsMatchSchemas reads a null value of every schema into its model,
// which fails when a tfsdk tag and the schema disagree, and checks that every
// resource's model takes the direct path. Derived data
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
		// Every model is read and written without tfsdk's reflection
		// (framework/codec.go): one that falls back, and pays for it, is
		// a deliberate choice.
		if d, ok := r.(interface{ ReadsModelDirectly(context.Context) bool }); ok && !d.ReadsModelDirectly(ctx) {
			t.Errorf("resource %s: its model goes through tfsdk's reflection (a field that is not a framework value, or not of its attribute's type)", md.TypeName)
		}
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
		if err := checkBaseURL(ok, false); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"http://10.0.0.1/core/v2", "ftp://x/y", "api.carrierx.com", "http://127.0.0.1.example.com/"} {
		if err := checkBaseURL(bad, false); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	// The opt-in (an emulator in a CI network) accepts plain http anywhere,
	// and nothing else.
	for _, ok := range []string{"http://10.0.0.1/core/v2", "http://carrierx-emulator:8787/core/v2"} {
		if err := checkBaseURL(ok, true); err != nil {
			t.Errorf("%s refused with allow_plain_http: %v", ok, err)
		}
	}
	for _, bad := range []string{"ftp://x/y", "api.carrierx.com", "http://u:p@10.0.0.1/core/v2", "http://10.0.0.1/core/v2?x=1"} {
		if err := checkBaseURL(bad, true); err == nil {
			t.Errorf("%s accepted with allow_plain_http", bad)
		}
	}
}

// configure runs the provider's Configure with attrs set (strings and
// bools; the others null) and the environment of envFor cleared but env.
func configure(t *testing.T, version string, attrs map[string]any, env map[string]string) provider.ConfigureResponse {
	t.Helper()
	ctx := context.Background()
	for _, e := range envFor {
		t.Setenv(e, env[e])
	}
	p := New(version)()
	var sr provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for k, at := range typ.AttributeTypes {
		vals[k] = tftypes.NewValue(at, attrs[k])
	}
	var resp provider.ConfigureResponse
	p.Configure(ctx, provider.ConfigureRequest{TerraformVersion: "1.99.0",
		Config: tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(typ, vals)}}, &resp)
	return resp
}

// errorAt is the error Configure gives about the attribute named p, or "".
func errorAt(resp provider.ConfigureResponse, p string) string {
	for _, d := range resp.Diagnostics.Errors() {
		if d, ok := d.(diag.DiagnosticWithPath); ok && d.Path().Equal(path.Root(p)) {
			return d.Summary() + ": " + d.Detail()
		}
	}
	return ""
}

// Plain http to a host that is not loopback (an emulator in a CI service
// container) needs allow_plain_http, or CARRIERX_ALLOW_PLAIN_HTTP; the
// refusal names both. The endpoint APIs' base URLs follow the same rule.
func TestConfigurePlainHTTPOptIn(t *testing.T) {
	remote := "http://carrierx-emulator:8787/core/v2"
	for _, p := range []string{"base_url", "mediator_base_url"} {
		attrs := map[string]any{"token": "t", "base_url": "https://api.carrierx.com/core/v2", p: remote}
		resp := configure(t, "test", attrs, nil)
		msg := errorAt(resp, p)
		if !strings.Contains(msg, "plain http") || !strings.Contains(msg, "allow_plain_http = true") || !strings.Contains(msg, "CARRIERX_ALLOW_PLAIN_HTTP=true") {
			t.Errorf("%s %s without the opt-in: %q (%v)", p, remote, msg, resp.Diagnostics)
		}
		attrs["allow_plain_http"] = true
		if resp := configure(t, "test", attrs, nil); errorAt(resp, p) != "" || resp.ResourceData == nil {
			t.Errorf("%s %s with allow_plain_http = true: %v", p, remote, resp.Diagnostics)
		}
	}
	attrs := map[string]any{"token": "t", "base_url": remote}
	for val, want := range map[string]string{"true": "", "1": "", "false": "allow_plain_http = true", "yes": `"yes" is not a boolean`} {
		resp := configure(t, "test", attrs, map[string]string{envPlainHTTP: val})
		got := errorAt(resp, "base_url") + errorAt(resp, "allow_plain_http")
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("%s=%s: %q, want %q", envPlainHTTP, val, got, want)
		}
	}
	// The setting wins over the environment.
	attrs["allow_plain_http"] = false
	if got := errorAt(configure(t, "test", attrs, map[string]string{envPlainHTTP: "true"}), "base_url"); got == "" {
		t.Error("allow_plain_http = false with CARRIERX_ALLOW_PLAIN_HTTP=true accepted plain http")
	}
}

// The User-Agent names the provider's version, which goreleaser sets from
// the tag (main.version), and Terraform's.
func TestUserAgentCarriesVersion(t *testing.T) {
	ua := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case ua <- r.Header.Get("User-Agent"):
		default:
		}
		_, _ = w.Write([]byte(`{"items":[],"count":0,"has_more":false,"limit":1,"offset":0,"total":0}`))
	}))
	defer srv.Close()
	resp := configure(t, "1.2.3-test", map[string]any{"token": "t", "base_url": srv.URL + "/core/v2"}, nil)
	c, ok := resp.ResourceData.(*client.Client)
	if !ok {
		t.Fatalf("no client: %v", resp.Diagnostics)
	}
	if err := c.Do(context.Background(), http.MethodGet, "/endpoints", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got := <-ua; got != "terraform-provider-carrierx/1.2.3-test terraform/1.99.0" {
		t.Errorf("User-Agent %q", got)
	}
}

// TestClientLogOffWithTheProviderLogger: with the provider's logger off (what
// main does when no TF_LOG* variable asks for logs) the client gets no log
// hook, so it builds no line; any other level, or none, keeps the hook.
func TestClientLogOffWithTheProviderLogger(t *testing.T) {
	for value, wantHook := range map[string]bool{"off": false, "OFF": false, "": true, "trace": true, "debug": true} {
		getenv := func(k string) string {
			if k == LogLevelEnv {
				return value
			}
			return ""
		}
		if got := clientLog(getenv, "secret") != nil; got != wantHook {
			t.Errorf("%s=%q: hook %v, want %v", LogLevelEnv, value, got, wantHook)
		}
	}
}
