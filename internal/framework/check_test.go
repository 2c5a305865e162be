package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A declared check sees known values only: null and unknown are for
// Required and for apply time.
func TestChecksRunOnKnownValuesOnly(t *testing.T) {
	ctx := context.Background()
	calls := 0
	count := func() { calls++ }
	s := StringCheck{Desc: "d", Check: func(context.Context, validator.StringRequest, *validator.StringResponse) { count() }}
	i := Int64Check{Check: func(context.Context, validator.Int64Request, *validator.Int64Response) { count() }}
	l := ListCheck{Check: func(context.Context, validator.ListRequest, *validator.ListResponse) { count() }}
	m := MapCheck{Check: func(context.Context, validator.MapRequest, *validator.MapResponse) { count() }}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown(), types.StringValue("x")} {
		s.ValidateString(ctx, validator.StringRequest{ConfigValue: v}, &validator.StringResponse{})
	}
	for _, v := range []types.Int64{types.Int64Null(), types.Int64Unknown(), types.Int64Value(1)} {
		i.ValidateInt64(ctx, validator.Int64Request{ConfigValue: v}, &validator.Int64Response{})
	}
	for _, v := range []types.List{types.ListNull(types.StringType), types.ListUnknown(types.StringType), types.ListValueMust(types.StringType, nil)} {
		l.ValidateList(ctx, validator.ListRequest{ConfigValue: v}, &validator.ListResponse{})
	}
	for _, v := range []types.Map{types.MapNull(types.StringType), types.MapUnknown(types.StringType), types.MapValueMust(types.StringType, nil)} {
		m.ValidateMap(ctx, validator.MapRequest{ConfigValue: v}, &validator.MapResponse{})
	}
	if calls != 4 {
		t.Errorf("checks ran %d times over 4 known and 8 null or unknown values, want 4", calls)
	}
	if s.Description(ctx) != "d" || s.MarkdownDescription(ctx) != "d" {
		t.Errorf("description %q, markdown %q", s.Description(ctx), s.MarkdownDescription(ctx))
	}
}
