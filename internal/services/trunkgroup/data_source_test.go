package trunkgroup_test

import (
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

const trunkGroupDSConfig = `
resource "carrierx_trunk_group" "east" {
  name                   = "ds tg \"east\""
  hard_failure_threshold = 7
  acls = [{
    direction         = "inbound"
    voice_action_true = "reject403"
  }]
}
resource "carrierx_trunk_group" "west" {
  name = "ds-west"
}
resource "carrierx_trunk" "primary" {
  trunk_group_sid = carrierx_trunk_group.east.trunk_group_sid
  name            = "primary"
  priority        = 0
}
resource "carrierx_trunk" "backup" {
  trunk_group_sid = carrierx_trunk_group.east.trunk_group_sid
  name            = "backup"
  priority        = 1
  in_capacity     = 5
}
`

func TestAccTrunkGroupDataSources(t *testing.T) {
	e := acctest.New(t)
	group := acctest.Lookup{Type: "carrierx_trunk_group", Noun: "trunk group", SIDAttr: "trunk_group_sid"}
	east := "trunk_group_sid = carrierx_trunk_group.east.trunk_group_sid"
	trunks := "depends_on = [carrierx_trunk.primary, carrierx_trunk.backup]"
	groups := "depends_on = [carrierx_trunk_group.east, carrierx_trunk_group.west]"
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(e.Config(trunkGroupDSConfig),
			group.Labelled("by_sid", east)+
				group.Labelled("by_filter", `filter = "name eq ${jsonencode(carrierx_trunk_group.east.name)}"`)+
				acctest.Data("carrierx_trunk_groups", "all", `order = "name desc"`, groups)+
				acctest.Data("carrierx_trunk_groups", "west", `filter = "name like \"ds-w%\""`, groups)+
				acctest.Data("carrierx_trunks", "east", east, `order = "priority desc"`, trunks)+
				acctest.Data("carrierx_trunks", "backup", east, `filter = "in_capacity eq 5"`, trunks),
			resource.ComposeAggregateTestCheckFunc(
				acctest.Expect(acctest.Want{
					"data.carrierx_trunk_group.by_sid": {"hard_failure_threshold": "7", "acls.0.voice_action_true": "reject403",
						"routing_type": "failover"},
					"data.carrierx_trunk_groups.all":  {"trunk_groups.#": "2", "trunk_groups.0.name": "ds-west"},
					"data.carrierx_trunk_groups.west": {"trunk_groups.#": "1"},
					"data.carrierx_trunks.east":       {"trunks.#": "2", "trunks.0.name": "backup", "trunks.1.name": "primary"},
					"data.carrierx_trunks.backup":     {"trunks.#": "1", "trunks.0.name": "backup"},
				}),
				acctest.Paired(acctest.Want{
					"data.carrierx_trunk_group.by_sid":    {"trunk_group_sid": "carrierx_trunk_group.east"},
					"data.carrierx_trunk_group.by_filter": {"trunk_group_sid": "carrierx_trunk_group.east"},
					"data.carrierx_trunk_groups.west":     {"trunk_groups.0.trunk_group_sid": "carrierx_trunk_group.west"},
					"data.carrierx_trunks.east":           {"trunks.0.trunk_group_sid": "carrierx_trunk_group.east", "trunks.1.trunk_sid": "carrierx_trunk.primary"},
				}),
			),
			append(group.Errors(`"name eq nothing-has-this-name"`, `"name like \"ds%\""`),
				acctest.ErrorCase{Config: `data "carrierx_trunks" "x" { trunk_group_sid = "` + acctest.TrunkGroupMissingSID + `" }`,
					Want: `(?s)trunk_group_sid.*No trunk group has trunk_group_sid\s+"` + acctest.TrunkGroupMissingSID + `"`},
				acctest.ErrorCase{Config: `data "carrierx_trunk_groups" "x" { filter = "name eq" }`,
					Want: acctest.ListFilterError("trunk groups")})...),
	})
}

// TestAccTrunkGroupsDataSource_pagination lists 1,500 trunk groups: two list
// requests of 1,000 per read.
func TestAccTrunkGroupsDataSource_pagination(t *testing.T) {
	acctest.SeededTest(t, "trunk_groups", 1500, map[string]any{"name": "bulk-{n}"}, func(e *acctest.Env) []resource.TestStep {
		return []resource.TestStep{
			acctest.PagedListStep(e, e.Config(`data "carrierx_trunk_groups" "bulk" { filter = "name like \"bulk-%\"" }`), "/core/v2/trunk_groups", 1500,
				acctest.Expect(acctest.Want{"data.carrierx_trunk_groups.bulk": {"trunk_groups.#": "1500", "trunk_groups.0.name": "bulk-0",
					"trunk_groups.1499.name": "bulk-1499"}})),
		}
	})
}
