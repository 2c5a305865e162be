package partner_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const partnerRes = "carrierx_partner.test"

// partnerVerify stands for the owner clicking the verification link.
func partnerVerify(e *acctest.Env, sid string) {
	e.T.Helper()
	e.Control(http.MethodPost, "/partners/"+sid+"/verify", nil, nil)
}

// partnerStillThere is the CheckDestroy of carrierx_partner: destroy only
// forgets a partner, so every one in the last state must still answer.
func partnerStillThere(e *acctest.Env, s *terraform.State) error {
	n := 0
	for addr, rs := range s.RootModule().Resources {
		if rs.Type != "carrierx_partner" || strings.HasPrefix(addr, "data.") {
			continue
		}
		n++
		if _, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), rs.Primary.Attributes["partner_sid"]); err != nil {
			return fmt.Errorf("%s after destroy: %w (destroy must leave the partner in CarrierX)", addr, err)
		}
	}
	if n == 0 {
		return fmt.Errorf("no carrierx_partner in the final state; the check would prove nothing")
	}
	return nil
}

// partnerNoneCreated fails when a POST /partners succeeded.
func partnerNoneCreated(e *acctest.Env, t *testing.T) {
	t.Helper()
	for _, r := range e.Requests() {
		if r.Method == http.MethodPost && r.Path == "/core/v2/partners" && r.Status < 300 {
			t.Fatalf("bad input created a partner: %v", acctest.Summarize(e.Requests()))
		}
	}
}

// partnerConfig renders carrierx_partner.test; extra holds more arguments
// (and may hold other resources after a closing brace).
func partnerConfig(login, name, password, extra string) string {
	pw := ""
	if password != "" {
		pw = fmt.Sprintf("password = %q", password)
	}
	return fmt.Sprintf(`
resource "carrierx_partner" "test" {
  login        = %q
  %s
  name         = %q
  company_name = "SubCo"
  country_code = "USA"
  zip          = "12345"
  owner_email  = "sam@subco.example"
  payment_type = "prepay"
  phonenumber  = "15550002222"
  %s
}
`, login, pw, name, extra)
}

const partnerMoneyArgs = `
  charge_at            = 20
  prepay_amount        = "100.00"
  spending_limit       = "0"
  daily_spending_limit = 500
`

