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
  destination_did = "15557020002"
  depends_on      = [carrierx_trunk.masking, carrierx_phone_number.masking]
}

# Every binding that forwards to 15557020002.
data "carrierx_mediator_bindings" "to_driver" {
  endpoint_sid = carrierx_endpoint.masking.endpoint_sid
  filter       = "destination_did eq \"15557020002\""
  depends_on   = [carrierx_mediator_binding.example]
}
