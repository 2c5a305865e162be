terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# The token and base URL usually come from CARRIERX_TOKEN and CARRIERX_BASE_URL.
provider "carrierx" {
  max_retries     = 4
  request_timeout = "60s"
}
