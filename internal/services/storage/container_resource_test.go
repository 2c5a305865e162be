package storage_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

const storageContainerRes = "carrierx_storage_container.test"

func storageContainerConfig(e *acctest.Env, name string, quotaFiles int, extra string) string {
	return e.Config(fmt.Sprintf(`
resource "carrierx_storage_container" "test" {
  name                    = %q
  quota_files             = %d
  blocked_classifications = ["executable"]
  integer_key_1           = "42"
  %s
}
`, name, quotaFiles, extra))
}

// TestAccStorageContainer_lifecycle covers create, import, update in place
// (one PATCH with only what changed), replace and destroy.
func TestAccStorageContainer_lifecycle(t *testing.T) {
	e := acctest.New(t)
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		CheckDestroy:             e.CheckGone("carrierx_storage_container", "container_sid", acctest.Getter[client.StorageContainer](e, client.StorageContainerKind)),
		Steps: []resource.TestStep{
			acctest.ApplyStep(e.ClearRequestsIfEmulated, storageContainerConfig(e, "media", 50, ""), storageContainerRes, plancheck.ResourceActionCreate,
				resource.TestMatchResourceAttr(storageContainerRes, "container_sid", acctest.SIDRegexp),
				resource.TestMatchResourceAttr(storageContainerRes, "partner_sid", acctest.SIDRegexp),
				resource.TestCheckResourceAttr(storageContainerRes, "name", "media"),
				resource.TestCheckResourceAttr(storageContainerRes, "quota_files", "50"),
				resource.TestCheckResourceAttr(storageContainerRes, "integer_key_1", "42"),
				resource.TestCheckResourceAttr(storageContainerRes, "blocked_classifications.0", "executable"),
				resource.TestCheckResourceAttr(storageContainerRes, "allowed_classifications.#", "0"),
				resource.TestCheckResourceAttr(storageContainerRes, "allow_publish", "true"),
				resource.TestCheckResourceAttr(storageContainerRes, "default_file_lifecycle_action", "no_action"),
				resource.TestCheckResourceAttr(storageContainerRes, "default_file_lifecycle_ttl", "-1"),
				resource.TestCheckResourceAttr(storageContainerRes, "default_file_publish", "file_sid"),
				resource.TestCheckResourceAttr(storageContainerRes, "quota_bytes", "1073741824"),
				resource.TestCheckResourceAttr(storageContainerRes, "type", "internal"),
				resource.TestCheckResourceAttr(storageContainerRes, "encrypted", "false"),
				resource.TestCheckResourceAttr(storageContainerRes, "durability_class", "unassigned"),
				resource.TestCheckResourceAttr(storageContainerRes, "publish_domain", "https://storage.carrierx.com"),
				resource.TestCheckResourceAttr(storageContainerRes, "available_bytes_percent", "100"),
				resource.TestCheckResourceAttr(storageContainerRes, "total_files", "0"),
				resource.TestCheckNoResourceAttr(storageContainerRes, "string_key_1"),
				acctest.SaveAttr(storageContainerRes, "container_sid", &sid),
				func(*terraform.State) error {
					if e.Live {
						return nil
					}
					return acctest.ExpectCalls(e.Requests(), map[string]int{"POST /core/v2/storage/containers": 1, "GET /core/v2/storage/containers/" + sid: 0})
				},
			),
			acctest.ImportStep(storageContainerRes, "container_sid"),
			acctest.ImportBlockStep(storageContainerConfig(e, "media", 50, ""), storageContainerRes, "container_sid"),
			acctest.ApplyStep(e.ClearRequestsIfEmulated, storageContainerConfig(e, "media-2", 60, `string_key_1 = "tag"`), storageContainerRes, plancheck.ResourceActionUpdate,
				resource.TestCheckResourceAttr(storageContainerRes, "name", "media-2"),
				resource.TestCheckResourceAttr(storageContainerRes, "quota_files", "60"),
				resource.TestCheckResourceAttr(storageContainerRes, "string_key_1", "tag"),
				acctest.SameAttr(storageContainerRes, "container_sid", &sid),
				func(*terraform.State) error {
					if e.Live {
						return nil
					}
					reqs := e.Requests()
					if err := acctest.ExpectCalls(reqs, map[string]int{"PATCH /core/v2/storage/containers/" + sid: 1}); err != nil {
						return err
					}
					if w := acctest.Writes(reqs); len(w) != 1 {
						return fmt.Errorf("%d writes, want the one PATCH: %v", len(w), acctest.Summarize(reqs))
					}
					return acctest.ExpectBody(reqs, "PATCH", `{"name":"media-2","quota_files":60,"string_key_1":"tag"}`)
				},
			),
			// encrypted is set only on create: a change replaces the container.
			acctest.ApplyStep(nil, storageContainerConfig(e, "media-2", 60, `string_key_1 = "tag"`+"\n  encrypted = true"), storageContainerRes, plancheck.ResourceActionDestroyBeforeCreate,
				resource.TestCheckResourceAttr(storageContainerRes, "encrypted", "true"),
				acctest.NewAttr(storageContainerRes, "container_sid", &sid),
			),
		},
	})
}

