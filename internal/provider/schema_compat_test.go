package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// schemaGolden holds, for every resource, data source and ephemeral
// resource, each attribute's type and flags (descriptions aside). Existing
// state and configurations keep planning as before only while these stay
// the same, whatever the code behind them becomes. After a deliberate,
// compatible addition: UPDATE_SCHEMA_GOLDEN=1 go test -run TestSchemaCompatible ./internal/provider/
const schemaGolden = "testdata/schema.golden.json"

func TestSchemaCompatible(t *testing.T) {
	srv, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Fatalf("schema diagnostic: %s: %s", d.Summary, d.Detail)
	}
	got := map[string]map[string]string{}
	add := func(kind string, schemas map[string]*tfprotov6.Schema) {
		for name, s := range schemas {
			got[kind+" "+name] = flattenSchema(s)
		}
	}
	add("resource", resp.ResourceSchemas)
	add("data", resp.DataSourceSchemas)
	add("ephemeral", resp.EphemeralResourceSchemas)

	if os.Getenv("UPDATE_SCHEMA_GOLDEN") == "1" {
		b, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(filepath.FromSlash(schemaGolden), append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(filepath.FromSlash(schemaGolden))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	// Removed or changed: incompatible. Added: fine, once the golden file says so.
	for typ, attrs := range want {
		for attr, w := range attrs {
			if g, ok := got[typ][attr]; !ok {
				t.Errorf("%s: attribute %s is gone (was %s)", typ, attr, w)
			} else if g != w {
				t.Errorf("%s: attribute %s changed: %s, was %s", typ, attr, g, w)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" && !t.Failed() {
		t.Errorf("the schema gained attributes or types; if that is deliberate, regenerate %s:\n%s", schemaGolden, diff)
	}
}

// flattenSchema maps "a.b.c" attribute paths to "type flags".
func flattenSchema(s *tfprotov6.Schema) map[string]string {
	out := map[string]string{}
	var walkAttrs func(prefix string, attrs []*tfprotov6.SchemaAttribute)
	walkAttrs = func(prefix string, attrs []*tfprotov6.SchemaAttribute) {
		for _, a := range attrs {
			p := prefix + a.Name
			typ := ""
			if a.NestedType != nil {
				typ = fmt.Sprintf("nested-%v", a.NestedType.Nesting)
				walkAttrs(p+".", a.NestedType.Attributes)
			} else if a.Type != nil {
				typ = a.Type.String()
			}
			var flags []string
			for f, on := range map[string]bool{"required": a.Required, "optional": a.Optional, "computed": a.Computed,
				"sensitive": a.Sensitive, "write_only": a.WriteOnly} {
				if on {
					flags = append(flags, f)
				}
			}
			sort.Strings(flags)
			out[p] = fmt.Sprint(typ, " ", flags)
		}
	}
	if s.Block != nil {
		walkAttrs("", s.Block.Attributes)
		for _, b := range s.Block.BlockTypes {
			out[b.TypeName] = fmt.Sprintf("block-%v", b.Nesting)
			if b.Block != nil {
				walkAttrs(b.TypeName+".", b.Block.Attributes)
			}
		}
	}
	return out
}
