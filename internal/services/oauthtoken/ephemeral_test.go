package oauthtoken_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/services/oauthtoken"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

func oauthTokenEphemeralConfig(e *acctest.Env, extra string) string {
	return e.Config(fmt.Sprintf(`
ephemeral "carrierx_oauth_token" "ro" {
  scopes = ["endpoints.read"]
  %s
}

provider "carrierx" {
  alias    = "ro"
  base_url = %q
  token    = ephemeral.carrierx_oauth_token.ro.access_token
}

data "carrierx_endpoints" "ro" {
  provider = carrierx.ro
}
`, extra, e.BaseURL))
}

// oauthTokenEphemeralAllRevoked checks, through the request log, that every
// token minted was revoked, that none of them works any more, and returns
// their values.
func oauthTokenEphemeralAllRevoked(e *acctest.Env) ([]string, error) {
	reqs := e.Requests()
	revoked, err := oauthTokenRevoked(reqs)
	if err != nil {
		return nil, err
	}
	minted := acctest.Count(reqs, http.MethodPost, "/core/v2/oauth/token")
	if minted == 0 || len(revoked) != minted {
		return nil, fmt.Errorf("%d tokens minted, %d revoked: %v", minted, len(revoked), acctest.Summarize(reqs))
	}
	for _, v := range revoked {
		works, err := oauthTokenWorks(e, v)
		if err != nil {
			return nil, err
		}
		if works {
			return nil, fmt.Errorf("an ephemeral token still authenticates after Close")
		}
	}
	return revoked, nil
}

// TestAccOAuthTokenEphemeral_aliasedProvider mints a read-only token for the
// run, configures a second provider with it, reads through that provider,
// and checks that the token is nowhere in state and revoked afterwards.
func TestAccOAuthTokenEphemeral_aliasedProvider(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly() // the proof reads the emulator's request log
	before := oauthTokenNames(e)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
			{
				PreConfig: e.ClearRequests,
				Config:    oauthTokenEphemeralConfig(e, `name = "eph-ro"`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("data.carrierx_endpoints.ro", "endpoints.#", "1"),
					resource.TestCheckResourceAttr("data.carrierx_endpoints.ro", "endpoints.0.type", "system_gateway"),
					func(s *terraform.State) error {
						values, err := oauthTokenEphemeralAllRevoked(e)
						if err != nil {
							return err
						}
						if err := oauthTokenStateHasNone(s, values); err != nil {
							return err
						}
						// Minted with the configured name, the default lifetime and the scopes.
						for _, r := range e.Requests() {
							if r.Path != "/core/v2/oauth/token" {
								continue
							}
							f, err := oauthTokenForm(r)
							if err != nil {
								return err
							}
							if f.Get("name") != "eph-ro" || f.Get("access_token_expires_in") != "3600" || fmt.Sprint(f["scopes"]) != "[endpoints.read]" {
								return fmt.Errorf("mint form %q", f.Encode())
							}
						}
						return nil
					},
				),
			},
		},
	})
	if after := oauthTokenNames(e); slices.Contains(after, "eph-ro") || len(after) != len(before) {
		t.Fatalf("ephemeral tokens left active: before %v, after %v", before, after)
	}
}

// TestAccOAuthTokenEphemeral_readOnlyTokenIsRefused is the proof: a
// token with only endpoints.read is refused (403) when it creates an
// endpoint, the user sees why, nothing is created and the token is revoked.
func TestAccOAuthTokenEphemeral_readOnlyTokenIsRefused(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	e.ClearRequests()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
			{
				Config: oauthTokenEphemeralConfig(e, "") + `
resource "carrierx_endpoint" "denied" {
  provider = carrierx.ro
  name     = "denied"
  type     = "third_party"
}
`,
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_endpoint.*POST /endpoints: 403 Forbidden.*endpoints\.manage.*lacks a scope this\s+request needs`),
			},
		},
	})
	// Terraform (1.11) skips Close for the ephemeral resources of an apply
	// that failed ("upstream ... errored, so skipping"): the token of the
	// plan is revoked, the apply's one lives until its expiry (3600 s).
	reqs := e.Requests()
	revoked, err := oauthTokenRevoked(reqs)
	if err != nil {
		t.Fatal(err)
	}
	if minted := acctest.Count(reqs, http.MethodPost, "/core/v2/oauth/token"); minted < 2 || len(revoked) != minted-1 {
		t.Fatalf("%d tokens minted, %d revoked; want all but the failed apply's: %v", minted, len(revoked), acctest.Summarize(reqs))
	}
	left, err := client.Objects[client.Token](e.API, client.TokenKind).List(context.Background(), client.ListOptions{Filter: client.Eq("name", oauthtoken.EphemeralDefaultName).String()})
	if err != nil || len(left) != 1 {
		t.Fatalf("want the failed apply's token left active, got %v %v", left, err)
	}
	if err := oauthTokenLifetimeOK(left[0].DateCreated, *left[0].DateExpirationAccessToken, oauthtoken.EphemeralDefaultLifetime); err != nil {
		t.Fatal(err)
	}
	if err := e.API.RevokeToken(context.Background(), left[0].AccessToken); err != nil {
		t.Fatal(err)
	}
	if n := acctest.Count(reqs, http.MethodPost, "/core/v2/endpoints"); n != 1 {
		t.Fatalf("want exactly one refused POST /endpoints, got %d: %v", n, acctest.Summarize(reqs))
	}
	for _, r := range reqs {
		if r.Path == "/core/v2/endpoints" && r.Method == http.MethodPost && r.Status != http.StatusForbidden {
			t.Fatalf("POST /endpoints answered %d, want 403", r.Status)
		}
	}
}

// TestAccOAuthTokenEphemeral_badInput: an unknown scope fails Open with the
// API's message.
func TestAccOAuthTokenEphemeral_badInput(t *testing.T) {
	e := acctest.New(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
			{
				Config: e.Config(`
ephemeral "carrierx_oauth_token" "bad" {
  scopes = ["no_such.scope"]
}
`),
				ExpectError: regexp.MustCompile(`(?s)Unable to open ephemeral carrierx_oauth_token.*4\d\d.*no_such\.scope`),
			},
			{
				Config: e.Config(`
ephemeral "carrierx_oauth_token" "bad" {
  scopes                  = ["endpoints.read"]
  access_token_expires_in = -5
}
`),
				ExpectError: regexp.MustCompile(`(?s)access_token_expires_in\s+value\s+must\s+be\s+at\s+least\s+1`),
			},
		},
	})
}
