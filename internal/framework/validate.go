package framework

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Plan-time checks of values the provider sends to CarrierX. Each one refuses
// only what the API reference says is invalid (or, for credentials in URLs,
// what must not be stored in plain state); everything else is left to
// CarrierX, whose error is then shown with the attribute path.

// Sentences appended to the descriptions of validated attributes, so the
// documentation says what is accepted.
const (
	NameRule = "Must not be blank (whitespace only) or contain control characters such as tab, newline or NUL; " +
		"the length is left to CarrierX."
	CallbackURLRule = "An absolute `http://` or `https://` URL with a host. Credentials in the URL (`user:password@`) " +
		"are refused: they would be stored in plain text in the state and shown in plans."
	NoUserinfoRule = "A URL here must not carry credentials (`user:password@`): they would be stored in plain text in " +
		"the state and shown in plans."
	IPOrHostnameRule = "An IPv4 address (such as `203.0.113.10`), an IPv6 address, or a DNS host name (letters, digits, " +
		"hyphens and dots, RFC 1123); the port goes in `port`."
	RegexpRule = "CarrierX does not document its regular-expression dialect, so only patterns that no dialect accepts " +
		"(a `(` or `[` that is never closed, a trailing lone `\\`) are refused at plan time; CarrierX checks the rest."
)

// validated returns a with v added to its validators and rule (what is
// accepted) added to its description.
func Validated(a schema.StringAttribute, rule string, v ...validator.String) schema.StringAttribute {
	a.MarkdownDescription += " " + rule
	a.Validators = append(append([]validator.String{}, a.Validators...), v...)
	return a
}

// shown quotes a value for an error message, cut to a readable length.
func Shown(s string) string {
	const limit = 64
	if utf8.RuneCountInString(s) <= limit {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return fmt.Sprintf("%s… (%d characters)", strconv.Quote(string(r[:limit])), len(r))
}

// NameValidator checks the friendly name of an object. The reference
// documents no character set and no length limit for any name
// (CarrierX docs, Core API: Partners, Endpoints, Phone Numbers, Trunk
// Groups, Storage, OAuth), so the length is left to CarrierX. Two things
// are refused as the project's own choice, not a documented API rule: a name
// made only of whitespace (CarrierX documents `N/A` as the name of an unnamed
// object, so "no name" is written by leaving the attribute out) and control
// characters, NUL included (a name is a label shown in the portal, records
// and logs). The empty string is not refused: the resources already handle
// CarrierX's answer to it.
var NameValidator = StringCheck{Desc: "must not be blank (whitespace only) or contain control characters", Check: checkName}

func checkName(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	s := req.ConfigValue.ValueString()
	for i, r := range []rune(s) {
		if unicode.IsControl(r) {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid name",
				fmt.Sprintf("%s %s contains the control character %s at character %d. Names are shown in the portal, "+
					"in call records and in logs: use printable characters only (no tab, newline or NUL).",
					req.Path, Shown(s), controlName(r), i+1))
			return
		}
	}
	if s != "" && strings.TrimSpace(s) == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid name",
			fmt.Sprintf("%s %s is blank: it holds only whitespace. Write a name with visible characters, or leave %s "+
				"out to get CarrierX's default.", req.Path, Shown(s), req.Path))
	}
}

func controlName(r rune) string {
	switch r {
	case 0:
		return "U+0000 (NUL)"
	case '\t':
		return "U+0009 (tab)"
	case '\n':
		return "U+000A (newline)"
	case '\r':
		return "U+000D (carriage return)"
	}
	return fmt.Sprintf("U+%04X", r)
}

// maskUserinfo returns s with the user information of its authority
// ("user:password@") replaced by "***@", and whether it had any. It works on
// the text, so a URL that does not parse is masked too.
func MaskUserinfo(s string) (string, bool) {
	i := strings.Index(s, "//")
	if i < 0 {
		return s, false
	}
	if scheme := s[:i]; scheme != "" && (!strings.HasSuffix(scheme, ":") || !urlSchemePattern.MatchString(scheme[:len(scheme)-1])) {
		return s, false
	}
	rest := s[i+2:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return s, false
	}
	return s[:i+2] + "***" + rest[at:], true
}

var urlSchemePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*$`)

// RefuseUserinfo adds the error for a URL that carries credentials; it
// reports whether it did.
func RefuseUserinfo(req validator.StringRequest, resp *validator.StringResponse) bool {
	masked, has := MaskUserinfo(req.ConfigValue.ValueString())
	if !has {
		return false
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Credentials in URL",
		fmt.Sprintf("%s %s carries credentials (the user information before \"@\", shown here as ***). The value is "+
			"stored in plain text in the Terraform state and shown in plans, so it cannot keep a password secret: "+
			"remove the user information from the URL.", req.Path, Shown(masked)))
	return true
}

// HTTPURL accepts an absolute http or https URL with a host and without
// credentials: the URLs CarrierX calls back. Callbacks are HTTP requests
// CarrierX sends to the URL (CarrierX docs (Conventions), "Callbacks"). With
// AllowEmpty, "" is accepted too: CarrierX stores it as null (no callback)
// and the resource keeps the "" it was given. What names a URL that is no
// callback ("FlexML URL": where CarrierX fetches instructions).
type HTTPURL struct {
	AllowEmpty bool
	What       string
}

func (HTTPURL) Description(context.Context) string {
	return "must be an absolute http:// or https:// URL with a host and without user:password@"
}

// MarkdownDescription is Description.
func (v HTTPURL) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v HTTPURL) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !Known(req.ConfigValue) {
		return
	}
	s := req.ConfigValue.ValueString()
	if s == "" && v.AllowEmpty {
		return
	}
	masked, _ := MaskUserinfo(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		what, none := "callback URL", "to have no callback"
		if v.What != "" {
			what, none = v.What, "for none"
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+what,
			fmt.Sprintf("%s %s is not an absolute http:// or https:// URL; CarrierX sends an HTTP request to this "+
				"address, so write it in full, for example \"https://example.com/carrierx/sms\". Leave it out %s.",
				req.Path, Shown(masked), none))
		return
	}
	RefuseUserinfo(req, resp)
}

// URLWithoutUserinfo refuses credentials in a value that may be a URL whose
// scheme the reference leaves open (a shortener destination, a page or its
// URL, a publish domain); anything else is left to CarrierX.
var URLWithoutUserinfo = StringCheck{Desc: "must not carry user:password@ credentials",
	Check: func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		RefuseUserinfo(req, resp)
	}}

// IPOrHostname accepts what CarrierX docs (Endpoints) (Address object, `ip`) allows:
// an IP address or an FQDN, that is an IPv4 or IPv6 address, or a host name
// per RFC 1123 (labels of letters, digits and hyphens, at most 63 characters
// each and 253 in all). A dotted all-numeric string that is not a valid IPv4
// address is refused: a host name's last label is never all digits (RFC 1123
// §2.1), so 999.1.1.1 is neither.
var IPOrHostname = StringCheck{Desc: "must be an IPv4 address, an IPv6 address or a DNS host name", Check: checkHost}

func checkHost(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	s := req.ConfigValue.ValueString()
	reason := HostAddressProblem(s)
	if reason == "" {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid address",
		fmt.Sprintf("%s %s is not an IP address or a host name: %s. Write an IPv4 address such as \"203.0.113.10\", "+
			"an IPv6 address such as \"2001:db8::10\", or a host name such as \"pbx.example.com\".", req.Path, Shown(s), reason))
}

// HostAddressProblem says why s is neither an IP address nor a host name,
// or returns "" when it is one of them.
func HostAddressProblem(s string) string {
	if s == "" {
		return "it is empty"
	}
	if _, err := netip.ParseAddr(s); err == nil {
		return ""
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		if a, err := netip.ParseAddr(s[1 : len(s)-1]); err == nil && a.Is6() {
			return ""
		}
		return "the part in brackets is not an IPv6 address"
	}
	if strings.Contains(s, ":") {
		if host, port, err := net.SplitHostPort(s); err == nil && port != "" && allDigitsAndDots(port) &&
			!strings.Contains(port, ".") && HostAddressProblem(host) == "" {
			return fmt.Sprintf("it includes a port (%q); write the host alone and the port in the port attribute", port)
		}
		return "it contains \":\" but is not an IPv6 address; write the host alone, without a scheme (sip:) or a port"
	}
	name := strings.TrimSuffix(s, ".")
	labels := strings.Split(name, ".")
	if allDigitsAndDots(name) {
		return "it is all digits and dots but not a valid IPv4 address (four numbers from 0 to 255, without leading " +
			"zeros), and a host name's last label is never all digits"
	}
	if len(name) > 253 {
		return fmt.Sprintf("a host name has at most 253 characters, this one has %d", len(name))
	}
	for _, l := range labels {
		switch {
		case l == "":
			return "it has an empty label (two dots in a row, or a leading dot)"
		case len(l) > 63:
			return fmt.Sprintf("the label %s is longer than 63 characters", Shown(l))
		case l[0] == '-' || l[len(l)-1] == '-':
			return fmt.Sprintf("the label %q starts or ends with a hyphen", l)
		}
		for _, r := range l {
			if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '-' {
				if r > unicode.MaxASCII {
					return fmt.Sprintf("it contains %q; write an internationalised name in its ASCII (xn--) form", r)
				}
				return fmt.Sprintf("it contains %q; a host name has only letters, digits, hyphens and dots", r)
			}
		}
	}
	if last := labels[len(labels)-1]; allDigitsAndDots(last) {
		return fmt.Sprintf("its last label %q is all digits, which a host name's last label never is", last)
	}
	return ""
}

func allDigitsAndDots(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return s != ""
}

// RegexpSyntax refuses a pattern only when no regular-expression dialect
// accepts it: the reference says entries of a `regexp` rule and a domain's
// suffix_pattern are regular expressions (CarrierX docs, Core API:
// Trunk Groups, URL Shortener) but not which dialect, so a stricter check could
// refuse a pattern CarrierX takes.
var RegexpSyntax = StringCheck{Desc: "must not be a regular expression that no dialect accepts",
	Check: func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		CheckRegexp(req.Path, req.ConfigValue.ValueString(), &resp.Diagnostics)
	}}

func CheckRegexp(p path.Path, pattern string, diags *diag.Diagnostics) {
	if reason := RegexpProblem(pattern); reason != "" {
		diags.AddAttributeError(p, "Invalid regular expression",
			fmt.Sprintf("%s %s is not a regular expression in any dialect: %s. CarrierX does not document which "+
				"dialect it uses, so only such mistakes are refused here. Escape a literal character with a backslash "+
				"(\\( or \\[), or close what is open.", p, Shown(pattern), reason))
	}
}

// RegexpProblem says why no dialect (POSIX ERE, PCRE, RE2, Python, Java,
// JavaScript, Tcl ARE) accepts pattern, or returns "". It reads the pattern
// only as far as every dialect agrees on its meaning and accepts whatever
// comes after a construct they read differently (\Q quoting, \c, inline flags
// and comments, a character class that starts with ] or holds \ or [).
// POSIX basic REs, where ( is literal, are not considered: the patterns
// CarrierX documents use + as a quantifier (CarrierX docs, Core API, Conventions), which basic
// REs do not.
func RegexpProblem(pattern string) string {
	if strings.HasPrefix(pattern, "***") { // Tcl ARE directors (***= makes the rest literal)
		return ""
	}
	var open []int // positions of unclosed '('
	for i := 0; i < len(pattern); i++ {
		switch pattern[i] {
		case '\\':
			if i+1 == len(pattern) {
				return fmt.Sprintf("it ends with a lone backslash (character %d)", charAt(pattern, i))
			}
			if c := pattern[i+1]; c == 'Q' || c == 'c' {
				return ""
			}
			i++
		case '[':
			end := strings.IndexByte(pattern[i+1:], ']')
			if end < 0 {
				return fmt.Sprintf("the '[' at character %d opens a character class that is never closed with ']'", charAt(pattern, i))
			}
			body := pattern[i+1 : i+1+end]
			body = strings.TrimPrefix(body, "^")
			if body == "" || strings.ContainsAny(body, `\[`) {
				return ""
			}
			i += 1 + end
		case '(':
			if strings.HasPrefix(pattern[i:], "(?") && inlineFlags.MatchString(pattern[i:]) {
				return ""
			}
			open = append(open, i)
		case ')':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) > 0 {
		return fmt.Sprintf("the '(' at character %d is never closed with ')'", charAt(pattern, open[len(open)-1]))
	}
	return ""
}

// charAt is the 1-based character position of byte offset i of s.
func charAt(s string, i int) int { return utf8.RuneCountInString(s[:i]) + 1 }

// inlineFlags matches the start of an inline-option group or a comment,
// which change how the rest of a pattern is read in some dialects.
var inlineFlags = regexp.MustCompile(`^\(\?(#|[A-Za-z^-]+[):])`)

// EnumCheck checks a value against the values the reference lists for it. Use
// Enum for an enum CarrierX documents in full and KnownValues for one whose
// list is partial. Hints holds advice for common wrong values, keyed by the
// value folded (FoldEnum); a value with a hint is refused even in an open
// enum, so a hint is for a value known to be wrong.
type EnumCheck struct {
	Values []string
	Open   bool
	Hints  map[string]string
	desc   string // built once: the framework asks for it at every validation
}

// Enum accepts only values (an enum the reference documents in full). Its
// error lists them, in the words of the framework's own stringvalidator.OneOf,
// and names the nearest one.
func Enum(values ...string) EnumCheck { return EnumCheck{Values: values}.described() }

// KnownValues is for an enum the reference lists only in part: another value
// may be valid, so only a known value written differently ("third-party" for
// "third_party", "Failover" for "failover") is refused. CarrierX's values
// are exact identifiers, so such a spelling is never one of them: this is
// the project's rule, not a documented one.
func KnownValues(values ...string) EnumCheck {
	return EnumCheck{Values: values, Open: true}.described()
}

// WithHints returns e with advice for wrong values, keyed by folded value.
func (e EnumCheck) WithHints(h map[string]string) EnumCheck { e.Hints = h; return e }

func (e EnumCheck) Description(context.Context) string {
	if e.desc != "" {
		return e.desc
	}
	if e.Open {
		return fmt.Sprintf("must not be a known value written differently: %q", e.Values)
	}
	return fmt.Sprintf("value must be one of: %q", e.Values)
}

// described returns e with its description built.
func (e EnumCheck) described() EnumCheck {
	e.desc = e.Description(context.Background())
	return e
}

// MarkdownDescription is Description.
func (e EnumCheck) MarkdownDescription(ctx context.Context) string { return e.Description(ctx) }

func (e EnumCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !Known(req.ConfigValue) {
		return
	}
	s := req.ConfigValue.ValueString()
	if slices.Contains(e.Values, s) {
		return
	}
	hint := e.Hints[FoldEnum(s)]
	if e.Open && hint != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s value %s is not a CarrierX value: %s", req.Path, Shown(s), hint))
		return
	}
	if e.Open {
		near := sameFolded(s, e.Values)
		if near == "" {
			return
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s value %s is CarrierX's %q written differently; CarrierX compares it exactly: "+
				"write %q. Values known: %q (CarrierX may accept others, which are left to it).",
				req.Path, Shown(s), near, near, e.Values))
		return
	}
	detail := fmt.Sprintf("Attribute %s value must be one of: %q, got: %q", req.Path, e.Values, s)
	switch near := NearestValue(s, e.Values); {
	case hint != "":
		detail += ". " + hint
	case near != "":
		detail += fmt.Sprintf(". Did you mean %q?", near)
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value Match", detail)
}

// FoldEnum is s in lower case without separators ('_', '-', '.', spaces):
// two spellings of one enum value ("third-party", "Third_Party", "G.722",
// "g722") fold alike.
func FoldEnum(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', '.', ' ':
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

func sameFolded(s string, values []string) string {
	for _, v := range values {
		if FoldEnum(v) == FoldEnum(s) {
			return v
		}
	}
	return ""
}

// NearestValue is the value s most likely meant: the one it equals once
// folded, or the only one within a small edit distance (a third of the
// value's length, at most 2); "" when none or several are that near.
func NearestValue(s string, values []string) string {
	if v := sameFolded(s, values); v != "" {
		return v
	}
	best, bestD, ties := "", 3, 0
	for _, v := range values {
		d := editDistance(FoldEnum(s), FoldEnum(v))
		if d*3 > utf8.RuneCountInString(v) {
			continue
		}
		switch {
		case d < bestD:
			best, bestD, ties = v, d, 1
		case d == bestD:
			ties++
		}
	}
	if ties != 1 {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(y)]
}

// AbsoluteURL accepts a URL with a scheme (any scheme; an http or https URL
// needs a host too) and without credentials: for values the reference types
// as a URL without saying which schemes CarrierX takes (a shortener link's
// destination, a container's publish domain).
var AbsoluteURL = StringCheck{Desc: "must be an absolute URL with a scheme (such as https://) and without user:password@",
	Check: func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		s := req.ConfigValue.ValueString()
		masked, _ := MaskUserinfo(s)
		u, err := url.Parse(s)
		reason := ""
		switch {
		case strings.ContainsAny(s, " \t\r\n"):
			reason = "it contains whitespace (write a space as %20)"
		case err != nil:
			reason = "it does not parse as a URL"
		case u.Scheme == "":
			reason = "it has no scheme"
		case (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() == "":
			reason = "it has no host"
		}
		if reason == "" {
			RefuseUserinfo(req, resp)
			return
		}
		example := "https://example.com/offer"
		if err == nil && u.Scheme == "" && !strings.ContainsAny(s, " \t\r\n") && s != "" {
			example = "https://" + strings.TrimPrefix(masked, "//")
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL",
			fmt.Sprintf("%s %s is not an absolute URL: %s. Write it in full with its scheme, for example %q.",
				req.Path, Shown(masked), reason, example))
	}}
