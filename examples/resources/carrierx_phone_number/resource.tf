# Rent the first available US voice number in New York.
resource "carrierx_phone_number" "main" {
  country_code          = "USA"
  state                 = "NY"
  required_capabilities = ["voice"]

  name = "main line"
  attributes = {
    team = "support"
  }

  # true (the default): `terraform destroy` releases the number for good; it
  # goes into aging and can never be rented back. false: destroy only removes
  # it from state and the number stays rented.
  release_on_destroy = true
}

output "main_number" {
  value = carrierx_phone_number.main.international_format
}
