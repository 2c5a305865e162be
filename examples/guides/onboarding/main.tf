# Step 1 of onboarding an existing account: list what the account has and
# write one import block per object. Nothing here creates or changes
# anything: `terraform apply` only reads, then
#   terraform output -raw import_blocks > ../account/imports.tf

terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

# The token and the Core API URL come from CARRIERX_TOKEN and CARRIERX_BASE_URL.
provider "carrierx" {}

# CarrierX makes the system_gateway endpoint of every partner; it cannot be
# managed.
data "carrierx_endpoints" "all" {
  filter = "type ne \"system_gateway\""
}
data "carrierx_trunk_groups" "all" {}
data "carrierx_trunks" "all" {
  for_each        = toset(data.carrierx_trunk_groups.all.trunk_groups[*].trunk_group_sid)
  trunk_group_sid = each.key
}
data "carrierx_phone_numbers" "all" {}
data "carrierx_did_groups" "all" {}
data "carrierx_prefixes" "all" {}
# Rules inherited from the parent partner are not this account's to manage.
data "carrierx_access_control_rules" "own" {
  filter = "read_only eq false"
}
data "carrierx_partners" "all" {}
data "carrierx_storage_containers" "all" {}
data "carrierx_storage_files" "all" {}
data "carrierx_shortener_domains" "all" {}
data "carrierx_shortener_links" "all" {}

locals {
  # A resource name from the object's kind, its name and the start of its
  # SID (names need not be unique): "Main PBX" -> ep_main_pbx_3c3c3c3c.
  endpoints = {
    for o in data.carrierx_endpoints.all.endpoints :
    "ep_${replace(lower(o.name), "/[^0-9a-z]+/", "_")}_${substr(o.endpoint_sid, 0, 8)}" => o.endpoint_sid
  }
  trunk_groups = {
    for o in data.carrierx_trunk_groups.all.trunk_groups :
    "tg_${replace(lower(o.name), "/[^0-9a-z]+/", "_")}_${substr(o.trunk_group_sid, 0, 8)}" => o.trunk_group_sid
  }
  # A trunk's import ID is its group's SID and its own.
  trunks = merge([
    for group, list in data.carrierx_trunks.all : {
      for o in list.trunks :
      "trunk_${replace(lower(o.name), "/[^0-9a-z]+/", "_")}_${substr(o.trunk_sid, 0, 8)}" => "${group}/${o.trunk_sid}"
    }
  ]...)
  numbers = { for o in data.carrierx_phone_numbers.all.phone_numbers : "n${o.phonenumber}" => o.did_sid }
  did_groups = {
    for o in data.carrierx_did_groups.all.did_groups :
    "dg_${replace(lower(o.name), "/[^0-9a-z]+/", "_")}_${substr(o.did_group_sid, 0, 8)}" => o.did_group_sid
  }
  prefixes = { for o in data.carrierx_prefixes.all.prefixes : "p${o.prefix}_${substr(o.prefix_sid, 0, 8)}" => o.prefix_sid }
  rules = {
    for o in data.carrierx_access_control_rules.own.rules :
    "rule_${replace(lower(o.name), "/[^0-9a-z]+/", "_")}_${substr(o.rule_sid, 0, 8)}" => o.rule_sid
  }
  # The list has the token's own partner too: only partners whose parent is
  # in the list are sub-partners (the account settings are
  # carrierx_account_settings).
  partner_sids = toset(data.carrierx_partners.all.partners[*].partner_sid)
  partners = {
    for o in data.carrierx_partners.all.partners :
    "partner_${replace(lower(o.login), "/[^0-9a-z]+/", "_")}_${substr(o.partner_sid, 0, 8)}" => o.partner_sid
    if contains(local.partner_sids, o.parent_sid)
  }
  containers = {
    for o in data.carrierx_storage_containers.all.containers :
    "container_${replace(lower(o.name), "/[^0-9a-z]+/", "_")}_${substr(o.container_sid, 0, 8)}" => o.container_sid
  }
  files = {
    for o in data.carrierx_storage_files.all.files :
    "file_${replace(lower(o.name), "/[^0-9a-z]+/", "_")}_${substr(o.file_sid, 0, 8)}" => o.file_sid
  }
  domains = {
    for o in data.carrierx_shortener_domains.all.domains :
    "domain_${replace(lower(o.domain_name), "/[^0-9a-z]+/", "_")}_${substr(o.domain_sid, 0, 8)}" => o.domain_sid
  }
  links = {
    for o in data.carrierx_shortener_links.all.links :
    "link_${replace(lower(o.short_name), "/[^0-9a-z]+/", "_")}_${substr(o.link_sid, 0, 8)}" => o.link_sid
  }

  imports = merge(
    { for k, id in local.endpoints : "carrierx_endpoint.${k}" => id },
    { for k, id in local.trunk_groups : "carrierx_trunk_group.${k}" => id },
    { for k, id in local.trunks : "carrierx_trunk.${k}" => id },
    { for k, id in local.numbers : "carrierx_phone_number.${k}" => id },
    { for k, id in local.did_groups : "carrierx_did_group.${k}" => id },
    { for k, id in local.prefixes : "carrierx_prefix.${k}" => id },
    { for k, id in local.rules : "carrierx_access_control_rule.${k}" => id },
    { for k, id in local.partners : "carrierx_partner.${k}" => id },
    { for k, id in local.containers : "carrierx_storage_container.${k}" => id },
    { for k, id in local.files : "carrierx_storage_file.${k}" => id },
    { for k, id in local.domains : "carrierx_shortener_domain.${k}" => id },
    { for k, id in local.links : "carrierx_shortener_link.${k}" => id },
  )
}

# How many objects of each kind the account has.
output "counts" {
  value = {
    endpoints     = length(local.endpoints)
    trunk_groups  = length(local.trunk_groups)
    trunks        = length(local.trunks)
    phone_numbers = length(local.numbers)
    did_groups    = length(local.did_groups)
    prefixes      = length(local.prefixes)
    rules         = length(local.rules)
    partners      = length(local.partners)
    containers    = length(local.containers)
    files         = length(local.files)
    domains       = length(local.domains)
    links         = length(local.links)
  }
}

# One import block per object, for `terraform plan -generate-config-out`.
output "import_blocks" {
  value = join("", [for to, id in local.imports : "import {\n  to = ${to}\n  id = \"${id}\"\n}\n\n"])
}
