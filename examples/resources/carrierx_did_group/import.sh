# A DID group is imported by its did_group_sid.
terraform import carrierx_did_group.sales 3c3c3c3c-0000-4111-8222-333333333333
