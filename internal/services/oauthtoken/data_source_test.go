package oauthtoken_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// oauthTokenSeedDS creates tokens named ds-a, ds-b, ds-c through the public
// API and returns them (with their secrets, to check they stay out of state).
func oauthTokenSeedDS(t *testing.T, e *acctest.Env) []*client.Token {
	t.Helper()
	var out []*client.Token
	for _, n := range []string{"ds-a", "ds-b", "ds-c"} {
		tk, err := e.API.CreateToken(context.Background(), client.TokenRequest{Name: n, Scopes: []string{"endpoints.read"}})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tk)
	}
	t.Cleanup(func() {
		for _, tk := range out {
			_ = e.API.RevokeToken(context.Background(), tk.AccessToken)
		}
	})
	return out
}

func oauthTokenNoSecretsIn(tks []*client.Token) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		var secrets []string
		for _, tk := range tks {
			secrets = append(secrets, tk.AccessToken, tk.RefreshToken)
		}
		return oauthTokenStateHasNone(s, secrets)
	}
}

func TestAccOAuthTokenDataSources(t *testing.T) {
	e := acctest.New(t)
	tks := oauthTokenSeedDS(t, e)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      e.Config(`data "carrierx_oauth_token" "x" { filter = "name like \"ds-%\"" }`),
				ExpectError: regexp.MustCompile(`(?s)matched\s+more\s+than\s+one\s+OAuth\s+tokens|matched\s+3\s+OAuth\s+tokens`),
			},
			{
				Config:      e.Config(`data "carrierx_oauth_token" "x" { filter = "name eq \"nobody\"" }`),
				ExpectError: regexp.MustCompile(`(?s)Filter must match exactly one of the OAuth tokens.*matched\s+0\s+OAuth\s+tokens`),
			},
			{
				Config:      e.Config(`data "carrierx_oauth_token" "x" { token_sid = "0badc0de-0000-4000-8000-000000000000" }`),
				ExpectError: regexp.MustCompile(`(?s)OAuth token not found.*No\s+OAuth\s+token\s+has\s+token_sid\s+"0badc0de-0000-4000-8000-000000000000"`),
			},
			{
				Config:      e.Config(`data "carrierx_oauth_token" "x" {}`),
				ExpectError: regexp.MustCompile(`(?s)Exactly one of these attributes must be configured`),
			},
			// Last, so the post-test destroy has a valid configuration.
			{
				Config: e.Config(fmt.Sprintf(`
data "carrierx_oauth_tokens" "ds" {
  filter = "name like \"ds-%%\""
  order  = "name desc"
}

data "carrierx_oauth_token" "by_sid" {
  token_sid = %q
}

data "carrierx_oauth_token" "by_filter" {
  filter = "name eq \"ds-b\""
}
`, tks[0].TokenSID)),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("data.carrierx_oauth_tokens.ds", "tokens.#", "3"),
					resource.TestCheckResourceAttr("data.carrierx_oauth_tokens.ds", "tokens.0.name", "ds-c"),
					resource.TestCheckResourceAttr("data.carrierx_oauth_tokens.ds", "tokens.2.name", "ds-a"),
					resource.TestCheckResourceAttr("data.carrierx_oauth_tokens.ds", "tokens.2.token_sid", tks[0].TokenSID),
					resource.TestCheckResourceAttr("data.carrierx_oauth_tokens.ds", "tokens.0.scopes.#", "1"),
					resource.TestCheckResourceAttr("data.carrierx_oauth_tokens.ds", "tokens.0.token_type", "bearer"),
					resource.TestCheckNoResourceAttr("data.carrierx_oauth_tokens.ds", "tokens.0.access_token"),
					resource.TestCheckResourceAttr("data.carrierx_oauth_token.by_sid", "name", "ds-a"),
					resource.TestCheckResourceAttr("data.carrierx_oauth_token.by_sid", "partner_sid", tks[0].PartnerSID),
					resource.TestCheckTypeSetElemAttr("data.carrierx_oauth_token.by_sid", "scopes.*", "endpoints.read"),
					resource.TestCheckResourceAttr("data.carrierx_oauth_token.by_filter", "token_sid", tks[1].TokenSID),
					resource.TestCheckNoResourceAttr("data.carrierx_oauth_token.by_filter", "access_token"),
					oauthTokenNoSecretsIn(tks),
				),
			},
		},
	})
}

// TestAccOAuthTokensDataSource_pagination lists more than 1,000 tokens:
// two pages of 1,000.
func TestAccOAuthTokensDataSource_pagination(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // 1,100 tokens are only created on the emulator
	for i := 0; i < 1100; i++ {
		e.Control(http.MethodPost, "/tokens", map[string]any{"scopes": []string{"endpoints.read"}, "name": fmt.Sprintf("page-%04d", i)}, nil)
	}
	e.ClearRequests()
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{{
			Config: e.Config(`
data "carrierx_oauth_tokens" "all" {
  filter = "name like \"page-%\""
  order  = "name asc"
}
`),
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr("data.carrierx_oauth_tokens.all", "tokens.#", "1100"),
				resource.TestCheckResourceAttr("data.carrierx_oauth_tokens.all", "tokens.1099.name", "page-1099"),
				func(*terraform.State) error {
					reqs := e.Requests()
					var pages int
					for _, r := range reqs {
						if r.Method == http.MethodGet && r.Path == "/core/v2/oauth/tokens" {
							pages++
						}
					}
					// Plan and apply each read the data source once: 2 pages each.
					if pages == 0 || pages%2 != 0 {
						return fmt.Errorf("%d list requests: %v", pages, acctest.Summarize(reqs))
					}
					return nil
				},
			),
		}},
	})
}
