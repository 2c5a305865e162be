resource "carrierx_shortener_domain" "go" {
  domain_name = "go.example.com"
}

# Every domain whose name starts with "go.".
data "carrierx_shortener_domains" "go" {
  filter     = "domain_name like \"go.%\""
  order      = "domain_name asc"
  depends_on = [carrierx_shortener_domain.go]
}

output "go_domains" {
  value = [for d in data.carrierx_shortener_domains.go.domains : d.domain_name]
}
