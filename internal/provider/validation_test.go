package provider_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Plan-time validation of the values the provider sends (the fault-injection
// audit's list). A refused value fails `terraform plan` with an error that
// names the attribute path; a value the reference does not rule out plans
// cleanly and is left to CarrierX.

// validationSteps runs each configuration as its own plan and expects the
// matching error.
func validationSteps(e *acctest.Env, cases []struct{ config, want string }) []resource.TestStep {
	steps := make([]resource.TestStep, len(cases))
	for i, c := range cases {
		steps[i] = resource.TestStep{
			Config:      e.Config(c.config),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(c.want),
		}
	}
	return steps
}

// planOnly plans configuration and expects it to plan cleanly (a create).
func planOnly(e *acctest.Env, config string) resource.TestStep {
	return resource.TestStep{Config: e.Config(config), PlanOnly: true, ExpectNonEmptyPlan: true}
}

func TestAccValidation_blankName(t *testing.T) {
	e := acctest.New(t)
	e.Test(resource.TestCase{
		Steps: validationSteps(e, []struct{ config, want string }{
			{`resource "carrierx_did_group" "x" { name = "   " }`,
				`(?s)Invalid name.*name\s+"   "\s+is\s+blank:\s+it\s+holds\s+only\s+whitespace`},
			{`resource "carrierx_endpoint" "x" {
  type = "third_party"
  name = "\t \n"
}`, `(?s)Invalid name.*name\s+"\\t \\n"\s+contains\s+the\s+control\s+character\s+U\+0009\s+\(tab\)`},
			{`resource "carrierx_storage_container" "x" { name = "` + "\u00a0\u00a0" + `" }`,
				`(?s)Invalid name.*name\s+"\\u00a0\\u00a0"\s+is\s+blank`},
		}),
	})
}

func TestAccValidation_controlCharacterName(t *testing.T) {
	e := acctest.New(t)
	e.Test(resource.TestCase{
		Steps: validationSteps(e, []struct{ config, want string }{
			{`resource "carrierx_trunk_group" "x" { name = "east\u0000west" }`,
				`(?s)Invalid name.*name\s+"east\\x00west"\s+contains\s+the\s+control\s+character\s+U\+0000\s+\(NUL\)\s+at\s+character\s+5`},
			{`resource "carrierx_access_control_rule" "x" {
  name       = "premium\nnumbers"
  field      = "called"
  operation  = "prefix"
  quantifier = "any"
  entries    = ["1900"]
}`, `(?s)name\s+"premium\\nnumbers"\s+contains\s+the\s+control\s+character\s+U\+000A\s+\(newline\)`},
			{`resource "carrierx_oauth_token" "x" {
  name   = "ci\u001b[31m"
  scopes = ["endpoints.read"]
}`, `(?s)name\s+"ci\\x1b\[31m"\s+contains\s+the\s+control\s+character\s+U\+001B`},
		}),
	})
}

// TestAccValidation_longNameLeftToAPI: no reference file documents a length
// limit for a name, so a 10,000-character name plans and CarrierX decides.
func TestAccValidation_longNameLeftToAPI(t *testing.T) {
	e := acctest.New(t)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			planOnly(e, `resource "carrierx_did_group" "x" { name = "`+strings.Repeat("n", 10000)+`" }`),
		},
	})
}

func TestAccValidation_addressIP(t *testing.T) {
	e := acctest.New(t)
	endpoint := func(ip string) string {
		return `resource "carrierx_endpoint" "x" {
  type      = "third_party"
  addresses = [{ ip = "203.0.113.10" }, { ip = "` + ip + `" }]
}`
	}
	e.Test(resource.TestCase{
		Steps: append(validationSteps(e, []struct{ config, want string }{
			{endpoint("999.1.1.1"),
				`(?s)Invalid address.*addresses\[1\]\.ip\s+"999\.1\.1\.1"\s+is\s+not\s+an\s+IP\s+address\s+or\s+a\s+host\s+name:\s+it\s+is\s+all\s+digits\s+and\s+dots\s+but\s+not\s+a\s+valid\s+IPv4\s+address`},
			{endpoint("203.0.113.10:5060"),
				`(?s)addresses\[1\]\.ip\s+"203\.0\.113\.10:5060".*port\s+attribute`},
			{endpoint("pbx_1.example.com"),
				`(?s)addresses\[1\]\.ip\s+"pbx_1\.example\.com".*contains\s+'_'`},
		}),
			planOnly(e, endpoint("pbx.example.com")),
			planOnly(e, endpoint("2001:db8::10")),
		),
	})
}

