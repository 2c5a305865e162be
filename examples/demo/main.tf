# The demo that `make demo` applies against the emulator, then destroys: the
# whole inbound path of a CarrierX estate, from a rented phone number through
# a trunk group and its trunk to the PBX that answers.
terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# CARRIERX_BASE_URL and CARRIERX_TOKEN come from the environment.
provider "carrierx" {}

# The IPs CarrierX sends SIP from: what the PBX firewall must allow.
data "carrierx_endpoint" "gateway" {
  filter = "type eq system_gateway"
}

resource "carrierx_endpoint" "pbx" {
  name     = "demo-pbx"
  type     = "third_party"
  capacity = 10
  addresses = [{
    ip   = "203.0.113.10"
    port = 5060
  }]
}

resource "carrierx_trunk_group" "inbound" {
  name = "demo-inbound"
}

resource "carrierx_trunk" "to_pbx" {
  trunk_group_sid = carrierx_trunk_group.inbound.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.pbx.endpoint_sid
  name            = "demo-to-pbx"
  in_capacity     = 10
}

# Two US voice numbers in New York, routed to the trunk group. On destroy
# they are released (and age: they cannot be rented back).
resource "carrierx_phone_number" "line" {
  count = 2

  country_code          = "USA"
  state                 = "NY"
  required_capabilities = ["voice"]
  name                  = "demo-line-${count.index}"
  trunk_group_sid       = carrierx_trunk_group.inbound.trunk_group_sid
}

# A hosted conference application with generated API credentials.
resource "carrierx_endpoint" "conference" {
  name = "demo-conference"
  type = "conference_v2"
}

output "gateway_ips" {
  value = [for a in data.carrierx_endpoint.gateway.addresses : a.ip]
}

output "numbers" {
  value = { for n in carrierx_phone_number.line : n.name => n.international_format }
}

output "route" {
  value = "${carrierx_trunk_group.inbound.name} -> ${carrierx_trunk.to_pbx.name} -> ${carrierx_endpoint.pbx.name}"
}

output "conference_api" {
  value = {
    url   = carrierx_endpoint.conference.credentials.api_url
    login = carrierx_endpoint.conference.credentials.login
  }
}
