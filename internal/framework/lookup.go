package framework

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// FindOne returns the single object a singular data source's filter
// matches, or nil with a diagnostic on `filter`. page fetches one page of
// the collection; noun is the plural object name ("trunk groups"), listDS
// the plural data source to suggest.
func FindOne[T any](ctx context.Context, page func(context.Context, client.ListOptions, int) (*client.Page[T], error),
	filter, noun, listDS string, diags *diag.Diagnostics) *T {
	// Two items are enough to tell "exactly one" from "more than one".
	first, err := page(ctx, client.ListOptions{Filter: filter, PageSize: 2}, 0)
	if err != nil {
		AddAPIError(diags, "Unable to list "+noun, err)
		return nil
	}
	if len(first.Items) != 1 {
		n := fmt.Sprint(len(first.Items))
		if first.HasMore {
			n = "more than one"
		}
		diags.AddAttributeError(path.Root("filter"), "Filter must match exactly one of the "+noun,
			fmt.Sprintf("filter %q matched %s %s; narrow it, or use the %s data source for several.", filter, n, noun, listDS))
		return nil
	}
	return &first.Items[0]
}

// OneOf says how a singular data source finds its object: by SID through
// Get, or by a filter over the pages Page (or ListPath) returns.
type OneOf[T any] struct {
	SIDAttr  string // "prefix_sid"
	Noun     string // "prefix", in messages
	Get      func(context.Context, string) (*T, error)
	Page     func(context.Context, client.ListOptions, int) (*client.Page[T], error)
	ListPath string // "/phonenumber/prefixes", where Page is nil
	Nouns    string // "prefixes"
	ListDS   string // "carrierx_prefixes", suggested for several
}

// LookupOne reads the object by SID when sid is set, else the single
// object filter matches; nil means a diagnostic was added.
func LookupOne[T any](ctx context.Context, c *client.Client, sid, filter types.String, o OneOf[T], diags *diag.Diagnostics) *T {
	if !Known(sid) {
		page := o.Page
		if page == nil {
			page = func(ctx context.Context, opts client.ListOptions, offset int) (*client.Page[T], error) {
				return client.ListPage[T](ctx, c, o.ListPath, opts, offset)
			}
		}
		return FindOne(ctx, page, filter.ValueString(), o.Nouns, o.ListDS, diags)
	}
	obj, err := o.Get(ctx, sid.ValueString())
	if client.IsNotFound(err) {
		diags.AddAttributeError(path.Root(o.SIDAttr), UpperFirst(o.Noun)+" not found",
			fmt.Sprintf("No %s has %s %q for this token's partner. Check the SID.", o.Noun, o.SIDAttr, sid.ValueString()))
		return nil
	}
	if err != nil {
		AddAPIError(diags, "Unable to read "+o.Noun, err)
		return nil
	}
	return obj
}

// UpperFirst capitalises the first letter of s.
func UpperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// FilterDoc names no attribute: each data source adds an example on its own
// attributes, since CarrierX refuses a filter on an attribute the object
// lacks (CarrierX docs, Core API, Filtering).
const FilterDoc = "A CarrierX filter expression, conditions `<attribute> <operator> <value>` on this object's attributes " +
	"(operators `eq ne gt ge lt le like ilike in notin bit`, joined with `and`; quote values that contain spaces)."
