locals {
  nanp_prefixes = ["1555010", "1555011", "1555012"]
}

resource "carrierx_prefix" "nanp" {
  count  = length(local.nanp_prefixes)
  prefix = local.nanp_prefixes[count.index]
  name   = "nanp-${local.nanp_prefixes[count.index]}"
}

# Every prefix starting with 1555, longest first.
data "carrierx_prefixes" "nanp" {
  filter     = "prefix like \"1555%\""
  order      = "prefix desc"
  depends_on = [carrierx_prefix.nanp]
}

output "nanp_prefixes" {
  value = [for p in data.carrierx_prefixes.nanp.prefixes : p.prefix]
}