// TestAccPartner_lifecycle covers create, verification, import, update in
// place, a format-only money change, replace, and a destroy that leaves the
// partners in CarrierX.
func TestAccPartner_lifecycle(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // verification is a control-API step
	var firstSID string
	money2 := strings.NewReplacer("charge_at            = 20", "charge_at            = 25",
		`spending_limit       = "0"`, `spending_limit       = "100"`).Replace(partnerMoneyArgs)
	money3 := strings.NewReplacer("charge_at            = 25", `charge_at            = "25.00"`,
		"daily_spending_limit = 500", `daily_spending_limit = "500.0"`).Replace(money2)
	parent := `
}
resource "carrierx_partner" "parent" {
  login    = "subco_parent"
  password = "Str0ng-Passw0rd"
  name     = "Parent Co"
`
	e.Test(resource.TestCase{
		CheckDestroy: func(x *terraform.State) error { return partnerStillThere(e, x) },
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Config(partnerConfig("subco", "Sam Roe", "Str0ng-Passw0rd", partnerMoneyArgs)),
				ConfigPlanChecks: acctest.Plans(partnerRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(partnerRes, map[string]knownvalue.Check{
					"status": knownvalue.StringExact("unverified"),
					// Hidden by CarrierX until verified, kept as configured.
					"owner_email": knownvalue.StringExact("sam@subco.example"),
					// Written as 20, "100.00" and 500: kept as written.
					"charge_at":            knownvalue.StringExact("20"),
					"prepay_amount":        knownvalue.StringExact("100.00"),
					"daily_spending_limit": knownvalue.StringExact("500"),
					"password":             knownvalue.StringExact("Str0ng-Passw0rd"),
					// Not configured: not managed here.
					"callbacks":  knownvalue.Null(),
					"attributes": knownvalue.Null(),
					"display_id": knownvalue.StringRegexp(regexp.MustCompile(`^CX\d{8}$`)),
				}),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(partnerRes, "partner_sid", acctest.SIDRegexp),
					func(s *terraform.State) error {
						sid, err := acctest.Attr(partnerRes, "partner_sid")(s)
						firstSID = sid
						if err != nil {
							return err
						}
						if own := e.PartnerOwnSID(t); s.RootModule().Resources[partnerRes].Primary.Attributes["parent_sid"] != own {
							return fmt.Errorf("parent_sid is not the token's partner %s", own)
						}
						reqs := e.Requests()
						if err := acctest.ExpectCalls(reqs, map[string]int{"POST /core/v2/partners": 1, "PATCH /core/v2/partners/" + sid: 0}); err != nil {
							return err
						}
						body, err := acctest.OnlyRequestBody(reqs, http.MethodPost, "/core/v2/partners")
						if err != nil {
							return err
						}
						if body["password"] != "Str0ng-Passw0rd" || body["charge_at"] != "20" || body["login"] != "subco" {
							return fmt.Errorf("create body %v", body)
						}
						if _, ok := body["parent_sid"]; ok {
							return fmt.Errorf("create body sends parent_sid although it is not configured: %v", body)
						}
						return nil
					},
				),
			},
			{
				// The owner follows the verification link: nothing to change.
				PreConfig: func() { partnerVerify(e, firstSID) },
				Config:    e.Config(partnerConfig("subco", "Sam Roe", "Str0ng-Passw0rd", partnerMoneyArgs)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(partnerRes, "status", "active"),
					resource.TestCheckResourceAttr(partnerRes, "owner_email", "sam@subco.example"),
				),
			},
			{
				ResourceName:                         partnerRes,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "partner_sid",
				ImportStateIdFunc:                    acctest.Attr(partnerRes, "partner_sid"),
				// CarrierX never returns the password.
				ImportStateVerifyIgnore: []string{"password"},
			},
			{
				// An import block plans no change (without the password,
				// which an import cannot know and the next apply would send).
				Config:            e.Config(partnerConfig("subco", "Sam Roe", "", partnerMoneyArgs)),
				ResourceName:      partnerRes,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: acctest.Attr(partnerRes, "partner_sid"),
			},
			// A rename plans one line: the balance, the scopes, the status... stay as they are.
			acctest.QuietStep(e.ClearRequestsIfEmulated, e.Config(partnerConfig("subco", "Sam Roe 2", "Str0ng-Passw0rd", partnerMoneyArgs)),
				partnerRes, []string{"name"},
				resource.TestCheckResourceAttr(partnerRes, "name", "Sam Roe 2"),
				acctest.OnePatch(e, `{"name":"Sam Roe 2"}`),
			),
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Config(partnerConfig("subco", "Sam Roe 2", "Str0ng-Passw0rd", money2)),
				ConfigPlanChecks: acctest.Quiet(partnerRes, "charge_at", "spending_limit"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(partnerRes, "name", "Sam Roe 2"),
					resource.TestCheckResourceAttr(partnerRes, "charge_at", "25"),
					acctest.SameAttr(partnerRes, "partner_sid", &firstSID),
					acctest.Sent(e, &firstSID, map[string]int{"PATCH /core/v2/partners/{sid}": 1, "POST /core/v2/partners": 0}, "PATCH", `{"charge_at":"25","spending_limit":"100"}`),
				),
			},
			{
				// The same amounts written another way: Terraform sees new
				// text, the provider sends nothing, and no diff remains.
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           e.Config(partnerConfig("subco", "Sam Roe 2", "Str0ng-Passw0rd", money3)),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(partnerRes, "charge_at", "25.00"),
					resource.TestCheckResourceAttr(partnerRes, "daily_spending_limit", "500.0"),
					func(s *terraform.State) error {
						sid, _ := acctest.Attr(partnerRes, "partner_sid")(s)
						return acctest.ExpectCalls(e.Requests(), map[string]int{"PATCH /core/v2/partners/" + sid: 0})
					},
				),
			},
			{
				// parent_sid is create-only: a new partner under another parent.
				// The old partner stays in CarrierX, so the new one needs its own login.
				Config: e.Config(partnerConfig("subco2", "Sam Roe 2", "Str0ng-Passw0rd",
					money3+"  parent_sid = carrierx_partner.parent.partner_sid\n"+parent)),
				ConfigPlanChecks: acctest.Plans(partnerRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair(partnerRes, "parent_sid", "carrierx_partner.parent", "partner_sid"),
					func(s *terraform.State) error {
						sid, _ := acctest.Attr(partnerRes, "partner_sid")(s)
						if sid == firstSID {
							return fmt.Errorf("parent_sid change kept SID %s; expected a new partner", sid)
						}
						// The replaced partner was only forgotten.
						if _, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), firstSID); err != nil {
							return fmt.Errorf("replaced partner %s: %w", firstSID, err)
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccPartner_drift changes and deletes the partner behind Terraform's
// back; the next plan shows both and the apply reverts them.
func TestAccPartner_drift(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // the out-of-band delete is a control-API step
	var sid string
	cfg := e.Config(partnerConfig("drifter", "Dee Rift", "Str0ng-Passw0rd",
		`city = "Springfield"`+"\n"+`callbacks = { sms = "https://subco.example/sms" }`))
	e.Test(resource.TestCase{
		CheckDestroy: func(x *terraform.State) error { return partnerStillThere(e, x) },
		Steps: acctest.DriftSteps(t, cfg, partnerRes, "partner_sid", &sid,
			acctest.UpdateOutside[client.Partner](e, client.PartnerKind, &sid, map[string]any{
				"name": "changed-outside", "city": "Shelbyville", "spending_limit": "42",
				"callbacks":  map[string]string{"sms": "https://elsewhere.example/sms"},
				"attributes": map[string]string{"set": "outside"},
			}),
			func(*terraform.State) error {
				p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), sid)
				if err == nil && (p.Name != "Dee Rift" || p.City == nil || *p.City != "Springfield" || p.Callbacks["sms"] != "https://subco.example/sms") {
					err = fmt.Errorf("apply did not revert the drift: name %q city %v callbacks %v", p.Name, p.City, p.Callbacks)
				}
				if err == nil && p.Attributes["set"] != "outside" {
					err = fmt.Errorf("apply touched unmanaged attributes: %v", p.Attributes)
				}
				return err
			},
			func() error { e.Control(http.MethodDelete, "/objects/partners/"+sid, nil, nil); return nil },
			append(acctest.PlanKnown(partnerRes, map[string]knownvalue.Check{
				"name":          knownvalue.StringExact("Dee Rift"),
				"city":          knownvalue.StringExact("Springfield"),
				"callbacks.sms": knownvalue.StringExact("https://subco.example/sms"),
				// Not managed here: left as CarrierX has it.
				"attributes": knownvalue.Null(),
				// Not configured: CarrierX's value is taken, not reverted.
				"spending_limit": knownvalue.StringExact("42"),
			}), acctest.ExpectOnlyChanges(partnerRes, "name", "city", "callbacks"))...,
		),
	})
}

