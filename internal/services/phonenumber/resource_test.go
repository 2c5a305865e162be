package phonenumber_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/phonenumber"
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

const (
	phoneNumberDIDsPath      = "/core/v2/phonenumber/dids"
	phoneNumberAvailablePath = "/core/v2/phonenumber/available_dids"
)

// phoneNumberFlagsMatchMask checks the capability booleans against the
// bitmask in state.
func phoneNumberFlagsMatchMask(name string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[name]
		if !ok {
			return fmt.Errorf("%s not in state", name)
		}
		a := rs.Primary.Attributes
		for _, pair := range []struct{ mask, prefix string }{{"capabilities", ""}, {"active_capabilities", "active_capability_flags."}} {
			mask, err := strconv.ParseInt(a[pair.mask], 10, 64)
			if err != nil {
				return fmt.Errorf("%s = %q: %w", pair.mask, a[pair.mask], err)
			}
			for flag, bit := range phonenumber.CapabilityBits {
				want := strconv.FormatBool(mask&bit != 0)
				if got := a[pair.prefix+flag]; got != want {
					return fmt.Errorf("%s = %d but %s%s = %s, want %s", pair.mask, mask, pair.prefix, flag, got, want)
				}
			}
		}
		return nil
	}
}

// TestAccPhoneNumber_lifecycle rents by criteria, imports by SID, +digits
// and digits, updates in place with one PATCH, replaces on a criterion
// change and releases on destroy.
func TestAccPhoneNumber_lifecycle(t *testing.T) {
	e := acctest.New(t)
	states := phoneNumberStates(t, e, "USA")
	tg := phoneNumberTrunkGroup(t, e, "pn-lifecycle")
	dg := phoneNumberDIDGroup(t, e, "pn-lifecycle")
	cfg := func(state, extra string) string {
		return e.Config(fmt.Sprintf(`
resource "carrierx_phone_number" "test" {
  country_code = "USA"
  state        = %q
  %s
}
`, state, extra))
	}
	first := cfg(states[0], `name = "main"`)
	updated := cfg(states[0], fmt.Sprintf(`
  name            = "main-2"
  trunk_group_sid = %q
  did_group_sid   = %q
  attributes      = { team = "support" }`, tg, dg))
	var firstSID, firstDigits string
	e.Test(resource.TestCase{
		CheckDestroy: acctest.CheckNumbersReleased(e),
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           first,
				ConfigPlanChecks: acctest.Plans(phoneNumberRes, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(phoneNumberRes, "did_sid", acctest.SIDRegexp),
					resource.TestMatchResourceAttr(phoneNumberRes, "phonenumber", regexp.MustCompile(`^1[0-9]{10}$`)),
					resource.TestCheckResourceAttr(phoneNumberRes, "state", states[0]),
					acctest.Expect(acctest.Want{phoneNumberRes: {
						"country_code": "USA", "status": "assigned", "name": "main",
						"release_on_destroy": "true", "attributes.%": "0", "transformations.#": "0",
					}}),
					resource.TestCheckNoResourceAttr(phoneNumberRes, "trunk_group_sid"),
					phoneNumberFlagsMatchMask(phoneNumberRes),
					func(s *terraform.State) (err error) {
						firstSID, _ = phoneNumberSIDFrom(s)
						firstDigits, _ = phoneNumberDigitsFrom(s)
						if e.Live {
							return nil
						}
						reqs := e.Requests()
						// One search and one rent; nothing read back.
						if err := acctest.ExpectCalls(reqs, map[string]int{"GET " + phoneNumberAvailablePath: 1, "POST " + phoneNumberDIDsPath: 1, "GET " + phoneNumberDIDsPath + "/" + firstSID: 0}); err != nil {
							return err
						}
						return acctest.ExpectBody(reqs, http.MethodPost, fmt.Sprintf(`{"attributes":{},"name":"main","phonenumber":%q,"transformations":[]}`, firstDigits))
					},
				),
			},
			{
				ResourceName: phoneNumberRes, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "did_sid", ImportStateIdFunc: phoneNumberSIDFrom,
			},
			{
				Config: first, ResourceName: phoneNumberRes, ImportState: true,
				ImportStateKind: resource.ImportBlockWithID, ImportStateIdFunc: phoneNumberSIDFrom,
			},
			{
				ResourceName: phoneNumberRes, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "did_sid", ImportStateIdFunc: phoneNumberPlusDigitsFrom,
			},
			{
				// By digits, with the configuration it was created from: no change planned.
				Config: first, ResourceName: phoneNumberRes, ImportState: true,
				ImportStateKind: resource.ImportBlockWithID, ImportStateIdFunc: phoneNumberDigitsFrom,
			},
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           updated,
				ConfigPlanChecks: acctest.Quiet(phoneNumberRes, "name", "trunk_group_sid", "did_group_sid", "attributes"),
				Check: resource.ComposeTestCheckFunc(
					acctest.Expect(acctest.Want{phoneNumberRes: {
						"name": "main-2", "trunk_group_sid": tg, "did_group_sid": dg,
						"attributes.team": "support",
					}}),
					func(s *terraform.State) error {
						sid, _ := phoneNumberSIDFrom(s)
						if sid != firstSID {
							return fmt.Errorf("update replaced the number: %s became %s", firstSID, sid)
						}
						if e.Live {
							return nil
						}
						reqs := e.Requests()
						if err := acctest.ExpectCalls(reqs, map[string]int{"PATCH " + phoneNumberDIDsPath + "/" + sid: 1, "POST " + phoneNumberDIDsPath: 0, "DELETE " + phoneNumberDIDsPath + "/" + sid: 0}); err != nil {
							return err
						}
						return acctest.ExpectBody(reqs, http.MethodPatch, fmt.Sprintf(`{"attributes":{"team":"support"},"did_group_sid":%q,"name":"main-2","trunk_group_sid":%q}`, dg, tg))
					},
				),
			},
			{
				// Another state: a new number, the old one released.
				Config:           strings.Replace(updated, fmt.Sprintf("%q", states[0]), fmt.Sprintf("%q", states[1]), 1),
				ConfigPlanChecks: acctest.Plans(phoneNumberRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(phoneNumberRes, "state", states[1]),
					resource.TestCheckResourceAttr(phoneNumberRes, "trunk_group_sid", tg),
					func(s *terraform.State) error {
						sid, _ := phoneNumberSIDFrom(s)
						if sid == firstSID {
							return fmt.Errorf("state change kept %s", sid)
						}
						return acctest.NumberReleased(e, firstSID, firstDigits)
					},
				),
			},
		},
	})
}

