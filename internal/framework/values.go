package framework

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// Conversions between Terraform values and API JSON that every object
// uses; they name no object.

// changed returns the entries of plan that differ from state, compared as JSON.
func Changed(plan, state map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range plan {
		pv, _ := json.Marshal(v)
		sv, _ := json.Marshal(state[k])
		if string(pv) != string(sv) {
			out[k] = v
		}
	}
	return out
}

type Unknowable interface {
	IsNull() bool
	IsUnknown() bool
}

func Known(v Unknowable) bool { return !v.IsNull() && !v.IsUnknown() }

// stringPtr returns nil for a null or unknown value, so it is left out or cleared.
func StringPtr(v basetypes.StringValue) any {
	if !Known(v) {
		return nil
	}
	return v.ValueString()
}

func DropNil(m map[string]any) map[string]any {
	for k, v := range m {
		if v == nil {
			delete(m, k)
		}
	}
	return m
}

// KeepEmpty reads "" and null as the same: a configured "" stays where the
// API answers null, and an unset (null) value stays null where the API
// answers "" (a created partner's state, in CarrierX's documented sample).
func KeepEmpty(api *string, prior types.String) types.String {
	if api == nil && Known(prior) && prior.ValueString() == "" {
		return prior
	}
	if api != nil && *api == "" && prior.IsNull() {
		return prior
	}
	return types.StringPointerValue(api)
}

// stringMap renders a JSON object as map(string); non-string values are
// kept as their JSON text, so nothing is lost.
func StringMap(in map[string]any, skip map[string]bool) map[string]string {
	out := make(map[string]string, len(in))
	for k, v := range in {
		if skip[k] || v == nil {
			continue
		}
		if s, ok := v.(string); ok {
			out[k] = s
			continue
		}
		j, _ := json.Marshal(v)
		out[k] = string(j)
	}
	return out
}

func OptString(m map[string]string, k string) types.String {
	if v, ok := m[k]; ok {
		return types.StringValue(v)
	}
	return types.StringNull()
}

func NonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func SortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func QuoteList(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("`%s`", v)
	}
	return out
}

// StringMapBody renders a map(string) attribute as an API JSON object; nil
// (left out, or cleared) when the attribute is null or unknown.
func StringMapBody(ctx context.Context, m types.Map, diags *diag.Diagnostics) any {
	if !Known(m) {
		return nil
	}
	out := map[string]string{}
	diags.Append(m.ElementsAs(ctx, &out, false)...)
	return out
}

// With returns a copy of a with b's entries added (b's win).
func With[V any](a, b map[string]V) map[string]V {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}
