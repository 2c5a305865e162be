package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Helpers for the DID group, prefix and access control rule tests.

// prefixStateAttr reads one attribute of a resource from state, for
// ImportStateIdFunc and checks.
func prefixStateAttr(res, attr string) func(*terraform.State) (string, error) {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[res]
		if !ok {
			return "", fmt.Errorf("%s not in state", res)
		}
		v, ok := rs.Primary.Attributes[attr]
		if !ok || v == "" {
			return "", fmt.Errorf("%s has no %s in state", res, attr)
		}
		return v, nil
	}
}

// prefixSaveAttr stores an attribute of res into *dst.
func prefixSaveAttr(res, attr string, dst *string) func(*terraform.State) error {
	return func(s *terraform.State) (err error) {
		*dst, err = prefixStateAttr(res, attr)(s)
		return err
	}
}

// prefixSameAttr fails when res's attribute is no longer *want: the
// object was replaced instead of updated.
func prefixSameAttr(res, attr string, want *string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		got, err := prefixStateAttr(res, attr)(s)
		if err == nil && got != *want {
			err = fmt.Errorf("%s %s changed from %s to %s: replaced instead of updated", res, attr, *want, got)
		}
		return err
	}
}

// prefixCreateTrunkGroup creates a trunk group through the public API (the
// trunk group resource is not used, so these tests do not depend on it)
// and deletes it when the test ends.
func prefixCreateTrunkGroup(t *testing.T, e *accEnv, name string) string {
	t.Helper()
	var out struct {
		TrunkGroupSID string `json:"trunk_group_sid"`
	}
	if err := e.api.Do(context.Background(), http.MethodPost, "/trunk_groups", nil, map[string]any{"name": name}, &out); err != nil {
		t.Fatalf("create trunk group %s: %v", name, err)
	}
	if !framework.IsSID(out.TrunkGroupSID) {
		t.Fatalf("create trunk group %s: trunk_group_sid %q", name, out.TrunkGroupSID)
	}
	t.Cleanup(func() {
		_ = e.api.Do(context.Background(), http.MethodDelete, "/trunk_groups/"+out.TrunkGroupSID, nil, nil, nil)
	})
	return out.TrunkGroupSID
}

// prefixCreateRoutableTrunkGroup creates, through the public API, a trunk
// group with one trunk bound to a new third_party endpoint: CarrierX routes
// a prefix only to such a group. Everything is deleted when the test ends,
// trunk first.
func prefixCreateRoutableTrunkGroup(t *testing.T, e *accEnv, name string) string {
	t.Helper()
	ctx := context.Background()
	ep, err := e.api.CreateEndpoint(ctx, map[string]any{"name": name + "-pbx", "type": "third_party",
		"addresses": []map[string]any{{"ip": "203.0.113.50"}}})
	if err != nil {
		t.Fatalf("create endpoint for trunk group %s: %v", name, err)
	}
	t.Cleanup(func() { _ = e.api.DeleteEndpoint(ctx, ep.EndpointSID) })
	tg := prefixCreateTrunkGroup(t, e, name)
	var tr struct {
		TrunkSID string `json:"trunk_sid"`
	}
	trunks := "/trunk_groups/" + tg + "/trunks"
	if err := e.api.Do(ctx, http.MethodPost, trunks, nil, map[string]any{"name": name + "-trunk", "endpoint_sid": ep.EndpointSID}, &tr); err != nil {
		t.Fatalf("create trunk in %s: %v", name, err)
	}
	t.Cleanup(func() { _ = e.api.Do(ctx, http.MethodDelete, trunks+"/"+tr.TrunkSID, nil, nil, nil) })
	return tg
}

func (e *accEnv) didGroupGet(ctx context.Context, sid string) error {
	_, err := e.api.GetDIDGroup(ctx, sid)
	return err
}

func (e *accEnv) prefixGet(ctx context.Context, sid string) error {
	_, err := e.api.GetPrefix(ctx, sid)
	return err
}

func (e *accEnv) accessControlRuleGet(ctx context.Context, sid string) error {
	_, err := e.api.GetAccessControlRule(ctx, sid)
	return err
}

// prefixWrites returns the logged requests that are not GETs: what a step
// changed.
func prefixWrites(reqs []loggedRequest) []loggedRequest {
	var out []loggedRequest
	for _, r := range reqs {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}

// prefixExpectPagedReads checks that the list requests of path come in
// runs of offsets 0, 1000, 2000... with limit 1000: pages requests per
// read, none more.
func prefixExpectPagedReads(reqs []loggedRequest, path string, total int) error {
	var offsets []string
	for _, r := range reqs {
		if r.Method != http.MethodGet || r.Path != path {
			continue
		}
		q, _ := url.ParseQuery(r.Query)
		if q.Get("limit") != "1000" {
			return fmt.Errorf("list request %s?%s has limit %q, want 1000", r.Path, r.Query, q.Get("limit"))
		}
		offsets = append(offsets, q.Get("offset"))
	}
	pages := (total + 999) / 1000
	if len(offsets) == 0 || len(offsets)%pages != 0 {
		return fmt.Errorf("%d list requests of %s, want a multiple of %d: %v", len(offsets), path, pages, offsets)
	}
	for i, o := range offsets {
		if want := fmt.Sprint((i % pages) * 1000); o != want {
			return fmt.Errorf("list request %d of %s has offset %q, want %s (all: %v)", i, path, o, want, offsets)
		}
	}
	return nil
}
