package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/shortener"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/trunk"
)

// trunkGroupMissingSID is a well-formed SID no object has.
const trunkGroupMissingSID = "00000000-0000-4000-8000-00000000dead"

// trunkSinglePairs checks every attribute of the carrierx_trunk data source
// ds against the carrierx_trunk resource res (lists by their length and
// first element's fields).
func trunkSinglePairs(ds, res string) resource.TestCheckFunc {
	var fs []resource.TestCheckFunc
	for k, a := range framework.DataSourceAttributes(trunk.Object.Schema) {
		switch a := a.(type) {
		case schema.ListNestedAttribute:
			fs = append(fs, resource.TestCheckResourceAttrPair(ds, k+".#", res, k+".#"))
			for sub := range a.NestedObject.Attributes {
				fs = append(fs, resource.TestCheckResourceAttrPair(ds, k+".0."+sub, res, k+".0."+sub))
			}
		case schema.ListAttribute:
			fs = append(fs, resource.TestCheckResourceAttrPair(ds, k+".#", res, k+".#"))
		default:
			fs = append(fs, resource.TestCheckResourceAttrPair(ds, k, res, k))
		}
	}
	return resource.ComposeAggregateTestCheckFunc(fs...)
}

// storageFileSinglePairs checks every metadata attribute of the
// carrierx_storage_file data source ds against the resource res.
func storageFileSinglePairs(ds, res string) resource.TestCheckFunc {
	var fs []resource.TestCheckFunc
	for k := range dataSourceSchema("carrierx_storage_file").Attributes {
		if k != "filter" {
			fs = append(fs, resource.TestCheckResourceAttrPair(ds, k, res, k))
		}
	}
	return resource.ComposeAggregateTestCheckFunc(fs...)
}

// dataSourceSchema is the schema of the provider's data source typeName.
func dataSourceSchema(typeName string) schema.Schema {
	ctx := context.Background()
	for _, f := range New("test")().DataSources(ctx) {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		if md.TypeName == typeName {
			var sr datasource.SchemaResponse
			d.Schema(ctx, datasource.SchemaRequest{}, &sr)
			return sr.Schema
		}
	}
	panic("no data source " + typeName)
}

// shortenerSinglePairs checks every attribute of the shortener data source
// ds (those of the resource's schema s) against the resource res.
func shortenerSinglePairs(ds, res string, s rschema.Schema) resource.TestCheckFunc {
	var fs []resource.TestCheckFunc
	for k := range s.Attributes {
		fs = append(fs, resource.TestCheckResourceAttrPair(ds, k, res, k))
	}
	return resource.ComposeAggregateTestCheckFunc(fs...)
}

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
	e := newAccEnv(t)
	base := e.config(trunkSingleConfig)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
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
					trunkSinglePairs("data.carrierx_trunk.by_sid", "carrierx_trunk.primary"),
					trunkSinglePairs("data.carrierx_trunk.by_filter", "carrierx_trunk.backup"),
					resource.TestMatchResourceAttr("data.carrierx_trunk.by_sid", "trunk_sid", sidRegexp),
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
  trunk_sid       = "` + trunkGroupMissingSID + `"
}`,
				ExpectError: regexp.MustCompile(`(?s)Trunk\s+not\s+found.*has\s+no\s+trunk\s+with\s+trunk_sid\s+"` + trunkGroupMissingSID + `"`),
			},
			{
				Config: base + `data "carrierx_trunk" "x" {
  trunk_group_sid = "` + trunkGroupMissingSID + `"
  filter          = "name eq \"primary\""
}`,
				ExpectError: regexp.MustCompile(`(?s)No\s+trunk\s+group\s+has\s+trunk_group_sid\s+"` + trunkGroupMissingSID + `"`),
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

const storageFileSingleConfig = `
resource "carrierx_storage_container" "c" {
  name = "single-files"
}
resource "carrierx_storage_file" "a" {
  container_sid = carrierx_storage_container.c.container_sid
  name          = "single-a.txt"
  content       = "file a"
  mime_type     = "text/plain"
  string_key_1  = "single"
  integer_key_1 = 7
}
resource "carrierx_storage_file" "b" {
  container_sid = carrierx_storage_container.c.container_sid
  name          = "single-b.txt"
  content       = "file b"
  string_key_1  = "single"
}
`

// TestAccSingleStorageFileDataSource reads one file's metadata by SID and by
// filter; 0 and >1 matches and an unknown SID are clear errors.
func TestAccSingleStorageFileDataSource(t *testing.T) {
	e := newAccEnv(t)
	base := e.config(storageFileSingleConfig)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				Config: base + `
