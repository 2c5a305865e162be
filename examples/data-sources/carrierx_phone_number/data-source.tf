resource "carrierx_phone_number" "main" {
  country_code = "USA"
}

# By SID, by the number (any spelling) or by a filter matching exactly one.
data "carrierx_phone_number" "by_sid" {
  did_sid = carrierx_phone_number.main.did_sid
}

data "carrierx_phone_number" "by_number" {
  phonenumber = "+${carrierx_phone_number.main.phonenumber}"
}

data "carrierx_phone_number" "by_filter" {
  filter = "phonenumber eq \"${carrierx_phone_number.main.phonenumber}\""
}

output "main_locality" {
  value = data.carrierx_phone_number.by_number.locality
}
