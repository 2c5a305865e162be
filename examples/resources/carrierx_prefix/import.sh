# A prefix is imported by its prefix_sid.
terraform import carrierx_prefix.carrier_b 3c3c3c3c-0000-4111-8222-333333333333