// TestAccPartner_writeOnlyPassword sends password_wo without ever storing
// it, and re-sends it when the version changes.
func TestAccPartner_writeOnlyPassword(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // the password is never returned: only the request log shows it
	cfg := func(pw string, v int) string {
		return e.Config(partnerConfig("wo_partner", "Wo", "",
			fmt.Sprintf("password_wo = %q\n  password_wo_version = %d", pw, v)))
	}
	sentPassword := func(method string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			sid, _ := acctest.Attr(partnerRes, "partner_sid")(s)
			p := "/core/v2/partners"
			if method == http.MethodPatch {
				p += "/" + sid
			}
			body, err := acctest.OnlyRequestBody(e.Requests(), method, p)
			if err != nil {
				return err
			}
			if want := map[string]string{http.MethodPost: "first-Secret-1", http.MethodPatch: "second-Secret-2"}[method]; body["password"] != want {
				return fmt.Errorf("%s sent password %v, want the write-only value", method, body["password"])
			}
			if method == http.MethodPatch && len(body) != 1 {
				return fmt.Errorf("PATCH sent %v, want only the password", body)
			}
			return nil
		}
	}
	e.Test(resource.TestCase{
		CheckDestroy: func(x *terraform.State) error { return partnerStillThere(e, x) },
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequests,
				Config:           cfg("first-Secret-1", 1),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckNoResourceAttr(partnerRes, "password"),
					resource.TestCheckNoResourceAttr(partnerRes, "password_wo"),
					resource.TestCheckResourceAttr(partnerRes, "password_wo_version", "1"),
					sentPassword(http.MethodPost),
				),
			},
			{
				// A new value alone does not change the plan; the version does.
				Config: cfg("second-Secret-2", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				PreConfig:        e.ClearRequests,
				Config:           cfg("second-Secret-2", 2),
				ConfigPlanChecks: acctest.Quiet(partnerRes, "password_wo_version"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckNoResourceAttr(partnerRes, "password"),
					resource.TestCheckNoResourceAttr(partnerRes, "password_wo"),
					sentPassword(http.MethodPatch),
				),
			},
		},
	})
}

