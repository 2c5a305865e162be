# Every endpoint except the system gateway, newest names last.
data "carrierx_endpoints" "apps" {
  filter = "type ne system_gateway"
  order  = "name asc"
}

output "endpoint_names" {
  value = [for e in data.carrierx_endpoints.apps.endpoints : e.name]
}
