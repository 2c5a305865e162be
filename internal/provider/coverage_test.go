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
		need("resource", name, "examples/resources/"+name+"/import-by-string-id.tf")
		sameImport(t, filepath.Join(root, "examples/resources", name))
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

var (
	importCommand = regexp.MustCompile(`(?m)^terraform import (\S+) (\S+)$`)
	importBlock   = regexp.MustCompile(`(?s)import \{\s*to\s*=\s*(\S+)\s+id\s*=\s*"([^"]+)"`)
)

// sameImport fails when the import block of dir (import-by-string-id.tf,
// shown on the docs page beside the CLI form) names another address or ID
// than the first `terraform import` of its import.sh.
func sameImport(t *testing.T, dir string) {
	t.Helper()
	sh, err1 := os.ReadFile(filepath.Join(dir, "import.sh"))
	tf, err2 := os.ReadFile(filepath.Join(dir, "import-by-string-id.tf"))
	if err1 != nil || err2 != nil {
		return // reported by need
	}
	cmd, block := importCommand.FindStringSubmatch(string(sh)), importBlock.FindStringSubmatch(string(tf))
	if cmd == nil || block == nil {
		t.Errorf("%s: no `terraform import <address> <id>` in import.sh or no import block in import-by-string-id.tf", dir)
		return
	}
	if cmd[1] != block[1] || cmd[2] != block[2] {
		t.Errorf("%s: import.sh imports %s %s, import-by-string-id.tf %s %s", dir, cmd[1], cmd[2], block[1], block[2])
	}
}

// TestDocsSubcategories fails when a resource, data source or ephemeral
// resource page has no Registry subcategory, one outside the list, or not
// the one of the resource it reads (carrierx_trunks beside carrierx_trunk),
// and when the three fallback templates group objects differently.
func TestDocsSubcategories(t *testing.T) {
	known := map[string]bool{"Voice routing": true, "Phone numbers": true, "Account and security": true,
		"Storage": true, "URL shortener": true, "Mediator": true, "FlexML": true, "Conference": true, "Reference data": true}
	root := filepath.Join("..", "..")
	sub := regexp.MustCompile(`(?m)^subcategory: "([^"]*)"$`)
	of := map[string]string{} // type name -> subcategory
	dirs := map[string]string{"resource": "resources", "data": "data-sources", "ephemeral": "ephemeral-resources"}
	for kind, names := range registeredNames(t) {
		for _, name := range names {
			page := filepath.Join(root, "docs", dirs[kind], strings.TrimPrefix(name, "carrierx_")+".md")
			b, err := os.ReadFile(page)
			if err != nil {
				continue // reported by TestEveryObjectIsComplete
			}
			m := sub.FindSubmatch(b)
			if m == nil || !known[string(m[1])] {
				t.Errorf("%s: subcategory %q is not one of the Registry groups %v", page, m, known)
				continue
			}
			of[kind+" "+name] = string(m[1])
		}
	}
	for key, s := range of {
		kind, name, _ := strings.Cut(key, " ")
		if kind == "resource" {
			continue
		}
		for _, res := range []string{name, strings.TrimSuffix(name, "s"), strings.TrimSuffix(name, "es")} {
			if r, ok := of["resource "+res]; ok && r != s {
				t.Errorf("%s %s is in %q, its resource %s in %q", kind, name, s, res, r)
			}
		}
	}
	var first string
	for _, f := range []string{"resources.md.tmpl", "data-sources.md.tmpl", "ephemeral-resources.md.tmpl"} {
		b, err := os.ReadFile(filepath.Join(root, "templates", f))
		if err != nil {
			t.Fatal(err)
		}
		head, _, _ := strings.Cut(string(b), "\n---\n")
		if first == "" {
			first = head
		} else if head != first {
			t.Errorf("templates/%s groups objects differently from templates/resources.md.tmpl: keep the lines before the front matter identical", f)
		}
	}
}

// TestGuidesShowTestedExamples fails when a guide shows no configuration
// from examples/ (which TestAccExamples applies), or one that is not there.
func TestGuidesShowTestedExamples(t *testing.T) {
	root := filepath.Join("..", "..")
	guides, _ := filepath.Glob(filepath.Join(root, "templates", "guides", "*.md.tmpl"))
	if len(guides) < 7 {
		t.Fatalf("only %d guides", len(guides))
	}
	shown := regexp.MustCompile(`(?:tffile|codefile "\w+") "(examples/[^"]+)"`)
	for _, g := range guides {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		files := shown.FindAllSubmatch(b, -1)
		if len(files) == 0 {
			t.Errorf("%s shows no example from examples/ (tffile), so none of its configuration is tested", g)
		}
		for _, f := range files {
			if _, err := os.Stat(filepath.Join(root, string(f[1]))); err != nil {
				t.Errorf("%s shows %s: %v", g, f[1], err)
			}
		}
	}
}
