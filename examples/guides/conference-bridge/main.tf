# A conference bridge: callers dial a number, enter a room's access code and
# join with the code's role.

terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# The token and the Core API URL come from CARRIERX_TOKEN and CARRIERX_BASE_URL.
provider "carrierx" {}

resource "carrierx_endpoint" "bridge" {
  name = "bridge"
  type = "conference_v2"
}

resource "carrierx_trunk_group" "bridge" {
  name = "bridge"
}

resource "carrierx_trunk" "bridge" {
  trunk_group_sid = carrierx_trunk_group.bridge.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.bridge.endpoint_sid
  name            = "to-conference"
}

resource "carrierx_phone_number" "bridge" {
  country_code    = "USA"
  state           = "NY"
  trunk_group_sid = carrierx_trunk_group.bridge.trunk_group_sid
  name            = "bridge"
}

# The secured call flow: callers must enter an access code.
data "carrierx_conference_call_flows" "secured" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  filter       = "name eq \"secured\""
}

resource "carrierx_conference_did_group" "main" {
  endpoint_sid  = carrierx_endpoint.bridge.endpoint_sid
  name          = "main"
  call_flow_sid = data.carrierx_conference_call_flows.secured.call_flows[0].call_flow_sid
}

resource "carrierx_conference_did" "bridge" {
  endpoint_sid  = carrierx_endpoint.bridge.endpoint_sid
  phonenumber   = carrierx_phone_number.bridge.phonenumber
  did_group_sid = carrierx_conference_did_group.main.did_group_sid

  depends_on = [carrierx_trunk.bridge]
}

resource "carrierx_conference_meeting_room" "weekly" {
  endpoint_sid  = carrierx_endpoint.bridge.endpoint_sid
  name          = "weekly"
  did_group_sid = carrierx_conference_did_group.main.did_group_sid
  access_codes = [
    { access_code = "112233", role = "host" },
    { access_code = "445566", role = "participant" },
  ]
}

resource "carrierx_conference_meeting_room" "all_hands" {
  endpoint_sid  = carrierx_endpoint.bridge.endpoint_sid
  name          = "all-hands"
  did_group_sid = carrierx_conference_did_group.main.did_group_sid
  access_codes = [
    { access_code = "778899", role = "host" },
    { access_code = "990011", role = "listener" },
  ]
  properties = {
    conference_mute_policy = "l"
  }
}
