package endpoint

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// An update of properties sends every configured key and clears the keys
// Terraform no longer sets, but never a key CarrierX generated, even when
// state holds it (properties first left to CarrierX, then configured).
func TestPatchProperties(t *testing.T) {
	props := func(kv ...string) types.Map {
		m := map[string]attr.Value{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = types.StringValue(kv[i+1])
		}
		return types.MapValueMust(types.StringType, m)
	}
	plan := &model{Properties: props("lang", "en")}
	state := &model{Properties: props("container_sid", "null", "greeting", "hi", "lang", "fr")}
	p := map[string]any{"properties": map[string]string{"lang": "en"}}
	patch(context.Background(), plan, state, p)
	want := map[string]any{"properties": map[string]any{"lang": "en", "greeting": nil}}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("patch (-want +got):\n%s", diff)
	}
}
