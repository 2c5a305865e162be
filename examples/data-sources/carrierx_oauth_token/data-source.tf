resource "carrierx_oauth_token" "reporting" {
  name   = "reporting"
  scopes = ["phonenumber.read"]
}

# One token by SID (or with filter = "name eq \"reporting\""); no secrets.
data "carrierx_oauth_token" "reporting" {
  token_sid = carrierx_oauth_token.reporting.token_sid
}

output "reporting_scopes" {
  value = data.carrierx_oauth_token.reporting.scopes
}
