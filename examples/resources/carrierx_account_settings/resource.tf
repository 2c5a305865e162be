# The callbacks and attributes of the partner that owns the provider's
# token. Settings left out (here acls and transformations) are not touched.
# Destroying the resource clears the settings it manages.
resource "carrierx_account_settings" "this" {
  callbacks = {
    sms                 = "https://example.com/carrierx/sms"
    app_mediator        = "https://example.com/carrierx/mediator"
    app_conference_call = "https://example.com/carrierx/conference-call"
  }
  attributes = {
    environment = "production"
  }
  transformations = [{
    action    = "set"
    direction = "inbound"
    operands  = ["X-Account", "production"]
  }]
}

output "partner_sid" {
  value = carrierx_account_settings.this.partner_sid
}
