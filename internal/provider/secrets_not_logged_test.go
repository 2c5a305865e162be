package provider_test

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Provider-wide checks that no secret reaches a trace log, over several
// objects at once.

// endpointSID is the SID of carrierx_endpoint.test, the import ID.
func endpointSID(s *terraform.State) (string, error) {
	rs, ok := s.RootModule().Resources["carrierx_endpoint.test"]
	if !ok {
		return "", fmt.Errorf("carrierx_endpoint.test not in state")
	}
	return rs.Primary.Attributes["endpoint_sid"], nil
}

// TestAccProvider_secretsNotLogged runs a whole lifecycle with trace logging
// and looks for the token and the passwords in the log.
func TestAccProvider_secretsNotLogged(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
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
	t.Setenv("CARRIERX_TOKEN", e.Token)
	t.Setenv("TF_VAR_out_pw", outPw)
	t.Setenv("TF_VAR_addr_pw", addrPw)
	const partnerPw = "Partner-Pa55word-zq"
	t.Setenv("TF_VAR_partner_pw", partnerPw)
	var minted, appPassword, appBasic string
	e.Test(resource.TestCase{
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
# The Conference API is reached with the endpoint's own generated password.
resource "carrierx_endpoint" "conf2" {
  type = "conference_v2"
}
resource "carrierx_conference_meeting_room" "r" {
  endpoint_sid = carrierx_endpoint.conf2.endpoint_sid
  access_codes = [{ access_code = "4242", role = "host" }]
}
`, e.BaseURL),
				Check: func(s *terraform.State) error {
					generated = s.RootModule().Resources["carrierx_endpoint.conf"].Primary.Attributes["credentials.password"]
					conf2 := s.RootModule().Resources["carrierx_endpoint.conf2"].Primary.Attributes
					appPassword = conf2["credentials.password"]
					appBasic = base64.StdEncoding.EncodeToString([]byte(conf2["credentials.login"] + ":" + appPassword))
					minted = s.RootModule().Resources["carrierx_oauth_token.t"].Primary.Attributes["access_token"]
					return nil
				},
			},
			{ResourceName: "carrierx_endpoint.test", ImportState: true, ImportStateIdFunc: endpointSID, ImportStateVerify: true, ImportStateVerifyIdentifierAttribute: "endpoint_sid"},
		},
	})
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(raw)
	if len(log) < 10000 || !strings.Contains(log, "/endpoints") || !strings.Contains(log, "/meeting_rooms") {
		t.Fatalf("trace log has %d bytes and no request lines; the test would prove nothing", len(log))
	}
	if !strings.Contains(log, `sip_password\":\"***\"`) {
		t.Fatal("the trace log has no redacted request body; the test would prove nothing")
	}
	for name, secret := range map[string]string{"token": e.Token, "out_sip_password": outPw, "sip_password": addrPw, "credentials.password": generated,
		"partner password": partnerPw, "minted access_token": minted, "endpoint API password": appPassword,
		"endpoint API Basic credentials": appBasic} {
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
	e := acctest.New(t)
	e.EmulatorOnly()
	logPath := filepath.Join(t.TempDir(), "carrierx-echo.log")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("TF_ACC_LOG", "TRACE")
	t.Setenv("TF_LOG_SDK_PROTO", "TRACE")
	const outPw = "Echoed-Out-Pa55<&>\"wo"
	const partnerPw = "Echoed-Partner-Pa55-wo"
	t.Setenv("CARRIERX_TOKEN", e.Token)
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
`, e.BaseURL)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.Fault(map[string]any{"method": "POST", "path": "/core/v2/endpoints", "count": 1, "kind": "echo"})
				e.Fault(map[string]any{"method": "POST", "path": "/core/v2/partners", "count": 1, "kind": "echo"})
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
