# Every active partner the token can see (its own partner and its verified
# sub-partners; CarrierX does not list unverified ones).
data "carrierx_partners" "active" {
  filter = "status eq \"active\""
  order  = "login asc"
}

output "logins" {
  value = data.carrierx_partners.active.partners[*].login
}
