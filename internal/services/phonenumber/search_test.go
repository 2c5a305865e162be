package phonenumber_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
)

// TestAccPhoneNumber_rentFromSearch: a phonenumber taken from
// carrierx_available_phone_numbers applies, and the next plan replaces the
// number (releasing it), because a rented number is no longer available and
// the search returns another; ignore_changes = [phonenumber] keeps the rented
// number, as the docs show.
func TestAccPhoneNumber_rentFromSearch(t *testing.T) {
	e := acctest.New(t)
	cfg := func(lifecycle string) string {
		return e.Config(`
data "carrierx_available_phone_numbers" "x" {
  country_code = "USA"
  limit        = 1
}

resource "carrierx_phone_number" "test" {
  phonenumber = data.carrierx_available_phone_numbers.x.phone_numbers[0].phonenumber
  ` + lifecycle + `
}
`)
	}
	var sid string
	e.Test(resource.TestCase{
		CheckDestroy: acctest.CheckNumbersReleased(e),
		Steps: []resource.TestStep{
			{
				Config: cfg(""),
				Check:  acctest.SaveAttr(phoneNumberRes, "did_sid", &sid),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(phoneNumberRes, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           cfg("lifecycle {\n    ignore_changes = [phonenumber]\n  }"),
				ConfigPlanChecks: acctest.Plans(phoneNumberRes, plancheck.ResourceActionNoop),
				Check:            acctest.SameAttr(phoneNumberRes, "did_sid", &sid),
			},
		},
	})
}
