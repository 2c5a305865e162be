# The partner that owns the provider's token.
data "carrierx_partner" "me" {}

output "account" {
  value = {
    display_id = data.carrierx_partner.me.display_id
    balance    = data.carrierx_partner.me.balance
    status     = data.carrierx_partner.me.status
  }
}

# Another partner, by SID:
# data "carrierx_partner" "subco" {
#   partner_sid = "3c3c3c3c-0000-4111-8222-333333333333"
# }
