resource "carrierx_access_control_rule" "blocked_callers" {
  name       = "blocked-callers"
  field      = "calling"
  operation  = "exact"
  quantifier = "any"
  entries    = ["15550100666"]
}

# Every rule this partner sees that checks the calling number: its own and
# its parent partner's (read_only = true).
data "carrierx_access_control_rules" "calling" {
  filter     = "field eq \"calling\""
  order      = "name asc"
  depends_on = [carrierx_access_control_rule.blocked_callers]
}

output "calling_rules" {
  value = { for r in data.carrierx_access_control_rules.calling.rules : r.rule_sid => r.name }
}
