resource "carrierx_endpoint" "pbx" {
  name = "pbx-east"
  type = "third_party"

  addresses = [{
    ip = "203.0.113.10"
  }]
}

resource "carrierx_trunk_group" "main" {
  name = "tg-main"
}

resource "carrierx_trunk" "pbx" {
  trunk_group_sid = carrierx_trunk_group.main.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.pbx.endpoint_sid
  name            = "to-pbx-east"
  priority        = 0
}

# By SID...
data "carrierx_trunk" "by_sid" {
  trunk_group_sid = carrierx_trunk_group.main.trunk_group_sid
  trunk_sid       = carrierx_trunk.pbx.trunk_sid
}

# ...or by a filter that matches exactly one trunk of the group.
data "carrierx_trunk" "by_name" {
  trunk_group_sid = carrierx_trunk_group.main.trunk_group_sid
  filter          = "name eq \"to-pbx-east\""
  depends_on      = [carrierx_trunk.pbx]
}

output "pbx_trunk_endpoint_sid" {
  value = data.carrierx_trunk.by_name.endpoint_sid
}
