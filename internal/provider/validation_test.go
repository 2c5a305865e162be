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