// TestAccPhoneNumber_exactNumber rents a number written with "+" and
// spaces; other spellings plan nothing, another number replaces it.
func TestAccPhoneNumber_exactNumber(t *testing.T) {
	e := acctest.New(t)
	avail := acctest.AvailableNumbers(t, e, client.AvailableDIDSearch{CountryCode: "USA"}, 2)
	a, b := avail[0].PhoneNumber, avail[1].PhoneNumber
	spaced := fmt.Sprintf("+%s %s-%s-%s", a[:1], a[1:4], a[4:7], a[7:])
	cfg := func(number string) string {
		return e.Config(fmt.Sprintf(`
resource "carrierx_phone_number" "test" {
  phonenumber = %q
}
`, number))
	}
	var firstSID string
	e.Test(resource.TestCase{
		CheckDestroy: acctest.CheckNumbersReleased(e),
		Steps: []resource.TestStep{
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           cfg(spaced),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(phoneNumberRes, "phonenumber", spaced),
					resource.TestCheckResourceAttr(phoneNumberRes, "name", "N/A"),
					phoneNumberFlagsMatchMask(phoneNumberRes),
					func(s *terraform.State) error {
						firstSID, _ = phoneNumberSIDFrom(s)
						if e.Live {
							return nil
						}
						reqs := e.Requests()
						if err := acctest.ExpectCalls(reqs, map[string]int{"POST " + phoneNumberDIDsPath: 1, "GET " + phoneNumberAvailablePath: 0}); err != nil {
							return err
						}
						return acctest.ExpectBody(reqs, http.MethodPost, fmt.Sprintf(`{"attributes":{},"phonenumber":%q,"transformations":[]}`, a))
					},
				),
			},
			{Config: cfg(a), PlanOnly: true},
			{Config: cfg("+" + a), PlanOnly: true},
			{
				Config:           cfg("+" + b),
				ConfigPlanChecks: acctest.Plans(phoneNumberRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(phoneNumberRes, "phonenumber", "+"+b),
					func(*terraform.State) error { return acctest.NumberReleased(e, firstSID, a) },
				),
			},
		},
	})
}