// TestAccValidation_negativePriorityLeftToAPI: CarrierX docs (Core API, Endpoints) document an
// address priority as an integer with default 0 and no range (the ordering
// rule was not retrieved), so -5 plans and CarrierX decides.
func TestAccValidation_negativePriorityLeftToAPI(t *testing.T) {
	e := acctest.New(t)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			planOnly(e, `resource "carrierx_endpoint" "x" {
  type      = "third_party"
  addresses = [{ ip = "203.0.113.10", priority = -5 }]
}`),
		},
	})
}

func TestAccValidation_aclRegexp(t *testing.T) {
	e := acctest.New(t)
	rule := func(op, entries string) string {
		return `resource "carrierx_access_control_rule" "x" {
  field      = "called"
  operation  = "` + op + `"
  quantifier = "any"
  entries    = ` + entries + `
}`
	}
	e.Test(resource.TestCase{
		Steps: append(validationSteps(e, []struct{ config, want string }{
			{rule("regexp", `[".*516", "(1516"]`),
				`(?s)Invalid regular expression.*entries\[1\]\s+"\(1516"\s+is\s+not\s+a\s+regular\s+expression\s+in\s+any\s+dialect:\s+the\s+'\('\s+at\s+character\s+1\s+is\s+never\s+closed`},
			{rule("regexp", `["1516[0-9"]`),
				`(?s)entries\[0\]\s+"1516\[0-9"\s+is\s+not\s+a\s+regular\s+expression.*'\['\s+at\s+character\s+5`},
			{rule("regexp", `["1516\\"]`),
				`(?s)entries\[0\]\s+"1516\\\\"\s+is\s+not\s+a\s+regular\s+expression.*lone\s+backslash`},
			{`resource "carrierx_shortener_domain" "x" {
  domain_name    = "go.example.net"
  suffix_pattern = ".(mp3|mp4"
}`, `(?s)suffix_pattern\s+"\.\(mp3\|mp4"\s+is\s+not\s+a\s+regular\s+expression`},
		}),
			// Literal entries of prefix rules are not regular expressions.
			planOnly(e, rule("prefix", `["(1516"]`)),
			planOnly(e, rule("regexp", `[".*516", "^1(800|888)[0-9]{7}$"]`)),
		),
	})
}

func TestAccValidation_callbackURLScheme(t *testing.T) {
	e := acctest.New(t)
	e.Test(resource.TestCase{
		Steps: append(validationSteps(e, []struct{ config, want string }{
			{`resource "carrierx_did_group" "x" { callback_url = "ftp://x" }`,
				`(?s)Invalid callback URL.*callback_url\s+"ftp://x"\s+is\s+not\s+an\s+absolute\s+http://\s+or\s+https://\s+URL`},
			{`resource "carrierx_phone_number" "x" { callback_url = "hooks.example.com/sms" }`,
				`(?s)callback_url\s+"hooks\.example\.com/sms"\s+is\s+not\s+an\s+absolute`},
			{`resource "carrierx_prefix" "x" {
  prefix       = "1555012"
  callback_url = "https://"
}`, `(?s)callback_url\s+"https://"\s+is\s+not\s+an\s+absolute`},
			{`resource "carrierx_partner" "x" {
  login     = "subco"
  callbacks = { app_mediator = "mailto:ops@example.com" }
}`, `(?s)callbacks\.app_mediator\s+"mailto:ops@example\.com"\s+is\s+not\s+an\s+absolute`},
		}),
			// "" is CarrierX's "no callback" on a DID group (stored as null).
			planOnly(e, `resource "carrierx_did_group" "x" { callback_url = "" }`),
			planOnly(e, `resource "carrierx_did_group" "x" { callback_url = "https://hooks.example.com/sms" }`),
		),
	})
}

