terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# The safe way to rent "a number like this": give the search to the
# resource itself. It rents the first available match and then keeps that
# number: the criteria are checked against the rented number, not searched
# again, so the next plans are empty.
resource "carrierx_phone_number" "support" {
  country_code          = "USA"
  phonenumber_prefix    = "1206"
  required_capabilities = ["voice"]
}

# To pick a number from a search the criteria cannot express (a vanity
# pattern), take it from carrierx_available_phone_numbers and ignore later
# changes of phonenumber. Once rented, the number is no longer available, so
# the search returns another one: without ignore_changes the next plan would
# replace the resource and release the number for good.
data "carrierx_available_phone_numbers" "sevens" {
  country_code = "USA"
  filter       = "phonenumber like \"%777%\""
  limit        = 1
}

resource "carrierx_phone_number" "vanity" {
  phonenumber = data.carrierx_available_phone_numbers.sevens.phone_numbers[0].phonenumber

  lifecycle {
    ignore_changes = [phonenumber]
  }
}

output "numbers" {
  value = [carrierx_phone_number.support.international_format, carrierx_phone_number.vanity.international_format]
}