// TestAccPhoneNumber_exactNumberDescribed: country_code, state and
// locality beside phonenumber (as a generated configuration has them)
// describe the number: not its own, the number is not rented, and once
// rented a change fails the plan instead of replacing (releasing) it.
func TestAccPhoneNumber_exactNumberDescribed(t *testing.T) {
	e := acctest.New(t)
	states := phoneNumberStates(t, e, "USA")
	a := acctest.AvailableNumbers(t, e, client.AvailableDIDSearch{CountryCode: "USA", State: states[0]}, 1)[0]
	if a.Locality == nil {
		t.Fatalf("number %s has no locality", a.PhoneNumber)
	}
	cfg := func(state string) string {
		return e.Config(fmt.Sprintf(`
resource "carrierx_phone_number" "test" {
  phonenumber  = %q
  country_code = "USA"
  state        = %q
  locality     = %q
}
`, a.PhoneNumber, state, strings.ToLower(*a.Locality)))
	}
	noneRented := func() { acctest.NoNumbersRented(t, e) }
	e.Test(resource.TestCase{
		CheckDestroy: acctest.CheckNumbersReleased(e),
		Steps: []resource.TestStep{
			{
				Config:      cfg(states[1]),
				ExpectError: regexp.MustCompile(`(?s)Phone number not available as described.*phonenumber = \+` + a.PhoneNumber),
			},
			{
				PreConfig:        noneRented,
				Config:           cfg(strings.ToLower(states[0])),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check:            resource.TestCheckResourceAttr(phoneNumberRes, "phonenumber", a.PhoneNumber),
			},
			{
				Config: cfg(states[1]),
				ExpectError: regexp.MustCompile(`(?s)Search criterion does not match the configured phonenumber.*state = "` +
					states[1] + `", but the rented number ` + a.PhoneNumber + ` has state "` + strings.ToLower(states[0]) + `"`),
			},
			{Config: e.Config(fmt.Sprintf("resource \"carrierx_phone_number\" \"test\" {\n  phonenumber = %q\n}\n", a.PhoneNumber)), PlanOnly: true},
		},
	})
}

