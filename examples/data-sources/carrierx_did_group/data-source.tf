resource "carrierx_did_group" "support" {
  name = "support-lines"
}

# One DID group by SID...
data "carrierx_did_group" "by_sid" {
  did_group_sid = carrierx_did_group.support.did_group_sid
}

# ...or the single DID group a filter matches.
data "carrierx_did_group" "by_name" {
  filter     = "name eq \"support-lines\""
  depends_on = [carrierx_did_group.support]
}

output "support_group_callback_url" {
  value = data.carrierx_did_group.by_name.callback_url
}
