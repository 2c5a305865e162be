package trunkgroup_test

import (
	"fmt"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: append([]resource.TestStep{
			{
				Config: e.Config(trunkGroupDSConfig + `
data "carrierx_trunk_group" "by_sid" {
  trunk_group_sid = carrierx_trunk_group.east.trunk_group_sid
}
data "carrierx_trunk_group" "by_filter" {
  filter = "name eq ${jsonencode(carrierx_trunk_group.east.name)}"
}
data "carrierx_trunk_groups" "all" {
  order      = "name desc"
  depends_on = [carrierx_trunk_group.east, carrierx_trunk_group.west]
}
data "carrierx_trunk_groups" "west" {
  filter     = "name like \"ds-w%\""
  depends_on = [carrierx_trunk_group.east, carrierx_trunk_group.west]
}
data "carrierx_trunks" "east" {
  trunk_group_sid = carrierx_trunk_group.east.trunk_group_sid
  order           = "priority desc"
  depends_on      = [carrierx_trunk.primary, carrierx_trunk.backup]
}
data "carrierx_trunks" "backup" {
  trunk_group_sid = carrierx_trunk_group.east.trunk_group_sid
  filter          = "in_capacity eq 5"
  depends_on      = [carrierx_trunk.primary, carrierx_trunk.backup]
}
`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.carrierx_trunk_group.by_sid", "trunk_group_sid", "carrierx_trunk_group.east", "trunk_group_sid"),
					resource.TestCheckResourceAttr("data.carrierx_trunk_group.by_sid", "hard_failure_threshold", "7"),
					resource.TestCheckResourceAttr("data.carrierx_trunk_group.by_sid", "acls.0.voice_action_true", "reject403"),
					resource.TestCheckResourceAttr("data.carrierx_trunk_group.by_sid", "routing_type", "failover"),
					resource.TestCheckResourceAttrPair("data.carrierx_trunk_group.by_filter", "trunk_group_sid", "carrierx_trunk_group.east", "trunk_group_sid"),
					resource.TestCheckResourceAttr("data.carrierx_trunk_groups.all", "trunk_groups.#", "2"),
					resource.TestCheckResourceAttr("data.carrierx_trunk_groups.all", "trunk_groups.0.name", "ds-west"),
					resource.TestCheckResourceAttr("data.carrierx_trunk_groups.west", "trunk_groups.#", "1"),
					resource.TestCheckResourceAttrPair("data.carrierx_trunk_groups.west", "trunk_groups.0.trunk_group_sid", "carrierx_trunk_group.west", "trunk_group_sid"),
					resource.TestCheckResourceAttr("data.carrierx_trunks.east", "trunks.#", "2"),
					resource.TestCheckResourceAttr("data.carrierx_trunks.east", "trunks.0.name", "backup"),
					resource.TestCheckResourceAttr("data.carrierx_trunks.east", "trunks.1.name", "primary"),
					resource.TestCheckResourceAttrPair("data.carrierx_trunks.east", "trunks.0.trunk_group_sid", "carrierx_trunk_group.east", "trunk_group_sid"),
					resource.TestCheckResourceAttrPair("data.carrierx_trunks.east", "trunks.1.trunk_sid", "carrierx_trunk.primary", "trunk_sid"),
					resource.TestCheckResourceAttr("data.carrierx_trunks.backup", "trunks.#", "1"),
					resource.TestCheckResourceAttr("data.carrierx_trunks.backup", "trunks.0.name", "backup"),
				),
			},
		}, acctest.ErrorSteps(e.Config(trunkGroupDSConfig),
			acctest.ErrorCase{Config: `data "carrierx_trunk_group" "x" { filter = "name like \"ds%\"" }`,
				Want: `filter "name like \\"ds%\\"" matched (2|more than one) trunk groups`},
			acctest.ErrorCase{Config: `data "carrierx_trunk_group" "x" { filter = "name eq nothing-has-this-name" }`,
				Want: `matched 0 trunk groups`},
			acctest.ErrorCase{Config: `data "carrierx_trunk_group" "x" { trunk_group_sid = "` + acctest.TrunkGroupMissingSID + `" }`,
				Want: `No trunk group has trunk_group_sid "` + acctest.TrunkGroupMissingSID + `"`},
			acctest.ErrorCase{Config: `data "carrierx_trunk_group" "x" {}`,
				Want: `Exactly one of these attributes must be configured:\s+\[trunk_group_sid,filter\]`},
			acctest.ErrorCase{Config: `data "carrierx_trunks" "x" { trunk_group_sid = "` + acctest.TrunkGroupMissingSID + `" }`,
				Want: `(?s)trunk_group_sid.*No trunk group has trunk_group_sid\s+"` + acctest.TrunkGroupMissingSID + `"`},
			acctest.ErrorCase{Config: `data "carrierx_trunk_groups" "x" { filter = "name eq" }`,
				Want: acctest.ListFilterError("trunk groups")},
		)...),
	})
}

// TestAccTrunkGroupsDataSource_pagination lists 1,500 trunk groups: two list
// requests of 1,000 per read.
func TestAccTrunkGroupsDataSource_pagination(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	e.Seed("trunk_groups", 1500, map[string]any{"name": "bulk-{n}"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{{
			PreConfig: e.ClearRequests,
			Config:    e.Config(`data "carrierx_trunk_groups" "bulk" { filter = "name like \"bulk-%\"" }`),
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr("data.carrierx_trunk_groups.bulk", "trunk_groups.#", "1500"),
				resource.TestCheckResourceAttr("data.carrierx_trunk_groups.bulk", "trunk_groups.0.name", "bulk-0"),
				resource.TestCheckResourceAttr("data.carrierx_trunk_groups.bulk", "trunk_groups.1499.name", "bulk-1499"),
				func(*terraform.State) error {
					n := acctest.Count(e.Requests(), "GET", "/core/v2/trunk_groups")
					if n == 0 || n%2 != 0 {
						return fmt.Errorf("%d list requests, want a multiple of 2 (two pages per read)", n)
					}
					return nil
				},
			),
		}},
	})
}