// TestAccPhoneNumber_drift changes name and trunk group behind Terraform's
// back (shown, reverted), then releases the number (re-created).
func TestAccPhoneNumber_drift(t *testing.T) {
	e := acctest.New(t)
	tg := phoneNumberTrunkGroup(t, e, "pn-drift")
	other := phoneNumberTrunkGroup(t, e, "pn-drift-other")
	cfg := e.Config(fmt.Sprintf(`
resource "carrierx_phone_number" "test" {
  country_code    = "USA"
  locality        = "New York"
  name            = "drift"
  trunk_group_sid = %q
}
`, tg))
	var sid, digits string
	e.Test(resource.TestCase{
		CheckDestroy: acctest.CheckNumbersReleased(e),
		Steps: []resource.TestStep{
			{
				Config:           cfg,
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					// CarrierX answers NEW YORK; the configured spelling stays.
					resource.TestCheckResourceAttr(phoneNumberRes, "locality", "New York"),
					func(s *terraform.State) error {
						sid, _ = phoneNumberSIDFrom(s)
						digits, _ = phoneNumberDigitsFrom(s)
						d, err := client.Objects[client.DID](e.API, client.DIDKind).Get(context.Background(), sid)
						if err == nil && (d.Locality == nil || *d.Locality != "NEW YORK") {
							err = fmt.Errorf("rented a number in %v, want NEW YORK", d.Locality)
						}
						return err
					},
				),
			},
			{
				// The same criteria in other cases plan nothing.
				Config:   strings.Replace(cfg, `"New York"`, `"NEW YORK"`, 1),
				PlanOnly: true,
			},
			{
				PreConfig: func() {
					if _, err := client.Objects[client.DID](e.API, client.DIDKind).Update(context.Background(), sid, map[string]any{"name": "changed-outside", "trunk_group_sid": other}); err != nil {
						t.Fatal(err)
					}
					e.ClearRequestsIfEmulated()
				},
				Config:           cfg,
				ConfigPlanChecks: acctest.Quiet(phoneNumberRes, "name", "trunk_group_sid"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(phoneNumberRes, "name", "drift"),
					resource.TestCheckResourceAttr(phoneNumberRes, "trunk_group_sid", tg),
					func(*terraform.State) error {
						d, err := client.Objects[client.DID](e.API, client.DIDKind).Get(context.Background(), sid)
						if err == nil && (d.TrunkGroupSID == nil || *d.TrunkGroupSID != tg || *d.Name != "drift") {
							err = fmt.Errorf("apply did not revert: name %v trunk_group_sid %v", d.Name, d.TrunkGroupSID)
						}
						if err != nil || e.Live {
							return err
						}
						return acctest.ExpectBody(e.Requests(), http.MethodPatch, fmt.Sprintf(`{"name":"drift","trunk_group_sid":%q}`, tg))
					},
				),
			},
			{
				PreConfig: func() {
					if err := client.Objects[client.DID](e.API, client.DIDKind).Delete(context.Background(), sid); err != nil {
						t.Fatal(err)
					}
				},
				Config:           cfg,
				ConfigPlanChecks: acctest.Plans(phoneNumberRes, plancheck.ResourceActionCreate),
				Check: func(s *terraform.State) error {
					newSID, _ := phoneNumberSIDFrom(s)
					newDigits, _ := phoneNumberDigitsFrom(s)
					if newSID == sid || newDigits == digits {
						return fmt.Errorf("released number %s (%s) came back", digits, sid)
					}
					return nil
				},
			},
		},
	})
}

// TestAccPhoneNumber_keepOnDestroy: with release_on_destroy = false the
// number stays rented after destroy.
func TestAccPhoneNumber_keepOnDestroy(t *testing.T) {
	e := acctest.New(t)
	var sid, digits string
	t.Cleanup(func() {
		if sid != "" {
			_ = client.Objects[client.DID](e.API, client.DIDKind).Delete(context.Background(), sid)
		}
	})
	e.Test(resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			d, err := e.API.FindRentedDID(context.Background(), digits)
			if err != nil {
				return err
			}
			if d == nil || d.DIDSID != sid || d.Status != client.DIDStatusAssigned {
				return fmt.Errorf("number %s is not rented any more after destroy with release_on_destroy = false: %+v", digits, d)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: e.ClearRequestsIfEmulated,
				Config: e.Config(`
resource "carrierx_phone_number" "test" {
  country_code       = "CAN"
  release_on_destroy = false
}
`),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(phoneNumberRes, "release_on_destroy", "false"),
					resource.TestCheckResourceAttr(phoneNumberRes, "country_code", "CAN"),
					func(s *terraform.State) error {
						sid, _ = phoneNumberSIDFrom(s)
						digits, _ = phoneNumberDigitsFrom(s)
						e.ClearRequestsIfEmulated()
						return nil
					},
				),
			},
		},
	})
	if !e.Live {
		if n := acctest.Count(e.Requests(), http.MethodDelete, phoneNumberDIDsPath+"/"+sid); n != 0 {
			t.Fatalf("destroy sent %d DELETE requests with release_on_destroy = false", n)
		}
	}
}

