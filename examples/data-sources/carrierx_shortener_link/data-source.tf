resource "carrierx_shortener_domain" "go" {
  domain_name = "go.example.org"
}

resource "carrierx_shortener_link" "offer" {
  domain_sid      = carrierx_shortener_domain.go.domain_sid
  destination_url = "https://www.example.org/spring-offer"
  short_name      = "spring"
}

# By SID...
data "carrierx_shortener_link" "by_sid" {
  link_sid = carrierx_shortener_link.offer.link_sid
}

# ...or by a filter that matches exactly one link.
data "carrierx_shortener_link" "by_name" {
  filter     = "domain_sid eq ${jsonencode(carrierx_shortener_domain.go.domain_sid)} and short_name eq \"spring\""
  depends_on = [carrierx_shortener_link.offer]
}

output "offer_hits" {
  value = data.carrierx_shortener_link.by_name.hits
}