// TestAccValidation_userinfoInURL: credentials in a URL the provider sends
// would sit in plain state and plans; they are refused, and the error shows
// the URL with the credentials masked.
func TestAccValidation_userinfoInURL(t *testing.T) {
	e := acctest.New(t)
	e.Test(resource.TestCase{
		Steps: validationSteps(e, []struct{ config, want string }{
			{`resource "carrierx_did_group" "x" { callback_url = "https://user:s3cret@hooks.example.com/sms" }`,
				`(?s)Credentials in URL.*callback_url\s+"https://\*\*\*@hooks\.example\.com/sms"\s+carries\s+credentials`},
			{`resource "carrierx_phone_number" "x" { callback_url = "https://tok3n@hooks.example.com/sms" }`,
				`(?s)callback_url\s+"https://\*\*\*@hooks\.example\.com/sms"\s+carries\s+credentials`},
			{`resource "carrierx_account_settings" "x" {
  callbacks = { sms = "https://user:s3cret@hooks.example.com/sms" }
}`, `(?s)callbacks\.sms\s+"https://\*\*\*@hooks\.example\.com/sms"\s+carries\s+credentials`},
			{`resource "carrierx_shortener_link" "x" {
  domain_sid      = "44444444-aaaa-4bbb-8ccc-000000000004"
  destination_url = "https://admin:hunter2@www.example.org/offer"
}`, `(?s)destination_url\s+"https://\*\*\*@www\.example\.org/offer"\s+carries\s+credentials`},
			{`resource "carrierx_storage_container" "x" { publish_domain = "https://u:p@files.example.com" }`,
				`(?s)publish_domain\s+"https://\*\*\*@files\.example\.com"\s+carries\s+credentials`},
		}),
	})
}

