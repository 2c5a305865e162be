# Every voice number the account rents in New York, newest number first.
data "carrierx_phone_numbers" "ny_voice" {
  filter = "state eq \"NY\" and capabilities bit 4"
  order  = "phonenumber desc"
}

output "ny_voice_numbers" {
  value = data.carrierx_phone_numbers.ny_voice.phone_numbers[*].phonenumber
}
