package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// validatorCase is one value given to a string validator: want lists text
// the error must contain (nil: no error), never text it must not contain.
type validatorCase struct {
	value string
	want  []string
	never []string
}

// checkDiags compares the diagnostics of one validator call with c.
func checkDiags(t *testing.T, c validatorCase, diags diag.Diagnostics) {
	t.Helper()
	if len(c.want) == 0 {
		if diags.HasError() {
			t.Errorf("%q: unexpected error: %v", c.value, diags)
		}
		return
	}
	if diags.ErrorsCount() != 1 {
		t.Errorf("%q: want one error, got %v", c.value, diags)
		return
	}
	d := diags.Errors()[0]
	text := d.Summary() + "\n" + d.Detail()
	for _, w := range c.want {
		if !strings.Contains(text, w) {
			t.Errorf("%q: error does not contain %q:\n%s", c.value, w, text)
		}
	}
	for _, n := range c.never {
		if strings.Contains(text, n) {
			t.Errorf("%q: error shows %q:\n%s", c.value, n, text)
		}
	}
	if wp, ok := d.(diag.DiagnosticWithPath); !ok || wp.Path().String() == "" {
		t.Errorf("%q: error has no attribute path", c.value)
	}
}

func runStringValidator(t *testing.T, v validator.String, p path.Path, cases []validatorCase) {
	t.Helper()
	for _, c := range cases {
		resp := &validator.StringResponse{}
		v.ValidateString(context.Background(), validator.StringRequest{Path: p, ConfigValue: types.StringValue(c.value)}, resp)
		checkDiags(t, c, resp.Diagnostics)
	}
	// Unset and not yet known values are never refused.
	for _, val := range []types.String{types.StringNull(), types.StringUnknown()} {
		resp := &validator.StringResponse{}
		v.ValidateString(context.Background(), validator.StringRequest{Path: p, ConfigValue: val}, resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%v: unexpected error %v", val, resp.Diagnostics)
		}
	}
	if v.Description(context.Background()) == "" || v.MarkdownDescription(context.Background()) == "" {
		t.Error("validator has no description")
	}
}

func TestValidatorName(t *testing.T) {
	long := strings.Repeat("n", 10000)
	runStringValidator(t, NameValidator, path.Root("name"), []validatorCase{
		{value: "pbx-east"},
		{value: "ds pbx \"one\""},
		{value: "Zoë's line ☎"},
		{value: ""},   // CarrierX answers "" as null; the resources handle it
		{value: long}, // no documented length limit: left to CarrierX
		{value: "  pbx  "},
		{value: " ", want: []string{"Invalid name", `name " " is blank: it holds only whitespace`, "leave name out"}},
		{value: "\u00a0\u2003", want: []string{`is blank`}},
		{value: "a\x00b", want: []string{`name "a\x00b" contains the control character U+0000 (NUL) at character 2`, "printable characters only"}},
		{value: "\t", want: []string{"U+0009 (tab) at character 1"}},
		{value: "line\nbreak", want: []string{"U+000A (newline) at character 5"}},
		{value: "cr\r", want: []string{"U+000D (carriage return)"}},
		{value: "del\x7f", want: []string{"U+007F at character 4"}},
		{value: "é\u0085", want: []string{"U+0085 at character 2"}},
		{value: long + "\x00", want: []string{"… (10001 characters) contains the control character U+0000 (NUL) at character 10001"}},
	})
}

func TestValidatorHTTPURL(t *testing.T) {
	runStringValidator(t, HTTPURL{}, path.Root("callback_url"), []validatorCase{
		{value: "https://example.com/carrierx/sms"},
		{value: "http://hooks.example.com:8080/sms?team=a#x"},
		{value: "https://[2001:db8::1]/sms"},
		{value: "https://example.com/@handle"},
		{value: "ftp://x", want: []string{"Invalid callback URL", `callback_url "ftp://x" is not an absolute http:// or https:// URL`}},
		{value: "example.com/cx", want: []string{`"example.com/cx" is not an absolute`}},
		{value: "not a url", want: []string{`"not a url" is not an absolute`}},
		{value: "https://", want: []string{"is not an absolute"}},
		{value: "https://:8080/x", want: []string{"is not an absolute"}},
		{value: "mailto:ops@example.com", want: []string{"is not an absolute"}},
		{
			value: "https://user:s3cret@example.com/sms",
			want:  []string{"Credentials in URL", `callback_url "https://***@example.com/sms" carries credentials`, "plain text in the Terraform state"},
			never: []string{"s3cret", "user:"},
		},
		{value: "https://tok3n@example.com", want: []string{`"https://***@example.com" carries credentials`}, never: []string{"tok3n"}},
		{value: "https://u:p@ss@example.com/x", want: []string{`"https://***@example.com/x"`}, never: []string{"p@ss"}},
		{value: "ftp://u:s3cret@x/y", want: []string{`"ftp://***@x/y" is not an absolute`}, never: []string{"s3cret"}},
		{value: "https://u:s3 cret@exa mple.com/", want: []string{`"https://***@exa mple.com/" is not an absolute`}, never: []string{"s3 cret"}},
	})
}

