package provider

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// TestAccEndpoint_writeOnlyPassword sends out_sip_password_wo without ever
// storing it, and re-sends it when the version changes.
func TestAccEndpoint_writeOnlyPassword(t *testing.T) {
	e := newAccEnv(t)
	cfg := func(pw string, v int) string {
		return e.config(fmt.Sprintf(`
resource "carrierx_endpoint" "test" {
  name                        = "wo"
  type                        = "third_party"
  out_sip_username            = "carrier"
  out_sip_password_wo         = %q
  out_sip_password_wo_version = %d
}
`, pw, v))
	}
	stored := func(want string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			sid, _ := endpointSIDFrom(s)
			ep, err := e.api.GetEndpoint(context.Background(), sid)
			if err != nil {
				return err
			}
			if ep.OutSIPPassword == nil || *ep.OutSIPPassword != want {
				return fmt.Errorf("API has out_sip_password %v, want the write-only value", ep.OutSIPPassword)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy:             e.checkGone("carrierx_endpoint", "endpoint_sid", e.getEndpoint),
		Steps: []resource.TestStep{
			{
				Config: cfg("first-Secret-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckNoResourceAttr(endpointRes, "out_sip_password"),
					resource.TestCheckNoResourceAttr(endpointRes, "out_sip_password_wo"),
					stored("first-Secret-1"),
				),
			},
			{
				// A new value alone does not change the plan; the version does.
				Config: cfg("second-Secret-2", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: stored("first-Secret-1"),
			},
			{
				Config: cfg("second-Secret-2", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(endpointRes, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckNoResourceAttr(endpointRes, "out_sip_password"),
					stored("second-Secret-2"),
				),
			},
		},
	})
}

// TestAccEndpoint_hostedProperties keeps user properties apart from the
// generated credentials, which survive a properties update.
func TestAccEndpoint_hostedProperties(t *testing.T) {
	e := newAccEnv(t)
	cfg := func(props string) string {
		return e.config(fmt.Sprintf(`
resource "carrierx_endpoint" "test" {
  name       = "flex"
  type       = "flexml"
  properties = %s
}
`, props))
	}
	var login string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy:             e.checkGone("carrierx_endpoint", "endpoint_sid", e.getEndpoint),
		Steps: []resource.TestStep{
			{
				Config: cfg(`{}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(endpointRes, "credentials.api_url", "https://api.carrierx.com/flexml/v1"),
					resource.TestMatchResourceAttr(endpointRes, "credentials.password", regexp.MustCompile(`^.{8,}$`)),
					resource.TestCheckNoResourceAttr(endpointRes, "voip_token"),
					func(s *terraform.State) error {
						login = s.RootModule().Resources[endpointRes].Primary.Attributes["credentials.login"]
						if login == "" {
							return fmt.Errorf("no credentials.login")
						}
						return nil
					},
				),
			},
			{
				Config: cfg(`{ container_sid = "c0ffee00-0000-4000-8000-000000000001" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(endpointRes, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(endpointRes, "properties.container_sid", "c0ffee00-0000-4000-8000-000000000001"),
					func(s *terraform.State) error {
						got := s.RootModule().Resources[endpointRes].Primary.Attributes["credentials.login"]
						if got != login {
							return fmt.Errorf("credentials.login changed from %q to %q on a properties update", login, got)
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccEndpoint_invalidInput fails at plan time where the schema knows
// better, and with CarrierX's own message otherwise; nothing is left behind.
func TestAccEndpoint_invalidInput(t *testing.T) {
	e := newAccEnv(t)
	res := func(body string) string {
		return e.config("resource \"carrierx_endpoint\" \"test\" {\n" + body + "\n}")
	}
	noneLeft := func() {
		eps, err := e.api.ListEndpoints(context.Background(), client.ListOptions{Filter: client.Ne("type", "system_gateway").String()})
		if err != nil {
			t.Fatal(err)
		}
		if len(eps) != 0 {
			t.Fatalf("bad input left %d endpoints behind", len(eps))
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				Config:      res(`type = "system_gateway"`),
				ExpectError: regexp.MustCompile(`(?s)type "system_gateway" cannot be created.*third_party`),
			},
			{
				Config:      res(`type = "third_party"` + "\n" + `addresses = [{ ip = "203.0.113.1", transport = "sctp" }]`),
				ExpectError: regexp.MustCompile(`(?s)addresses\[0\]\.transport.*value must be one of`),
			},
			{
				Config:      res(`type = "third_party"` + "\n" + `capacity = -1`),
				ExpectError: regexp.MustCompile(`(?s)capacity.*at least 0`),
			},
			{
				Config:      res(`type = "flexml"` + "\n" + `properties = { password = "x" }`),
				ExpectError: regexp.MustCompile(`properties key "password" is generated by CarrierX`),
			},
			{
				Config:      res(`type = "third_party"` + "\n" + `out_sip_password_wo = "x"`),
				ExpectError: regexp.MustCompile(`out_sip_password_wo_version`),
			},
			{
				// Unknown to the schema (the docs' list is incomplete), refused by the API.
				PreConfig:   noneLeft,
				Config:      res(`type = "bridge"`),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_endpoint.*422.*type`),
			},
			{
				PreConfig:   noneLeft,
				Config:      res(`type = "third_party"` + "\n" + `partner_sid = "00000000-0000-4000-8000-000000000000"`),
				ExpectError: regexp.MustCompile(`(?s)422.*partner_sid`),
			},
		},
	})
	noneLeft()
}

// TestAccEndpoint_importErrors rejects malformed and unknown import IDs.
func TestAccEndpoint_importErrors(t *testing.T) {
	e := newAccEnv(t)
	cfg := e.config(`resource "carrierx_endpoint" "test" { type = "third_party" }`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				Config:        cfg,
				ResourceName:  endpointRes,
				ImportState:   true,
				ImportStateId: "not-a-sid",
				ExpectError:   regexp.MustCompile(`"not-a-sid" is not an endpoint SID`),
			},
			{
				Config:        cfg,
				ResourceName:  endpointRes,
				ImportState:   true,
				ImportStateId: "00000000-0000-4000-8000-000000000000",
				ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
}

// TestAccEndpoint_retryOn429 injects one 429 with Retry-After on the create.
func TestAccEndpoint_retryOn429(t *testing.T) {
	e := newAccEnv(t)
	e.emulatorOnly()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy:             e.checkGone("carrierx_endpoint", "endpoint_sid", e.getEndpoint),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.clearRequests()
				e.fault(map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 1, "status": 429, "retry_after": "1"})
			},
			Config: e.config(`resource "carrierx_endpoint" "test" { type = "third_party" }`),
			Check: func(*terraform.State) error {
				reqs := e.requests()
				if err := expectCalls(reqs, map[string]int{"POST /core/v2/endpoints": 2}); err != nil {
					return err
				}
				if !reqs[0].Fault || reqs[0].Status != 429 || reqs[1].Status != 200 {
					return fmt.Errorf("want a faulted 429 then a 200, got %v", summarize(reqs))
				}
				eps, err := e.api.ListEndpoints(context.Background(), client.ListOptions{Filter: `type eq "third_party"`})
				if err == nil && len(eps) != 1 {
					err = fmt.Errorf("%d endpoints after a retried create, want 1", len(eps))
				}
				return err
			},
		}},
	})
}

// TestAccEndpoint_serverError500 fails the apply with CarrierX's message and
// creates nothing: a 500 on a POST is never retried.
func TestAccEndpoint_serverError500(t *testing.T) {
	e := newAccEnv(t)
	e.emulatorOnly()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.clearRequests()
				e.fault(map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 0, "status": 500, "message": "switch on fire"})
			},
			Config:      e.config(`resource "carrierx_endpoint" "test" { type = "third_party" }`),
			ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_endpoint.*500.*switch on fire`),
		}},
	})
	if n := count(e.requests(), "POST", "/core/v2/endpoints"); n != 1 {
		t.Fatalf("%d POST attempts, want 1 (a 500 on create is not retried)", n)
	}
	eps, err := e.api.ListEndpoints(context.Background(), client.ListOptions{Filter: `type eq "third_party"`})
	if err != nil || len(eps) != 0 {
		t.Fatalf("after a failed create: %d endpoints, err %v", len(eps), err)
	}
}

// TestAccEndpoint_updateRetriesExhausted answers 503 to every PATCH: the
// provider retries, then fails quoting CarrierX, and state keeps the old
// values so the next plan still shows the change.
func TestAccEndpoint_updateRetriesExhausted(t *testing.T) {
	e := newAccEnv(t)
	e.emulatorOnly()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		CheckDestroy:             e.checkGone("carrierx_endpoint", "endpoint_sid", e.getEndpoint),
		Steps: []resource.TestStep{
			{Config: e.config(thirdParty("before", 1, ""))},
			{
				PreConfig: func() {
					e.clearRequests()
					e.fault(map[string]any{"method": "PATCH", "path": "/core/v2/endpoints/*", "count": 0, "status": 503, "message": "maintenance window"})
				},
				Config:      e.config(thirdParty("after", 1, "")),
				ExpectError: regexp.MustCompile(`(?s)Unable to update carrierx_endpoint.*503.*maintenance window`),
			},
			{
				PreConfig: func() {
					// max_retries = 3 in the test provider block: 4 attempts.
					patches := 0
					for _, r := range e.requests() {
						if r.Method == http.MethodPatch {
							patches++
						}
					}
					if patches != 4 {
						t.Fatalf("%d PATCH attempts, want 4", patches)
					}
					e.control("DELETE", "/faults", nil, nil)
				},
				Config:   e.config(thirdParty("after", 1, "")),
				PlanOnly: true, ExpectNonEmptyPlan: true,
			},
			{Config: e.config(thirdParty("after", 1, "")), Check: resource.TestCheckResourceAttr(endpointRes, "name", "after")},
		},
	})
}

// TestAccProvider_secretsNotLogged runs a whole lifecycle with trace logging
// and looks for the token and the passwords in the log.
func TestAccProvider_secretsNotLogged(t *testing.T) {
	e := newAccEnv(t)
	e.emulatorOnly()
	logPath := filepath.Join(os.TempDir(), "carrierx-trace.log")
	_ = os.Remove(logPath)
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("TF_ACC_LOG", "TRACE")
	t.Setenv("TF_LOG_SDK_PROTO", "TRACE")
	const outPw = "Out-Sip-Pa55word-zq"
	const addrPw = "Addr-Sip-Pa55word-zq"
	var generated string
	// Secrets reach Terraform through the environment, as in real use, so
	// the configuration text the harness logs holds none of them.
	t.Setenv("CARRIERX_TOKEN", e.token)
	t.Setenv("TF_VAR_out_pw", outPw)
	t.Setenv("TF_VAR_addr_pw", addrPw)
	const partnerPw = "Partner-Pa55word-zq"
	t.Setenv("TF_VAR_partner_pw", partnerPw)
	var minted string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
provider "carrierx" {
  base_url = %q
}
variable "out_pw" {
  type      = string
  sensitive = true
}
variable "addr_pw" {
  type      = string
  sensitive = true
}
resource "carrierx_endpoint" "test" {
  type             = "third_party"
  out_sip_password = var.out_pw
  addresses        = [{ ip = "203.0.113.9", sip_username = "u", sip_password = var.addr_pw }]
}
resource "carrierx_endpoint" "conf" {
  type = "conference"
}
data "carrierx_endpoints" "all" {
  depends_on = [carrierx_endpoint.test, carrierx_endpoint.conf]
}
data "carrierx_endpoint" "conf" {
  endpoint_sid = carrierx_endpoint.conf.endpoint_sid
}
variable "partner_pw" {
  type      = string
  sensitive = true
}
resource "carrierx_partner" "sub" {
  login    = "trace-sub"
  password = var.partner_pw
}
resource "carrierx_oauth_token" "t" {
  name   = "trace"
  scopes = ["endpoints.read"]
}
`, e.baseURL),
				Check: func(s *terraform.State) error {
					generated = s.RootModule().Resources["carrierx_endpoint.conf"].Primary.Attributes["credentials.password"]
					minted = s.RootModule().Resources["carrierx_oauth_token.t"].Primary.Attributes["access_token"]
					return nil
				},
			},
			{ResourceName: endpointRes, ImportState: true, ImportStateIdFunc: endpointSIDFrom, ImportStateVerify: true, ImportStateVerifyIdentifierAttribute: "endpoint_sid"},
		},
	})
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(raw)
	if len(log) < 10000 || !strings.Contains(log, "/endpoints") {
		t.Fatalf("trace log has %d bytes and no request lines; the test would prove nothing", len(log))
	}
	if !strings.Contains(log, `sip_password\":\"***\"`) {
		t.Fatal("the trace log has no redacted request body; the test would prove nothing")
	}
	for name, secret := range map[string]string{"token": e.token, "out_sip_password": outPw, "sip_password": addrPw, "credentials.password": generated,
		"partner password": partnerPw, "minted access_token": minted} {
		if secret == "" {
			t.Fatalf("%s is empty", name)
		}
		if strings.Contains(log, secret) {
			t.Errorf("the trace log contains the %s", name)
		}
	}
}

// TestAccProvider_echoedSecretsNotLogged: CarrierX (or a proxy) answering
// an error that quotes the request body, passwords included: neither the
// error the user sees nor any line of a trace log holds them.
func TestAccProvider_echoedSecretsNotLogged(t *testing.T) {
	e := newAccEnv(t)
	e.emulatorOnly()
	logPath := filepath.Join(t.TempDir(), "carrierx-echo.log")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("TF_ACC_LOG", "TRACE")
	t.Setenv("TF_LOG_SDK_PROTO", "TRACE")
	const outPw = "Echoed-Out-Pa55<&>\"wo"
	const partnerPw = "Echoed-Partner-Pa55-wo"
	t.Setenv("CARRIERX_TOKEN", e.token)
	t.Setenv("TF_VAR_out_pw", outPw)
	t.Setenv("TF_VAR_partner_pw", partnerPw)
	cfg := fmt.Sprintf(`
provider "carrierx" {
  base_url = %q
}
variable "out_pw" {
  type      = string
  sensitive = true
  ephemeral = true
}
variable "partner_pw" {
  type      = string
  sensitive = true
  ephemeral = true
}
resource "carrierx_endpoint" "test" {
  type                        = "third_party"
  out_sip_password_wo         = var.out_pw
  out_sip_password_wo_version = 1
}
resource "carrierx_partner" "sub" {
  login              = "echo-sub"
  password_wo        = var.partner_pw
  password_wo_version = 1
}
`, e.baseURL)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.fault(map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 1, "kind": "echo"})
				e.fault(map[string]any{"method": "POST", "path": "/core/v2/partners", "count": 1, "kind": "echo"})
			},
			Config: cfg,
			// Matches only an output that quotes the request and holds no "Echo..." secret anywhere.
			ExpectError: regexp.MustCompile(`(?s)\A(?:[^E]|E[^c]|Ec[^h]|Ech[^o])*invalid\s+request(?:[^E]|E[^c]|Ec[^h]|Ech[^o])*\z`),
		}},
	})
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(raw)
	if !strings.Contains(log, "invalid request") {
		t.Fatal("no echoed error reached the log; the test would prove nothing")
	}
	for _, secret := range []string{"Echoed-Out-Pa55", "Echoed-Partner-Pa55-wo"} {
		if strings.Contains(log, secret) {
			t.Errorf("the trace log contains %q", secret)
		}
	}
}
