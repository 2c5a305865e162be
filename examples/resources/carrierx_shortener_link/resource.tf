resource "carrierx_shortener_domain" "go" {
  domain_name = "go.example.org"
}

# A link with a chosen short name that expires after a week, and one whose
# short name CarrierX generates.
resource "carrierx_shortener_link" "offer" {
  domain_sid      = carrierx_shortener_domain.go.domain_sid
  destination_url = "https://www.example.org/spring-offer?utm_source=sms"
  short_name      = "spring"
  maximum_ttl     = 604800
}

resource "carrierx_shortener_link" "support" {
  domain_sid      = carrierx_shortener_domain.go.domain_sid
  destination_url = "https://www.example.org/support"
  mode            = "redirect_permanent"
}

output "offer_url" {
  value = carrierx_shortener_link.offer.url
}
