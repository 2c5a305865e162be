# A partner is imported by its partner_sid. The password is never returned
# by CarrierX, so a configured password is sent again by the next apply.
terraform import carrierx_partner.subco 3c3c3c3c-0000-4111-8222-333333333333
