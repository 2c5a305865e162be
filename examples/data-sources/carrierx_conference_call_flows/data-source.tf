resource "carrierx_endpoint" "bridge" {
  name = "bridge"
  type = "conference_v2"
}

# A call flow by its name: secured, open, direct_host or direct_participant.
data "carrierx_conference_call_flows" "secured" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  filter       = "name eq \"secured\""
}

output "secured_call_flow_sid" {
  value = data.carrierx_conference_call_flows.secured.call_flows[0].call_flow_sid
}
