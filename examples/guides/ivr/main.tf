# An IVR: calls to a number are answered by your FlexML application.

terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# The token and the Core API URL come from CARRIERX_TOKEN and CARRIERX_BASE_URL.
provider "carrierx" {}

resource "carrierx_endpoint" "ivr" {
  name = "ivr"
  type = "flexml"
}

resource "carrierx_trunk_group" "ivr" {
  name = "ivr"
}

resource "carrierx_trunk" "ivr" {
  trunk_group_sid = carrierx_trunk_group.ivr.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.ivr.endpoint_sid
  name            = "to-flexml"
}

resource "carrierx_phone_number" "ivr" {
  country_code    = "USA"
  state           = "NY"
  trunk_group_sid = carrierx_trunk_group.ivr.trunk_group_sid
  name            = "ivr"
}

# The endpoint's account: where calls without a number of their own are
# sent, and what callers hear when the application fails.
resource "carrierx_flexml_account" "ivr" {
  endpoint_sid        = carrierx_endpoint.ivr.endpoint_sid
  url                 = "https://ivr.example.com/flexml/main"
  error_handler       = "basic"
  status_callback_url = "https://ivr.example.com/flexml/status"
}

# The number's own menu.
resource "carrierx_flexml_did" "ivr" {
  endpoint_sid = carrierx_endpoint.ivr.endpoint_sid
  phonenumber  = carrierx_phone_number.ivr.phonenumber
  url          = "https://ivr.example.com/flexml/sales"
  method       = "GET"

  depends_on = [carrierx_trunk.ivr]
}
