package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const partnerRes = "carrierx_partner.test"

// partnerSIDOf returns a function reading the partner_sid of res from state.
func partnerSIDOf(res string) func(*terraform.State) (string, error) {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[res]
		if !ok {
			return "", fmt.Errorf("%s not in state", res)
		}
		return rs.Primary.Attributes["partner_sid"], nil
	}
}

// partnerVerify stands for the owner clicking the verification link.
func (e *accEnv) partnerVerify(sid string) {
	e.t.Helper()
	e.control(http.MethodPost, "/partners/"+sid+"/verify", nil, nil)
}

// partnerStillThere is the CheckDestroy of carrierx_partner: destroy only
// forgets a partner, so every one in the last state must still answer.
func (e *accEnv) partnerStillThere(s *terraform.State) error {
	n := 0
	for addr, rs := range s.RootModule().Resources {
		if rs.Type != "carrierx_partner" || strings.HasPrefix(addr, "data.") {
			continue
		}
		n++
		if _, err := e.api.GetPartner(context.Background(), rs.Primary.Attributes["partner_sid"]); err != nil {
			return fmt.Errorf("%s after destroy: %w (destroy must leave the partner in CarrierX)", addr, err)
		}
	}
	if n == 0 {
		return fmt.Errorf("no carrierx_partner in the final state; the check would prove nothing")
	}
	return nil
}

// partnerRequestBody decodes the body of the only request with this method
// and path.
func partnerRequestBody(reqs []loggedRequest, method, path string) (map[string]any, error) {
	var found []map[string]any
	for _, r := range reqs {
		if r.Method == method && r.Path == path {
			var m map[string]any
			if err := json.Unmarshal(r.Body, &m); err != nil {
				return nil, fmt.Errorf("%s %s body %s: %w", method, path, r.Body, err)
			}
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("%d %s %s requests, want 1: %v", len(found), method, path, summarize(reqs))
	}
	return found[0], nil
}

// partnerNoneCreated fails when a POST /partners succeeded.
func (e *accEnv) partnerNoneCreated(t *testing.T) {
	t.Helper()
	for _, r := range e.requests() {
		if r.Method == http.MethodPost && r.Path == "/core/v2/partners" && r.Status < 300 {
			t.Fatalf("bad input created a partner: %v", summarize(e.requests()))
		}
	}
}

// partnerOwnSID is the SID of the partner that owns the test token.
func (e *accEnv) partnerOwnSID(t *testing.T) string {
	t.Helper()
	sid, err := e.api.PartnerSIDOfToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sid
}

func partnerGet(e *accEnv, sid string) (*client.Partner, error) {
	return e.api.GetPartner(context.Background(), sid)
}
