# Every rented number in one resource block: import blocks with for_each
# (Terraform 1.7+) over the carrierx_phone_numbers data source. Each number
# keeps the settings CarrierX has, so the plan after the import is empty.

terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# The token and the Core API URL come from CARRIERX_TOKEN and CARRIERX_BASE_URL.
provider "carrierx" {}

data "carrierx_phone_numbers" "all" {}

locals {
  numbers = { for n in data.carrierx_phone_numbers.all.phone_numbers : n.phonenumber => n }
}

import {
  for_each = local.numbers
  to       = carrierx_phone_number.all[each.key]
  id       = each.value.did_sid
}

resource "carrierx_phone_number" "all" {
  for_each        = local.numbers
  phonenumber     = each.key
  name            = each.value.name
  trunk_group_sid = each.value.trunk_group_sid
  did_group_sid   = each.value.did_group_sid
  callback_url    = each.value.callback_url
  string_key_1    = each.value.string_key_1
  string_key_2    = each.value.string_key_2
  attributes      = each.value.attributes

  # Decided, not defaulted: removing a number from the account's list later
  # must not release it.
  release_on_destroy = false
  lifecycle {
    prevent_destroy = true
  }
}

output "imported_numbers" {
  value = keys(carrierx_phone_number.all)
}
