package acctest

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Objects of the endpoint APIs (Mediator, FlexML, Conference v2).

// Hosted is HCL for a hosted endpoint of type typ named label, with a
// trunk group, a trunk to the endpoint and n numbers routed through them
// (carrierx_phone_number.<label>[i]): what a number takes to reach the
// endpoint's API.
func Hosted(label, typ string, n int) string {
	return fmt.Sprintf(`
resource "carrierx_endpoint" %[1]q {
  name = %[1]q
  type = %[2]q
}
resource "carrierx_trunk_group" %[1]q { name = %[1]q }
resource "carrierx_trunk" %[1]q {
  trunk_group_sid = carrierx_trunk_group.%[1]s.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.%[1]s.endpoint_sid
}
resource "carrierx_phone_number" %[1]q {
  count           = %[3]d
  country_code    = "USA"
  state           = "NY"
  trunk_group_sid = carrierx_trunk_group.%[1]s.trunk_group_sid
}
`, label, typ, n)
}

// App is the collection of kind k in the API api of the endpoint whose SID
// is *endpoint when it is called, reached through the public APIs as a
// user's script would: for out-of-band changes and checks.
func App[T any](e *Env, api client.AppAPI, endpoint *string, k client.Kind) func() client.AppCollection[T] {
	return func() client.AppCollection[T] { return client.AppObjects[T](e.API, api, *endpoint, k) }
}

// AppCheckGone is a CheckDestroy for an endpoint-API resource: every one
// left in state answers 404 in its endpoint's API, or its endpoint is gone.
func (e *Env) AppCheckGone(resourceType, sidAttr string, api client.AppAPI, k client.Kind) func(*terraform.State) error {
	return func(st *terraform.State) error {
		for addr, rs := range st.RootModule().Resources {
			if rs.Type != resourceType || strings.HasPrefix(addr, "data.") {
				continue
			}
			endpoint, sid := rs.Primary.Attributes["endpoint_sid"], rs.Primary.Attributes[sidAttr]
			_, err := client.AppObjects[map[string]any](e.API, api, endpoint, k).Get(context.Background(), sid)
			if err == nil {
				return fmt.Errorf("%s %s still exists after destroy", resourceType, sid)
			}
			if !client.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

// RotatePassword changes the endpoint's API password out of band, as the
// CarrierX portal would (emulator only).
func (e *Env) RotatePassword(endpointSID string) {
	e.Control(http.MethodPost, "/endpoints/"+endpointSID+"/rotate_password", map[string]any{}, nil)
}

// AdvanceClock moves the emulator's clock forward (expiry of bindings).
func (e *Env) AdvanceClock(seconds int) {
	e.Control(http.MethodPost, "/clock", map[string]any{"advance_seconds": seconds}, nil)
}
