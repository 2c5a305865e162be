package phonenumber_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// TestAccPhoneNumberDataSources reads rented numbers by SID, number and
// filter, lists them, and searches the inventory.
func TestAccPhoneNumberDataSources(t *testing.T) {
	e := acctest.New(t)
	rented := `
resource "carrierx_phone_number" "a" {
  country_code = "USA"
  state        = "NY"
  name         = "ds-a"
}
resource "carrierx_phone_number" "b" {
  country_code = "USA"
  state        = "NY"
  name         = "ds-b"
}
`
	e.Test(resource.TestCase{
		CheckDestroy: acctest.CheckNumbersReleased(e),
		Steps: append([]resource.TestStep{
			{
				Config: e.Config(rented + `
data "carrierx_phone_number" "by_sid" {
  did_sid = carrierx_phone_number.a.did_sid
}
data "carrierx_phone_number" "by_number" {
  phonenumber = "+${carrierx_phone_number.b.phonenumber}"
}
data "carrierx_phone_number" "by_filter" {
  filter = "name eq ${jsonencode(carrierx_phone_number.a.name)}"
}
data "carrierx_phone_numbers" "ny" {
  filter     = "state eq \"NY\" and name like \"ds-%\""
  order      = "name desc"
  depends_on = [carrierx_phone_number.a, carrierx_phone_number.b]
}
data "carrierx_available_phone_numbers" "ny_voice" {
  country_code          = "USA"
  state                 = "ny"
  required_capabilities = ["voice", "sms_inbound"]
  limit                 = 25
  depends_on            = [carrierx_phone_number.a, carrierx_phone_number.b]
}
data "carrierx_available_phone_numbers" "hempstead" {
  locality           = "Hempstead"
  phonenumber_prefix = "1516"
  order              = "phonenumber desc"
  limit              = 1200
}
`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.carrierx_phone_number.by_sid", "phonenumber", "carrierx_phone_number.a", "phonenumber"),
					resource.TestCheckResourceAttrPair("data.carrierx_phone_number.by_number", "did_sid", "carrierx_phone_number.b", "did_sid"),
					resource.TestCheckResourceAttrPair("data.carrierx_phone_number.by_filter", "did_sid", "carrierx_phone_number.a", "did_sid"),
					resource.TestCheckResourceAttr("data.carrierx_phone_number.by_sid", "status", "assigned"),
					resource.TestCheckResourceAttr("data.carrierx_phone_number.by_sid", "name", "ds-a"),
					phoneNumberFlagsMatchMask("data.carrierx_phone_number.by_sid"),
					resource.TestCheckResourceAttr("data.carrierx_phone_numbers.ny", "phone_numbers.#", "2"),
					resource.TestCheckResourceAttr("data.carrierx_phone_numbers.ny", "phone_numbers.0.name", "ds-b"),
					resource.TestCheckResourceAttr("data.carrierx_phone_numbers.ny", "phone_numbers.1.name", "ds-a"),
					resource.TestCheckNoResourceAttr("data.carrierx_phone_numbers.ny", "phone_numbers.0.porting_pin"),
					resource.TestCheckResourceAttr("data.carrierx_available_phone_numbers.ny_voice", "phone_numbers.#", "25"),
					resource.TestCheckResourceAttr("data.carrierx_available_phone_numbers.ny_voice", "phone_numbers.0.status", "available"),
					resource.TestCheckNoResourceAttr("data.carrierx_available_phone_numbers.ny_voice", "phone_numbers.0.partner_sid"),
					func(s *terraform.State) error {
						ds := s.RootModule().Resources["data.carrierx_available_phone_numbers.ny_voice"].Primary.Attributes
						rentedA := s.RootModule().Resources["carrierx_phone_number.a"].Primary.Attributes["phonenumber"]
						for i := 0; i < 25; i++ {
							p := fmt.Sprintf("phone_numbers.%d.", i)
							caps, _ := strconv.Atoi(ds[p+"capabilities"])
							if ds[p+"state"] != "NY" || caps&5 != 5 || ds[p+"voice"] != "true" || ds[p+"sms_inbound"] != "true" {
								return fmt.Errorf("available number %d does not match: state %s capabilities %d", i, ds[p+"state"], caps)
							}
							if ds[p+"phonenumber"] == rentedA {
								return fmt.Errorf("rented number %s listed as available", rentedA)
							}
						}
						// Hempstead has fewer numbers than the limit: all of them, in order.
						h := s.RootModule().Resources["data.carrierx_available_phone_numbers.hempstead"].Primary.Attributes
						n, _ := strconv.Atoi(h["phone_numbers.#"])
						if n == 0 || n >= 1200 {
							return fmt.Errorf("hempstead search returned %d numbers", n)
						}
						for i := 0; i < n; i++ {
							p := fmt.Sprintf("phone_numbers.%d.", i)
							if h[p+"locality"] != "HEMPSTEAD" || h[p+"phonenumber"][:4] != "1516" {
								return fmt.Errorf("hempstead result %d: %s %s", i, h[p+"locality"], h[p+"phonenumber"])
							}
							if i > 0 && h[p+"phonenumber"] > h[fmt.Sprintf("phone_numbers.%d.phonenumber", i-1)] {
								return fmt.Errorf("hempstead results not in descending order at %d", i)
							}
						}
						return nil
					},
				),
			},
		}, acctest.ErrorSteps(e.Config(rented),
			acctest.ErrorCase{Config: `data "carrierx_phone_number" "x" { filter = "state eq \"NY\"" }`,
				Want: `filter "state eq \\"NY\\"" matched 2 rented phone numbers`},
			acctest.ErrorCase{Config: `data "carrierx_phone_number" "x" { filter = "name eq \"nothing\"" }`,
				Want: `matched 0 rented phone numbers`},
			acctest.ErrorCase{Config: `data "carrierx_phone_number" "x" { phonenumber = "+1 999 555 0000" }`,
				Want: `\+1 999 555 0000 is not rented by this account`},
			acctest.ErrorCase{Config: `data "carrierx_phone_number" "x" { did_sid = "00000000-0000-4000-8000-000000000000" }`,
				Want: `No rented phone number has did_sid`},
			acctest.ErrorCase{Config: `data "carrierx_phone_number" "x" {}`,
				Want: `Exactly one of these attributes must be configured:\s+\[did_sid,phonenumber,filter\]`},
			acctest.ErrorCase{Config: `data "carrierx_available_phone_numbers" "x" { limit = 0 }`,
				Want: `(?s)limit.*between 1 and 10000`},
			acctest.ErrorCase{Config: `data "carrierx_phone_numbers" "x" { filter = "state eq" }`,
				Want: acctest.ListFilterError("phone numbers")},
		)...),
	})
}