// A URL that is no callback is named for what it is.
func TestValidatorHTTPURLWhat(t *testing.T) {
	runStringValidator(t, HTTPURL{What: "FlexML URL"}, path.Root("url"), []validatorCase{
		{value: "https://ivr.example.com/flexml"},
		{value: "ivr.example.com/x", want: []string{"Invalid FlexML URL", `url "ivr.example.com/x" is not an absolute`, "Leave it out for none."},
			never: []string{"callback"}},
	})
}

// TestValidatorHTTPURLEmpty: "" means no callback where the resource keeps
// it (DIDs, DID groups, prefixes), and is refused elsewhere (partner callbacks).
func TestValidatorHTTPURLEmpty(t *testing.T) {
	runStringValidator(t, HTTPURL{AllowEmpty: true}, path.Root("callback_url"), []validatorCase{
		{value: ""},
		{value: "https://example.com/sms"},
		{value: " ", want: []string{`callback_url " " is not an absolute`}},
	})
	runStringValidator(t, HTTPURL{}, path.Root("callbacks").AtName("sms"), []validatorCase{
		{value: "", want: []string{`callbacks.sms "" is not an absolute`, "Leave it out to have no callback"}},
	})
}

func TestValidatorURLWithoutUserinfo(t *testing.T) {
	runStringValidator(t, URLWithoutUserinfo, path.Root("destination_url"), []validatorCase{
		{value: "https://www.example.org/offer"},
		{value: "www.example.org/offer"},
		{value: "tel:+15550100142"},
		{value: "mailto:sales@example.org"},
		{value: "<html><body>Gone, mail ops@example.org</body></html>"},
		{value: `<a href="https://a@b.example/">x</a>`},
		{value: "https://www.example.org/@user?x=a@b"},
		{
			value: "https://admin:hunter2@www.example.org/offer",
			want:  []string{"Credentials in URL", `destination_url "https://***@www.example.org/offer" carries credentials`},
			never: []string{"hunter2", "admin"},
		},
		{value: "//admin:hunter2@cdn.example.org/x", want: []string{`"//***@cdn.example.org/x"`}, never: []string{"hunter2"}},
		{value: "myapp://tok@open/x", want: []string{`"myapp://***@open/x"`}, never: []string{"tok@"}},
	})
}

func TestValidatorIPOrHostname(t *testing.T) {
	p := path.Root("addresses").AtListIndex(0).AtName("ip")
	runStringValidator(t, IPOrHostname, p, []validatorCase{
		{value: "203.0.113.10"},
		{value: "0.0.0.0"},
		{value: "2001:db8::10"},
		{value: "::ffff:192.0.2.1"},
		{value: "[2001:db8::10]"},
		{value: "pbx.example.com"},
		{value: "pbx.example.com."},
		{value: "PBX-1.Example.COM"},
		{value: "sip1.example"},
		{value: "localhost"},
		{value: "1pbx.123.example.com"},
		{value: strings.Repeat("a", 63) + ".example.com"},
		{value: "999.1.1.1", want: []string{"Invalid address", `addresses[0].ip "999.1.1.1" is not an IP address or a host name`, "not a valid IPv4 address", "last label is never all digits"}},
		{value: "1.2.3", want: []string{"not a valid IPv4 address"}},
		{value: "1.2.3.4.5", want: []string{"not a valid IPv4 address"}},
		{value: "01.2.3.4", want: []string{"without leading zeros"}},
		{value: "256.0.0.1", want: []string{"not a valid IPv4 address"}},
		{value: "12345", want: []string{"not a valid IPv4 address"}},
		{value: "example.123", want: []string{`its last label "123" is all digits`}},
		{value: "", want: []string{"it is empty"}},
		{value: "203.0.113.10:5060", want: []string{`it includes a port ("5060"); write the host alone and the port in the port attribute`}},
		{value: "[2001:db8::1]:5060", want: []string{`includes a port ("5060")`}},
		{value: "sip:pbx.example.com", want: []string{`contains ":" but is not an IPv6 address`}},
		{value: "2001:db8::g", want: []string{`contains ":" but is not an IPv6 address`}},
		{value: "[203.0.113.10]", want: []string{"the part in brackets is not an IPv6 address"}},
		{value: " 203.0.113.10", want: []string{`it contains ' '`}},
		{value: "pbx_1.example.com", want: []string{`it contains '_'`}},
		{value: "pbx.example.com/x", want: []string{`it contains '/'`}},
		{value: "-pbx.example.com", want: []string{`the label "-pbx" starts or ends with a hyphen`}},
		{value: "pbx..example.com", want: []string{"empty label"}},
		{value: ".example.com", want: []string{"empty label"}},
		{value: strings.Repeat("a", 64) + ".example.com", want: []string{"longer than 63 characters"}},
		{value: strings.Repeat("abcdefghi.", 26) + "com", want: []string{"at most 253 characters, this one has 263"}},
		{value: "bücher.example", want: []string{`it contains 'ü'; write an internationalised name in its ASCII (xn--) form`}},
	})
}

