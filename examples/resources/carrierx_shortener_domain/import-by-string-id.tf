import {
  to = carrierx_shortener_domain.go
  id = "3c3c3c3c-0000-4111-8222-333333333333"
}
