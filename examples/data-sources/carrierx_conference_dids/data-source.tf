resource "carrierx_endpoint" "bridge" {
  name = "bridge"
  type = "conference_v2"
}

# A number reaches the endpoint through a trunk group with a trunk to it.
resource "carrierx_trunk_group" "bridge" {
  name = "bridge"
}

resource "carrierx_trunk" "bridge" {
  trunk_group_sid = carrierx_trunk_group.bridge.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.bridge.endpoint_sid
}

resource "carrierx_phone_number" "bridge" {
  country_code    = "USA"
  state           = "NY"
  trunk_group_sid = carrierx_trunk_group.bridge.trunk_group_sid
}

# The numbers routed to the conference endpoint.
data "carrierx_conference_dids" "all" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  depends_on   = [carrierx_trunk.bridge, carrierx_phone_number.bridge]
}
