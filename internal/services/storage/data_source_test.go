package storage_test

import (
	"net/http"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccStorageDataSources reads containers by SID, by a filter matching
// one, and as a filtered, ordered list; 0 and >1 matches are clear errors;
// files are listed per container and ordered.
func TestAccStorageDataSources(t *testing.T) {
	e := acctest.New(t)
	if !e.Live {
		// Two containers beside the default one CarrierX creates with every
		// partner (CarrierX docs, Core API, Storage): more than the limit of two.
		e.Control(http.MethodPost, "/partners/"+e.PartnerOwnSID(t)+"/limits", map[string]any{"containers": 3}, nil)
	}
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
	container := acctest.Lookup{Type: "carrierx_storage_container", Noun: "storage container", SIDAttr: "container_sid"}
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(keep,
			container.Labelled("by_sid", "container_sid = carrierx_storage_container.c[1].container_sid",
				"depends_on = [carrierx_storage_file.other]")+
				container.Labelled("by_filter", `filter = "name eq \"ds-a\""`, "depends_on = [carrierx_storage_container.c, carrierx_storage_file.f]")+
				acctest.Data("carrierx_storage_containers", "ds", `filter = "string_key_1 eq \"ds\""`, `order = "name desc"`,
					"depends_on = [carrierx_storage_container.c]")+
				acctest.Data("carrierx_storage_files", "a", "container_sid = carrierx_storage_container.c[0].container_sid",
					`order = "name desc"`, "depends_on = [carrierx_storage_file.f, carrierx_storage_file.other]")+
				acctest.Data("carrierx_storage_files", "filtered", `filter = "name eq \"other.txt\""`,
					"depends_on = [carrierx_storage_file.f, carrierx_storage_file.other]"),
			resource.ComposeAggregateTestCheckFunc(
				acctest.Expect(acctest.Want{
					"data.carrierx_storage_container.by_sid":    {"name": "ds-b", "total_files": "1"},
					"data.carrierx_storage_container.by_filter": {"total_files": "3"},
					"data.carrierx_storage_containers.ds":       {"containers.#": "2", "containers.0.name": "ds-b", "containers.1.name": "ds-a"},
					"data.carrierx_storage_files.a":             {"files.#": "3", "files.0.name": "f-2.txt", "files.2.name": "f-0.txt"},
					"data.carrierx_storage_files.filtered":      {"files.#": "1"},
				}),
				acctest.Paired(acctest.Want{
					"data.carrierx_storage_container.by_sid":    {"container_sid": "carrierx_storage_container.c.1"},
					"data.carrierx_storage_container.by_filter": {"container_sid": "carrierx_storage_container.c.0"},
					"data.carrierx_storage_files.a":             {"files.2.file_sid": "carrierx_storage_file.f.0", "files.2.publish_uri": "carrierx_storage_file.f.0"},
					"data.carrierx_storage_files.filtered":      {"files.0.container_sid": "carrierx_storage_container.c.1"},
				}),
			),
			append(container.Errors(`"name eq \"nothing\""`, `"string_key_1 eq \"ds\""`),
				acctest.ErrorCase{Config: `data "carrierx_storage_files" "x" { filter = "name eq" }`,
					Want: acctest.ListFilterError("storage files")})...),
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
	e := acctest.New(t)
	base := e.Config(storageFileSingleConfig)
	file := acctest.Lookup{Type: "carrierx_storage_file", Noun: "storage file", SIDAttr: "file_sid"}
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(base,
			file.Labelled("by_sid", "file_sid = carrierx_storage_file.a.file_sid")+
				file.Labelled("by_filter", `filter = "name eq \"single-b.txt\""`, "depends_on = [carrierx_storage_file.a, carrierx_storage_file.b]"),
			resource.ComposeAggregateTestCheckFunc(
				acctest.DataSourceMatches("data.carrierx_storage_file.by_sid", "carrierx_storage_file.a", "carrierx_storage_file"),
				acctest.DataSourceMatches("data.carrierx_storage_file.by_filter", "carrierx_storage_file.b", "carrierx_storage_file"),
				resource.TestMatchResourceAttr("data.carrierx_storage_file.by_sid", "file_sid", acctest.SIDRegexp),
				acctest.Expect(acctest.Want{
					"data.carrierx_storage_file.by_sid":    {"integer_key_1": "7"},
					"data.carrierx_storage_file.by_filter": {"name": "single-b.txt"},
				}),
				acctest.Paired(acctest.Want{"data.carrierx_storage_file.by_filter": {"container_sid": "carrierx_storage_container.c"}}),
			),
			file.Errors(`"name eq \"nothing-has-this-name\""`, `"string_key_1 eq \"single\""`)...),
	})
}