// TestAccPhoneNumber_releaseOnDestroy: by default destroy sends one DELETE
// and the number can never be rented again.
func TestAccPhoneNumber_releaseOnDestroy(t *testing.T) {
	e := acctest.New(t)
	var sid string
	e.Test(resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			if !e.Live {
				if n := acctest.Count(e.Requests(), http.MethodDelete, phoneNumberDIDsPath+"/"+sid); n != 1 {
					return fmt.Errorf("destroy sent %d DELETE requests, want 1", n)
				}
				d, err := client.Objects[client.DID](e.API, client.DIDKind).Get(context.Background(), sid)
				if err == nil {
					return fmt.Errorf("released number still readable with status %s", d.Status)
				}
			}
			return acctest.CheckNumbersReleased(e)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: e.Config(`
resource "carrierx_phone_number" "test" {
  country_code = "GBR"
  locality     = "london"
}
`),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(phoneNumberRes, "locality", "london"),
					resource.TestMatchResourceAttr(phoneNumberRes, "phonenumber", regexp.MustCompile(`^44`)),
					func(s *terraform.State) error {
						sid, _ = phoneNumberSIDFrom(s)
						e.ClearRequestsIfEmulated()
						return nil
					},
				),
			},
		},
	})
}

// TestAccPhoneNumber_releaseOnDestroyToggle: changing only the Terraform
// setting updates state without a PATCH.
func TestAccPhoneNumber_releaseOnDestroyToggle(t *testing.T) {
	e := acctest.New(t)
	cfg := func(release string) string {
		return e.Config(`
resource "carrierx_phone_number" "test" {
  country_code = "USA"
  ` + release + `
}
`)
	}
	e.Test(resource.TestCase{
		CheckDestroy: acctest.CheckNumbersReleased(e),
		Steps: []resource.TestStep{
			{Config: cfg("")},
			{
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           cfg("release_on_destroy = false"),
				ConfigPlanChecks: acctest.Quiet(phoneNumberRes, "release_on_destroy"),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(phoneNumberRes, "release_on_destroy", "false"),
					func(*terraform.State) error {
						if e.Live {
							return nil
						}
						for _, r := range e.Requests() {
							if r.Method == http.MethodPatch {
								return fmt.Errorf("a Terraform-only change sent %s %s %s", r.Method, r.Path, r.Body)
							}
						}
						return nil
					},
				),
			},
			{Config: cfg("release_on_destroy = true")},
		},
	})
}

