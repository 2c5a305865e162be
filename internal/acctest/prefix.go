package acctest

import (
	"context"
	"net/http"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// Fixtures of the prefix tests that other objects' tests can use too: trunk
// groups made through the public API, so a test does not depend on the
// trunk group resource.

// PrefixCreateTrunkGroup creates a trunk group through the public API and
// deletes it when the test ends.
func PrefixCreateTrunkGroup(t *testing.T, e *Env, name string) string {
	t.Helper()
	var out struct {
		TrunkGroupSID string `json:"trunk_group_sid"`
	}
	if err := e.API.Do(context.Background(), http.MethodPost, "/trunk_groups", nil, map[string]any{"name": name}, &out); err != nil {
		t.Fatalf("create trunk group %s: %v", name, err)
	}
	if !framework.IsSID(out.TrunkGroupSID) {
		t.Fatalf("create trunk group %s: trunk_group_sid %q", name, out.TrunkGroupSID)
	}
	t.Cleanup(func() {
		_ = e.API.Do(context.Background(), http.MethodDelete, "/trunk_groups/"+out.TrunkGroupSID, nil, nil, nil)
	})
	return out.TrunkGroupSID
}

// PrefixCreateRoutableTrunkGroup creates, through the public API, a trunk
// group with one trunk bound to a new third_party endpoint: CarrierX routes
// a prefix only to such a group. Everything is deleted when the test ends,
// trunk first.
func PrefixCreateRoutableTrunkGroup(t *testing.T, e *Env, name string) string {
	t.Helper()
	ctx := context.Background()
	ep, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Create(ctx, map[string]any{"name": name + "-pbx", "type": "third_party",
		"addresses": []map[string]any{{"ip": "203.0.113.50"}}})
	if err != nil {
		t.Fatalf("create endpoint for trunk group %s: %v", name, err)
	}
	t.Cleanup(func() { _ = client.Objects[client.Endpoint](e.API, client.EndpointKind).Delete(ctx, ep.EndpointSID) })
	tg := PrefixCreateTrunkGroup(t, e, name)
	var tr struct {
		TrunkSID string `json:"trunk_sid"`
	}
	trunks := "/trunk_groups/" + tg + "/trunks"
	if err := e.API.Do(ctx, http.MethodPost, trunks, nil, map[string]any{"name": name + "-trunk", "endpoint_sid": ep.EndpointSID}, &tr); err != nil {
		t.Fatalf("create trunk in %s: %v", name, err)
	}
	t.Cleanup(func() { _ = e.API.Do(ctx, http.MethodDelete, trunks+"/"+tr.TrunkSID, nil, nil, nil) })
	return tg
}
