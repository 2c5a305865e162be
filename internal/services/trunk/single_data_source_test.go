package trunk_test

import (
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
	trunk := acctest.Lookup{Type: "carrierx_trunk", Noun: "trunk", SIDAttr: "trunk_sid", In: "trunk_group_sid = carrierx_trunk_group.g.trunk_group_sid"}
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(base,
			trunk.Labelled("by_sid", "trunk_sid = carrierx_trunk.primary.trunk_sid")+
				trunk.Labelled("by_filter", `filter = "name eq \"backup\""`, "depends_on = [carrierx_trunk.primary, carrierx_trunk.backup]"),
			resource.ComposeAggregateTestCheckFunc(
				acctest.DataSourceMatches("data.carrierx_trunk.by_sid", "carrierx_trunk.primary", "carrierx_trunk"),
				acctest.DataSourceMatches("data.carrierx_trunk.by_filter", "carrierx_trunk.backup", "carrierx_trunk"),
				resource.TestMatchResourceAttr("data.carrierx_trunk.by_sid", "trunk_sid", acctest.SIDRegexp),
				acctest.Paired(acctest.Want{"data.carrierx_trunk.by_sid": {"endpoint_sid": "carrierx_endpoint.pbx"}}),
				acctest.Expect(acctest.Want{
					"data.carrierx_trunk.by_sid":    {"in_capacity": "30", "acls.0.voice_action_true": "reject403"},
					"data.carrierx_trunk.by_filter": {"name": "backup"},
				}),
			),
			append(trunk.FilterErrors(`"name eq \"nothing-has-this-name\""`, `"name like \"%\""`),
				acctest.ErrorCase{Config: trunk.Config(`trunk_sid = "` + acctest.TrunkGroupMissingSID + `"`),
					Want: `(?s)Trunk\s+not\s+found.*has\s+no\s+trunk\s+with\s+trunk_sid\s+"` + acctest.TrunkGroupMissingSID + `"`},
				acctest.ErrorCase{Config: acctest.Data("carrierx_trunk", "x", `trunk_group_sid = "`+acctest.TrunkGroupMissingSID+`"`, `filter = "name eq \"primary\""`),
					Want: `(?s)No\s+trunk\s+group\s+has\s+trunk_group_sid\s+"` + acctest.TrunkGroupMissingSID + `"`})...),
	})
}
