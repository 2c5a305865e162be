import {
  to = carrierx_oauth_token.ci
  id = "12345678-1234-4123-8123-123456789abc"
}
