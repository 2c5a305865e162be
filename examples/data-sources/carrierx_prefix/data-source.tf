resource "carrierx_prefix" "uk" {
  prefix = "44"
  name   = "united-kingdom"
}

# The prefix for a dialed-digit string, found by filter...
data "carrierx_prefix" "uk" {
  filter     = "prefix eq \"44\""
  depends_on = [carrierx_prefix.uk]
}

# ...or by SID.
data "carrierx_prefix" "by_sid" {
  prefix_sid = carrierx_prefix.uk.prefix_sid
}

output "uk_route" {
  value = data.carrierx_prefix.uk.trunk_group_sid
}
