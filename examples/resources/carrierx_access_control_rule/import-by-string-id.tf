import {
  to = carrierx_access_control_rule.premium
  id = "3c3c3c3c-0000-4111-8222-333333333333"
}
