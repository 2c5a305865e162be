package acctest

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Phone-number fixtures, for every test that rents numbers.

// AvailableNumbers returns n available numbers matching s.
func AvailableNumbers(t *testing.T, e *Env, s client.AvailableDIDSearch, n int) []client.DID {
	t.Helper()
	dids, err := e.API.ListAvailableDIDs(context.Background(), s, n)
	if err != nil {
		t.Fatalf("list available numbers: %v", err)
	}
	if len(dids) < n {
		t.Fatalf("%d available numbers match %+v, want %d", len(dids), s, n)
	}
	return dids
}

// RentedNumbers lists the numbers the account rents.
func RentedNumbers(t *testing.T, e *Env) []client.DID {
	t.Helper()
	dids, err := client.Objects[client.DID](e.API, client.DIDKind).List(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatalf("list rented numbers: %v", err)
	}
	return dids
}

// NoNumbersRented fails when the account rents any number.
func NoNumbersRented(t *testing.T, e *Env) {
	t.Helper()
	if got := RentedNumbers(t, e); len(got) != 0 {
		t.Fatalf("%d numbers rented, want none (first %s)", len(got), got[0].PhoneNumber)
	}
}

// NumberReleased checks that a number is no longer rented: its SID answers
// 404 or a status other than assigned, it is not in the rented list, and
// renting it again fails (released numbers age and cannot come back).
func NumberReleased(e *Env, sid, digits string) error {
	ctx := context.Background()
	d, err := client.Objects[client.DID](e.API, client.DIDKind).Get(ctx, sid)
	switch {
	case client.IsNotFound(err):
	case err != nil:
		return err
	case d.Status == client.DIDStatusAssigned:
		return fmt.Errorf("phone number %s (%s) is still assigned", digits, sid)
	}
	rented, err := e.API.FindRentedDID(ctx, digits)
	if err != nil {
		return err
	}
	if rented != nil {
		return fmt.Errorf("phone number %s is still in the rented list (status %s)", digits, rented.Status)
	}
	again, err := e.API.RentDID(ctx, map[string]any{"phonenumber": digits}, client.RentDIDOptions{})
	if err == nil {
		_ = client.Objects[client.DID](e.API, client.DIDKind).Delete(ctx, again.DIDSID)
		return fmt.Errorf("released number %s could be rented again", digits)
	}
	return nil
}

// CheckNumbersReleased is a CheckDestroy: every carrierx_phone_number left
// in state was released.
func CheckNumbersReleased(e *Env) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "carrierx_phone_number" {
				continue
			}
			if err := NumberReleased(e, rs.Primary.Attributes["did_sid"], rs.Primary.Attributes["phonenumber"]); err != nil {
				return err
			}
		}
		return nil
	}
}
