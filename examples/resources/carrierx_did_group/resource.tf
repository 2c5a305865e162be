# The sales team's numbers share one SMS webhook; a number joins the group
# through its own did_group_sid (carrierx_phone_number).
resource "carrierx_did_group" "sales" {
  name         = "sales-lines"
  callback_url = "https://hooks.example.com/carrierx/sms/sales"
}

output "sales_did_group_sid" {
  value = carrierx_did_group.sales.did_group_sid
}
