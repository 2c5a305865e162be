package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// TestEveryObjectIsComplete fails when a registered resource, data source
// or ephemeral resource lacks its docs page, its example, its import
// example (resources) or an acceptance test that configures it.
func TestEveryObjectIsComplete(t *testing.T) {
	tests := ""
	files, _ := filepath.Glob("*_test.go")
	services, _ := filepath.Glob("../services/*/*_test.go")
	files = append(files, services...)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "func TestAcc") {
			tests += string(b)
		}
	}
	root := filepath.Join("..", "..")
	need := func(kind, typeName, path string) {
		if _, err := os.Stat(filepath.Join(root, path)); err != nil {
			t.Errorf("%s %s has no %s", kind, typeName, path)
		}
	}
	// A test configures typeName in HCL, or through acctest's builders.
	builders := map[string]string{"resource": `e\.Resource|acctest\.Res`, "data": `acctest\.Data|Lookup\{Type:`, "ephemeral": `$^`}
	tested := func(kind, block, typeName string) {
		q := regexp.QuoteMeta(typeName)
		if !regexp.MustCompile(block + `\s+\\?"` + q + `\\?"|(` + builders[block] + `)\(?\s*"` + q + `"`).MatchString(tests) {
			t.Errorf("%s %s: no acceptance test configures it (%s %q)", kind, typeName, block, typeName)
		}
	}
	short := func(typeName string) string { return strings.TrimPrefix(typeName, "carrierx_") }
	names := registeredNames(t)
	for _, name := range names["resource"] {
		need("resource", name, "docs/resources/"+short(name)+".md")
		need("resource", name, "examples/resources/"+name+"/resource.tf")
		need("resource", name, "examples/resources/"+name+"/import.sh")
		tested("resource", "resource", name)
	}
	for _, name := range names["data"] {
		need("data source", name, "docs/data-sources/"+short(name)+".md")
		need("data source", name, "examples/data-sources/"+name+"/data-source.tf")
		tested("data source", "data", name)
	}
	for _, name := range names["ephemeral"] {
		need("ephemeral resource", name, "docs/ephemeral-resources/"+short(name)+".md")
		need("ephemeral resource", name, "examples/ephemeral-resources/"+name+"/ephemeral-resource.tf")
		tested("ephemeral resource", "ephemeral", name)
	}
	if len(names["resource"]) < 14 || len(names["data"]) < 30 || len(names["ephemeral"]) < 1 {
		t.Fatalf("only %d resources, %d data sources and %d ephemeral resources registered; the test would prove little",
			len(names["resource"]), len(names["data"]), len(names["ephemeral"]))
	}
}

// registeredNames are the type names the provider registers, by kind.
func registeredNames(t *testing.T) map[string][]string {
	ctx := context.Background()
	p := New("test")()
	out := map[string][]string{}
	for _, f := range p.Resources(ctx) {
		var md resource.MetadataResponse
		f().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		out["resource"] = append(out["resource"], md.TypeName)
	}
	for _, f := range p.DataSources(ctx) {
		var md datasource.MetadataResponse
		f().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		out["data"] = append(out["data"], md.TypeName)
	}
	for _, f := range p.(provider.ProviderWithEphemeralResources).EphemeralResources(ctx) {
		var md ephemeral.MetadataResponse
		f().Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		out["ephemeral"] = append(out["ephemeral"], md.TypeName)
	}
	for k := range out {
		sort.Strings(out[k])
		for i := 1; i < len(out[k]); i++ {
			if out[k][i] == out[k][i-1] {
				t.Errorf("%s %s is registered twice", k, out[k][i])
			}
		}
	}
	return out
}
