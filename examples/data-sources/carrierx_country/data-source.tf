data "carrierx_country" "us" {
  country_code = "USA"
}

output "us_dialing_prefix" {
  value = data.carrierx_country.us.dialing_prefix
}
