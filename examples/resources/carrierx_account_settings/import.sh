# Account settings are imported by the partner_sid they belong to; every
# setting that is not empty in CarrierX becomes managed.
terraform import carrierx_account_settings.this 3c3c3c3c-0000-4111-8222-333333333333
