package partner_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

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
