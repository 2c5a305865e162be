# A sub-partner under the token's partner. CarrierX has no call to delete a
# partner: `terraform destroy` only removes it from the Terraform state.
variable "subco_password" {
  description = "Portal and API password of the new sub-partner."
  type        = string
  sensitive   = true
}

resource "carrierx_partner" "subco" {
  login = "subco"
  # Write-only (Terraform 1.11+): sent to CarrierX, never stored in state.
  # Bump the version to send a new password.
  password_wo         = var.subco_password
  password_wo_version = 1

  name         = "Sam Roe"
  company_name = "SubCo"
  country_code = "USA"
  zip          = "12345"
  phonenumber  = "15550002222"
  # Hidden by CarrierX until Sam follows the verification link.
  owner_email = "sam@subco.example"

  # Amounts: numbers or strings, 20 and "20.00" are the same.
  payment_type  = "prepay"
  charge_at     = 20
  prepay_amount = "100.00"

  callbacks = {
    sms = "https://subco.example/carrierx/sms"
  }
}

output "subco_display_id" {
  value = carrierx_partner.subco.display_id
}
