resource "carrierx_endpoint" "bridge" {
  name = "bridge"
  type = "conference_v2"
}

resource "carrierx_conference_meeting_room" "weekly" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  name         = "weekly"
}

data "carrierx_conference_meeting_rooms" "all" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  filter       = "name like \"week%\""
  order        = "name asc"
  depends_on   = [carrierx_conference_meeting_room.weekly]
}
