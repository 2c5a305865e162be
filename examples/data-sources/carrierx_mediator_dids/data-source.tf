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

# The numbers the endpoint's bindings can use as redirect numbers.
data "carrierx_mediator_dids" "all" {
  endpoint_sid = carrierx_endpoint.masking.endpoint_sid
  depends_on   = [carrierx_trunk.masking, carrierx_phone_number.masking]
}

output "redirect_numbers" {
  value = data.carrierx_mediator_dids.all.dids[*].phonenumber
}
