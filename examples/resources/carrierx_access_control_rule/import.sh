# An access control rule is imported by its rule_sid.
terraform import carrierx_access_control_rule.premium 3c3c3c3c-0000-4111-8222-333333333333