// TestAccPhoneNumbersDataSource_pagination lists 1,200 rented numbers: two
// pages per read.
func TestAccPhoneNumbersDataSource_pagination(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	ctx := context.Background()
	avail := acctest.AvailableNumbers(t, e, client.AvailableDIDSearch{CountryCode: "USA"}, 1200)
	for _, d := range avail {
		if _, err := e.API.RentDID(ctx, map[string]any{"phonenumber": d.PhoneNumber}, client.RentDIDOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{{
			PreConfig: e.ClearRequests,
			Config:    e.Config(`data "carrierx_phone_numbers" "all" { order = "phonenumber desc" }`),
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr("data.carrierx_phone_numbers.all", "phone_numbers.#", "1200"),
				resource.TestCheckResourceAttr("data.carrierx_phone_numbers.all", "phone_numbers.0.phonenumber", avail[1199].PhoneNumber),
				resource.TestCheckResourceAttr("data.carrierx_phone_numbers.all", "phone_numbers.1199.phonenumber", avail[0].PhoneNumber),
				func(*terraform.State) error {
					if n := acctest.Count(e.Requests(), "GET", phoneNumberDIDsPath); n%2 != 0 || n == 0 {
						return fmt.Errorf("%d list requests, want two per read", n)
					}
					return nil
				},
			),
		}},
	})
}

// TestAccPhoneNumberLookupAndCountries covers the lookup and country data
// sources.
func TestAccPhoneNumberLookupAndCountries(t *testing.T) {
	e := acctest.New(t)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      e.Config(`data "carrierx_country" "x" { country_code = "ZZZ" }`),
				ExpectError: regexp.MustCompile(`CarrierX has no country "ZZZ"`),
			},
			{
				Config:      e.Config(`data "carrierx_country" "x" { country_code = "US" }`),
				ExpectError: regexp.MustCompile(`(?s)country_code.*three letters`),
			},
			{
				Config:      e.Config(`data "carrierx_phone_number_lookup" "x" { phonenumber = "call me" }`),
				ExpectError: regexp.MustCompile(`"call me" is not a phone number`),
			},
			{
				Config: e.Config(`
data "carrierx_phone_number_lookup" "x" {
  phonenumber = "+1 (212) 555-0142"
}
data "carrierx_phone_number_lookup" "carrier" {
  phonenumber = "12125550142"
  carrier     = true
}
data "carrierx_country" "ca" {
  country_code = "can"
}
data "carrierx_countries" "americas" {
  filter = "region eq \"Americas\""
  order  = "common_name desc"
}
data "carrierx_countries" "all" {}
`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("data.carrierx_phone_number_lookup.x", "phonenumber", "+1 (212) 555-0142"),
					resource.TestCheckResourceAttr("data.carrierx_phone_number_lookup.x", "e164_format", "+12125550142"),
					resource.TestCheckResourceAttr("data.carrierx_phone_number_lookup.x", "country_code", "USA"),
					resource.TestCheckResourceAttrSet("data.carrierx_phone_number_lookup.x", "international_format"),
					resource.TestCheckNoResourceAttr("data.carrierx_phone_number_lookup.x", "details.carrier.name"),
					resource.TestCheckResourceAttrSet("data.carrierx_phone_number_lookup.carrier", "details.carrier.name"),
					acctest.Expect(acctest.Want{"data.carrierx_country.ca": {
						"iso_3166_alpha_3": "CAN", "iso_3166_numeric": "124", "dialing_prefix": "1",
						"country_code": "can",
					}}),
					func(s *terraform.State) error {
						a := s.RootModule().Resources["data.carrierx_countries.americas"].Primary.Attributes
						n, _ := strconv.Atoi(a["countries.#"])
						if n < 2 {
							return fmt.Errorf("%d countries in the Americas", n)
						}
						for i := 0; i < n; i++ {
							if a[fmt.Sprintf("countries.%d.region", i)] != "Americas" {
								return fmt.Errorf("country %d is in %s", i, a[fmt.Sprintf("countries.%d.region", i)])
							}
							if i > 0 && a[fmt.Sprintf("countries.%d.common_name", i)] > a[fmt.Sprintf("countries.%d.common_name", i-1)] {
								return fmt.Errorf("countries not in descending order at %d", i)
							}
						}
						all, _ := strconv.Atoi(s.RootModule().Resources["data.carrierx_countries.all"].Primary.Attributes["countries.#"])
						if all <= n {
							return fmt.Errorf("%d countries in all, %d in the Americas", all, n)
						}
						return nil
					},
				),
			},
		},
	})
}
