import {
  to = carrierx_prefix.carrier_b
  id = "3c3c3c3c-0000-4111-8222-333333333333"
}
