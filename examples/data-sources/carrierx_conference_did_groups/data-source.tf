resource "carrierx_endpoint" "bridge" {
  name = "bridge"
  type = "conference_v2"
}

resource "carrierx_conference_did_group" "main" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  name         = "main"
}

# The endpoint's DID groups whose name starts with "ma".
data "carrierx_conference_did_groups" "all" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  filter       = "name like \"ma%\""
  depends_on   = [carrierx_conference_did_group.main]
}
