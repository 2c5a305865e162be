package framework

import (
	"testing"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestDataSourceAttributes: a derived attribute keeps its name, type,
// description and sensitivity, is computed only, and omitted ones are gone.
func TestDataSourceAttributes(t *testing.T) {
	s := rschema.Schema{Attributes: map[string]rschema.Attribute{
		"sid":      rschema.StringAttribute{MarkdownDescription: "The SID.", Computed: true},
		"name":     rschema.StringAttribute{MarkdownDescription: "The name.", Optional: true, Validators: nil},
		"secret":   rschema.StringAttribute{MarkdownDescription: "A secret.", Optional: true, Sensitive: true},
		"input_wo": rschema.StringAttribute{Optional: true, WriteOnly: true},
		"tags":     rschema.MapAttribute{ElementType: types.StringType, Optional: true},
		"items": rschema.ListNestedAttribute{Optional: true, NestedObject: rschema.NestedAttributeObject{
			Attributes: map[string]rschema.Attribute{"n": rschema.Int64Attribute{Required: true, MarkdownDescription: "N."}},
		}},
	}}
	got := DataSourceAttributes(s, "input_wo")
	if _, ok := got["input_wo"]; ok {
		t.Error("omitted attribute input_wo is still there")
	}
	if len(got) != 5 {
		t.Fatalf("got %d attributes, want 5: %v", len(got), got)
	}
	for name, a := range got {
		if !a.IsComputed() || a.IsOptional() || a.IsRequired() {
			t.Errorf("%s: want computed only", name)
		}
		if want := s.Attributes[name].GetMarkdownDescription(); a.GetMarkdownDescription() != want {
			t.Errorf("%s: description %q, want %q", name, a.GetMarkdownDescription(), want)
		}
		if !a.GetType().Equal(s.Attributes[name].GetType()) {
			t.Errorf("%s: type %s, want %s", name, a.GetType(), s.Attributes[name].GetType())
		}
	}
	if !got["secret"].IsSensitive() {
		t.Error("secret lost its sensitivity")
	}
	n := got["items"].(dschema.ListNestedAttribute).NestedObject.Attributes["n"]
	if !n.IsComputed() || n.IsRequired() || n.GetMarkdownDescription() != "N." {
		t.Errorf("nested attribute n: %+v", n)
	}
}
