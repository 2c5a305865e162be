resource "carrierx_endpoint" "masking" {
  name = "masking"
  type = "mediator"
}

# A number reaches the endpoint through a trunk group with a trunk to it.
resource "carrierx_trunk_group" "masking" {
  name = "masking"
}

resource "carrierx_trunk" "masking" {
  trunk_group_sid = carrierx_trunk_group.masking.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.masking.endpoint_sid
}

resource "carrierx_phone_number" "masking" {
  country_code    = "USA"
  state           = "NY"
  trunk_group_sid = carrierx_trunk_group.masking.trunk_group_sid
}

resource "carrierx_mediator_binding" "example" {
  endpoint_sid    = carrierx_endpoint.masking.endpoint_sid
  name            = "order-1234"
  destination_did = "15557020002"
  depends_on      = [carrierx_trunk.masking, carrierx_phone_number.masking]
}

# One binding, by the filter that matches it.
data "carrierx_mediator_binding" "order" {
  endpoint_sid = carrierx_endpoint.masking.endpoint_sid
  filter       = "name eq \"order-1234\""
  depends_on   = [carrierx_mediator_binding.example]
}
