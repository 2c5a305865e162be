package provider

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// addAPIError turns a client error into diagnostics. When CarrierX names a
// field, the diagnostic points at that attribute so the CLI shows the line.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	var apiErr *client.Error
	if !errors.As(err, &apiErr) {
		diags.AddError(summary, err.Error())
		return
	}
	detail := apiErr.Error()
	if apiErr.StatusCode == http.StatusUnauthorized {
		detail += "\n\nCheck the provider's token (or CARRIERX_TOKEN): CarrierX rejected it."
	}
	pointed := false
	for _, e := range apiErr.Errors {
		if p, ok := fieldPath(e.Field); ok {
			diags.AddAttributeError(p, summary, detail)
			pointed = true
			break
		}
	}
	if !pointed {
		diags.AddError(summary, detail)
	}
}

var fieldPart = regexp.MustCompile(`^([A-Za-z0-9_]+)((?:\[\d+\])*)$`)
var indexPart = regexp.MustCompile(`\[(\d+)\]`)

// fieldPath maps an API field such as "addresses[0].ip" or "addresses.0.ip"
// to a schema path.
func fieldPath(field string) (path.Path, bool) {
	if field == "" {
		return path.Empty(), false
	}
	var p path.Path
	for i, part := range strings.Split(field, ".") {
		if n, err := strconv.Atoi(part); err == nil && i > 0 {
			p = p.AtListIndex(n)
			continue
		}
		m := fieldPart.FindStringSubmatch(part)
		if m == nil {
			return path.Empty(), false
		}
		if i == 0 {
			p = path.Root(m[1])
		} else {
			p = p.AtName(m[1])
		}
		for _, idx := range indexPart.FindAllStringSubmatch(m[2], -1) {
			n, _ := strconv.Atoi(idx[1])
			p = p.AtListIndex(n)
		}
	}
	return p, true
}
