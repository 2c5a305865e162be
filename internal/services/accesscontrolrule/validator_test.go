package accesscontrolrule

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestValidatorACLRegexpEntries checks entries only of regexp rules, and
// names the entry.
func TestValidatorACLRegexpEntries(t *testing.T) {
	ctx := context.Background()
	sch := Object.Schema
	config := func(op tftypes.Value, entries []string) (tfsdk.Config, types.List) {
		ev := make([]tftypes.Value, len(entries))
		for i, e := range entries {
			ev[i] = tftypes.NewValue(tftypes.String, e)
		}
		obj := map[string]tftypes.Value{}
		typ := sch.Type().TerraformType(ctx).(tftypes.Object)
		for name, at := range typ.AttributeTypes {
			obj[name] = tftypes.NewValue(at, nil)
		}
		obj["operation"] = op
		obj["entries"] = tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, ev)
		list, _ := types.ListValueFrom(ctx, types.StringType, entries)
		return tfsdk.Config{Schema: sch, Raw: tftypes.NewValue(typ, obj)}, list
	}
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	for _, c := range []struct {
		op      tftypes.Value
		entries []string
		want    []string // per error, text it contains
	}{
		{op: str("regexp"), entries: []string{".*516", "1516.*"}},
		{op: str("regexp"), entries: []string{".*516", "(1516", "[0-9"}, want: []string{
			`entries[1] "(1516" is not a regular expression in any dialect: the '(' at character 1 is never closed`,
			`entries[2] "[0-9" is not a regular expression in any dialect: the '[' at character 1 opens`,
		}},
		{op: str("prefix"), entries: []string{"(1516", `1516\`}},
		{op: str("exact"), entries: []string{"[0-9"}},
		{op: tftypes.NewValue(tftypes.String, tftypes.UnknownValue), entries: []string{"(1516"}},
	} {
		cfg, list := config(c.op, c.entries)
		resp := &validator.ListResponse{}
		regexpEntries.ValidateList(ctx, validator.ListRequest{Path: path.Root("entries"), Config: cfg, ConfigValue: list}, resp)
		errs := resp.Diagnostics.Errors()
		if len(errs) != len(c.want) {
			t.Errorf("%v %q: want %d errors, got %v", c.op, c.entries, len(c.want), resp.Diagnostics)
			continue
		}
		for i, w := range c.want {
			if !strings.Contains(errs[i].Detail(), w) {
				t.Errorf("%v %q: error %d does not contain %q:\n%s", c.op, c.entries, i, w, errs[i].Detail())
			}
		}
	}
}
