# The gateway CarrierX creates for every partner: its addresses are the IPs
# that a PBX firewall must allow.
data "carrierx_endpoint" "gateway" {
  filter = "type eq system_gateway"
}

output "carrierx_signalling_ips" {
  value = [for a in data.carrierx_endpoint.gateway.addresses : a.ip]
}
