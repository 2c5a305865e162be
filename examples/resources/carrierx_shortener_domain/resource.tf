# Short links under go.example.net; unknown and expired links go to the
# home page.
resource "carrierx_shortener_domain" "go" {
  domain_name    = "go.example.net"
  minimum_length = 8
  not_found_mode = "redirect_permanent"
  not_found_page = "https://www.example.net/"
  expired_page   = "https://www.example.net/expired"
}

output "go_domain_sid" {
  value = carrierx_shortener_domain.go.domain_sid
}
