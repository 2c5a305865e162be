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

// HostedOutside makes, through the public API as a user's script would, a
// hosted endpoint of type typ with n numbers routed to it (a trunk group, a
// trunk to the endpoint, n numbers rented into the group), and returns the
// endpoint's SID and the numbers. A configuration that names the endpoint
// by this SID alone reads it only through the endpoint API's resolution,
// so the request log counts the provider's reads of it exactly.
func (e *Env) HostedOutside(typ string, n int) (string, []string) {
	e.T.Helper()
	ctx := context.Background()
	ep, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Create(ctx, map[string]any{"name": typ, "type": typ})
	if err != nil {
		e.T.Fatalf("create %s endpoint: %v", typ, err)
	}
	tg, err := client.Objects[client.TrunkGroup](e.API, client.TrunkGroupKind).Create(ctx, map[string]any{"name": typ})
	if err != nil {
		e.T.Fatalf("create trunk group: %v", err)
	}
	if _, err := client.Objects[client.Trunk](e.API, client.TrunkKind(tg.TrunkGroupSID)).Create(ctx,
		map[string]any{"endpoint_sid": ep.EndpointSID}); err != nil {
		e.T.Fatalf("create trunk: %v", err)
	}
	numbers := make([]string, n)
	for i := range numbers {
		d, err := e.API.RentAvailableDID(ctx, client.AvailableDIDSearch{CountryCode: "USA"},
			map[string]any{"trunk_group_sid": tg.TrunkGroupSID})
		if err != nil {
			e.T.Fatalf("rent a number: %v", err)
		}
		numbers[i] = d.PhoneNumber
	}
	return ep.EndpointSID, numbers
}
