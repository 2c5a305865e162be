# An endpoint is imported by its endpoint_sid.
terraform import carrierx_endpoint.pbx 3c3c3c3c-0000-4111-8222-333333333333
