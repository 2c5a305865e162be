resource "carrierx_did_group" "east" {
  name = "region-east"
}

resource "carrierx_did_group" "west" {
  name = "region-west"
}

# Every DID group whose name starts with "region-", by name.
data "carrierx_did_groups" "regions" {
  filter     = "name like \"region-%\""
  order      = "name asc"
  depends_on = [carrierx_did_group.east, carrierx_did_group.west]
}

output "region_group_sids" {
  value = { for g in data.carrierx_did_groups.regions.did_groups : g.name => g.did_group_sid }
}
