# The partner's active tokens, newest first. Secrets are never listed.
data "carrierx_oauth_tokens" "all" {
  order = "date_created desc"
}

output "token_names" {
  value = [for t in data.carrierx_oauth_tokens.all.tokens : t.name]
}
