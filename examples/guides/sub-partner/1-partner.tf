# Acting as a sub-partner, first apply:
#   terraform apply -target=carrierx_partner.subco
# (this file alone: the sub-partner must exist before a token can be minted
# for it). Then `terraform apply` with 2-subpartner.tf.

terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# The parent partner's token comes from CARRIERX_TOKEN (and the Core API URL
# from CARRIERX_BASE_URL). It needs partners.manage and oauth.manage.
provider "carrierx" {}

variable "subco_password" {
  description = "Portal and API password of the sub-partner."
  type        = string
  sensitive   = true
}

resource "carrierx_partner" "subco" {
  login               = "subco-guide"
  password_wo         = var.subco_password
  password_wo_version = 1
  name                = "Sam Roe"
  company_name        = "SubCo"
  owner_email         = "sam@subco.example"
  prepay_amount       = "100.00"
}
