package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccDIDGroupDataSources reads DID groups by SID, by a filter matching
// one, and as a filtered, ordered list; 0 and >1 matches are clear errors.
func TestAccDIDGroupDataSources(t *testing.T) {
	e := newAccEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				Config: didGroupsKeep(e) + `
data "carrierx_did_group" "by_sid" {
  did_group_sid = carrierx_did_group.g[1].did_group_sid
}
data "carrierx_did_group" "by_filter" {
  filter     = "name eq \"ds-c\""
  depends_on = [carrierx_did_group.g]
}
data "carrierx_did_groups" "ds" {
  filter     = "name like \"ds-%\""
  order      = "name desc"
  depends_on = [carrierx_did_group.g, carrierx_did_group.other]
}
`,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.carrierx_did_group.by_sid", "did_group_sid", "carrierx_did_group.g.1", "did_group_sid"),
					resource.TestCheckResourceAttr("data.carrierx_did_group.by_sid", "name", "ds-b"),
					resource.TestCheckResourceAttr("data.carrierx_did_group.by_sid", "callback_url", "https://hooks.example.com/b"),
					resource.TestCheckResourceAttrPair("data.carrierx_did_group.by_sid", "partner_sid", "carrierx_did_group.g.1", "partner_sid"),
					resource.TestCheckResourceAttrPair("data.carrierx_did_group.by_filter", "did_group_sid", "carrierx_did_group.g.2", "did_group_sid"),
					resource.TestCheckResourceAttr("data.carrierx_did_groups.ds", "did_groups.#", "3"),
					resource.TestCheckResourceAttr("data.carrierx_did_groups.ds", "did_groups.0.name", "ds-c"),
					resource.TestCheckResourceAttr("data.carrierx_did_groups.ds", "did_groups.2.name", "ds-a"),
					resource.TestCheckResourceAttrPair("data.carrierx_did_groups.ds", "did_groups.2.did_group_sid", "carrierx_did_group.g.0", "did_group_sid"),
				),
			},
			{
				Config:      didGroupsKeep(e) + `data "carrierx_did_group" "x" { filter = "name like \"ds-%\"" }`,
				ExpectError: regexp.MustCompile(`(?s)filter "name like \\"ds-%\\"" matched more than one DID\s+groups`),
			},
			{
				Config:      didGroupsKeep(e) + `data "carrierx_did_group" "x" { filter = "name eq \"nothing-has-this\"" }`,
				ExpectError: regexp.MustCompile(`(?s)matched 0 DID groups`),
			},
			{
				Config:      didGroupsKeep(e) + `data "carrierx_did_group" "x" { did_group_sid = "00000000-0000-4000-8000-000000000000" }`,
				ExpectError: regexp.MustCompile(`(?s)No DID group has did_group_sid\s+"00000000-0000-4000-8000-000000000000"`),
			},
			{
				Config:      didGroupsKeep(e) + `data "carrierx_did_group" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Exactly one of these attributes must be configured:\s+\[did_group_sid,filter\]`),
			},
			{
				Config:      didGroupsKeep(e) + `data "carrierx_did_groups" "x" { filter = "name eq" }`,
				ExpectError: regexp.MustCompile(`(?s)Unable to list DID groups.*400.*filter`),
			},
		},
	})
}

// didGroupsKeep is the provider block and the groups of the first step,
// so later steps keep them.
func didGroupsKeep(e *accEnv) string {
	return e.config(`
resource "carrierx_did_group" "g" {
  count        = 3
  name         = "ds-${["a", "b", "c"][count.index]}"
  callback_url = "https://hooks.example.com/${["a", "b", "c"][count.index]}"
}
resource "carrierx_did_group" "other" { name = "unrelated" }
`)
}

