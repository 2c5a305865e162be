# Masked calling: a customer and a driver call each other through a number
# that hides both of their own numbers. CarrierX's Mediator hosts it.

terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# The token and the Core API URL come from CARRIERX_TOKEN and CARRIERX_BASE_URL.
provider "carrierx" {}

resource "carrierx_endpoint" "masking" {
  name = "masking"
  type = "mediator"
}

# A number reaches an endpoint through a trunk group with a trunk to it.
resource "carrierx_trunk_group" "masking" {
  name = "masking"
}

resource "carrierx_trunk" "masking" {
  trunk_group_sid = carrierx_trunk_group.masking.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.masking.endpoint_sid
  name            = "to-mediator"
}

# Two rented numbers routed to the Mediator: the numbers callers dial.
resource "carrierx_phone_number" "masking" {
  count           = 2
  country_code    = "USA"
  state           = "NY"
  trunk_group_sid = carrierx_trunk_group.masking.trunk_group_sid
  name            = "masking-${count.index}"
}

# Calls from the customer to the first number reach the driver for a day.
# The provider reads the endpoint's Mediator credentials itself: no
# password is written here.
resource "carrierx_mediator_binding" "order_1234" {
  endpoint_sid    = carrierx_endpoint.masking.endpoint_sid
  name            = "order-1234"
  origination_did = "15557010001" # the customer
  destination_did = "15557020002" # the driver
  redirect_did    = carrierx_phone_number.masking[0].phonenumber
  maximum_ttl     = 86400
  attributes = {
    ringback = "moh"
  }

  # The Mediator lists a number once it is routed: after the trunk and the number exist.
  depends_on = [carrierx_trunk.masking, carrierx_phone_number.masking]
}

output "customer_dials" {
  value = carrierx_mediator_binding.order_1234.redirect_did_info["international_format"]
}
