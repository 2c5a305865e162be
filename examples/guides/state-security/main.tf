# State security: a secret that never reaches the state (a write-only
# argument), beside one CarrierX generates, which does.

terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

provider "carrierx" {}

variable "pbx_sip_password" {
  description = "Password CarrierX gives the PBX when it sends calls (from a secret store, for example TF_VAR_pbx_sip_password)."
  type        = string
  sensitive   = true
  ephemeral   = true # Terraform 1.10+: not in the plan file either
}

# out_sip_password_wo is write-only (Terraform 1.11+): sent to CarrierX,
# never stored. Bump the version to send a new password.
resource "carrierx_endpoint" "pbx" {
  name                        = "pbx"
  type                        = "third_party"
  out_sip_username            = "carrierx"
  out_sip_password_wo         = var.pbx_sip_password
  out_sip_password_wo_version = 1
  addresses = [{
    ip        = "203.0.113.10"
    port      = 5060
    transport = "udp"
  }]
}

# A hosted endpoint: CarrierX generates its API password. It is an attribute
# of the endpoint, for your application to use, so it is in state (marked
# sensitive). The provider itself reads it from CarrierX when it needs it.
resource "carrierx_endpoint" "bridge" {
  name = "bridge"
  type = "conference_v2"
}

output "bridge_api_login" {
  value = carrierx_endpoint.bridge.credentials.login
}
