package storage_test

import (
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccStorageDataSources reads containers by SID, by a filter matching
// one, and as a filtered, ordered list; 0 and >1 matches are clear errors;
// files are listed per container and ordered.
func TestAccStorageDataSources(t *testing.T) {
	e := acctest.New(t)
	keep := e.Config(`
resource "carrierx_storage_container" "c" {
  count        = 2
  name         = "ds-${["a", "b"][count.index]}"
  string_key_1 = "ds"
}
resource "carrierx_storage_file" "f" {
  count         = 3
  container_sid = carrierx_storage_container.c[0].container_sid
  name          = "f-${count.index}.txt"
  content       = "file ${count.index}"
}
resource "carrierx_storage_file" "other" {
  container_sid = carrierx_storage_container.c[1].container_sid
  name          = "other.txt"
  content       = "other"
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: append([]resource.TestStep{
			{
				Config: keep + `
data "carrierx_storage_container" "by_sid" {
  container_sid = carrierx_storage_container.c[1].container_sid
  depends_on    = [carrierx_storage_file.other]
}
data "carrierx_storage_container" "by_filter" {
  filter     = "name eq \"ds-a\""
  depends_on = [carrierx_storage_container.c, carrierx_storage_file.f]
}
data "carrierx_storage_containers" "ds" {
  filter     = "string_key_1 eq \"ds\""
  order      = "name desc"
  depends_on = [carrierx_storage_container.c]
}
data "carrierx_storage_files" "a" {
  container_sid = carrierx_storage_container.c[0].container_sid
  order         = "name desc"
  depends_on    = [carrierx_storage_file.f, carrierx_storage_file.other]
}
data "carrierx_storage_files" "filtered" {
  filter     = "name eq \"other.txt\""
  depends_on = [carrierx_storage_file.f, carrierx_storage_file.other]
}
`,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.carrierx_storage_container.by_sid", "container_sid", "carrierx_storage_container.c.1", "container_sid"),
					resource.TestCheckResourceAttr("data.carrierx_storage_container.by_sid", "name", "ds-b"),
					resource.TestCheckResourceAttr("data.carrierx_storage_container.by_sid", "total_files", "1"),
					resource.TestCheckResourceAttrPair("data.carrierx_storage_container.by_filter", "container_sid", "carrierx_storage_container.c.0", "container_sid"),
					resource.TestCheckResourceAttr("data.carrierx_storage_container.by_filter", "total_files", "3"),
					resource.TestCheckResourceAttr("data.carrierx_storage_containers.ds", "containers.#", "2"),
					resource.TestCheckResourceAttr("data.carrierx_storage_containers.ds", "containers.0.name", "ds-b"),
					resource.TestCheckResourceAttr("data.carrierx_storage_containers.ds", "containers.1.name", "ds-a"),
					resource.TestCheckResourceAttr("data.carrierx_storage_files.a", "files.#", "3"),
					resource.TestCheckResourceAttr("data.carrierx_storage_files.a", "files.0.name", "f-2.txt"),
					resource.TestCheckResourceAttr("data.carrierx_storage_files.a", "files.2.name", "f-0.txt"),
					resource.TestCheckResourceAttrPair("data.carrierx_storage_files.a", "files.2.file_sid", "carrierx_storage_file.f.0", "file_sid"),
					resource.TestCheckResourceAttrPair("data.carrierx_storage_files.a", "files.2.publish_uri", "carrierx_storage_file.f.0", "publish_uri"),
					resource.TestCheckResourceAttr("data.carrierx_storage_files.filtered", "files.#", "1"),
					resource.TestCheckResourceAttrPair("data.carrierx_storage_files.filtered", "files.0.container_sid", "carrierx_storage_container.c.1", "container_sid"),
				),
			},
		}, acctest.ErrorSteps(keep,
			acctest.ErrorCase{Config: `data "carrierx_storage_container" "x" { filter = "string_key_1 eq \"ds\"" }`,
				Want: `(?s)matched (2|more than one) storage\s+containers`},
			acctest.ErrorCase{Config: `data "carrierx_storage_container" "x" { filter = "name eq \"nothing\"" }`,
				Want: `(?s)matched 0 storage containers`},
			acctest.ErrorCase{Config: `data "carrierx_storage_container" "x" { container_sid = "00000000-0000-4000-8000-000000000000" }`,
				Want: `(?s)No storage container has container_sid\s+"00000000-0000-4000-8000-000000000000"`},
			acctest.ErrorCase{Config: `data "carrierx_storage_container" "x" {}`,
				Want: `(?s)Exactly one of these attributes must be configured:\s+\[container_sid,filter\]`},
			acctest.ErrorCase{Config: `data "carrierx_storage_files" "x" { filter = "name eq" }`,
				Want: acctest.ListFilterError("storage files")},
		)...),
	})
}
