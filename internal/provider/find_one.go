package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

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
