resource "carrierx_endpoint" "bridge" {
  name = "bridge"
  type = "conference_v2"
}

# Meeting properties of every number and room of the endpoint.
resource "carrierx_conference_account" "bridge" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  name         = "Team bridge"
  properties = {
    conference_entrytones_enabled = "off"
  }
}