func TestValidatorRegexp(t *testing.T) {
	runStringValidator(t, RegexpSyntax, path.Root("suffix_pattern"), []validatorCase{
		// Accepted: valid in some dialect, or read differently by dialects.
		{value: ""},
		{value: ".*516"},
		{value: "1516.*"},
		{value: ".(.mp3|mp4)"},
		{value: `^1(800|888)[0-9]{7}$`},
		{value: `\(1516\)`},
		{value: `a\\`},
		{value: "a)b"},            // POSIX ERE: a literal )
		{value: "[]a]"},           // POSIX/PCRE: class of ] and a
		{value: "[^]a]"},          // same, negated
		{value: `[a\]`},           // POSIX: class of a and \
		{value: "[[:digit:]]+"},   // POSIX class
		{value: "(?:ab)+"},        // non-capturing group
		{value: "(?P<n>x)(?P=n)"}, // Python named group
		{value: "(?x) a # ( ["},   // extended mode comment
		{value: "(?#(unclosed"},   // comment group
		{value: "(?i)(abc"},       // inline flags: Tcl (?q)/(?b) change the reading, so stop
		{value: `\Q(abc`},         // PCRE quoting to the end
		{value: `\c[`},            // PCRE/JS control escape
		{value: "***=(abc"},       // Tcl ARE: the rest is literal
		// Refused: no dialect accepts these.
		{value: "(abc", want: []string{"Invalid regular expression", `suffix_pattern "(abc" is not a regular expression in any dialect: the '(' at character 1 is never closed with ')'`, "does not document which dialect"}},
		{value: "((a)", want: []string{"the '(' at character 1 is never closed"}},
		{value: "a(b(c)", want: []string{"the '(' at character 2 is never closed"}},
		{value: "a)(b", want: []string{"the '(' at character 3 is never closed"}},
		{value: "(?:abc", want: []string{"the '(' at character 1 is never closed"}},
		{value: "[0-9", want: []string{"the '[' at character 1 opens a character class that is never closed with ']'"}},
		{value: "[0-9](a|[b", want: []string{"the '[' at character 9 opens a character class"}},
		{value: `abc\`, want: []string{"it ends with a lone backslash (character 4)"}},
		{value: `(a)\\\`, want: []string{"lone backslash (character 6)"}},
		{value: "é(", want: []string{"the '(' at character 2"}},
		{value: "[a-z]+(", want: []string{"the '(' at character 7"}},
	})
}

func TestValidatorMaskUserinfo(t *testing.T) {
	for in, want := range map[string]string{
		"https://u:p@h/x":          "https://***@h/x",
		"https://h/x@y":            "https://h/x@y",
		"https://h?x=u:p@h":        "https://h?x=u:p@h",
		"https://a@b@h#f":          "https://***@h#f",
		"HTTP://U@H":               "HTTP://***@H",
		"//u@h":                    "//***@h",
		"no url at all, a@b":       "no url at all, a@b",
		"x y://u@h":                "x y://u@h",
		"https://h":                "https://h",
		"https://[2001:db8::1]:80": "https://[2001:db8::1]:80",
	} {
		got, has := MaskUserinfo(in)
		if got != want || has != (got != in) {
			t.Errorf("maskUserinfo(%q) = %q, %v; want %q", in, got, has, want)
		}
	}
}

func TestValidatorEnum(t *testing.T) {
	runStringValidator(t, Enum("udp", "tcp", "tls"), path.Root("transport"), []validatorCase{
		{value: "udp"},
		{value: "UDP", want: []string{`Attribute transport value must be one of: ["udp" "tcp" "tls"], got: "UDP"`, `Did you mean "udp"?`}},
		{value: "tcl", want: []string{`got: "tcl"`, `Did you mean "tcp"?`}},
		// Two changes in three letters: too far to guess.
		{value: "tsl", want: []string{`got: "tsl"`}, never: []string{"Did you mean"}},
		{value: "sctp", want: []string{`got: "sctp"`}, never: []string{"Did you mean"}},
		{value: "", want: []string{`got: ""`}},
	})
	runStringValidator(t, Enum("accept", "reject403", "reject503"), path.Root("voice_action_true"), []validatorCase{
		{value: "reject-403", want: []string{`Did you mean "reject403"?`}},
		{value: "reject", want: []string{`got: "reject"`}, never: []string{"Did you mean"}},
		// Two values are as near: no guess.
		{value: "reject_03", want: []string{`got: "reject_03"`}, never: []string{"Did you mean"}},
	})
}

func TestValidatorKnownValues(t *testing.T) {
	types := KnownValues("third_party", "conference_v2")
	runStringValidator(t, types, path.Root("type"), []validatorCase{
		{value: "third_party"},
		// A value the reference does not list may be valid: left to CarrierX.
		{value: "bridge"},
		{value: "third_part"},
		{value: "third-party", want: []string{`Attribute type value "third-party" is CarrierX's "third_party" written differently`,
			`write "third_party"`, `["third_party" "conference_v2"]`}},
		{value: "Third Party", want: []string{`"third_party"`}},
		{value: "CONFERENCE-V2", want: []string{`"conference_v2"`}},
	})
	hint := "G.711 is ulaw or alaw."
	runStringValidator(t, KnownValues("ulaw", "alaw", "g722").WithHints(map[string]string{"g711": hint}), path.Root("codec"),
		[]validatorCase{
			{value: "opus96"},
			{value: "G722", want: []string{`"g722"`}},
			{value: "G.711", want: []string{`Attribute codec value "G.711" is not a CarrierX value: ` + hint}},
		})
}

