# A read-only token minted for this run only (Terraform 1.10+): it never
# reaches state and is revoked when Terraform is done with it.
ephemeral "carrierx_oauth_token" "readonly" {
  name                    = "terraform-readonly"
  scopes                  = ["endpoints.read"]
  access_token_expires_in = 900
}

# The default provider keeps the full token (CARRIERX_TOKEN); this one can
# only read endpoints.
provider "carrierx" {
  alias = "readonly"
  token = ephemeral.carrierx_oauth_token.readonly.access_token
}

data "carrierx_endpoints" "seen_readonly" {
  provider = carrierx.readonly
}

output "endpoint_count" {
  value = length(data.carrierx_endpoints.seen_readonly.endpoints)
}
