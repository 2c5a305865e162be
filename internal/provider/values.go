package provider

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// Conversions between Terraform values and API JSON that every object
// uses; they name no object.

// changed returns the entries of plan that differ from state, compared as JSON.
func changed(plan, state map[string]any) map[string]any {
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

type unknowable interface {
	IsNull() bool
	IsUnknown() bool
}

func known(v unknowable) bool { return !v.IsNull() && !v.IsUnknown() }

// stringPtr returns nil for a null or unknown value, so it is left out or cleared.
func stringPtr(v basetypes.StringValue) any {
	if !known(v) {
		return nil
	}
	return v.ValueString()
}

func int64Ptr(v basetypes.Int64Value) any {
	if !known(v) {
		return nil
	}
	return v.ValueInt64()
}

func boolPtr(v basetypes.BoolValue) any {
	if !known(v) {
		return nil
	}
	return v.ValueBool()
}

func dropNil(m map[string]any) map[string]any {
	for k, v := range m {
		if v == nil {
			delete(m, k)
		}
	}
	return m
}

// keepEmpty keeps a configured "" where the API answers null.
func keepEmpty(api *string, prior types.String) types.String {
	if api == nil && known(prior) && prior.ValueString() == "" {
		return prior
	}
	return types.StringPointerValue(api)
}

// stringMap renders a JSON object as map(string); non-string values are
// kept as their JSON text, so nothing is lost.
func stringMap(in map[string]any, skip map[string]bool) map[string]string {
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

func optString(m map[string]string, k string) types.String {
	if v, ok := m[k]; ok {
		return types.StringValue(v)
	}
	return types.StringNull()
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func quoteList(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("`%s`", v)
	}
	return out
}
