resource "carrierx_endpoint" "ivr" {
  name = "ivr"
  type = "flexml"
}

# Calls on numbers without a FlexML URL of their own fetch this one.
resource "carrierx_flexml_account" "ivr" {
  endpoint_sid  = carrierx_endpoint.ivr.endpoint_sid
  url           = "https://ivr.example.com/flexml/main"
  method        = "POST"
  error_handler = "none"
}
