resource "carrierx_shortener_domain" "go" {
  domain_name = "links.example.com"
}

resource "carrierx_shortener_link" "l" {
  count           = 2
  domain_sid      = carrierx_shortener_domain.go.domain_sid
  destination_url = "https://www.example.com/page-${count.index}"
}

# The links of one domain to pages of www.example.com, with their hit counts.
data "carrierx_shortener_links" "go" {
  domain_sid = carrierx_shortener_domain.go.domain_sid
  filter     = "destination_url like \"https://www.example.com/%\""
  order      = "destination_url asc"
  depends_on = [carrierx_shortener_link.l]
}

output "hits" {
  value = { for l in data.carrierx_shortener_links.go.links : l.url => l.hits }
}
