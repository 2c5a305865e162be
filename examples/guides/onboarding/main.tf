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
  # The token's own partner is in the list too: only partners whose parent
  # is in the list are sub-partners (the account's own settings are
  # carrierx_account_settings).
  partner_sids = toset(data.carrierx_partners.all.partners[*].partner_sid)

  # Every object: its resource type, a short kind, a name, its SID and its
  # import ID (a trunk's is its group's SID and its own).
  objects = concat(
    [for o in data.carrierx_endpoints.all.endpoints : { type = "carrierx_endpoint", kind = "ep", name = o.name, sid = o.endpoint_sid, id = o.endpoint_sid }],
    [for o in data.carrierx_trunk_groups.all.trunk_groups : { type = "carrierx_trunk_group", kind = "tg", name = o.name, sid = o.trunk_group_sid, id = o.trunk_group_sid }],
    flatten([for group, list in data.carrierx_trunks.all : [
      for o in list.trunks : { type = "carrierx_trunk", kind = "trunk", name = o.name, sid = o.trunk_sid, id = "${group}/${o.trunk_sid}" }
    ]]),
    [for o in data.carrierx_phone_numbers.all.phone_numbers : { type = "carrierx_phone_number", kind = "n", name = o.phonenumber, sid = o.did_sid, id = o.did_sid }],
    [for o in data.carrierx_did_groups.all.did_groups : { type = "carrierx_did_group", kind = "dg", name = o.name, sid = o.did_group_sid, id = o.did_group_sid }],
    [for o in data.carrierx_prefixes.all.prefixes : { type = "carrierx_prefix", kind = "p", name = o.prefix, sid = o.prefix_sid, id = o.prefix_sid }],
    [for o in data.carrierx_access_control_rules.own.rules : { type = "carrierx_access_control_rule", kind = "rule", name = o.name, sid = o.rule_sid, id = o.rule_sid }],
    [for o in data.carrierx_partners.all.partners : { type = "carrierx_partner", kind = "partner", name = o.login, sid = o.partner_sid, id = o.partner_sid }
    if contains(local.partner_sids, o.parent_sid)],
    [for o in data.carrierx_storage_containers.all.containers : { type = "carrierx_storage_container", kind = "container", name = o.name, sid = o.container_sid, id = o.container_sid }],
    [for o in data.carrierx_storage_files.all.files : { type = "carrierx_storage_file", kind = "file", name = o.name, sid = o.file_sid, id = o.file_sid }],
    [for o in data.carrierx_shortener_domains.all.domains : { type = "carrierx_shortener_domain", kind = "domain", name = o.domain_name, sid = o.domain_sid, id = o.domain_sid }],
    [for o in data.carrierx_shortener_links.all.links : { type = "carrierx_shortener_link", kind = "link", name = o.short_name, sid = o.link_sid, id = o.link_sid }],
  )

  # A resource address from the kind, the name and the start of the SID
  # (names need not be unique): "Main PBX" -> carrierx_endpoint.ep_main_pbx_3c3c3c3c.
  imports = {
    for o in local.objects :
    "${o.type}.${o.kind}_${replace(lower(o.name), "/[^0-9a-z]+/", "_")}_${substr(o.sid, 0, 8)}" => o.id
  }
}

# How many objects of each kind the account has.
output "counts" {
  value = { for type, ids in { for o in local.objects : o.type => o.id... } : type => length(ids) }
}

# One import block per object, for `terraform plan -generate-config-out`.
output "import_blocks" {
  value = join("", [for to, id in local.imports : "import {\n  to = ${to}\n  id = \"${id}\"\n}\n\n"])
}
