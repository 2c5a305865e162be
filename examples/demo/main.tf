# The demo that `make demo` applies against the emulator, then destroys.
terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# CARRIERX_BASE_URL and CARRIERX_TOKEN come from the environment.
provider "carrierx" {}

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

resource "carrierx_endpoint" "conference" {
  name = "demo-conference"
  type = "conference_v2"
}

data "carrierx_endpoints" "mine" {
  filter     = "name like \"demo-%\""
  depends_on = [carrierx_endpoint.pbx, carrierx_endpoint.conference]
}

output "gateway_ips" {
  value = [for a in data.carrierx_endpoint.gateway.addresses : a.ip]
}

output "pbx_sid" {
  value = carrierx_endpoint.pbx.endpoint_sid
}

output "conference_api" {
  value = {
    url   = carrierx_endpoint.conference.credentials.api_url
    login = carrierx_endpoint.conference.credentials.login
  }
}

output "demo_endpoints" {
  value = [for e in data.carrierx_endpoints.mine.endpoints : "${e.name} (${e.type})"]
}
