# Details of any number; carrier, cnam and lrn need their own token scopes.
data "carrierx_phone_number_lookup" "caller" {
  phonenumber = "+1 (212) 555-0142"
}

output "caller_country" {
  value = data.carrierx_phone_number_lookup.caller.country_code
}
