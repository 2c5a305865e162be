package storage_test

import (
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

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
	e := acctest.New(t)
	base := e.Config(storageFileSingleConfig)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: append([]resource.TestStep{
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
					acctest.DataSourceMatches("data.carrierx_storage_file.by_sid", "carrierx_storage_file.a", "carrierx_storage_file"),
					acctest.DataSourceMatches("data.carrierx_storage_file.by_filter", "carrierx_storage_file.b", "carrierx_storage_file"),
					resource.TestMatchResourceAttr("data.carrierx_storage_file.by_sid", "file_sid", acctest.SIDRegexp),
					resource.TestCheckResourceAttr("data.carrierx_storage_file.by_sid", "integer_key_1", "7"),
					resource.TestCheckResourceAttr("data.carrierx_storage_file.by_filter", "name", "single-b.txt"),
					resource.TestCheckResourceAttrPair("data.carrierx_storage_file.by_filter", "container_sid", "carrierx_storage_container.c", "container_sid"),
				),
			},
		}, acctest.ErrorSteps(base, acctest.Lookup{Type: "carrierx_storage_file", Noun: "storage file", SIDAttr: "file_sid"}.
			Errors(`"name eq \"nothing-has-this-name\""`, `"string_key_1 eq \"single\""`)...)...),
	})
}
