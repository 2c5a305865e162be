# Acting as a sub-partner, second apply: `terraform apply`.

# A token of the sub-partner, minted with the parent's token for this run
# only: it is never written to state or to a plan file, and it is revoked
# when Terraform is done with it. Its partner_sid is known at plan time only
# once the sub-partner exists, hence the first, targeted apply.
ephemeral "carrierx_oauth_token" "subco" {
  partner_sid             = carrierx_partner.subco.partner_sid
  name                    = "terraform-subco"
  scopes                  = ["endpoints.manage", "trunk_groups.manage", "trunk_groups.trunks.manage"]
  access_token_expires_in = 900
}

# A second provider configuration that acts as the sub-partner.
provider "carrierx" {
  alias = "subco"
  token = ephemeral.carrierx_oauth_token.subco.access_token
}

# Owned by the sub-partner: it sees them in its own account and pays for them.
resource "carrierx_endpoint" "subco_pbx" {
  provider = carrierx.subco
  name     = "subco-pbx"
  type     = "third_party"
  addresses = [{
    ip        = "203.0.113.20"
    port      = 5060
    transport = "udp"
  }]
}

resource "carrierx_trunk_group" "subco" {
  provider = carrierx.subco
  name     = "subco-inbound"
}

resource "carrierx_trunk" "subco_pbx" {
  provider        = carrierx.subco
  trunk_group_sid = carrierx_trunk_group.subco.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.subco_pbx.endpoint_sid
  name            = "to-pbx"
}

output "subco_partner_sid" {
  value = carrierx_partner.subco.partner_sid
}

output "subco_endpoint_owner" {
  value = carrierx_endpoint.subco_pbx.partner_sid
}
