// Package shortener is the URL shortener: carrierx_shortener_domain (the
// host name short links are served under) and carrierx_shortener_link (a
// short link on a domain), with their data sources (CarrierX docs, Core
// API, URL Shortener).
package shortener

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// modes are the documented, complete values of a domain's
// expired_mode/not_found_mode and a link's mode.
var modes = []string{"proxy_pass", "redirect_permanent", "redirect_temporary"}

// statusCode accepts the 2xx, 4xx and 5xx codes the docs allow.
var statusCode = framework.Int64Check{Desc: "must be an HTTP status code 200-299, 400-499 or 500-599",
	Check: func(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
		c := req.ConfigValue.ValueInt64()
		if (c >= 200 && c <= 299) || (c >= 400 && c <= 599) {
			return
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid HTTP status code",
			fmt.Sprintf("%s = %d is not allowed: CarrierX accepts a 2xx, 4xx or 5xx status (for example 200, 404 or 410), used with the proxy_pass mode.", req.Path, c))
	}}
