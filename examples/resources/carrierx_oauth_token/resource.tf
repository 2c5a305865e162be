# A token for a CI job that only reads endpoints and DIDs. The access token is
# stored in state (sensitive); prefer the ephemeral resource when the token is
# only needed during a Terraform run.
resource "carrierx_oauth_token" "ci" {
  name                    = "ci-readonly"
  scopes                  = ["endpoints.read", "phonenumber.read"]
  access_token_expires_in = 2592000 # 30 days; changing it mints a new token
}

output "ci_token" {
  value     = carrierx_oauth_token.ci.access_token
  sensitive = true
}

output "ci_token_expires" {
  value = carrierx_oauth_token.ci.date_expiration_access_token
}
