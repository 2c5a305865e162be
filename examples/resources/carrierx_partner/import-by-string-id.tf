import {
  to = carrierx_partner.subco
  id = "3c3c3c3c-0000-4111-8222-333333333333"
}
