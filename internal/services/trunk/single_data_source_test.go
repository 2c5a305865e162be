package trunk_test

import (
	"regexp"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

const trunkSingleConfig = `
resource "carrierx_endpoint" "pbx" {
  name = "single-pbx"
  type = "third_party"
  addresses = [{
    ip = "203.0.113.10"
  }]
}
resource "carrierx_trunk_group" "g" {
  name = "single-tg"
}
resource "carrierx_trunk" "primary" {
  trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.pbx.endpoint_sid
  name            = "primary"
  priority        = 0
  in_capacity     = 30
  allow_forward   = "reroute"
  acls = [{
    direction         = "inbound"
    voice_action_true = "reject403"
  }]
}
resource "carrierx_trunk" "backup" {
  trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid
  name            = "backup"
  priority        = 1
}
`

// TestAccSingleTrunkDataSource reads one trunk by SID and by filter; 0 and
// >1 matches, an unknown trunk and an unknown group are clear errors.
func TestAccSingleTrunkDataSource(t *testing.T) {
	e := acctest.New(t)
	base := e.Config(trunkSingleConfig)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
			{
				Config: base + `
data "carrierx_trunk" "by_sid" {
  trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid
  trunk_sid       = carrierx_trunk.primary.trunk_sid
}
data "carrierx_trunk" "by_filter" {
  trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid
  filter          = "name eq \"backup\""
  depends_on      = [carrierx_trunk.primary, carrierx_trunk.backup]
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.DataSourceMatches("data.carrierx_trunk.by_sid", "carrierx_trunk.primary", "carrierx_trunk"),
					acctest.DataSourceMatches("data.carrierx_trunk.by_filter", "carrierx_trunk.backup", "carrierx_trunk"),
					resource.TestMatchResourceAttr("data.carrierx_trunk.by_sid", "trunk_sid", acctest.SIDRegexp),
					resource.TestCheckResourceAttrPair("data.carrierx_trunk.by_sid", "endpoint_sid", "carrierx_endpoint.pbx", "endpoint_sid"),
					resource.TestCheckResourceAttr("data.carrierx_trunk.by_sid", "in_capacity", "30"),
					resource.TestCheckResourceAttr("data.carrierx_trunk.by_sid", "acls.0.voice_action_true", "reject403"),
					resource.TestCheckResourceAttr("data.carrierx_trunk.by_filter", "name", "backup"),
				),
			},
			{
				Config: base + `data "carrierx_trunk" "x" {
  trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid
  filter          = "name eq \"nothing-has-this-name\""
}`,
				ExpectError: regexp.MustCompile(`(?s)Filter\s+must\s+match\s+exactly\s+one.*matched\s+0\s+trunks`),
			},
			{
				Config: base + `data "carrierx_trunk" "x" {
  trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid
  filter          = "name like \"%\""
}`,
				ExpectError: regexp.MustCompile(`(?s)matched\s+(2|more\s+than\s+one)\s+trunks;\s+narrow\s+it,\s+or\s+use\s+the\s+carrierx_trunks`),
			},
			{
				Config: base + `data "carrierx_trunk" "x" {
  trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid
  trunk_sid       = "` + acctest.TrunkGroupMissingSID + `"
}`,
				ExpectError: regexp.MustCompile(`(?s)Trunk\s+not\s+found.*has\s+no\s+trunk\s+with\s+trunk_sid\s+"` + acctest.TrunkGroupMissingSID + `"`),
			},
			{
				Config: base + `data "carrierx_trunk" "x" {
  trunk_group_sid = "` + acctest.TrunkGroupMissingSID + `"
  filter          = "name eq \"primary\""
}`,
				ExpectError: regexp.MustCompile(`(?s)No\s+trunk\s+group\s+has\s+trunk_group_sid\s+"` + acctest.TrunkGroupMissingSID + `"`),
			},
			{
				Config:      base + `data "carrierx_trunk" "x" { trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid }`,
				ExpectError: regexp.MustCompile(`(?s)Exactly\s+one\s+of\s+these\s+attributes\s+must\s+be\s+configured:\s+\[trunk_sid,filter\]`),
			},
			// Leave a valid configuration for the post-test destroy.
			{Config: base},
		},
	})
}
