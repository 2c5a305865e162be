# A shortener domain is imported by its domain_sid.
terraform import carrierx_shortener_domain.go 3c3c3c3c-0000-4111-8222-333333333333
