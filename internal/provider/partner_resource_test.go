package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

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
	e := newAccEnv(t)
	e.emulatorOnly() // verification is a control-API step
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy:             e.partnerStillThere,
		Steps: []resource.TestStep{
			{
				PreConfig: e.clearRequestsIfEmulated,
				Config:    e.config(partnerConfig("subco", "Sam Roe", "Str0ng-Passw0rd", partnerMoneyArgs)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(partnerRes, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(partnerRes, tfjsonpath.New("status"), knownvalue.StringExact("unverified")),
					// Hidden by CarrierX until verified, kept as configured.
					statecheck.ExpectKnownValue(partnerRes, tfjsonpath.New("owner_email"), knownvalue.StringExact("sam@subco.example")),
					// Written as 20, "100.00" and 500: kept as written.
					statecheck.ExpectKnownValue(partnerRes, tfjsonpath.New("charge_at"), knownvalue.StringExact("20")),
					statecheck.ExpectKnownValue(partnerRes, tfjsonpath.New("prepay_amount"), knownvalue.StringExact("100.00")),
					statecheck.ExpectKnownValue(partnerRes, tfjsonpath.New("daily_spending_limit"), knownvalue.StringExact("500")),
					statecheck.ExpectKnownValue(partnerRes, tfjsonpath.New("password"), knownvalue.StringExact("Str0ng-Passw0rd")),
					// Not configured: not managed here.
					statecheck.ExpectKnownValue(partnerRes, tfjsonpath.New("callbacks"), knownvalue.Null()),
					statecheck.ExpectKnownValue(partnerRes, tfjsonpath.New("attributes"), knownvalue.Null()),
					statecheck.ExpectKnownValue(partnerRes, tfjsonpath.New("display_id"), knownvalue.StringRegexp(regexp.MustCompile(`^CX\d{8}$`))),
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(partnerRes, "partner_sid", sidRegexp),
					func(s *terraform.State) error {
						sid, err := partnerSIDOf(partnerRes)(s)
						firstSID = sid
						if err != nil {
							return err
						}
						if own := e.partnerOwnSID(t); s.RootModule().Resources[partnerRes].Primary.Attributes["parent_sid"] != own {
							return fmt.Errorf("parent_sid is not the token's partner %s", own)
						}
						reqs := e.requests()
						if err := expectCalls(reqs, map[string]int{"POST /core/v2/partners": 1, "PATCH /core/v2/partners/" + sid: 0}); err != nil {
							return err
						}
						body, err := partnerRequestBody(reqs, http.MethodPost, "/core/v2/partners")
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
				PreConfig: func() { e.partnerVerify(firstSID) },
				Config:    e.config(partnerConfig("subco", "Sam Roe", "Str0ng-Passw0rd", partnerMoneyArgs)),
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
				ImportStateIdFunc:                    partnerSIDOf(partnerRes),
				// CarrierX never returns the password.
				ImportStateVerifyIgnore: []string{"password"},
			},
			{
				// An import block plans no change (without the password,
				// which an import cannot know and the next apply would send).
				Config:            e.config(partnerConfig("subco", "Sam Roe", "", partnerMoneyArgs)),
				ResourceName:      partnerRes,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: partnerSIDOf(partnerRes),
			},
			{
				PreConfig: e.clearRequestsIfEmulated,
				Config:    e.config(partnerConfig("subco", "Sam Roe 2", "Str0ng-Passw0rd", money2)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(partnerRes, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(partnerRes, "name", "Sam Roe 2"),
					resource.TestCheckResourceAttr(partnerRes, "charge_at", "25"),
					func(s *terraform.State) error {
						sid, _ := partnerSIDOf(partnerRes)(s)
						if sid != firstSID {
							return fmt.Errorf("update replaced the partner: %s became %s", firstSID, sid)
						}
						reqs := e.requests()
						if err := expectCalls(reqs, map[string]int{"PATCH /core/v2/partners/" + sid: 1, "POST /core/v2/partners": 0}); err != nil {
							return err
						}
						return expectBody(reqs, "PATCH", `{"charge_at":"25","name":"Sam Roe 2","spending_limit":"100"}`)
					},
				),
			},
			{
				// The same amounts written another way: Terraform sees new
				// text, the provider sends nothing, and no diff remains.
				PreConfig: e.clearRequestsIfEmulated,
				Config:    e.config(partnerConfig("subco", "Sam Roe 2", "Str0ng-Passw0rd", money3)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(partnerRes, "charge_at", "25.00"),
					resource.TestCheckResourceAttr(partnerRes, "daily_spending_limit", "500.0"),
					func(s *terraform.State) error {
						sid, _ := partnerSIDOf(partnerRes)(s)
						return expectCalls(e.requests(), map[string]int{"PATCH /core/v2/partners/" + sid: 0})
					},
				),
			},
			{
				// parent_sid is create-only: a new partner under another parent.
				// The old partner stays in CarrierX, so the new one needs its own login.
				Config: e.config(partnerConfig("subco2", "Sam Roe 2", "Str0ng-Passw0rd",
					money3+"  parent_sid = carrierx_partner.parent.partner_sid\n"+parent)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(partnerRes, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair(partnerRes, "parent_sid", "carrierx_partner.parent", "partner_sid"),
					func(s *terraform.State) error {
						sid, _ := partnerSIDOf(partnerRes)(s)
						if sid == firstSID {
							return fmt.Errorf("parent_sid change kept SID %s; expected a new partner", sid)
						}
						// The replaced partner was only forgotten.
						if _, err := partnerGet(e, firstSID); err != nil {
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
	e := newAccEnv(t)
	e.emulatorOnly() // the out-of-band delete is a control-API step
	var sid string
	cfg := e.config(partnerConfig("drifter", "Dee Rift", "Str0ng-Passw0rd",
		`city = "Springfield"`+"\n"+`callbacks = { sms = "https://subco.example/sms" }`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy:             e.partnerStillThere,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) (err error) {
					sid, err = partnerSIDOf(partnerRes)(s)
					return err
				},
			},
			{
				PreConfig: func() {
					_, err := e.api.UpdatePartner(context.Background(), sid, map[string]any{
						"name": "changed-outside", "city": "Shelbyville", "spending_limit": "42",
						"callbacks":  map[string]string{"sms": "https://elsewhere.example/sms"},
						"attributes": map[string]string{"set": "outside"},
					})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(partnerRes, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(partnerRes, tfjsonpath.New("name"), knownvalue.StringExact("Dee Rift")),
						plancheck.ExpectKnownValue(partnerRes, tfjsonpath.New("city"), knownvalue.StringExact("Springfield")),
						plancheck.ExpectKnownValue(partnerRes, tfjsonpath.New("callbacks").AtMapKey("sms"), knownvalue.StringExact("https://subco.example/sms")),
						// Not managed here: left as CarrierX has it.
						plancheck.ExpectKnownValue(partnerRes, tfjsonpath.New("attributes"), knownvalue.Null()),
						// Not configured: CarrierX's value is taken, not reverted.
						plancheck.ExpectKnownValue(partnerRes, tfjsonpath.New("spending_limit"), knownvalue.StringExact("42")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					p, err := partnerGet(e, sid)
					if err == nil && (p.Name != "Dee Rift" || p.City == nil || *p.City != "Springfield" || p.Callbacks["sms"] != "https://subco.example/sms") {
						err = fmt.Errorf("apply did not revert the drift: name %q city %v callbacks %v", p.Name, p.City, p.Callbacks)
					}
					if err == nil && p.Attributes["set"] != "outside" {
						err = fmt.Errorf("apply touched unmanaged attributes: %v", p.Attributes)
					}
					return err
				},
			},
			recreateStep(t, cfg, partnerRes, "partner_sid", &sid, func() error { e.control(http.MethodDelete, "/objects/partners/"+sid, nil, nil); return nil }),
		},
	})
}

// TestAccPartner_writeOnlyPassword sends password_wo without ever storing
// it, and re-sends it when the version changes.
func TestAccPartner_writeOnlyPassword(t *testing.T) {
	e := newAccEnv(t)
	e.emulatorOnly() // the password is never returned: only the request log shows it
	cfg := func(pw string, v int) string {
		return e.config(partnerConfig("wo_partner", "Wo", "",
			fmt.Sprintf("password_wo = %q\n  password_wo_version = %d", pw, v)))
	}
	sentPassword := func(method string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			sid, _ := partnerSIDOf(partnerRes)(s)
			p := "/core/v2/partners"
			if method == http.MethodPatch {
				p += "/" + sid
			}
			body, err := partnerRequestBody(e.requests(), method, p)
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy:             e.partnerStillThere,
		Steps: []resource.TestStep{
			{
				PreConfig: e.clearRequests,
				Config:    cfg("first-Secret-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
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
				PreConfig: e.clearRequests,
				Config:    cfg("second-Secret-2", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(partnerRes, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
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
	e := newAccEnv(t)
	e.emulatorOnly()
	e.clearRequests()
	res := func(extra string) string { return e.config(partnerConfig("bad", "Bad", "x-Passw0rd", extra)) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
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
				ExpectError: regexp.MustCompile(`(?s)parent_sid\s+"abc"\s+is\s+not\s+a\s+partner\s+SID`),
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
	e.partnerNoneCreated(t)
}

// TestAccPartner_importErrors rejects malformed and unknown import IDs.
func TestAccPartner_importErrors(t *testing.T) {
	e := newAccEnv(t)
	cfg := e.config(`resource "carrierx_partner" "test" { login = "nobody" }`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
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

// TestPartnerResource_deleteWarns: destroy sends nothing (no client is
// configured, so any call would panic) and warns that the partner stays.
func TestPartnerResource_deleteWarns(t *testing.T) {
	ctx := context.Background()
	r := NewPartnerResource()
	var sr fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &sr)
	st := tfsdk.State{Schema: sr.Schema, Raw: nullObject(ctx, sr.Schema.Type().TerraformType(ctx))}
	st.SetAttribute(ctx, path.Root("partner_sid"), types.StringValue("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"))
	st.SetAttribute(ctx, path.Root("login"), types.StringValue("subco"))
	resp := fwresource.DeleteResponse{State: st}
	r.Delete(ctx, fwresource.DeleteRequest{State: st}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want exactly one warning, got %v", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0]
	for _, want := range []string{"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", `"subco"`, "still exists in CarrierX", "contact CarrierX support", "portal"} {
		if !strings.Contains(w.Detail(), want) {
			t.Errorf("warning %q lacks %q", w.Detail(), want)
		}
	}
}

func TestPartnerMoneySemanticEquality(t *testing.T) {
	ctx := context.Background()
	m := func(s string) partnerMoneyValue { return partnerMoneyValue{StringValue: types.StringValue(s)} }
	for _, c := range []struct {
		a, b string
		eq   bool
	}{
		{"20", "20", true}, {"20", "20.00", true}, {"20.5", "20.50", true}, {"0", "0.0", true},
		{"20", "21", false}, {"20.01", "20", false}, {"100", "10", false},
	} {
		got, diags := m(c.a).StringSemanticEquals(ctx, m(c.b))
		if diags.HasError() || got != c.eq {
			t.Errorf("%q ~ %q = %v, want %v", c.a, c.b, got, c.eq)
		}
	}
	if eq, _ := m("20").StringSemanticEquals(ctx, partnerMoneyNull()); eq {
		t.Error("an amount equals null")
	}
	for _, ok := range []string{"0", "20", "20.50", "1000000"} {
		if !partnerMoneyPattern.MatchString(ok) {
			t.Errorf("%q refused", ok)
		}
	}
	for _, bad := range []string{"", "-1", "1e3", "20,5", " 20", "$20", "20."} {
		if partnerMoneyPattern.MatchString(bad) {
			t.Errorf("%q accepted", bad)
		}
	}
}
