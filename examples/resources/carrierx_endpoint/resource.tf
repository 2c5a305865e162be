# An office PBX that CarrierX sends calls to.
resource "carrierx_endpoint" "pbx" {
  name     = "pbx-east"
  type     = "third_party"
  capacity = 30

  addresses = [
    {
      ip        = "203.0.113.10"
      port      = 5060
      transport = "udp"
    },
    {
      ip        = "203.0.113.11"
      transport = "tcp"
      priority  = 1
    },
  ]

  attributes = {
    site = "east"
  }
}

# A hosted FlexML application; CarrierX generates its API credentials.
resource "carrierx_endpoint" "ivr" {
  name = "ivr"
  type = "flexml"
}

output "ivr_api_login" {
  value = carrierx_endpoint.ivr.credentials.login
}
