# Getting started: the provider, then a first endpoint.

terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# The token comes from CARRIERX_TOKEN, never from a file; CARRIERX_BASE_URL
# points at the emulator for an offline trial (unset: the live Core API).
provider "carrierx" {}

# An office PBX that CarrierX sends calls to.
resource "carrierx_endpoint" "office_pbx" {
  name = "office-pbx"
  type = "third_party"

  addresses = [{
    ip        = "203.0.113.10"
    port      = 5060
    transport = "udp"
  }]
}

output "office_pbx_sid" {
  value = carrierx_endpoint.office_pbx.endpoint_sid
}
