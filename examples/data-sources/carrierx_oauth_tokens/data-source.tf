# The partner's active tokens named "ci-...", newest first. Secrets are
# never listed.
data "carrierx_oauth_tokens" "all" {
  filter = "name like \"ci-%\""
  order  = "date_created desc"
}

output "token_names" {
  value = [for t in data.carrierx_oauth_tokens.all.tokens : t.name]
}
