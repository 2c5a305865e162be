package provider

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const phoneNumberRes = "carrierx_phone_number.test"

func phoneNumberAttr(name, attr string) func(*terraform.State) (string, error) {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[name]
		if !ok {
			return "", fmt.Errorf("%s not in state", name)
		}
		return rs.Primary.Attributes[attr], nil
	}
}

var (
	phoneNumberSIDFrom    = phoneNumberAttr(phoneNumberRes, "did_sid")
	phoneNumberDigitsFrom = phoneNumberAttr(phoneNumberRes, "phonenumber")
)

func phoneNumberPlusDigitsFrom(s *terraform.State) (string, error) {
	d, err := phoneNumberDigitsFrom(s)
	return "+" + d, err
}

// phoneNumberStates counts the available inventory per state (first 1,000
// numbers) and returns the states, most numbers first.
func phoneNumberStates(t *testing.T, e *accEnv, country string) []string {
	t.Helper()
	dids, err := e.api.ListAvailableDIDs(context.Background(), client.AvailableDIDSearch{CountryCode: country}, 1000)
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

// phoneNumberAvailable returns n available numbers matching s.
func phoneNumberAvailable(t *testing.T, e *accEnv, s client.AvailableDIDSearch, n int) []client.DID {
	t.Helper()
	dids, err := e.api.ListAvailableDIDs(context.Background(), s, n)
	if err != nil {
		t.Fatalf("list available numbers: %v", err)
	}
	if len(dids) < n {
		t.Fatalf("%d available numbers match %+v, want %d", len(dids), s, n)
	}
	return dids
}

// phoneNumberRented lists the numbers the account rents.
func phoneNumberRented(t *testing.T, e *accEnv) []client.DID {
	t.Helper()
	dids, err := e.api.ListDIDs(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatalf("list rented numbers: %v", err)
	}
	return dids
}

// phoneNumberNoneRented fails when the account rents any number.
func phoneNumberNoneRented(t *testing.T, e *accEnv) {
	t.Helper()
	if got := phoneNumberRented(t, e); len(got) != 0 {
		t.Fatalf("%d numbers rented, want none (first %s)", len(got), got[0].PhoneNumber)
	}
}

// phoneNumberReleased checks that a number is no longer rented: its SID
// answers 404 or a status other than assigned, it is not in the rented list,
// and renting it again fails (released numbers age and cannot come back).
func phoneNumberReleased(e *accEnv, sid, digits string) error {
	ctx := context.Background()
	d, err := e.api.GetDID(ctx, sid)
	switch {
	case client.IsNotFound(err):
	case err != nil:
		return err
	case d.Status == client.DIDStatusAssigned:
		return fmt.Errorf("phone number %s (%s) is still assigned", digits, sid)
	}
	rented, err := e.api.FindRentedDID(ctx, digits)
	if err != nil {
		return err
	}
	if rented != nil {
		return fmt.Errorf("phone number %s is still in the rented list (status %s)", digits, rented.Status)
	}
	again, err := e.api.RentDID(ctx, map[string]any{"phonenumber": digits}, client.RentDIDOptions{})
	if err == nil {
		_ = e.api.ReleaseDID(ctx, again.DIDSID)
		return fmt.Errorf("released number %s could be rented again", digits)
	}
	return nil
}

// phoneNumberCheckReleased is a CheckDestroy: every carrierx_phone_number
// left in state was released.
func phoneNumberCheckReleased(e *accEnv) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "carrierx_phone_number" {
				continue
			}
			if err := phoneNumberReleased(e, rs.Primary.Attributes["did_sid"], rs.Primary.Attributes["phonenumber"]); err != nil {
				return err
			}
		}
		return nil
	}
}

// phoneNumberTrunkGroup creates a trunk group through the public API, so
// these tests do not depend on the trunk group resource.
func phoneNumberTrunkGroup(t *testing.T, e *accEnv, name string) string {
	t.Helper()
	var out struct {
		TrunkGroupSID string `json:"trunk_group_sid"`
	}
	if err := e.api.Do(context.Background(), http.MethodPost, "/trunk_groups", nil, map[string]any{"name": name}, &out); err != nil {
		t.Fatalf("create trunk group: %v", err)
	}
	t.Cleanup(func() {
		_ = e.api.Do(context.Background(), http.MethodDelete, "/trunk_groups/"+out.TrunkGroupSID, nil, nil, nil)
	})
	return out.TrunkGroupSID
}

// phoneNumberDIDGroup creates a DID group through the public API.
func phoneNumberDIDGroup(t *testing.T, e *accEnv, name string) string {
	t.Helper()
	var out struct {
		DIDGroupSID string `json:"did_group_sid"`
	}
	if err := e.api.Do(context.Background(), http.MethodPost, "/phonenumber/did_groups", nil, map[string]any{"name": name}, &out); err != nil {
		t.Fatalf("create DID group: %v", err)
	}
	t.Cleanup(func() {
		_ = e.api.Do(context.Background(), http.MethodDelete, "/phonenumber/did_groups/"+out.DIDGroupSID, nil, nil, nil)
	})
	return out.DIDGroupSID
}

// phoneNumberStateCheck runs f as a state check; it needs no shimmed state,
// so it works with string-keyed (for_each) instances.
type phoneNumberStateCheck func() error

func (f phoneNumberStateCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}
