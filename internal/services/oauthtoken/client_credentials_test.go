package oauthtoken_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
)

// TestAccOAuthToken_clientCredentials: the provider's client_id and
// client_secret go with the mint and the revoke, as in every documented
// sample of those forms; CarrierX refuses wrong ones; one without the other
// is a configuration error naming the missing one.
func TestAccOAuthToken_clientCredentials(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	var creds struct {
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	e.Control(http.MethodGet, "/partners/"+e.PartnerOwnSID(t)+"/credentials", nil, &creds)
	cfg := func(provider string) string {
		return fmt.Sprintf(`
provider "carrierx" {
  base_url = %q
  token    = %q
  %s
}
`, e.BaseURL, e.Token, provider) + oauthTokenConfig("with-client", []string{"endpoints.read"}, "")
	}
	both := func(id, secret string) string { return fmt.Sprintf("client_id = %q\n  client_secret = %q", id, secret) }
	sentEverywhere := func(*terraform.State) error {
		n := 0
		for _, r := range e.Requests() {
			if r.Method != http.MethodPost || !strings.HasPrefix(r.Path, "/core/v2/oauth/") {
				continue
			}
			f, err := oauthTokenForm(r)
			if err != nil {
				return err
			}
			if f.Get("client_id") != creds.ClientID || f.Get("client_secret") != creds.ClientSecret {
				return fmt.Errorf("%s sent client_id %q and a client_secret that is not the configured one", r.Path, f.Get("client_id"))
			}
			n++
		}
		if n == 0 {
			return fmt.Errorf("no OAuth form was sent: %v", acctest.Summarize(e.Requests()))
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		CheckDestroy:             sentEverywhere, // the revoke too
		Steps: []resource.TestStep{
			{
				Config:      cfg(`client_id = "` + creds.ClientID + `"`),
				ExpectError: regexp.MustCompile(`(?s)Missing CarrierX client_secret.*CARRIERX_CLIENT_SECRET`),
			},
			{
				Config:      cfg(both(creds.ClientID, strings.Repeat("0", 32))),
				ExpectError: regexp.MustCompile(`(?i)bad credentials`),
			},
			{
				PreConfig: e.ClearRequests,
				Config:    cfg(both(creds.ClientID, creds.ClientSecret)),
				Check: resource.ComposeTestCheckFunc(
					sentEverywhere,
					resource.TestCheckResourceAttr(oauthTokenRes, "client_id", creds.ClientID),
				),
			},
		},
	})
}
