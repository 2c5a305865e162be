package framework

import (
	"errors"
	"fmt"
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
func AddAPIError(diags *diag.Diagnostics, summary string, err error) {
	var f *Failed
	if errors.As(err, &f) {
		summary, err = f.Summary, f.Err
	}
	var apiErr *client.Error
	if !errors.As(err, &apiErr) {
		diags.AddError(summary, err.Error())
		return
	}
	detail := err.Error() // the whole error: it may wrap the API error (a lost create)
	// An endpoint API's 401 refused the endpoint's password, not the token:
	// the client's error says what to check there.
	if apiErr.StatusCode == http.StatusUnauthorized && apiErr.App == "" {
		detail += "\n\nCheck the provider's token (or CARRIERX_TOKEN): CarrierX rejected it."
	}
	pointed := false
	for _, e := range apiErr.Errors {
		if p, ok := FieldPath(e.Field); ok {
			diags.AddAttributeError(p, summary, detail)
			pointed = true
			break
		}
	}
	if !pointed {
		diags.AddError(summary, detail)
	}
}

// Failed is an error that names its own diagnostic summary, for a hook
// whose failure is not the operation's ("No available phone number
// matches" rather than "Unable to create ..."): AddAPIError reports Err
// under Summary.
type Failed struct {
	Summary string
	Err     error
}

func (f *Failed) Error() string { return f.Summary + ": " + f.Err.Error() }
func (f *Failed) Unwrap() error { return f.Err }

var fieldPart = regexp.MustCompile(`^([A-Za-z0-9_]+)((?:\[\d+\])*)$`)
var indexPart = regexp.MustCompile(`\[(\d+)\]`)

// fieldPath maps an API field such as "addresses[0].ip" or "addresses.0.ip"
// to a schema path.
func FieldPath(field string) (path.Path, bool) {
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

// createResult sorts out the answer to a create: an object found again
// after its answer was lost is used, with a warning that names it; a lost
// create that could not be resolved names the objects that may be the one
// created, with an import block for each. importID turns a candidate SID
// into the resource's import ID (nil: the SID itself). It reports whether
// obj can be used.
func CreateResult(diags *diag.Diagnostics, summary, typ string, obj any, err error, importID func(string) string) bool {
	if importID == nil {
		importID = func(sid string) string { return sid }
	}
	if rec, ok := client.AdoptedAfterLostAnswer(err); ok && obj != nil {
		diags.AddWarning("The answer to the create of "+typ+" was lost; the object it created was found",
			fmt.Sprintf("%v\n\nThe %s with SID %s matches every value sent and was created by this request, so it is "+
				"used instead of creating another.", rec.Cause, rec.Kind, rec.SID))
		return true
	}
	if err == nil {
		return true
	}
	var lost *client.LostCreateError
	if errors.As(err, &lost) && len(lost.Candidates) > 0 {
		var b strings.Builder
		b.WriteString(err.Error())
		b.WriteString("\n\nTo adopt one, add an import block (with the resource's own name) and apply again:")
		for _, sid := range lost.Candidates {
			fmt.Fprintf(&b, "\n\n  import {\n    to = %s.<name>\n    id = %q\n  }", typ, importID(sid))
		}
		diags.AddError(summary+": the answer was lost", b.String())
		return false
	}
	AddAPIError(diags, summary, err)
	return false
}
