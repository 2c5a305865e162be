resource "carrierx_trunk_group" "east" {
  name = "tg-east"
}

resource "carrierx_trunk_group" "west" {
  name = "tg-west"
}

# Every trunk group whose name starts with "tg-", by name.
data "carrierx_trunk_groups" "tg" {
  filter     = "name like \"tg-%\""
  order      = "name asc"
  depends_on = [carrierx_trunk_group.east, carrierx_trunk_group.west]
}

output "trunk_group_names" {
  value = [for g in data.carrierx_trunk_groups.tg.trunk_groups : g.name]
}
