package partner_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// TestAccPartner_postpayChargeAt follows CarrierX's documented create
// sample (CarrierX docs, Core API, Partners, Create Partner): a postpay
// partner sent with charge_at 20 is answered with charge_at null. The
// configured amount stays in state, the plan stays empty, and an import,
// which has no configuration to keep, reads what CarrierX holds.
func TestAccPartner_postpayChargeAt(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Config(`
resource "carrierx_partner" "test" {
  login        = "postpay-co"
  password     = "Str0ng-Passw0rd"
  name         = "Postpay Co"
  payment_type = "postpay"
  charge_at    = 20
}
`)
	var sid string
	nullInCarrierX := func(*terraform.State) error {
		p, err := client.Objects[client.Partner](e.API, client.PartnerKind).Get(context.Background(), sid)
		if err != nil {
			return err
		}
		if p.ChargeAt != nil {
			return fmt.Errorf("CarrierX holds charge_at %q for a postpay partner; its documented sample answers null", *p.ChargeAt)
		}
		return nil
	}
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:           cfg,
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					acctest.SaveAttr(partnerRes, "partner_sid", &sid),
					resource.TestCheckResourceAttr(partnerRes, "charge_at", "20"),
					resource.TestCheckNoResourceAttr(partnerRes, "state"),
					nullInCarrierX,
				),
			},
			acctest.ImportStep(partnerRes, "partner_sid", "charge_at", "password"), // an import reads CarrierX's null
		},
	})
}
