# The PBX the calls go to.
resource "carrierx_endpoint" "pbx" {
  name = "pbx-east"
  type = "third_party"

  addresses = [{
    ip = "203.0.113.10"
  }]
}

resource "carrierx_trunk_group" "main" {
  name = "tg-main"
}

# The trunk from the group to the PBX: at most 30 concurrent inbound calls,
# SIP redirects followed as new calls.
resource "carrierx_trunk" "pbx" {
  trunk_group_sid = carrierx_trunk_group.main.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.pbx.endpoint_sid
  name            = "to-pbx-east"
  in_capacity     = 30
  allow_forward   = "reroute"
  priority        = 0
}
