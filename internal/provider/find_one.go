package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// findOne returns the single object a singular data source's filter matches,
// or nil with a diagnostic on `filter`. noun is the plural object name
// ("trunk groups"), listDS the plural data source to suggest.
func findOne[T any](ctx context.Context, c *client.Client, listPath, filter, noun, listDS string, diags *diag.Diagnostics) *T {
	// Two items are enough to tell "exactly one" from "more than one".
	page, err := client.ListPage[T](ctx, c, listPath, client.ListOptions{Filter: filter, PageSize: 2}, 0)
	if err != nil {
		addAPIError(diags, "Unable to list "+noun, err)
		return nil
	}
	if len(page.Items) != 1 {
		n := fmt.Sprint(len(page.Items))
		if page.HasMore {
			n = "more than one"
		}
		diags.AddAttributeError(path.Root("filter"), "Filter must match exactly one of the "+noun,
			fmt.Sprintf("filter %q matched %s %s; narrow it, or use the %s data source for several.", filter, n, noun, listDS))
		return nil
	}
	return &page.Items[0]
}

// oneOf says how a singular data source finds its object: by SID through
// get, or by a filter over listPath.
type oneOf[T any] struct {
	sidAttr  string // "prefix_sid"
	noun     string // "prefix", in messages
	get      func(context.Context, string) (*T, error)
	listPath string // "/phonenumber/prefixes"
	nouns    string // "prefixes"
	listDS   string // "carrierx_prefixes", suggested for several
}

// lookupOne reads the object by SID when sid is set, else the single
// object filter matches; nil means a diagnostic was added.
func lookupOne[T any](ctx context.Context, c *client.Client, sid, filter types.String, o oneOf[T], diags *diag.Diagnostics) *T {
	if !known(sid) {
		return findOne[T](ctx, c, o.listPath, filter.ValueString(), o.nouns, o.listDS, diags)
	}
	obj, err := o.get(ctx, sid.ValueString())
	if client.IsNotFound(err) {
		diags.AddAttributeError(path.Root(o.sidAttr), upperFirst(o.noun)+" not found",
			fmt.Sprintf("No %s has %s %q for this token's partner. Check the SID.", o.noun, o.sidAttr, sid.ValueString()))
		return nil
	}
	if err != nil {
		addAPIError(diags, "Unable to read "+o.noun, err)
		return nil
	}
	return obj
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

const filterDoc = "A CarrierX filter expression, for example `type eq \"third_party\" and name like \"pbx-%\"` " +
	"(operators `eq ne gt ge lt le like ilike in notin bit`, joined with `and`; quote values that contain spaces)."