data "carrierx_storage_file" "by_sid" {
  file_sid = carrierx_storage_file.a.file_sid
}
data "carrierx_storage_file" "by_filter" {
  filter     = "name eq \"single-b.txt\""
  depends_on = [carrierx_storage_file.a, carrierx_storage_file.b]
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					storageFileSinglePairs("data.carrierx_storage_file.by_sid", "carrierx_storage_file.a"),
					storageFileSinglePairs("data.carrierx_storage_file.by_filter", "carrierx_storage_file.b"),
					resource.TestMatchResourceAttr("data.carrierx_storage_file.by_sid", "file_sid", sidRegexp),
					resource.TestCheckResourceAttr("data.carrierx_storage_file.by_sid", "integer_key_1", "7"),
					resource.TestCheckResourceAttr("data.carrierx_storage_file.by_filter", "name", "single-b.txt"),
					resource.TestCheckResourceAttrPair("data.carrierx_storage_file.by_filter", "container_sid", "carrierx_storage_container.c", "container_sid"),
				),
			},
			{
				Config:      base + `data "carrierx_storage_file" "x" { filter = "name eq \"nothing-has-this-name\"" }`,
				ExpectError: regexp.MustCompile(`(?s)Filter\s+must\s+match\s+exactly\s+one.*matched\s+0\s+storage\s+files`),
			},
			{
				Config:      base + `data "carrierx_storage_file" "x" { filter = "string_key_1 eq \"single\"" }`,
				ExpectError: regexp.MustCompile(`(?s)matched\s+(2|more\s+than\s+one)\s+storage\s+files;\s+narrow\s+it,\s+or\s+use\s+the\s+carrierx_storage_files`),
			},
			{
				Config:      base + `data "carrierx_storage_file" "x" { file_sid = "` + trunkGroupMissingSID + `" }`,
				ExpectError: regexp.MustCompile(`(?s)Storage\s+file\s+not\s+found.*No\s+storage\s+file\s+has\s+file_sid\s+"` + trunkGroupMissingSID + `"`),
			},
			{
				Config:      base + `data "carrierx_storage_file" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Exactly\s+one\s+of\s+these\s+attributes\s+must\s+be\s+configured:\s+\[file_sid,filter\]`),
			},
			// Leave a valid configuration for the post-test destroy.
			{Config: base},
		},
	})
}

const shortenerSingleConfig = `
resource "carrierx_shortener_domain" "a" {
  domain_name    = "single-a.example.net"
  minimum_length = 8
  not_found_page = "https://www.example.net/"
}
resource "carrierx_shortener_domain" "b" {
  domain_name = "single-b.example.net"
}
resource "carrierx_shortener_link" "offer" {
  domain_sid      = carrierx_shortener_domain.a.domain_sid
  destination_url = "https://www.example.net/offer"
  short_name      = "offer"
  maximum_ttl     = 604800
}
resource "carrierx_shortener_link" "support" {
  domain_sid      = carrierx_shortener_domain.a.domain_sid
  destination_url = "https://www.example.net/support"
  mode            = "redirect_permanent"
}
`

