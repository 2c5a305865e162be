resource "carrierx_shortener_domain" "go" {
  domain_name = "go.example.net"
}

# By SID...
data "carrierx_shortener_domain" "by_sid" {
  domain_sid = carrierx_shortener_domain.go.domain_sid
}

# ...or by a filter that matches exactly one domain.
data "carrierx_shortener_domain" "by_name" {
  filter     = "domain_name eq \"go.example.net\""
  depends_on = [carrierx_shortener_domain.go]
}

output "go_minimum_length" {
  value = data.carrierx_shortener_domain.by_name.minimum_length
}
