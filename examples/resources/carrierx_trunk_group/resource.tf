# A trunk group that DIDs point to. Calls to a trunk that answers 503 three
# times within a minute skip that trunk for two minutes; when every trunk is
# dead, callers get a SIP 503.
resource "carrierx_trunk_group" "main" {
  name                     = "tg-main"
  hard_failure_codes       = "408;503;"
  hard_failure_threshold   = 3
  hard_failure_interval    = 60
  hard_failure_cooldown    = 120
  hard_failure_last_resort = "reject503"
}

output "trunk_group_sid" {
  value = carrierx_trunk_group.main.trunk_group_sid
}
