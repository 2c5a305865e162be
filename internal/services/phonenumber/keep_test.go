package phonenumber_test

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

// keptRoutedConfig is a trunk group, a DID group and a number routed to
// both, kept on destroy.
const keptRoutedConfig = `
resource "carrierx_trunk_group" "test" {
  name = "kept-number-route"
}

resource "carrierx_did_group" "test" {
  name = "kept-number-group"
}

resource "carrierx_phone_number" "test" {
  country_code       = "USA"
  trunk_group_sid    = carrierx_trunk_group.test.trunk_group_sid
  did_group_sid      = carrierx_did_group.test.did_group_sid
  release_on_destroy = false
}
`

// keptNumber records the number and groups of keptRoutedConfig, and
// releases the number when the test ends.
type keptNumber struct{ sid, digits, trunkGroup, didGroup string }

func (k *keptNumber) save(t *testing.T, e *acctest.Env) resource.TestCheckFunc {
	t.Cleanup(func() {
		if k.sid != "" {
			_ = client.Objects[client.DID](e.API, client.DIDKind).Delete(context.Background(), k.sid)
		}
	})
	return resource.ComposeTestCheckFunc(
		acctest.SaveAttr(phoneNumberRes, "did_sid", &k.sid),
		acctest.SaveAttr(phoneNumberRes, "phonenumber", &k.digits),
		acctest.SaveAttr("carrierx_trunk_group.test", "trunk_group_sid", &k.trunkGroup),
		acctest.SaveAttr("carrierx_did_group.test", "did_group_sid", &k.didGroup),
	)
}

// TestAccPhoneNumber_keepRoutedOnDestroy: a number kept on destroy is
// detached from its trunk group and DID group, so that the destroy of the
// groups succeeds; the number stays rented, detached, with its SID.
func TestAccPhoneNumber_keepRoutedOnDestroy(t *testing.T) {
	e := acctest.New(t)
	var k keptNumber
	e.Test(resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			d, err := client.Objects[client.DID](e.API, client.DIDKind).Get(context.Background(), k.sid)
			if err != nil {
				return fmt.Errorf("kept number %s: %w", k.digits, err)
			}
			if d.Status != client.DIDStatusAssigned || d.TrunkGroupSID != nil || d.DIDGroupSID != nil {
				return fmt.Errorf("kept number %s: status %s, trunk_group_sid %v, did_group_sid %v; want assigned and detached",
					k.digits, d.Status, d.TrunkGroupSID, d.DIDGroupSID)
			}
			if err := acctest.Getter[client.TrunkGroup](e, client.TrunkGroupKind)(context.Background(), k.trunkGroup); !client.IsNotFound(err) {
				return fmt.Errorf("trunk group %s not destroyed: %w", k.trunkGroup, err)
			}
			if err := acctest.Getter[client.DIDGroup](e, client.DIDGroupKind)(context.Background(), k.didGroup); !client.IsNotFound(err) {
				return fmt.Errorf("DID group %s not destroyed: %w", k.didGroup, err)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config:           e.Config(keptRoutedConfig),
			ConfigPlanChecks: acctest.NoChangeAfter(),
			Check: resource.ComposeTestCheckFunc(k.save(t, e),
				resource.TestCheckResourceAttrPair(phoneNumberRes, "trunk_group_sid", "carrierx_trunk_group.test", "trunk_group_sid")),
		}},
	})
}

// TestAccPhoneNumber_keepDetachFails: a failed detach fails the destroy
// with an error that names the number and the reference; the number stays
// in state, rented and routed, and the next destroy succeeds.
func TestAccPhoneNumber_keepDetachFails(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	var k keptNumber
	e.Test(resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			d, err := client.Objects[client.DID](e.API, client.DIDKind).Get(context.Background(), k.sid)
			if err != nil || d.Status != client.DIDStatusAssigned || d.TrunkGroupSID != nil {
				return fmt.Errorf("kept number %s after the second destroy: %+v, %w", k.digits, d, err)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{Config: e.Config(keptRoutedConfig), Check: k.save(t, e)},
			{
				PreConfig: func() {
					e.Fault(map[string]any{"method": "PATCH", "path": phoneNumberDIDsPath + "/*", "count": 0, "status": 403,
						"message": "number locked by support"})
				},
				Config:  e.Config(keptRoutedConfig),
				Destroy: true,
				ExpectError: regexp.MustCompile(`(?s)Unable to detach phone number \+1[0-9]+ \(did_sid [-0-9a-f]+\).*` +
					`did_group_sid and trunk_group_sid.*number locked by support.*still in Terraform.*state`),
			},
			{
				// An empty plan: the number and the groups are all still in state.
				PreConfig: func() {
					e.Control(http.MethodDelete, "/faults", nil, nil)
					d, err := client.Objects[client.DID](e.API, client.DIDKind).Get(context.Background(), k.sid)
					if err != nil || d.TrunkGroupSID == nil || *d.TrunkGroupSID != k.trunkGroup {
						t.Fatalf("after the failed detach the number is %+v, %v; want it routed as before", d, err)
					}
				},
				Config:   e.Config(keptRoutedConfig),
				PlanOnly: true,
			},
		},
	})
}
