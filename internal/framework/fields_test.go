package framework

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type fieldsAPI struct {
	SID   string          `json:"sid"`
	Note  *string         `json:"note,omitempty"`
	Tags  tagList         `json:"tags,omitempty"`
	Attrs map[string]any  `json:"attributes,omitempty"`
	Trs   json.RawMessage `json:"transformations,omitempty"`
	Extra string          `json:"extra"`
}

// tagList is a named list, as client.StringList is.
type tagList []string

type fieldsBase struct {
	SID  types.String `tfsdk:"sid"`
	Note types.String `tfsdk:"note"`
}

// fieldsModel embeds part of its attributes, as a model shared with a
// list does.
type fieldsModel struct {
	fieldsBase
	Tags  types.List    `tfsdk:"tags"`
	Attrs types.Map     `tfsdk:"attributes"`
	Trs   types.Dynamic `tfsdk:"transformations"`
	Extra types.String  `tfsdk:"extra"`
}

// Fill is the model's own part: it runs after the Fields.
func (m *fieldsModel) Fill(_ context.Context, obj *fieldsAPI, _ *fieldsModel) diag.Diagnostics {
	m.Extra = types.StringValue(strings.ToUpper(obj.Extra) + "/" + m.SID.ValueString())
	return nil
}

// Body's entries win over the Fields'.
func (m *fieldsModel) Body(context.Context) (map[string]any, diag.Diagnostics) {
	return map[string]any{"note": "own"}, nil
}

var fieldsObject = &Object[fieldsAPI, fieldsModel]{Type: "carrierx_test", Fields: Fields{
	Write: []string{"note", "tags", "attributes", "transformations"}, KeepEmpty: []string{"note"},
	Read: []string{"tags", "attributes", "transformations"},
}}

func TestFieldsFill(t *testing.T) {
	ctx := context.Background()
	prior := fieldsModel{fieldsBase: fieldsBase{Note: types.StringValue("")}}
	var m fieldsModel
	obj := &fieldsAPI{SID: "s1", Tags: []string{"a"}, Attrs: map[string]any{"k": "v"}, Extra: "x",
		Trs: json.RawMessage(`[{"action": "set", "direction": "inbound", "operands": ["to", 1], "when": {"nested": []}}]`)}
	if diags := fieldsObject.fill(ctx, &m, obj, &prior); diags.HasError() {
		t.Fatal(diags)
	}
	if m.SID.ValueString() != "s1" || !m.Note.Equal(types.StringValue("")) || m.Extra.ValueString() != "X/s1" {
		t.Errorf("scalars, kept \"\" and own Fill: %+v", m)
	}
	if want := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("a")}); !m.Tags.Equal(want) {
		t.Errorf("tags = %v", m.Tags)
	}
	if want := types.MapValueMust(types.StringType, map[string]attr.Value{"k": types.StringValue("v")}); !m.Attrs.Equal(want) {
		t.Errorf("attributes = %v", m.Attrs)
	}
	if trs, _ := ValueJSON(m.Trs); !sameJSON(trs, []any{map[string]any{"action": "set", "direction": "inbound",
		"operands": []any{"to", 1}, "when": map[string]any{"nested": []any{}}}}) {
		t.Errorf("transformations = %v", m.Trs)
	}

	b, diags := fieldsObject.body(ctx, &m)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := map[string]any{"note": "own", "tags": []string{"a"}, "attributes": map[string]string{"k": "v"},
		"transformations": json.RawMessage(`[{"action":"set","direction":"inbound","operands":["to",1],"when":{"nested":[]}}]`)}
	if diff := cmp.Diff(want, b); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}

	// Unknown or null collections are left out, so CarrierX's choice stays.
	m.Tags, m.Attrs, m.Trs = types.ListUnknown(types.StringType), types.MapNull(types.StringType), types.DynamicUnknown()
	b, _ = fieldsObject.body(ctx, &m)
	if diff := cmp.Diff(map[string]any{"note": "own"}, b); diff != "" {
		t.Errorf("body of unknown collections (-want +got):\n%s", diff)
	}
}

type typoModel struct {
	Name types.String `tfsdk:"name"`
}

// Fill has the wrong object type, so it would never be called.
func (m *typoModel) Fill(context.Context, *fieldsAPI, *fieldsModel) diag.Diagnostics { return nil }

func TestFieldsCheck(t *testing.T) {
	for name, build := range map[string]func(){
		"misspelt field": func() {
			NewResource(&Object[fieldsAPI, fieldsModel]{Type: "carrierx_test", Fields: Fields{Write: []string{"nots"}}})
		},
		"Read of a scalar": func() {
			NewResource(&Object[fieldsAPI, fieldsModel]{Type: "carrierx_test", Fields: Fields{Read: []string{"extra"}}})
		},
		"Fill of another signature": func() { NewResource(&Object[fieldsAPI, typoModel]{Type: "carrierx_test"}) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("NewResource accepted it")
				}
			}()
			build()
		})
	}
	NewResource(fieldsObject) // a correct declaration is accepted
}