// TestAccPartner_invalidInput fails at plan time where the schema knows
// better, and with CarrierX's message otherwise; nothing is created.
func TestAccPartner_invalidInput(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	e.ClearRequests()
	res := func(extra string) string { return e.Config(partnerConfig("bad", "Bad", "x-Passw0rd", extra)) }
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      strings.Replace(res(""), `country_code = "USA"`, `country_code = "usa"`, 1),
				ExpectError: regexp.MustCompile(`(?s)country_code.*ISO\s+3166-1\s+alpha-3`),
			},
			{
				Config:      res(`charge_at = "twenty"`),
				ExpectError: regexp.MustCompile(`(?s)charge_at\s+"twenty"\s+is\s+not\s+an\s+amount`),
			},
			{
				Config:      res(`spending_limit = -5`),
				ExpectError: regexp.MustCompile(`(?s)spending_limit\s+"-5"\s+is\s+not\s+an\s+amount`),
			},
			{
				Config:      res(`callbacks = { sms = "not a url" }`),
				ExpectError: regexp.MustCompile(`(?s)callbacks\.sms\s+"not\s+a\s+url"\s+is\s+not\s+an\s+absolute`),
			},
			{
				Config:      res(`parent_sid = "abc"`),
				ExpectError: regexp.MustCompile(`(?s)parent_sid\s+"abc"\s+is\s+not\s+a\s+SID:\s+parent_sid\s+must\s+be\s+a\s+partner\s+SID`),
			},
			{
				Config:      res(`password_wo = "x"`),
				ExpectError: regexp.MustCompile(`(?s)password_wo_version`),
			},
			{
				// A well-formed SID that is no partner of this token: CarrierX says so.
				Config:      res(`parent_sid = "00000000-0000-4000-8000-000000000000"`),
				ExpectError: regexp.MustCompile(`(?s)Unable\s+to\s+create\s+carrierx_partner.*422.*parent_sid`),
			},
		},
	})
	partnerNoneCreated(e, t)
}

// TestAccPartner_importErrors rejects malformed and unknown import IDs.
func TestAccPartner_importErrors(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Config(`resource "carrierx_partner" "test" { login = "nobody" }`)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: cfg, ResourceName: partnerRes, ImportState: true, ImportStateId: "not-a-sid",
				ExpectError: regexp.MustCompile(`"not-a-sid" is not a partner SID`),
			},
			{
				Config: cfg, ResourceName: partnerRes, ImportState: true, ImportStateId: "00000000-0000-4000-8000-000000000000",
				ExpectError: regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
}

// TestAccPartner_loginTaken: a login another partner holds (a partner
// Terraform destroyed keeps its own) is refused with the way to import it.
func TestAccPartner_loginTaken(t *testing.T) {
	e := acctest.New(t)
	first := partnerConfig("taken-login", "First", "Str0ng-Passw0rd", "")
	e.Test(resource.TestCase{
		CheckDestroy: func(x *terraform.State) error { return partnerStillThere(e, x) },
		Steps: []resource.TestStep{
			{Config: e.Config(first)},
			{
				Config: e.Config(first + strings.Replace(partnerConfig("taken-login", "Second", "Str0ng-Passw0rd", ""),
					`"carrierx_partner" "test"`, `"carrierx_partner" "second"`, 1)),
				ExpectError: regexp.MustCompile(`(?s)login refused.*"taken-login".*import it by its partner_sid.*login eq`),
			},
		},
	})
}
