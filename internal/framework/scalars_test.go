package framework

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestScalars(t *testing.T) {
	type api struct {
		SID   string   `json:"sid"`
		Name  *string  `json:"name,omitempty"`
		Count *int64   `json:"count,omitempty"`
		On    *bool    `json:"on,omitempty"`
		Rate  *float64 `json:"rate,omitempty"`
		Tags  []string `json:"tags,omitempty"`
	}
	type model struct {
		SID   types.String  `tfsdk:"sid"`
		Name  types.String  `tfsdk:"name"`
		Count types.Int64   `tfsdk:"count"`
		On    types.Bool    `tfsdk:"on"`
		Rate  types.Float64 `tfsdk:"rate"`
		Tags  types.List    `tfsdk:"tags"`
		Local types.String  `tfsdk:"local"`
	}
	n, c, r := "x", int64(3), 1.5
	m := model{Name: types.StringValue("old"), On: types.BoolValue(true), Local: types.StringValue("kept")}
	FillScalars(&m, &api{SID: "s", Name: &n, Count: &c, Rate: &r})
	want := model{SID: types.StringValue("s"), Name: types.StringValue("x"), Count: types.Int64Value(3),
		On: types.BoolNull(), Rate: types.Float64Value(1.5), Local: types.StringValue("kept")}
	if !m.SID.Equal(want.SID) || !m.Name.Equal(want.Name) || !m.Count.Equal(want.Count) || !m.On.Equal(want.On) ||
		!m.Rate.Equal(want.Rate) || !m.Local.Equal(want.Local) || !m.Tags.IsNull() {
		t.Errorf("FillScalars: %+v, want %+v", m, want)
	}
	got := ScalarBody(&m, "name", "count", "on", "rate")
	if diff := cmp.Diff(map[string]any{"name": "x", "count": int64(3), "on": nil, "rate": 1.5}, got); diff != "" {
		t.Error(diff)
	}
}
