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

# Calls to the routed number are forwarded to 15557020002 for an hour.
resource "carrierx_mediator_binding" "example" {
  endpoint_sid    = carrierx_endpoint.masking.endpoint_sid
  destination_did = "15557020002"
  redirect_did    = carrierx_phone_number.masking.phonenumber
  maximum_ttl     = 3600

  depends_on = [carrierx_trunk.masking]
}
