resource "carrierx_trunk_group" "main" {
  name = "tg-main"
}

resource "carrierx_trunk" "primary" {
  trunk_group_sid = carrierx_trunk_group.main.trunk_group_sid
  name            = "primary"
  priority        = 0
}

resource "carrierx_trunk" "backup" {
  trunk_group_sid = carrierx_trunk_group.main.trunk_group_sid
  name            = "backup"
  priority        = 1
}

# The trunks of the group in failover order.
data "carrierx_trunks" "main" {
  trunk_group_sid = carrierx_trunk_group.main.trunk_group_sid
  order           = "priority asc"
  depends_on      = [carrierx_trunk.primary, carrierx_trunk.backup]
}

output "failover_order" {
  value = [for t in data.carrierx_trunks.main.trunks : t.name]
}
