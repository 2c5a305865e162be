package accountsettings_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const accountSettingsRes = "carrierx_account_settings.test"

const accountSettingsRule = `
resource "carrierx_access_control_rule" "premium" {
  name       = "premium-rate"
  field      = "called"
  operation  = "prefix"
  quantifier = "any"
  entries    = ["1900"]
}
`

// accountSettingsConfig renders carrierx_account_settings.test with the
// sms callback URL; parts selects the other settings ("acls",
// "transformations"), extra is put in the resource body.
func accountSettingsConfig(sms string, parts []string, extra string) string {
	var b strings.Builder
	b.WriteString(accountSettingsRule)
	fmt.Fprintf(&b, `
resource "carrierx_account_settings" "test" {
  %s
  callbacks = {
    sms          = %q
    app_mediator = "https://example.com/cx/mediator"
  }
  attributes = { team = "voice" }
`, extra, sms)
	for _, p := range parts {
		switch p {
		case "acls":
			b.WriteString(`
  acls = [{
    direction            = "outbound"
    access_control_rules = [carrierx_access_control_rule.premium.rule_sid]
    voice_action_true    = "reject403"
  }]
`)
		case "transformations":
			b.WriteString(`
  transformations = [{ action = "set", direction = "inbound", operands = ["X-Account", "1"] }]
`)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

const accountSettingsSub = `
resource "carrierx_partner" "sub" {
  login    = "settings_sub"
  password = "Str0ng-Passw0rd"
  name     = "Settings Sub"
}
`

func accountSettingsSIDFrom(s *terraform.State) (string, error) {
	return acctest.Attr(accountSettingsRes, "partner_sid")(s)
}

// accountSettingsCleared checks through the API that the partner has no
// callbacks and no attributes (and, with all, no acls or transformations).
func accountSettingsCleared(e *acctest.Env, sid string, all bool) error {
	p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), sid)
	if err != nil {
		return err
	}
	if len(p.Callbacks) != 0 || len(p.Attributes) != 0 || (all && (len(p.ACLs) != 0 || !framework.EmptyJSON(p.Transformations))) {
		return fmt.Errorf("partner %s keeps settings: callbacks %v attributes %v acls %v transformations %v",
			sid, p.Callbacks, p.Attributes, p.ACLs, string(p.Transformations))
	}
	return nil
}

// TestAccAccountSettings_lifecycle covers create on the token's own
// partner, import, update in place, dropping a setting, replace (another
// partner) and a destroy that clears what was managed.
func TestAccAccountSettings_lifecycle(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // request log
	own := e.PartnerOwnSID(t)
	all := []string{"acls", "transformations"}
	e.Test(resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			for _, rs := range s.RootModule().Resources {
				if rs.Type == "carrierx_partner" {
					if err := accountSettingsCleared(e, rs.Primary.Attributes["partner_sid"], true); err != nil {
						return fmt.Errorf("destroy did not clear the settings: %w", err)
					}
				}
			}
			return accountSettingsCleared(e, own, true)
		},
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequests,
				Config:           e.Config(accountSettingsConfig("https://example.com/cx/sms", all, "")),
				ConfigPlanChecks: acctest.Plans(accountSettingsRes, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(accountSettingsRes, "partner_sid", own),
					resource.TestCheckResourceAttr(accountSettingsRes, "callbacks.sms", "https://example.com/cx/sms"),
					resource.TestCheckResourceAttr(accountSettingsRes, "acls.0.direction", "outbound"),
					func(*terraform.State) error {
						reqs := e.Requests()
						if err := acctest.ExpectCalls(reqs, map[string]int{"PATCH /core/v2/partners/" + own: 1, "GET /core/v2/partners/" + own: 0}); err != nil {
							return err
						}
						if acctest.Count(reqs, http.MethodGet, "/core/v2/oauth/tokens") == 0 {
							return fmt.Errorf("the token's partner was not looked up: %v", acctest.Summarize(reqs))
						}
						body, err := acctest.OnlyRequestBody(reqs, http.MethodPatch, "/core/v2/partners/"+own)
						if err != nil {
							return err
						}
						for _, k := range []string{"callbacks", "attributes", "acls", "transformations"} {
							if _, ok := body[k]; !ok {
								return fmt.Errorf("create PATCH lacks %s: %v", k, body)
							}
						}
						if len(body) != 4 {
							return fmt.Errorf("create PATCH sends more than the settings: %v", body)
						}
						p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), own)
						if err == nil && (p.Callbacks["sms"] != "https://example.com/cx/sms" || p.Attributes["team"] != "voice" || len(p.ACLs) != 1) {
							err = fmt.Errorf("CarrierX holds %+v", p)
						}
						return err
					},
				),
			},
			{
				ResourceName:                         accountSettingsRes,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "partner_sid",
				ImportStateIdFunc:                    accountSettingsSIDFrom,
			},
			{
				Config:            e.Config(accountSettingsConfig("https://example.com/cx/sms", all, "")),
				ResourceName:      accountSettingsRes,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: accountSettingsSIDFrom,
			},
			{
				PreConfig:        e.ClearRequests,
				Config:           e.Config(accountSettingsConfig("https://example.com/cx/sms-v2", all, "")),
				ConfigPlanChecks: acctest.Quiet(accountSettingsRes, "callbacks"),
				Check:            acctest.Sent(e, &own, map[string]int{"PATCH /core/v2/partners/{sid}": 1}, "PATCH", `{"callbacks":{"app_mediator":"https://example.com/cx/mediator","sms":"https://example.com/cx/sms-v2"}}`),
			},
			{
				// Dropping a setting from the configuration clears it in CarrierX.
				PreConfig:        e.ClearRequests,
				Config:           e.Config(accountSettingsConfig("https://example.com/cx/sms-v2", []string{"acls"}, "")),
				ConfigPlanChecks: acctest.Quiet(accountSettingsRes, "transformations"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckNoResourceAttr(accountSettingsRes, "transformations.#"),
					func(*terraform.State) error {
						if err := acctest.ExpectBody(e.Requests(), "PATCH", `{"transformations":[]}`); err != nil {
							return err
						}
						p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), own)
						if err == nil && !framework.EmptyJSON(p.Transformations) {
							err = fmt.Errorf("transformations left in CarrierX: %s", p.Transformations)
						}
						return err
					},
				),
			},
			{
				// Another partner: the settings move, the old partner's are cleared.
				Config: e.Config(accountSettingsSub + accountSettingsConfig("https://example.com/cx/sms-v2", nil,
					"partner_sid = carrierx_partner.sub.partner_sid")),
				ConfigPlanChecks: acctest.Plans(accountSettingsRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair(accountSettingsRes, "partner_sid", "carrierx_partner.sub", "partner_sid"),
					func(s *terraform.State) error {
						if err := accountSettingsCleared(e, own, true); err != nil {
							return err
						}
						sub, _ := acctest.Attr("carrierx_partner.sub", "partner_sid")(s)
						p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), sub)
						if err == nil && p.Callbacks["sms"] != "https://example.com/cx/sms-v2" {
							err = fmt.Errorf("sub-partner callbacks %v", p.Callbacks)
						}
						return err
					},
				),
			},
		},
	})
}

