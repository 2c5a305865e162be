resource "carrierx_trunk_group" "main" {
  name = "tg-main"
}

# Find the group by name, for example to point a phone number at it.
data "carrierx_trunk_group" "main" {
  filter = "name eq ${jsonencode(carrierx_trunk_group.main.name)}"
}

output "main_trunk_group_sid" {
  value = data.carrierx_trunk_group.main.trunk_group_sid
}
