resource "carrierx_endpoint" "bridge" {
  name = "bridge"
  type = "conference_v2"
}

resource "carrierx_conference_meeting_room" "weekly" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  name         = "weekly"
  access_codes = [{ access_code = "112233", role = "host" }]
}

# The room by its name.
data "carrierx_conference_meeting_room" "weekly" {
  endpoint_sid = carrierx_endpoint.bridge.endpoint_sid
  filter       = "name eq \"weekly\""
  depends_on   = [carrierx_conference_meeting_room.weekly]
}