// TestAccAccountSettings_drift: changes made outside Terraform to managed
// settings show in the plan and are reverted; unmanaged ones are ignored.
func TestAccAccountSettings_drift(t *testing.T) {
	e := acctest.New(t)
	own := e.PartnerOwnSID(t)
	cfg := e.Config(accountSettingsConfig("https://example.com/cx/sms", nil, ""))
	patch := func(body map[string]any) func() {
		return func() {
			if _, err := client.Objects[client.Partner](e.API, client.PartnerKind).Update(context.Background(), own, body); err != nil {
				t.Fatal(err)
			}
		}
	}
	e.Test(resource.TestCase{
		CheckDestroy: func(*terraform.State) error { return accountSettingsCleared(e, own, false) },
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig: patch(map[string]any{"callbacks": map[string]string{
					"sms": "https://elsewhere.example/sms", "app_mediator": "https://example.com/cx/mediator",
				}}),
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(accountSettingsRes, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(accountSettingsRes, tfjsonpath.New("callbacks").AtMapKey("sms"), knownvalue.StringExact("https://example.com/cx/sms")),
						acctest.ExpectOnlyChanges(accountSettingsRes, "callbacks"),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), own)
					if err == nil && p.Callbacks["sms"] != "https://example.com/cx/sms" {
						err = fmt.Errorf("apply did not revert the sms callback: %v", p.Callbacks)
					}
					return err
				},
			},
			{
				// Everything cleared outside Terraform (the settings' "delete").
				PreConfig:        patch(map[string]any{"callbacks": map[string]string{}, "attributes": map[string]string{}}),
				Config:           cfg,
				ConfigPlanChecks: acctest.Quiet(accountSettingsRes, "callbacks", "attributes"),
				Check: func(*terraform.State) error {
					p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), own)
					if err == nil && (p.Callbacks["sms"] == "" || p.Attributes["team"] != "voice") {
						err = fmt.Errorf("apply did not restore the settings: %+v", p)
					}
					return err
				},
			},
			{
				// Not managed here: left alone.
				PreConfig: patch(map[string]any{"transformations": []map[string]any{{"action": "set", "direction": "any", "operands": []string{"a"}}}}),
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), own)
					if err == nil && transformationCount(p) != 1 {
						err = fmt.Errorf("unmanaged transformations were touched: %s", p.Transformations)
					}
					return err
				},
			},
		},
	})
	// Destroy cleared only what it managed.
	p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), own)
	if err != nil || transformationCount(p) != 1 {
		t.Fatalf("destroy touched unmanaged transformations: %v %v", p, err)
	}
}