// TestAccStorageContainer_drift changes and deletes the container behind
// Terraform's back; the next plan shows both and the apply reverts them.
func TestAccStorageContainer_drift(t *testing.T) {
	e := acctest.New(t)
	var sid string
	cfg := storageContainerConfig(e, "drift", 10, "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		CheckDestroy:             e.CheckGone("carrierx_storage_container", "container_sid", acctest.Getter[client.StorageContainer](e, client.StorageContainerKind)),
		Steps: acctest.DriftSteps(t, cfg, storageContainerRes, "container_sid", &sid,
			acctest.UpdateOutside[client.StorageContainer](e, client.StorageContainerKind, &sid, map[string]any{
				"name": "changed-outside", "quota_files": 99, "blocked_classifications": []string{}, "integer_key_1": 7,
			}),
			resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(storageContainerRes, "name", "drift"),
				resource.TestCheckResourceAttr(storageContainerRes, "quota_files", "10"),
				resource.TestCheckResourceAttr(storageContainerRes, "blocked_classifications.0", "executable"),
				resource.TestCheckResourceAttr(storageContainerRes, "integer_key_1", "42"),
				acctest.SameAttr(storageContainerRes, "container_sid", &sid),
			),
			acctest.DeleteOutside[client.StorageContainer](e, client.StorageContainerKind, &sid)),
	})
}

// TestAccStorageContainer_invalidInput fails at plan time where the schema
// knows better, with CarrierX's message otherwise, and leaves nothing behind.
func TestAccStorageContainer_invalidInput(t *testing.T) {
	e := acctest.New(t)
	before := containerCount(t, e)
	res := func(body string) string {
		return e.Config("resource \"carrierx_storage_container\" \"test\" {\n" + body + "\n}")
	}
	noneLeft := func() {
		if n := containerCount(t, e); n != before {
			t.Fatalf("bad input left %d containers behind", n-before)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
			{
				Config:      res(`allowed_classifications = ["video"]`),
				ExpectError: regexp.MustCompile(`(?s)allowed_classifications\[0\].*value must be one of:.*"archive"`),
			},
			{
				Config:      res(`blocked_classifications = ["media", "media"]`),
				ExpectError: regexp.MustCompile(`(?s)blocked_classifications.*duplicate`),
			},
			{
				Config:      res(`parent_container_sid = "not-a-sid"`),
				ExpectError: regexp.MustCompile(`(?s)parent_container_sid.*must\s+be\s+a\s+container\s+SID`),
			},
			{
				Config:      res(`quota_files = "many"`),
				ExpectError: regexp.MustCompile(`(?s)quota_files.*a number is required`),
			},
			{
				PreConfig:   noneLeft,
				Config:      res(`parent_container_sid = "00000000-0000-4000-8000-000000000000"`),
				ExpectError: regexp.MustCompile(`(?s)Unable to create carrierx_storage_container.*parent_container_sid`),
			},
		},
	})
	noneLeft()
}

// TestAccStorageContainer_importErrors rejects malformed and unknown import IDs.
func TestAccStorageContainer_importErrors(t *testing.T) {
	e := acctest.New(t)
	cfg := e.Config(`resource "carrierx_storage_container" "test" {}`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: e.Providers(),
		Steps: []resource.TestStep{
			acctest.ImportErrorStep(cfg, storageContainerRes, "nope", regexp.MustCompile(`"nope" is not a container SID`)),
			acctest.ImportErrorStep(cfg, storageContainerRes, "00000000-0000-4000-8000-000000000000", regexp.MustCompile(`Cannot import non-existent remote object`)),
		},
	})
}
