# Routing design: numbers -> trunk group -> trunks -> endpoints, with a
# backup site that takes the calls when the main one fails.

terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}

provider "carrierx" {}

# Two sites of the same PBX.
resource "carrierx_endpoint" "main_site" {
  name = "pbx-main"
  type = "third_party"
  addresses = [{
    ip        = "203.0.113.10"
    port      = 5060
    transport = "udp"
  }]
}

resource "carrierx_endpoint" "backup_site" {
  name = "pbx-backup"
  type = "third_party"
  addresses = [{
    ip        = "198.51.100.10"
    port      = 5060
    transport = "udp"
  }]
}

# The group decides which trunk takes a call. failover: the trunks in
# priority order; a trunk that answers 3 times with 408 or 503 within 60
# seconds is skipped for 120 seconds; when every trunk is skipped, calls are
# rejected with 503 rather than sent to the first trunk anyway.
resource "carrierx_trunk_group" "inbound" {
  name                     = "inbound"
  routing_type             = "failover"
  hard_failure_codes       = "408;503;"
  hard_failure_threshold   = 3
  hard_failure_interval    = 60
  hard_failure_cooldown    = 120
  hard_failure_last_resort = "reject503"
}

# One trunk per site: the main site first (priority 0), the backup next.
resource "carrierx_trunk" "main_site" {
  trunk_group_sid = carrierx_trunk_group.inbound.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.main_site.endpoint_sid
  name            = "main-site"
  priority        = 0
  in_capacity     = 30 # at most 30 calls at once; 0 means no limit
}

resource "carrierx_trunk" "backup_site" {
  trunk_group_sid = carrierx_trunk_group.inbound.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.backup_site.endpoint_sid
  name            = "backup-site"
  priority        = 1
}

# The numbers point at the group, never at a trunk or an endpoint.
resource "carrierx_phone_number" "line" {
  count           = 2
  country_code    = "USA"
  state           = "NY"
  trunk_group_sid = carrierx_trunk_group.inbound.trunk_group_sid
  name            = "line-${count.index}"
}

# The group's trunks in the order failover tries them.
data "carrierx_trunks" "inbound" {
  trunk_group_sid = carrierx_trunk_group.inbound.trunk_group_sid
  order           = "priority asc"
  depends_on      = [carrierx_trunk.main_site, carrierx_trunk.backup_site]
}

output "failover_order" {
  value = [for t in data.carrierx_trunks.inbound.trunks : t.name]
}

output "numbers" {
  value = carrierx_phone_number.line[*].phonenumber
}