// TestAccPrefixDataSources reads prefixes by SID, by a filter matching one,
// and as a filtered, ordered list; 0 and >1 matches are clear errors.
func TestAccPrefixDataSources(t *testing.T) {
	e := newAccEnv(t)
	tg := prefixCreateRoutableTrunkGroup(t, e, "ds-dest")
	keep := e.config(`
resource "carrierx_prefix" "p" {
  count           = 3
  prefix          = "155501${count.index}"
  name            = "nanp-155501${count.index}"
  trunk_group_sid = "` + tg + `"
  attributes      = { k = "155501${count.index}" }
}
resource "carrierx_prefix" "uk" { prefix = "44" }
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				Config: keep + `
data "carrierx_prefix" "by_sid" {
  prefix_sid = carrierx_prefix.p[1].prefix_sid
}
data "carrierx_prefix" "by_filter" {
  filter     = "prefix eq \"44\""
  depends_on = [carrierx_prefix.uk]
}
data "carrierx_prefixes" "nanp" {
  filter     = "prefix like \"1555%\""
  order      = "prefix desc"
  depends_on = [carrierx_prefix.p, carrierx_prefix.uk]
}
`,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.carrierx_prefix.by_sid", "prefix_sid", "carrierx_prefix.p.1", "prefix_sid"),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_sid", "name", "nanp-1555011"),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_sid", "trunk_group_sid", tg),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_sid", "attributes.k", "1555011"),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_sid", "transformations.#", "0"),
					resource.TestCheckResourceAttrPair("data.carrierx_prefix.by_filter", "prefix_sid", "carrierx_prefix.uk", "prefix_sid"),
					resource.TestCheckResourceAttr("data.carrierx_prefix.by_filter", "name", "N/A"),
					resource.TestCheckNoResourceAttr("data.carrierx_prefix.by_filter", "trunk_group_sid"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.nanp", "prefixes.#", "3"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.nanp", "prefixes.0.prefix", "1555012"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.nanp", "prefixes.2.prefix", "1555010"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.nanp", "prefixes.2.trunk_group_sid", tg),
				),
			},
			{
				Config:      keep + `data "carrierx_prefix" "x" { filter = "prefix like \"1555%\"" }`,
				ExpectError: regexp.MustCompile(`(?s)matched\s+more\s+than\s+one\s+prefixes;\s+narrow\s+it,\s+or\s+use\s+the\s+carrierx_prefixes`),
			},
			{
				Config:      keep + `data "carrierx_prefix" "x" { filter = "prefix eq \"33\"" }`,
				ExpectError: regexp.MustCompile(`(?s)matched 0 prefixes`),
			},
			{
				Config:      keep + `data "carrierx_prefix" "x" { prefix_sid = "00000000-0000-4000-8000-000000000000" }`,
				ExpectError: regexp.MustCompile(`(?s)No prefix has prefix_sid\s+"00000000-0000-4000-8000-000000000000"`),
			},
			{
				Config:      keep + `data "carrierx_prefix" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Exactly one of these attributes must be configured:\s+\[prefix_sid,filter\]`),
			},
			{Config: keep}, // the destroy after the last step needs a valid configuration
		},
	})
}

// TestAccAccessControlRuleDataSources reads rules by SID, by a filter
// matching one, and as a filtered, ordered list.
func TestAccAccessControlRuleDataSources(t *testing.T) {
	e := newAccEnv(t)
	keep := e.config(`
resource "carrierx_access_control_rule" "r" {
  count      = 3
  name       = ["premium", "tollfree", "local"][count.index]
  field      = "called"
  operation  = "prefix"
  quantifier = "any"
  entries    = [["1900", "1800", "1516"][count.index]]
}
resource "carrierx_access_control_rule" "sms" {
  name       = "sms-spam"
  field      = "message"
  operation  = "regexp"
  quantifier = "any"
  entries    = [".*WIN.*"]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				Config: keep + `
data "carrierx_access_control_rule" "by_sid" {
  rule_sid = carrierx_access_control_rule.r[1].rule_sid
}
data "carrierx_access_control_rule" "by_filter" {
  filter     = "field eq \"message\""
  depends_on = [carrierx_access_control_rule.sms, carrierx_access_control_rule.r]
}
data "carrierx_access_control_rules" "called" {
  filter     = "field eq \"called\""
  order      = "name asc"
  depends_on = [carrierx_access_control_rule.r, carrierx_access_control_rule.sms]
}
`,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.carrierx_access_control_rule.by_sid", "rule_sid", "carrierx_access_control_rule.r.1", "rule_sid"),
					resource.TestCheckResourceAttr("data.carrierx_access_control_rule.by_sid", "entries.0", "1800"),
					resource.TestCheckResourceAttr("data.carrierx_access_control_rule.by_sid", "read_only", "false"),
					resource.TestCheckResourceAttrPair("data.carrierx_access_control_rule.by_filter", "rule_sid", "carrierx_access_control_rule.sms", "rule_sid"),
					resource.TestCheckResourceAttr("data.carrierx_access_control_rule.by_filter", "operation", "regexp"),
					resource.TestCheckResourceAttr("data.carrierx_access_control_rules.called", "rules.#", "3"),
					resource.TestCheckResourceAttr("data.carrierx_access_control_rules.called", "rules.0.name", "local"),
					resource.TestCheckResourceAttr("data.carrierx_access_control_rules.called", "rules.1.name", "premium"),
					resource.TestCheckResourceAttr("data.carrierx_access_control_rules.called", "rules.2.name", "tollfree"),
				),
			},
			{
				Config:      keep + `data "carrierx_access_control_rule" "x" { filter = "field eq \"called\"" }`,
				ExpectError: regexp.MustCompile(`(?s)matched more than one access control\s+rules`),
			},
			{
				Config:      keep + `data "carrierx_access_control_rule" "x" { filter = "name eq \"nothing\"" }`,
				ExpectError: regexp.MustCompile(`(?s)matched 0 access control rules`),
			},
			{
				Config:      keep + `data "carrierx_access_control_rule" "x" { rule_sid = "00000000-0000-4000-8000-000000000000" }`,
				ExpectError: regexp.MustCompile(`(?s)No access control rule has rule_sid\s+"00000000-0000-4000-8000-000000000000"`),
			},
		},
	})
}

