package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
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
	tested := func(kind, block, typeName string) {
		if !regexp.MustCompile(block + `\s+\\?"` + typeName + `\\?"`).MatchString(tests) {
			t.Errorf("%s %s: no acceptance test configures it (%s %q)", kind, typeName, block, typeName)
		}
	}
	short := func(typeName string) string { return strings.TrimPrefix(typeName, "carrierx_") }
	for _, name := range sortedNames(resourceModels) {
		need("resource", name, "docs/resources/"+short(name)+".md")
		need("resource", name, "examples/resources/"+name+"/resource.tf")
		need("resource", name, "examples/resources/"+name+"/import.sh")
		tested("resource", "resource", name)
	}
	for _, name := range sortedNames(dataSourceModels) {
		need("data source", name, "docs/data-sources/"+short(name)+".md")
		need("data source", name, "examples/data-sources/"+name+"/data-source.tf")
		tested("data source", "data", name)
	}
	for _, name := range sortedNames(ephemeralModels) {
		need("ephemeral resource", name, "docs/ephemeral-resources/"+short(name)+".md")
		need("ephemeral resource", name, "examples/ephemeral-resources/"+name+"/ephemeral-resource.tf")
		tested("ephemeral resource", "ephemeral", name)
	}
	if len(resourceModels) == 0 || len(dataSourceModels) == 0 {
		t.Fatal("nothing registered; the test would prove nothing")
	}
}

func sortedNames(m map[string]func() any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
