resource "carrierx_endpoint" "bridge" {
  name = "bridge"
  type = "conference_v2"
}

data "carrierx_conference_call_flows" "open" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  filter       = "name eq \"open\""
}

# Numbers of this group open a room for any code a caller enters.
resource "carrierx_conference_did_group" "open" {
  endpoint_sid  = carrierx_endpoint.bridge.endpoint_sid
  name          = "open-rooms"
  call_flow_sid = data.carrierx_conference_call_flows.open.call_flows[0].call_flow_sid
}
