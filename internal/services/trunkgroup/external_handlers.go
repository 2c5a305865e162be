package trunkgroup

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// external_handlers is a JSON array passed through as written.

// jsonValue renders a JSON value the API returned as compact text. It keeps
// the prior text when it means the same (so formatting never shows as a
// change), and reads an absent, null or empty array as null when nothing
// was configured.
func jsonValue(raw json.RawMessage, prior types.String) types.String {
	raw = bytes.TrimSpace(raw)
	var got any
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &got); err != nil {
			return types.StringValue(string(raw))
		}
	}
	if got == nil {
		got = []any{} // absent or null means no handlers
	}
	if framework.Known(prior) {
		var p any
		if json.Unmarshal([]byte(prior.ValueString()), &p) == nil && reflect.DeepEqual(p, got) {
			return prior
		}
	}
	if arr, ok := got.([]any); ok && len(arr) == 0 {
		return types.StringNull()
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return types.StringValue(string(raw))
	}
	return types.StringValue(buf.String())
}

// jsonArray accepts a JSON array (the text jsonencode produces).
var jsonArray = framework.StringCheck{Desc: "must be a JSON array",
	Check: func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		var arr []any
		if err := json.Unmarshal([]byte(req.ConfigValue.ValueString()), &arr); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid JSON array",
				fmt.Sprintf("%s must be a JSON array of objects, for example jsonencode([{ ... }]); %q does not parse as one: %v.",
					req.Path, req.ConfigValue.ValueString(), err))
		}
	}}