func TestNearestValue(t *testing.T) {
	values := []string{"redirect_temporary", "redirect_permanent", "proxy_pass"}
	for s, want := range map[string]string{
		"redirect-temporary": "redirect_temporary",
		"redirect_temporay":  "redirect_temporary", //nolint:misspell // a typo on purpose
		"proxypas":           "proxy_pass",
		"redirect":           "",
		"iframe":             "",
	} {
		if got := NearestValue(s, values); got != want {
			t.Errorf("NearestValue(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestValidatorAbsoluteURL(t *testing.T) {
	runStringValidator(t, AbsoluteURL, path.Root("destination_url"), []validatorCase{
		{value: "https://www.example.org/offer?x=1"},
		{value: "http://example.com"},
		// The reference leaves the scheme open.
		{value: "tel:+15550001111"},
		{value: "example.com/x", want: []string{`destination_url "example.com/x" is not an absolute URL: it has no scheme`,
			`for example "https://example.com/x"`}},
		{value: "not a url", want: []string{`it contains whitespace`}},
		{value: "https://", want: []string{`it has no host`}},
		{value: "", want: []string{`it has no scheme`}},
		{value: "https://user:s3cret@www.example.org/", want: []string{"Credentials in URL", "https://***@www.example.org/"},
			never: []string{"s3cret"}},
	})
}

// The framework asks every validator for its description at every
// validation of every resource: an enum's is built once.
func TestEnumDescriptionBuiltOnce(t *testing.T) {
	ctx := context.Background()
	for _, e := range []EnumCheck{Enum("udp", "tcp", "tls"), KnownValues("any", "inbound"),
		KnownValues("a").WithHints(map[string]string{"b": "use a"})} {
		want := EnumCheck{Values: e.Values, Open: e.Open}.Description(ctx)
		if got := e.Description(ctx); got != want {
			t.Errorf("description %q, want %q", got, want)
		}
		if n := testing.AllocsPerRun(100, func() { _ = e.Description(ctx) }); n != 0 {
			t.Errorf("%q: %v allocations per Description, want 0", e.Values, n)
		}
	}
}
