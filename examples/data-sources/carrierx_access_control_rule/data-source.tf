resource "carrierx_access_control_rule" "premium" {
  name       = "premium-rate"
  field      = "called"
  operation  = "prefix"
  quantifier = "any"
  entries    = ["1900"]
}

# A rule by name, for example one inherited from the parent partner.
data "carrierx_access_control_rule" "premium" {
  filter     = "name eq \"premium-rate\""
  depends_on = [carrierx_access_control_rule.premium]
}

output "premium_rule" {
  value = {
    sid       = data.carrierx_access_control_rule.premium.rule_sid
    read_only = data.carrierx_access_control_rule.premium.read_only
  }
}