// TestAccAccountSettings_partnerGone: a sub-partner deleted outside
// Terraform leaves its settings' state; the next plan re-creates both.
func TestAccAccountSettings_partnerGone(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // out-of-band delete through the control API
	cfg := e.Config(accountSettingsSub + `
resource "carrierx_account_settings" "test" {
  partner_sid = carrierx_partner.sub.partner_sid
  callbacks   = { sms = "https://example.com/cx/sms" }
}
`)
	var sid string
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) (err error) {
					sid, err = accountSettingsSIDFrom(s)
					return err
				},
			},
			{
				PreConfig: func() { e.Control(http.MethodDelete, "/objects/partners/"+sid, nil, nil) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("carrierx_partner.sub", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(accountSettingsRes, plancheck.ResourceActionCreate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(s *terraform.State) error {
					newSID, _ := accountSettingsSIDFrom(s)
					p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), newSID)
					if err == nil && (newSID == sid || p.Callbacks["sms"] != "https://example.com/cx/sms") {
						err = fmt.Errorf("re-created settings on %s (old %s): %v", newSID, sid, p.Callbacks)
					}
					return err
				},
			},
		},
	})
}

// TestAccAccountSettings_invalidInput refuses bad URLs and SIDs at plan
// time, and an unknown partner with a clear message.
func TestAccAccountSettings_invalidInput(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	own := e.PartnerOwnSID(t)
	res := func(body string) string {
		return e.Config(accountSettingsRule + "resource \"carrierx_account_settings\" \"test\" {\n" + body + "\n}")
	}
	e.Test(resource.TestCase{
		CheckDestroy: func(*terraform.State) error { return accountSettingsCleared(e, own, true) },
		Steps: []resource.TestStep{
			{
				Config:      res(`callbacks = { sms = "ftp://example.com/sms" }`),
				ExpectError: regexp.MustCompile(`(?s)callbacks\.sms\s+"ftp://example.com/sms"\s+is\s+not\s+an\s+absolute`),
			},
			{
				Config:      res(`callbacks = { app_mediator = "example.com/cx" }`),
				ExpectError: regexp.MustCompile(`(?s)Invalid\s+callback\s+URL`),
			},
			{
				Config:      res(`partner_sid = "me"` + "\n" + `attributes = {}`),
				ExpectError: regexp.MustCompile(`(?s)partner_sid\s+"me"\s+is\s+not\s+a\s+SID:\s+partner_sid\s+must\s+be\s+a\s+partner\s+SID`),
			},
			{
				Config:      res(`acls = [{ access_control_rules = [] }]`),
				ExpectError: regexp.MustCompile(`(?s)acls.*direction.*required`),
			},
			{
				PreConfig:   e.ClearRequests,
				Config:      res(`partner_sid = "00000000-0000-4000-8000-000000000000"` + "\n" + `callbacks = { sms = "https://example.com/sms" }`),
				ExpectError: regexp.MustCompile(`(?s)No\s+partner\s+has\s+partner_sid\s+"00000000-0000-4000-8000-000000000000"`),
			},
			{
				// Terraform drops keys a nested attribute does not have
				// (hashicorp/terraform#33570) before the provider sees them:
				// a misspelt callback key never reaches CarrierX.
				PreConfig: e.ClearRequests,
				Config:    res(`callbacks = { sms = "https://example.com/sms", fax = "https://example.com/fax" }`),
				Check: func(*terraform.State) error {
					return acctest.ExpectBody(e.Requests(), "PATCH", `{"callbacks":{"sms":"https://example.com/sms"}}`)
				},
			},
		},
	})
}

// transformationCount is how many transformations the partner has.
func transformationCount(p *client.Partner) int {
	var trs []json.RawMessage
	if json.Unmarshal(p.Transformations, &trs) != nil {
		return -1
	}
	return len(trs)
}
