package phonenumber_test

import (
	"context"
	"net/http"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const phoneNumberRes = "carrierx_phone_number.test"

var (
	phoneNumberSIDFrom    = acctest.Attr(phoneNumberRes, "did_sid")
	phoneNumberDigitsFrom = acctest.Attr(phoneNumberRes, "phonenumber")
)

func phoneNumberPlusDigitsFrom(s *terraform.State) (string, error) {
	d, err := phoneNumberDigitsFrom(s)
	return "+" + d, err
}

// phoneNumberStates counts the available inventory per state (first 1,000
// numbers) and returns the states, most numbers first.
func phoneNumberStates(t *testing.T, e *acctest.Env, country string) []string {
	t.Helper()
	dids, err := e.API.ListAvailableDIDs(context.Background(), client.AvailableDIDSearch{CountryCode: country}, 1000)
	if err != nil {
		t.Fatalf("list available numbers: %v", err)
	}
	n := map[string]int{}
	for _, d := range dids {
		if d.State != nil && *d.State != "" {
			n[*d.State]++
		}
	}
	states := make([]string, 0, len(n))
	for s := range n {
		states = append(states, s)
	}
	sort.Slice(states, func(i, j int) bool {
		if n[states[i]] != n[states[j]] {
			return n[states[i]] > n[states[j]]
		}
		return states[i] < states[j]
	})
	if len(states) < 2 {
		t.Fatalf("the inventory has numbers in %d states of %s (%v); the tests need two", len(states), country, n)
	}
	return states
}

// apiObject creates an object through the public API, so these tests do
// not depend on its resource, and deletes it when the test ends.
func apiObject(t *testing.T, e *acctest.Env, path, sidKey, name string) string {
	t.Helper()
	var out map[string]any
	if err := e.API.Do(context.Background(), http.MethodPost, path, nil, map[string]any{"name": name}, &out); err != nil {
		t.Fatalf("create %s: %v", path, err)
	}
	sid, _ := out[sidKey].(string)
	t.Cleanup(func() { _ = e.API.Do(context.Background(), http.MethodDelete, path+"/"+sid, nil, nil, nil) })
	return sid
}

// phoneNumberTrunkGroup creates a trunk group through the public API.
func phoneNumberTrunkGroup(t *testing.T, e *acctest.Env, name string) string {
	t.Helper()
	return apiObject(t, e, "/trunk_groups", "trunk_group_sid", name)
}

// phoneNumberDIDGroup creates a DID group through the public API.
func phoneNumberDIDGroup(t *testing.T, e *acctest.Env, name string) string {
	t.Helper()
	return apiObject(t, e, "/phonenumber/did_groups", "did_group_sid", name)
}