// TestAccValidation_enumsAndURLs: every documented enum and URL argument is
// checked at plan, and the error names the attribute path. A closed enum
// lists its values and names the nearest; an enum CarrierX documents only in
// part refuses a listed value written differently.
func TestAccValidation_enumsAndURLs(t *testing.T) {
	e := acctest.New(t)
	const sid = "00000000-0000-4000-8000-000000000001"
	trunk := func(attrs string) string {
		return `resource "carrierx_trunk" "x" {
  trunk_group_sid = "` + sid + `"
  ` + attrs + `
}`
	}
	acls := func(attrs string) string {
		return `acls = [{ access_control_rules = [], direction = "inbound" }, { access_control_rules = [], ` + attrs + ` }]`
	}
	acl := func(res, attrs string) string { return `resource "` + res + `" "x" { ` + acls(attrs) + ` }` }
	// in is a resource of type typ with these arguments, one a line.
	in := func(typ string, args ...string) string {
		return "resource \"" + typ + "\" \"x\" {\n  " + strings.Join(args, "\n  ") + "\n}"
	}
	cases := []struct{ config, want string }{
		// Endpoints (CarrierX docs, Core API, Endpoints).
		{`resource "carrierx_endpoint" "x" { type = "third-party" }`,
			`(?s)type\s+value\s+"third-party"\s+is\s+CarrierX's\s+"third_party"\s+written\s+differently`},
		{in("carrierx_endpoint", `type = "third_party"`, `addresses = [{ ip = "203.0.113.10", transport = "UDP" }]`),
			`(?s)addresses\[0\]\.transport\s+value\s+must\s+be\s+one\s+of:\s+\["udp"\s+"tcp"\s+"tls"\],\s+got:\s+"UDP".*Did\s+you\s+mean\s+"udp"`},
		{in("carrierx_endpoint", `type = "third_party"`, `addresses = [{ ip = "203.0.113.10", direction = "Inbound" }]`),
			`(?s)addresses\[0\]\.direction\s+value\s+"Inbound"\s+is\s+CarrierX's\s+"inbound"`},
		// Trunks and trunk groups (CarrierX docs, Core API, Trunk Groups).
		{trunk(`codec = "G711"`), `(?s)codec\s+value\s+"G711"\s+is\s+not\s+a\s+CarrierX\s+value:\s+G\.711\s+is\s+written\s+"ulaw"`},
		{trunk(`codec = "G.722"`), `(?s)codec\s+value\s+"G\.722"\s+is\s+CarrierX's\s+"g722"`},
		{trunk(`allow_forward = "direct-uri"`), `(?s)allow_forward\s+value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"direct_uri"`},
		{trunk(`asn_mode = "readwrite"`), `(?s)asn_mode\s+value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"read_write"`},
		{trunk(`allow_transfer = "Disabled"`), `(?s)allow_transfer\s+value\s+"Disabled"\s+is\s+CarrierX's\s+"disabled"`},
		{trunk(`call_type = "Regular"`), `(?s)call_type\s+value\s+"Regular"\s+is\s+CarrierX's\s+"regular"`},
		{trunk(`in_identity_format = "pass-through"`), `(?s)in_identity_format\s+value\s+"pass-through"`},
		{trunk(`in_identity_mode = "PassThrough"`), `(?s)in_identity_mode\s+value\s+"PassThrough"`},
		{trunk(`out_identity_mode = "pass through"`), `(?s)out_identity_mode\s+value\s+"pass through"`},
		{trunk(`in_rfc_4694_mode = "cut-all"`), `(?s)in_rfc_4694_mode\s+value\s+"cut-all"\s+is\s+CarrierX's\s+"cut_all"`},
		{trunk(`out_rfc_4694_mode = "CUT_ALL"`), `(?s)out_rfc_4694_mode\s+value\s+"CUT_ALL"`},
		{trunk(acls(`direction = "both"`)), `(?s)acls\[1\]\.direction\s+value\s+must\s+be\s+one\s+of:\s+\["any"\s+"inbound"\s+"outbound"\s+"undirected"\]`},
		{acl("carrierx_trunk_group", `direction = "any", voice_action_true = "reject_403"`),
			`(?s)acls\[1\]\.voice_action_true\s+value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"reject403"`},
		{acl("carrierx_trunk_group", `direction = "any", voice_action_false = "drop"`), `(?s)acls\[1\]\.voice_action_false\s+value\s+must\s+be\s+one\s+of`},
		{`resource "carrierx_trunk_group" "x" { routing_type = "Failover" }`, `(?s)routing_type\s+value\s+"Failover"\s+is\s+CarrierX's\s+"failover"`},
		{`resource "carrierx_trunk_group" "x" { hard_failure_last_resort = "reject-502" }`,
			`(?s)hard_failure_last_resort\s+value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"reject502"`},
		// Access control (CarrierX docs, Core API, Access Control).
		{in("carrierx_access_control_rule", `field = "called"`, `operation = "regex"`, `quantifier = "any"`, `entries = ["1516"]`),
			`(?s)operation\s+value\s+must\s+be\s+one\s+of:\s+\["exact"\s+"prefix"\s+"regexp"\],\s+got:\s+"regex".*Did\s+you\s+mean\s+"regexp"`},
		// Partners: the account's own ACLs, callbacks and billing mode.
		{acl("carrierx_account_settings", `direction = "Outbound"`), `(?s)acls\[1\]\.direction\s+value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"outbound"`},
		{acl("carrierx_account_settings", `direction = "outbound", sms_action_true = "deny"`), `(?s)acls\[1\]\.sms_action_true\s+value\s+must\s+be\s+one\s+of:\s+\["accept"\s+"reject"\]`},
		{acl("carrierx_account_settings", `direction = "outbound", sms_action_false = "rejected"`), `(?s)acls\[1\]\.sms_action_false\s+value.*Did\s+you\s+mean\s+"reject"`},
		{acl("carrierx_account_settings", `direction = "outbound", voice_action_true = "reject"`), `(?s)acls\[1\]\.voice_action_true\s+value\s+must\s+be\s+one\s+of:\s+\["accept"\s+"reject403"\s+"reject503"\]`},
		{acl("carrierx_account_settings", `direction = "outbound", voice_action_false = "accepted"`), `(?s)acls\[1\]\.voice_action_false\s+value.*Did\s+you\s+mean\s+"accept"`},
		{in("carrierx_account_settings", `callbacks = { app_mediator = "not a url" }`),
			`(?s)callbacks\.app_mediator\s+"not a url"\s+is\s+not\s+an\s+absolute`},
		{in("carrierx_partner", `login = "subco"`, `payment_type = "Prepay"`),
			`(?s)payment_type\s+value\s+"Prepay"\s+is\s+CarrierX's\s+"prepay"`},
		// Numbers (CarrierX docs, Core API, Phone Numbers).
		{`resource "carrierx_phone_number" "x" { callback_url = "not a url" }`, `(?s)callback_url\s+"not a url"\s+is\s+not\s+an\s+absolute`},
		{`resource "carrierx_did_group" "x" { callback_url = "not a url" }`, `(?s)callback_url\s+"not a url"\s+is\s+not\s+an\s+absolute`},
		{in("carrierx_prefix", `prefix = "1555012"`, `callback_url = "example.com/sms"`),
			`(?s)callback_url\s+"example\.com/sms"\s+is\s+not\s+an\s+absolute`},
		{`resource "carrierx_phone_number" "x" { required_capabilities = ["SMS_inbound"] }`,
			`(?s)required_capabilities.*value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"sms_inbound"`},
		// Storage (CarrierX docs, Core API, Storage).
		{`resource "carrierx_storage_container" "x" { type = "Internal" }`, `(?s)type\s+value\s+"Internal"\s+is\s+CarrierX's\s+"internal"`},
		{`resource "carrierx_storage_container" "x" { default_file_lifecycle_action = "no-action" }`,
			`(?s)default_file_lifecycle_action\s+value\s+"no-action"\s+is\s+CarrierX's\s+"no_action"`},
		{`resource "carrierx_storage_container" "x" { default_file_publish = "file-sid" }`, `(?s)default_file_publish\s+value\s+"file-sid"`},
		{`resource "carrierx_storage_container" "x" { allowed_classifications = ["Media"] }`,
			`(?s)allowed_classifications\[0\]\s+value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"media"`},
		{`resource "carrierx_storage_container" "x" { publish_domain = "files.example.com" }`,
			`(?s)publish_domain\s+"files\.example\.com"\s+is\s+not\s+an\s+absolute\s+URL:\s+it\s+has\s+no\s+scheme`},
		{in("carrierx_storage_file", `container_sid = "`+sid+`"`, `content = "x"`, `lifecycle_action = "No_Action"`),
			`(?s)lifecycle_action\s+value\s+"No_Action"`},
		{in("carrierx_storage_file", `container_sid = "`+sid+`"`, `content = "x"`, `publish = "FileSID"`),
			`(?s)publish\s+value\s+"FileSID"\s+is\s+CarrierX's\s+"file_sid"`},
		{in("carrierx_storage_file", `container_sid = "`+sid+`"`, `content = "x"`, `type = "File"`),
			`(?s)type\s+value\s+"File"\s+is\s+CarrierX's\s+"file"`},
		// Shortener (CarrierX docs, Core API, URL Shortener).
		{in("carrierx_shortener_domain", `domain_name = "go.example.net"`, `secure = "Required"`),
			`(?s)secure\s+value\s+"Required"\s+is\s+CarrierX's\s+"required"`},
		{in("carrierx_shortener_domain", `domain_name = "go.example.net"`, `scope = "Children"`),
			`(?s)scope\s+value\s+"Children"`},
		{in("carrierx_shortener_domain", `domain_name = "go.example.net"`, `not_found_mode = "redirect-permanent"`),
			`(?s)not_found_mode\s+value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"redirect_permanent"`},
		{in("carrierx_shortener_link", `domain_sid = "`+sid+`"`, `destination_url = "example.com/x"`),
			`(?s)destination_url\s+"example\.com/x"\s+is\s+not\s+an\s+absolute\s+URL:\s+it\s+has\s+no\s+scheme.*"https://example\.com/x"`},
		{in("carrierx_shortener_link", `domain_sid = "`+sid+`"`, `destination_url = "https://example.com/x"`, `mode = "proxy-pass"`),
			`(?s)mode\s+value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"proxy_pass"`},
		// Endpoint APIs (CarrierX docs, FlexML API, Conference API).
		{in("carrierx_flexml_account", `endpoint_sid = "`+sid+`"`, `method = "post"`),
			`(?s)method\s+value\s+must\s+be\s+one\s+of:\s+\["POST"\s+"GET"\],\s+got:\s+"post".*Did\s+you\s+mean\s+"POST"`},
		{in("carrierx_flexml_account", `endpoint_sid = "`+sid+`"`, `url = "example.com/flexml"`),
			`(?s)url\s+"example\.com/flexml"\s+is\s+not\s+an\s+absolute`},
		{in("carrierx_flexml_did", `endpoint_sid = "`+sid+`"`, `phonenumber = "15550001111"`, `status_callback_method = "Post"`),
			`(?s)status_callback_method\s+value\s+must\s+be\s+one\s+of:.*Did\s+you\s+mean\s+"POST"`},
		{in("carrierx_flexml_did", `endpoint_sid = "`+sid+`"`, `phonenumber = "15550001111"`, `status_callback_url = "not a url"`),
			`(?s)status_callback_url\s+"not a url"\s+is\s+not\s+an\s+absolute`},
	}
	e.Test(resource.TestCase{
		Steps: append(validationSteps(e, cases),
			// Values the reference does not rule out are left to CarrierX.
			planOnly(e, `resource "carrierx_endpoint" "x" { type = "bridge" }`),
			planOnly(e, trunk(`codec = "opus96"
  call_type = "emergency"`)),
			planOnly(e, `resource "carrierx_shortener_link" "x" {
  domain_sid      = "`+sid+`"
  destination_url = "tel:+15550001111"
}`),
		),
	})
}
