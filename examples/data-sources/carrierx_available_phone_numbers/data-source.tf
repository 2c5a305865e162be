# Up to five US numbers with voice and inbound SMS that can be rented now.
data "carrierx_available_phone_numbers" "us" {
  country_code          = "USA"
  required_capabilities = ["voice", "sms_inbound"]
  limit                 = 5
}

output "available_us_numbers" {
  value = data.carrierx_available_phone_numbers.us.phone_numbers[*].international_format
}
