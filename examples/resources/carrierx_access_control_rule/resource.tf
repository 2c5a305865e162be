# Matches calls to premium-rate numbers (+1 900 ...). An ACL on the partner,
# a trunk group or a trunk refers to it in access_control_rules and decides
# what happens, for example voice_action_true = "reject403".
resource "carrierx_access_control_rule" "premium" {
  name       = "premium-rate"
  field      = "called"
  operation  = "prefix"
  quantifier = "any"
  entries    = ["1900", "1976"]
}

# Matches SMS whose text looks like a one-time password.
resource "carrierx_access_control_rule" "otp" {
  name       = "otp-messages"
  field      = "message"
  operation  = "regexp"
  quantifier = "any"
  entries    = [".*[Cc]ode:? [0-9]{6}.*"]
}

output "premium_rule_sid" {
  value = carrierx_access_control_rule.premium.rule_sid
}