// TestAccPhoneNumber_criteriaChanges: a Terraform-only criterion the
// number already meets updates in place; one it does not meet replaces it.
func TestAccPhoneNumber_criteriaChanges(t *testing.T) {
	e := acctest.New(t)
	// A number with voice and SMS both ways but no MMS; its full digits as
	// the prefix make it the only match.
	a := acctest.AvailableNumbers(t, e, client.AvailableDIDSearch{CountryCode: "USA", Filter: "capabilities eq 7"}, 1)[0].PhoneNumber
	cfg := func(prefix, caps string) string {
		extra := ""
		if caps != "" {
			extra = "required_capabilities = " + caps
		}
		return e.Config(fmt.Sprintf(`
resource "carrierx_phone_number" "test" {
  phonenumber_prefix = %q
  %s
}
`, prefix, extra))
	}
	e.Test(resource.TestCase{
		CheckDestroy: acctest.CheckNumbersReleased(e),
		Steps: []resource.TestStep{
			{
				Config:           cfg(a, ""),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					acctest.Expect(acctest.Want{phoneNumberRes: {
						"phonenumber": a, "capabilities": "7", "voice": "true", "sms_inbound": "true",
						"sms_outbound": "true", "mms_inbound": "false", "mms_outbound": "false",
						"active_capabilities": "4", "active_capability_flags.voice": "true",
						"active_capability_flags.sms_inbound": "false",
					}}),
					phoneNumberFlagsMatchMask(phoneNumberRes),
				),
			},
			{
				// Met by the rented number: state only, no new number.
				PreConfig:        e.ClearRequestsIfEmulated,
				Config:           cfg(a, `["voice", "sms_inbound", "sms_outbound"]`),
				ConfigPlanChecks: acctest.Quiet(phoneNumberRes, "required_capabilities"),
				Check: func(*terraform.State) error {
					if e.Live {
						return nil
					}
					for _, r := range e.Requests() {
						if r.Method == http.MethodPost || r.Method == http.MethodPatch || r.Method == http.MethodDelete {
							return fmt.Errorf("a criterion the number meets sent %s %s", r.Method, r.Path)
						}
					}
					return nil
				},
			},
			{
				// Not met: the plan replaces the number; the only match was
				// the released number, so the new rent finds nothing.
				Config: cfg(a, `["mms_outbound"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(phoneNumberRes, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ExpectError: regexp.MustCompile(`(?s)No available phone number matches.*phonenumber_prefix = "` + a + `",\s+required_capabilities = \[mms_outbound\]`),
			},
			{
				Config:           cfg("1212", ""),
				ConfigPlanChecks: acctest.Plans(phoneNumberRes, plancheck.ResourceActionCreate),
				Check:            resource.TestMatchResourceAttr(phoneNumberRes, "phonenumber", regexp.MustCompile(`^1212`)),
			},
			{
				Config:           cfg("1415", ""),
				ConfigPlanChecks: acctest.Plans(phoneNumberRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check:            resource.TestMatchResourceAttr(phoneNumberRes, "phonenumber", regexp.MustCompile(`^1415`)),
			},
		},
	})
}

// TestAccPhoneNumber_invalidInput fails at plan time where the schema knows
// better, and with CarrierX's message otherwise; nothing stays rented.
func TestAccPhoneNumber_invalidInput(t *testing.T) {
	e := acctest.New(t)
	res := func(body string) string {
		return e.Config("resource \"carrierx_phone_number\" \"test\" {\n" + body + "\n}")
	}
	taken := acctest.AvailableNumbers(t, e, client.AvailableDIDSearch{CountryCode: "USA"}, 1)[0]
	ctx := context.Background()
	rented, err := e.API.RentDID(ctx, map[string]any{"phonenumber": taken.PhoneNumber}, client.RentDIDOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Objects[client.DID](e.API, client.DIDKind).Delete(ctx, rented.DIDSID); err != nil {
		t.Fatal(err)
	}
	noneLeft := func() { acctest.NoNumbersRented(t, e) }
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      res(`phonenumber = "555-CALL-NOW"`),
				ExpectError: regexp.MustCompile(`(?s)Invalid phone number.*"555-CALL-NOW" is not a phone\s+number`),
			},
			{
				Config:      res(`phonenumber = "+1 555"`),
				ExpectError: regexp.MustCompile(`(?s)it has 4 digits, an E.164 number has 7\s+to 15`),
			},
			{
				Config:      res(`phonenumber = "+15550100142"` + "\n" + `phonenumber_prefix = "1555"`),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination.*cannot be specified when.*phonenumber`),
			},
			{
				Config:      res(`required_capabilities = ["fax"]`),
				ExpectError: regexp.MustCompile(`(?s)required_capabilities.*value must be one of`),
			},
			{
				Config:      res(`country_code = "us"`),
				ExpectError: regexp.MustCompile(`(?s)country_code.*ISO 3166-1 alpha-3 country code in upper\s+case`),
			},
			{
				Config:      res(`phonenumber_prefix = "+1516"`),
				ExpectError: regexp.MustCompile(`(?s)phonenumber_prefix.*must be digits only`),
			},
			{
				Config:      res(`trunk_group_sid = "tg-1"`),
				ExpectError: regexp.MustCompile(`(?s)trunk_group_sid.*must be a CarrierX SID`),
			},
			{
				// Released a moment ago: aging, not available.
				PreConfig:   noneLeft,
				Config:      res(fmt.Sprintf(`phonenumber = "+%s"`, taken.PhoneNumber)),
				ExpectError: regexp.MustCompile(`(?s)Unable to rent carrierx_phone_number.*phonenumber.*not\s+available`),
			},
			{
				PreConfig:   noneLeft,
				Config:      res(`phonenumber = "+1 999 555 0000"`),
				ExpectError: regexp.MustCompile(`(?s)Unable to rent carrierx_phone_number.*19995550000.*not\s+available`),
			},
			{
				PreConfig:   noneLeft,
				Config:      res(`country_code = "USA"` + "\n" + `trunk_group_sid = "00000000-0000-4000-8000-000000000000"`),
				ExpectError: regexp.MustCompile(`(?s)Unable to rent carrierx_phone_number.*trunk_group_sid`),
			},
			{
				PreConfig:   noneLeft,
				Config:      res(`country_code = "USA"` + "\n" + `state = "ZZ"`),
				ExpectError: regexp.MustCompile(`(?s)No available phone number matches.*country_code = "USA", state = "ZZ"`),
			},
		},
	})
	noneLeft()
}

