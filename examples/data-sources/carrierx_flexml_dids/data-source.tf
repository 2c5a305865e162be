resource "carrierx_endpoint" "ivr" {
  name = "ivr"
  type = "flexml"
}

# A number reaches the endpoint through a trunk group with a trunk to it.
resource "carrierx_trunk_group" "ivr" {
  name = "ivr"
}

resource "carrierx_trunk" "ivr" {
  trunk_group_sid = carrierx_trunk_group.ivr.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.ivr.endpoint_sid
}

resource "carrierx_phone_number" "ivr" {
  country_code    = "USA"
  state           = "NY"
  trunk_group_sid = carrierx_trunk_group.ivr.trunk_group_sid
}

# The numbers routed to the FlexML endpoint, with their FlexML URLs.
data "carrierx_flexml_dids" "all" {
  endpoint_sid = carrierx_endpoint.ivr.endpoint_sid
  depends_on   = [carrierx_trunk.ivr, carrierx_phone_number.ivr]
}
