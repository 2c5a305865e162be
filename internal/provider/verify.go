package provider

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// The provider checks its token and base_url once, when it is configured:
// a refused token or a base_url that is not the Core API then fails the run
// with one error, instead of one error per resource (Terraform prints each
// resource's diagnostics). CarrierX documents no "who am I" call
// (CarrierX docs, Core API, OAuth), so the check reads one country,
// GET /countries/USA: the smallest documented read, the same on every
// account. A 401 is a refused token; a 403 (a token without the countries
// scopes) still proves the token valid (CarrierX docs, Core API,
// Conventions, status codes); a 404 of this route means base_url is not the
// Core API. Anything else (a network error, a 5xx after the retries) is left
// to the resources, which report it with their own context.

// verifyPath is the Core API read of the check.
const verifyPath = "/countries/USA"

// verified holds the base URL and token pairs (hashed) this process has
// already checked, so that a provider configured several times in one
// process (aliases, the commands of a test) sends the request once.
var verified sync.Map

// verifyCredentials checks token and base URL with one request; its
// diagnostics name the setting to fix.
func verifyCredentials(ctx context.Context, c *client.Client, token string, timeout time.Duration) diag.Diagnostics {
	key := sha256.Sum256([]byte(c.BaseURL() + "\x00" + token))
	if _, ok := verified.Load(key); ok {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	_, err := c.GetCountry(ctx, "USA")
	var diags diag.Diagnostics
	var apiErr *client.Error
	switch {
	case err == nil:
	case !errors.As(err, &apiErr):
		tflog.Warn(ctx, "could not check the CarrierX token; the requests of the resources will tell", map[string]any{"error": err.Error()})
		return nil
	case apiErr.StatusCode == http.StatusForbidden:
	case apiErr.StatusCode == http.StatusUnauthorized:
		diags.AddAttributeError(path.Root("token"), "CarrierX refused the API token",
			fmt.Sprintf("The Core API at %s answered 401 (%s) to the provider's token, set by the provider's token argument "+
				"or the %s environment variable, before any resource was read or changed. Check the provider's token (or "+
				"%s): it is wrong, expired or revoked. Create a new Core API token in the CarrierX portal (Security "+
				"Tokens) or with POST /oauth/token, and configure that one.", c.BaseURL(), apiErr.Message, envToken, envToken))
		return diags
	case apiErr.StatusCode == http.StatusNotFound:
		diags.AddAttributeError(path.Root("base_url"), "CarrierX base_url is not the Core API", baseURLHint(c.BaseURL()))
		return diags
	default:
		tflog.Warn(ctx, "could not check the CarrierX token; the requests of the resources will tell", map[string]any{"error": err.Error()})
		return nil
	}
	verified.Store(key, true)
	return nil
}

// baseURLHint says what base_url should look like, after GET /countries/USA
// under it answered 404.
func baseURLHint(base string) string {
	msg := fmt.Sprintf("GET %s%s answered 404 Not Found, but that Core API route exists on every account: base_url "+
		"(or %s) does not point at the Core API. base_url is the API root with its version path, %s on CarrierX "+
		"(the emulator prints its own, ending in /core/v2); a gateway in front of CarrierX must pass the Core API "+
		"routes (such as /countries/USA) under it.", base, verifyPath, envBaseURL, DefaultBaseURL)
	u, err := url.Parse(base)
	if err != nil {
		return msg
	}
	switch p := strings.TrimRight(u.Path, "/"); {
	case p == "":
		u.Path = "/core/v2"
		msg += fmt.Sprintf(" This one has no path: did you mean %s?", u)
	case coreVersion.MatchString(p) && !strings.HasSuffix(p, "/core/v2"):
		u.Path = coreVersion.ReplaceAllString(p, "/core/v2")
		msg += fmt.Sprintf(" CarrierX's Core API is version 2: did you mean %s?", u)
	}
	return msg
}

// coreVersion matches a path that ends in a Core API version.
var coreVersion = regexp.MustCompile(`/core/v[0-9]+$`)