// TestAccPhoneNumber_importErrors rejects malformed IDs and numbers the
// account does not rent.
func TestAccPhoneNumber_importErrors(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Config(`resource "carrierx_phone_number" "test" { country_code = "USA" }`)
	avail := acctest.AvailableNumbers(t, e, client.AvailableDIDSearch{CountryCode: "USA"}, 1)[0]
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: cfg, ResourceName: phoneNumberRes, ImportState: true, ImportStateId: "main-line",
				ExpectError: regexp.MustCompile(`"main-line" is neither a did_sid`),
			},
			{
				Config: cfg, ResourceName: phoneNumberRes, ImportState: true, ImportStateId: "+" + avail.PhoneNumber,
				ExpectError: regexp.MustCompile(`(?s)\+` + avail.PhoneNumber + ` is not rented by this account`),
			},
			{
				Config: cfg, ResourceName: phoneNumberRes, ImportState: true, ImportStateId: "00000000-0000-4000-8000-000000000000",
				ExpectError: regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
	acctest.NoNumbersRented(t, e)
}

// TestAccPhoneNumber_bulk200 rents 200 numbers with for_each in one apply
// (the same criteria for all), then releases them. The test harness cannot
// shim string-keyed instances into the legacy state, so the checks read the
// API (statecheck) and the last step empties the configuration.
func TestAccPhoneNumber_bulk200(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	const n = 200
	cfg := e.Config(fmt.Sprintf(`
resource "carrierx_phone_number" "bulk" {
  for_each     = toset([for i in range(%d) : format("line-%%03d", i)])
  country_code = "USA"
  name         = each.key
}
`, n))
	var start time.Time
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				PreConfig: func() { e.ClearRequests(); start = time.Now() },
				Config:    cfg,
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateCheck(func() error {
					elapsed := time.Since(start)
					applied := e.Requests()
					rented := acctest.RentedNumbers(t, e)
					if len(rented) != n {
						return fmt.Errorf("%d numbers rented, want %d", len(rented), n)
					}
					names := map[string]bool{}
					for _, d := range rented {
						names[*d.Name] = true
					}
					if len(names) != n {
						return fmt.Errorf("%d distinct names among %d rented numbers", len(names), n)
					}
					posts := acctest.Count(applied, http.MethodPost, phoneNumberDIDsPath)
					t.Logf("bulk apply of %d numbers: %s wall time (plan and apply), %d requests in total (%d searches, %d rents)",
						n, elapsed.Round(time.Millisecond), len(applied), acctest.Count(applied, http.MethodGet, phoneNumberAvailablePath), posts)
					if posts != n {
						return fmt.Errorf("%d rent requests for %d numbers: parallel creates collided (%v)", posts, n, phoneNumberStatuses(applied))
					}
					e.ClearRequests()
					return nil
				})},
			},
			{
				// Removing the resources releases every number.
				Config: e.Config(""),
				Check: func(*terraform.State) error {
					if rented := acctest.RentedNumbers(t, e); len(rented) != 0 {
						return fmt.Errorf("%d numbers still rented after destroy", len(rented))
					}
					deletes := 0
					for _, r := range e.Requests() {
						if r.Method == http.MethodDelete && strings.HasPrefix(r.Path, phoneNumberDIDsPath+"/") {
							deletes++
						}
					}
					if deletes != n {
						return fmt.Errorf("destroy sent %d DELETE requests, want %d", deletes, n)
					}
					return nil
				},
			},
		},
	})
}

func phoneNumberStatuses(reqs []acctest.Request) map[string]int {
	out := map[string]int{}
	for _, r := range reqs {
		out[fmt.Sprintf("%s %d", r.Method, r.Status)]++
	}
	return out
}