// TestAccPrefixesDataSource_pagination lists 2,345 prefixes: 1,000 a page,
// so every read of the data source makes exactly three list requests, at
// offsets 0, 1000 and 2000.
func TestAccPrefixesDataSource_pagination(t *testing.T) {
	e := newAccEnv(t)
	e.emulatorOnly()
	e.seed("phonenumber.prefixes", 2345, map[string]any{"prefix": "4420{n}", "name": "bulk-{n}"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				PreConfig: e.clearRequests,
				Config:    e.config(`data "carrierx_prefixes" "bulk" { filter = "name like \"bulk-%\"" }`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.#", "2345"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.0.name", "bulk-0"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.2344.prefix", "44202344"),
					func(*terraform.State) error {
						return prefixExpectPagedReads(e.requests(), "/core/v2/phonenumber/prefixes", 2345)
					},
				),
			},
			{
				PreConfig: e.clearRequests,
				Config: e.config(`data "carrierx_prefixes" "bulk" {
  filter = "name like \"bulk-1%\""
  order  = "name desc"
}`),
				Check: resource.ComposeTestCheckFunc(
					// bulk-1, bulk-10..19, bulk-100..199, bulk-1000..1999
					resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.#", "1111"),
					resource.TestCheckResourceAttr("data.carrierx_prefixes.bulk", "prefixes.0.name", "bulk-1999"),
					func(*terraform.State) error {
						return prefixExpectPagedReads(e.requests(), "/core/v2/phonenumber/prefixes", 1111)
					},
				),
			},
		},
	})
}
