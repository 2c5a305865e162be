package oauthtoken_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/carrierx/terraform-provider-carrierx/internal/services/oauthtoken"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const oauthTokenRes = "carrierx_oauth_token.test"

func oauthTokenSIDFrom(s *terraform.State) (string, error) {
	rs, ok := s.RootModule().Resources[oauthTokenRes]
	if !ok {
		return "", fmt.Errorf("%s not in state", oauthTokenRes)
	}
	return rs.Primary.Attributes["token_sid"], nil
}

func oauthTokenAccessFrom(s *terraform.State, addr string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", fmt.Errorf("%s not in state", addr)
	}
	v := rs.Primary.Attributes["access_token"]
	if v == "" {
		return "", fmt.Errorf("%s has no access_token in state", addr)
	}
	return v, nil
}

// oauthTokenConfig renders carrierx_oauth_token.test.
func oauthTokenConfig(name string, scopes []string, extra string) string {
	q := make([]string, len(scopes))
	for i, s := range scopes {
		q[i] = fmt.Sprintf("%q", s)
	}
	nameLine := ""
	if name != "" {
		nameLine = fmt.Sprintf("name = %q", name)
	}
	return fmt.Sprintf(`
resource "carrierx_oauth_token" "test" {
  %s
  scopes = [%s]
  %s
}
`, nameLine, strings.Join(q, ", "), extra)
}

// oauthTokenClient is a client that authenticates with accessToken.
func oauthTokenClient(e *acctest.Env, accessToken string) *client.Client {
	e.T.Helper()
	c, err := client.New(client.Config{BaseURL: e.BaseURL, Token: accessToken, UserAgent: "carrierx-acc-test"})
	if err != nil {
		e.T.Fatal(err)
	}
	return c
}

// oauthTokenWorks reports whether a request with accessToken is accepted;
// it returns an error unless the answer is 2xx or 401.
func oauthTokenWorks(e *acctest.Env, accessToken string) (bool, error) {
	_, err := client.ListPage[map[string]any](context.Background(), oauthTokenClient(e, accessToken), "/oauth/tokens", client.ListOptions{PageSize: 1}, 0)
	switch client.StatusCode(err) {
	case 0:
		if err != nil {
			return false, err
		}
		return true, nil
	case http.StatusUnauthorized:
		return false, nil
	case http.StatusForbidden:
		return true, nil // authenticated, only without oauth read scopes
	}
	return false, err
}

// oauthTokenCheckRevoked is a CheckDestroy: every token left in state is no
// longer found by SID, and a request made with it answers 401.
func oauthTokenCheckRevoked(e *acctest.Env, s *terraform.State) error {
	for addr, rs := range s.RootModule().Resources {
		if rs.Type != "carrierx_oauth_token" || strings.HasPrefix(addr, "data.") {
			continue
		}
		sid := rs.Primary.Attributes["token_sid"]
		if _, err := client.Objects[client.Token](e.API, client.TokenKind).Get(context.Background(), sid); !client.IsNotFound(err) {
			return fmt.Errorf("token %s after destroy: want 404, got %w", sid, err)
		}
		works, err := oauthTokenWorks(e, rs.Primary.Attributes["access_token"])
		if err != nil {
			return fmt.Errorf("token %s after destroy: %w", sid, err)
		}
		if works {
			return fmt.Errorf("token %s still authenticates after destroy", sid)
		}
	}
	return nil
}

// oauthTokenForm decodes the form body of a logged request (the request
// log keeps non-JSON bodies as a JSON string).
func oauthTokenForm(r acctest.Request) (url.Values, error) {
	var raw string
	if err := json.Unmarshal(r.Body, &raw); err != nil {
		return nil, fmt.Errorf("%s %s body %s is not a logged form: %w", r.Method, r.Path, r.Body, err)
	}
	return url.ParseQuery(raw)
}

// oauthTokenRevoked returns the access tokens the request log shows revoked.
func oauthTokenRevoked(reqs []acctest.Request) ([]string, error) {
	var out []string
	for _, r := range reqs {
		if r.Method != http.MethodPost || r.Path != "/core/v2/oauth/revoke" {
			continue
		}
		f, err := oauthTokenForm(r)
		if err != nil {
			return nil, err
		}
		if r.Status != http.StatusNoContent {
			return nil, fmt.Errorf("revoke answered %d", r.Status)
		}
		out = append(out, f.Get("token"))
	}
	return out, nil
}

// oauthTokenStateHasNone fails when any value appears in any attribute or
// output of the state.
func oauthTokenStateHasNone(s *terraform.State, values []string) error {
	for _, m := range s.Modules {
		for addr, rs := range m.Resources {
			for k, v := range rs.Primary.Attributes {
				for _, secret := range values {
					if secret != "" && strings.Contains(v, secret) {
						return fmt.Errorf("secret found in state at %s.%s", addr, k)
					}
				}
			}
		}
		for name, o := range m.Outputs {
			b, _ := json.Marshal(o.Value)
			for _, secret := range values {
				if secret != "" && strings.Contains(string(b), secret) {
					return fmt.Errorf("secret found in output %s", name)
				}
			}
		}
	}
	return nil
}

// oauthTokenNames lists the names of the caller's active tokens, sorted.
func oauthTokenNames(e *acctest.Env) []string {
	e.T.Helper()
	tks, err := client.Objects[client.Token](e.API, client.TokenKind).List(context.Background(), client.ListOptions{})
	if err != nil {
		e.T.Fatal(err)
	}
	out := make([]string, 0, len(tks))
	for _, tk := range tks {
		n := ""
		if tk.Name != nil {
			n = *tk.Name
		}
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// oauthTokenLifetimeOK checks that an expiration date is about n seconds
// after the creation date.
func oauthTokenLifetimeOK(created, expires string, n int64) error {
	c, err := time.Parse(oauthtoken.TimeLayout, created)
	if err != nil {
		return err
	}
	x, err := time.Parse(oauthtoken.TimeLayout, expires)
	if err != nil {
		return err
	}
	if d := x.Sub(c) - time.Duration(n)*time.Second; d < -2*time.Second || d > 2*time.Second {
		return fmt.Errorf("expiration %s is not %ds after creation %s", expires, n, created)
	}
	return nil
}
