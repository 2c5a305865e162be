# Outbound calls to +1 555 012... are routed by this prefix. Point it at a
# destination with trunk_group_sid (the trunk_group_sid of a
# carrierx_trunk_group whose trunks reach an endpoint), for example
#   trunk_group_sid = carrierx_trunk_group.carrier_b.trunk_group_sid
resource "carrierx_prefix" "carrier_b" {
  prefix       = "1555012"
  name         = "to carrier B"
  string_key_1 = "carrier-b"

  attributes = {
    owner = "voice-team"
  }
}

output "carrier_b_prefix_sid" {
  value = carrierx_prefix.carrier_b.prefix_sid
}
