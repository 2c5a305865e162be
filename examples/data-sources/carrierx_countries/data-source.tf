# The countries of the Americas, by name.
data "carrierx_countries" "americas" {
  filter = "region eq \"Americas\""
  order  = "common_name asc"
}

output "americas" {
  value = data.carrierx_countries.americas.countries[*].iso_3166_alpha_3
}