// TestAccSingleShortenerDataSources reads one domain and one link by SID and
// by filter; 0 and >1 matches and unknown SIDs are clear errors.
func TestAccSingleShortenerDataSources(t *testing.T) {
	e := newAccEnv(t)
	base := e.config(shortenerSingleConfig)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.providers(),
		Steps: []resource.TestStep{
			{
				Config: base + `
data "carrierx_shortener_domain" "by_sid" {
  domain_sid = carrierx_shortener_domain.a.domain_sid
}
data "carrierx_shortener_domain" "by_filter" {
  filter     = "domain_name eq \"single-b.example.net\""
  depends_on = [carrierx_shortener_domain.a, carrierx_shortener_domain.b]
}
data "carrierx_shortener_link" "by_sid" {
  link_sid = carrierx_shortener_link.support.link_sid
}
data "carrierx_shortener_link" "by_filter" {
  filter     = "short_name eq \"offer\""
  depends_on = [carrierx_shortener_link.offer, carrierx_shortener_link.support]
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					shortenerSinglePairs("data.carrierx_shortener_domain.by_sid", "carrierx_shortener_domain.a", shortener.Domain.Schema),
					shortenerSinglePairs("data.carrierx_shortener_domain.by_filter", "carrierx_shortener_domain.b", shortener.Domain.Schema),
					shortenerSinglePairs("data.carrierx_shortener_link.by_sid", "carrierx_shortener_link.support", shortener.Link.Schema),
					shortenerSinglePairs("data.carrierx_shortener_link.by_filter", "carrierx_shortener_link.offer", shortener.Link.Schema),
					resource.TestMatchResourceAttr("data.carrierx_shortener_domain.by_sid", "domain_sid", sidRegexp),
					resource.TestCheckResourceAttr("data.carrierx_shortener_domain.by_sid", "minimum_length", "8"),
					resource.TestCheckResourceAttr("data.carrierx_shortener_domain.by_filter", "domain_name", "single-b.example.net"),
					resource.TestMatchResourceAttr("data.carrierx_shortener_link.by_sid", "link_sid", sidRegexp),
					resource.TestCheckResourceAttr("data.carrierx_shortener_link.by_sid", "mode", "redirect_permanent"),
					resource.TestCheckResourceAttr("data.carrierx_shortener_link.by_filter", "maximum_ttl", "604800"),
				),
			},
			{
				Config:      base + `data "carrierx_shortener_domain" "x" { filter = "domain_name eq \"nothing.example.net\"" }`,
				ExpectError: regexp.MustCompile(`(?s)Filter\s+must\s+match\s+exactly\s+one.*matched\s+0\s+shortener\s+domains`),
			},
			{
				Config:      base + `data "carrierx_shortener_domain" "x" { filter = "domain_name like \"single-%\"" }`,
				ExpectError: regexp.MustCompile(`(?s)matched\s+(2|more\s+than\s+one)\s+shortener\s+domains;\s+narrow\s+it,\s+or\s+use\s+the\s+carrierx_shortener_domains`),
			},
			{
				Config:      base + `data "carrierx_shortener_domain" "x" { domain_sid = "` + trunkGroupMissingSID + `" }`,
				ExpectError: regexp.MustCompile(`(?s)Shortener\s+domain\s+not\s+found.*No\s+shortener\s+domain\s+has\s+domain_sid\s+"` + trunkGroupMissingSID + `"`),
			},
			{
				Config:      base + `data "carrierx_shortener_domain" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Exactly\s+one\s+of\s+these\s+attributes\s+must\s+be\s+configured:\s+\[domain_sid,filter\]`),
			},
			{
				Config:      base + `data "carrierx_shortener_link" "x" { filter = "short_name eq \"nothing\"" }`,
				ExpectError: regexp.MustCompile(`(?s)Filter\s+must\s+match\s+exactly\s+one.*matched\s+0\s+shortener\s+links`),
			},
			{
				Config: base + `data "carrierx_shortener_link" "x" {
  filter = "domain_sid eq ${jsonencode(carrierx_shortener_domain.a.domain_sid)}"
}`,
				ExpectError: regexp.MustCompile(`(?s)matched\s+(2|more\s+than\s+one)\s+shortener\s+links;\s+narrow\s+it,\s+or\s+use\s+the\s+carrierx_shortener_links`),
			},
			{
				Config:      base + `data "carrierx_shortener_link" "x" { link_sid = "` + trunkGroupMissingSID + `" }`,
				ExpectError: regexp.MustCompile(`(?s)Shortener\s+link\s+not\s+found.*No\s+shortener\s+link\s+has\s+link_sid\s+"` + trunkGroupMissingSID + `"`),
			},
			{
				Config:      base + `data "carrierx_shortener_link" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Exactly\s+one\s+of\s+these\s+attributes\s+must\s+be\s+configured:\s+\[link_sid,filter\]`),
			},
			// Leave a valid configuration for the post-test destroy.
			{Config: base},
		},
	})
}
