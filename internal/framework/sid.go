package framework

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// CarrierX SIDs are UUIDs (CarrierX docs, Core API, "Secure IDs").
var sidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// ExampleSID is the UUID shown wherever a SID is asked for.
const ExampleSID = "3c3c3c3c-0000-4111-8222-333333333333"

// IsSID reports whether s has the shape of a CarrierX SID.
func IsSID(s string) bool { return sidPattern.MatchString(s) }

// Article returns "a" or "an" for noun, as it is read aloud ("an endpoint",
// "an OAuth token", "a DID group").
func Article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an"
	}
	return "a"
}

// SID is the one validator of an attribute that holds a SID. What names
// the SID ("trunk group SID"; "" means "CarrierX SID"), Hint is a sentence
// that says where to find one ("Use the trunk_group_sid of a
// carrierx_trunk_group."), and
// AllowEmpty lets "" through where it clears a reference.
type SID struct {
	What       string
	Hint       string
	AllowEmpty bool
}

func (v SID) what() string {
	if v.What == "" {
		return "CarrierX SID"
	}
	return v.What
}

// Description says what is accepted.
func (v SID) Description(context.Context) string {
	d := "must be " + Article(v.what()) + " " + v.what() + " (a UUID)"
	if v.AllowEmpty {
		d += " or empty"
	}
	return d
}

// MarkdownDescription is Description.
func (v SID) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString refuses a known value that is not a SID.
func (v SID) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	s := req.ConfigValue.ValueString()
	if !Known(req.ConfigValue) || IsSID(s) || (v.AllowEmpty && s == "") {
		return
	}
	detail := fmt.Sprintf("%s %s is not a SID: %s must be %s %s, a UUID such as %s.",
		req.Path, Shown(s), req.Path, Article(v.what()), v.what(), ExampleSID)
	if v.Hint != "" {
		detail += " " + v.Hint
	}
	if v.AllowEmpty {
		detail += " Leave the attribute out (or set \"\") for none."
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+v.what(), detail)
}

// CheckImportSID refuses an import ID that is not a SID, so a wrong ID
// fails with a clear message rather than a 404 on the first read. attr is
// the SID attribute ("did_group_sid"), which also names the SID in the
// message ("a DID group SID").
func CheckImportSID(typ, attr, id string, diags *diag.Diagnostics) bool {
	if IsSID(id) {
		return true
	}
	noun := sidNoun(attr)
	diags.AddError("Invalid "+typ+" import ID",
		fmt.Sprintf("%q is not %s %s; import with the %s, a UUID such as %s.", id, Article(noun), noun, attr, ExampleSID))
	return false
}

// sidNoun names the SID an attribute holds: "did_group_sid" is a "DID group SID".
func sidNoun(attr string) string {
	words := strings.Split(attr, "_")
	for i, w := range words {
		if w == "did" || w == "sid" {
			words[i] = strings.ToUpper(w)
		}
	}
	return strings.Join(words, " ")
}
