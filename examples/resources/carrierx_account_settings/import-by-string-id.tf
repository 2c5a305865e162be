import {
  to = carrierx_account_settings.this
  id = "3c3c3c3c-0000-4111-8222-333333333333"
}
