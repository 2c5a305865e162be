package storage_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

func containers(e *acctest.Env) client.Collection[client.StorageContainer] {
	return client.Objects[client.StorageContainer](e.API, client.StorageContainerKind)
}

func files(e *acctest.Env) client.Collection[client.StorageFile] {
	return client.Objects[client.StorageFile](e.API, client.StorageFileKind)
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// writeFile writes data to name in dir and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// downloaded checks that the API serves exactly want for the file in state.
func downloaded(e *acctest.Env, res string, want []byte) func(*terraform.State) error {
	return func(s *terraform.State) error {
		sid, err := acctest.Attr(res, "file_sid")(s)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if _, err := e.API.DownloadStorageFile(context.Background(), sid, &buf); err != nil {
			return fmt.Errorf("download %s: %w", sid, err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			return fmt.Errorf("file %s holds %d bytes %q, want %d bytes %q", sid, buf.Len(), short(buf.Bytes()), len(want), short(want))
		}
		return nil
	}
}

func short(b []byte) []byte {
	if len(b) > 40 {
		return b[:40]
	}
	return b
}

// containerCount is the number of containers of the partner now.
func containerCount(t *testing.T, e *acctest.Env) int {
	t.Helper()
	cs, err := containers(e).List(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatalf("list containers: %v", err)
	}
	return len(cs)
}

// fileCount is the number of files of the partner now.
func fileCount(t *testing.T, e *acctest.Env) int {
	t.Helper()
	fs, err := files(e).List(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatalf("list files: %v", err)
	}
	return len(fs)
}

// createContainer creates a container through the public API and deletes
// it when the test ends.
func createContainer(t *testing.T, e *acctest.Env, body map[string]any) string {
	t.Helper()
	c, err := containers(e).Create(context.Background(), body)
	if err != nil {
		t.Fatalf("create container: %v", err)
	}
	t.Cleanup(func() { _ = containers(e).Delete(context.Background(), c.ContainerSID) })
	return c.ContainerSID
}

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
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_storage_container", "container_sid", acctest.Getter[client.StorageContainer](e, client.StorageContainerKind)),
		Steps: []resource.TestStep{
			acctest.ApplyStep(e.ClearRequestsIfEmulated, storageContainerConfig(e, "media", 50, ""), storageContainerRes, plancheck.ResourceActionCreate,
				resource.TestMatchResourceAttr(storageContainerRes, "container_sid", acctest.SIDRegexp),
				resource.TestMatchResourceAttr(storageContainerRes, "partner_sid", acctest.SIDRegexp),
				acctest.Expect(acctest.Want{storageContainerRes: {
					"name": "media", "quota_files": "50", "integer_key_1": "42",
					"blocked_classifications.0": "executable", "allowed_classifications.#": "0",
					"allow_publish": "true", "default_file_lifecycle_action": "no_action",
					"default_file_lifecycle_ttl": "-1", "default_file_publish": "file_sid",
					"quota_bytes": "1073741824", "type": "internal", "encrypted": "false",
					"durability_class": "unassigned", "publish_domain": "https://storage.carrierx.com",
					"available_bytes_percent": "100", "total_files": "0",
				}}),
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
			// A new file-count quota changes the share still free.
			acctest.QuietStep(e.ClearRequestsIfEmulated, storageContainerConfig(e, "media-2", 60, `string_key_1 = "tag"`), storageContainerRes,
				[]string{"name", "quota_files", "string_key_1", "available_files_percent"},
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
			acctest.QuietStep(nil, storageContainerConfig(e, "media-3", 60, `string_key_1 = "tag"`), storageContainerRes, []string{"name"},
				resource.TestCheckResourceAttr(storageContainerRes, "name", "media-3")),
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
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_storage_container", "container_sid", acctest.Getter[client.StorageContainer](e, client.StorageContainerKind)),
		Steps: acctest.DriftSteps(t, cfg, storageContainerRes, "container_sid", &sid,
			acctest.UpdateOutside[client.StorageContainer](e, client.StorageContainerKind, &sid, map[string]any{
				"name": "changed-outside", "quota_files": 99, "blocked_classifications": []string{}, "integer_key_1": 7,
			}),
			resource.ComposeTestCheckFunc(
				acctest.Expect(acctest.Want{storageContainerRes: {
					"name": "drift", "quota_files": "10", "blocked_classifications.0": "executable",
					"integer_key_1": "42",
				}}),
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
	e.Test(resource.TestCase{
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
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			acctest.ImportErrorStep(cfg, storageContainerRes, "nope", regexp.MustCompile(`"nope" is not a container SID`)),
			acctest.ImportErrorStep(cfg, storageContainerRes, "00000000-0000-4000-8000-000000000000", regexp.MustCompile(`Cannot import non-existent remote object`)),
		},
	})
}

const storageFileRes = "carrierx_storage_file.test"

// storageFileConfig is a container and a file whose content comes from
// contentAttr (for example `source = "/tmp/x"`).
func storageFileConfig(e *acctest.Env, contentAttr, extra string) string {
	return e.Config(fmt.Sprintf(`
resource "carrierx_storage_container" "c" {
  name = "files"
}
resource "carrierx_storage_file" "test" {
  container_sid = carrierx_storage_container.c.container_sid
  %s
  %s
}
`, contentAttr, extra))
}

// TestAccStorageFile_source is the proof: a file uploaded from
// source and changed on disk is replaced on the next apply; unchanged (or
// moved to another path with the same bytes) the plan is empty; the bytes
// round-trip through the API.
func TestAccStorageFile_source(t *testing.T) {
	e := acctest.New(t)
	dir := t.TempDir()
	v1 := []byte("RIFF\x00\x01binary greeting v1\xff\xfe")
	v2 := []byte("RIFF\x00\x02binary greeting v2, longer\xff")
	src := writeFile(t, dir, "greeting.wav", v1)
	cfg := func(p string) string {
		return storageFileConfig(e, fmt.Sprintf("source = %q", p), `lifecycle_ttl = 3600`)
	}
	var sid string
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_storage_file", "file_sid", acctest.Getter[client.StorageFile](e, client.StorageFileKind)),
		Steps: []resource.TestStep{
			acctest.ApplyStep(e.ClearRequestsIfEmulated, cfg(src), storageFileRes, plancheck.ResourceActionCreate,
				resource.TestMatchResourceAttr(storageFileRes, "file_sid", acctest.SIDRegexp),
				resource.TestCheckResourceAttr(storageFileRes, "content_sha256", sha256Hex(v1)),
				resource.TestCheckResourceAttr(storageFileRes, "file_bytes", fmt.Sprint(len(v1))),
				acctest.Expect(acctest.Want{storageFileRes: {
					"name": "greeting.wav", "lifecycle_ttl": "3600", "lifecycle_action": "no_action",
					"publish": "file_sid",
				}}),
				resource.TestCheckResourceAttrPair(storageFileRes, "container_sid", "carrierx_storage_container.c", "container_sid"),
				resource.TestCheckNoResourceAttr(storageFileRes, "source"),
				resource.TestCheckNoResourceAttr(storageFileRes, "content"),
				acctest.SaveAttr(storageFileRes, "file_sid", &sid),
				func(s *terraform.State) error {
					uri, _ := acctest.Attr(storageFileRes, "publish_uri")(s)
					if want := "https://storage.carrierx.com/f/" + sid; uri != want {
						return fmt.Errorf("publish_uri %q, want %q", uri, want)
					}
					if e.Live {
						return nil
					}
					return acctest.ExpectCalls(e.Requests(), map[string]int{"POST /core/v2/storage/files": 1})
				},
				downloaded(e, storageFileRes, v1),
			),
			{
				// Unchanged on disk: nothing to do.
				Config: cfg(src), PlanOnly: true,
			},
			{
				// The same bytes under another path: still nothing to do.
				Config: cfg(writeFile(t, dir, "copy.wav", v1)), PlanOnly: true,
			},
			// The import downloads the data to hash it, which CarrierX records.
			acctest.ImportStep(storageFileRes, "file_sid", "date_last_accessed"),
			acctest.ImportBlockStep(cfg(src), storageFileRes, "file_sid"),
			{
				// Changed on disk: the file is uploaded again.
				PreConfig:        func() { writeFile(t, dir, "greeting.wav", v2) },
				Config:           cfg(src),
				ConfigPlanChecks: acctest.Plans(storageFileRes, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(storageFileRes, "content_sha256", sha256Hex(v2)),
					resource.TestCheckResourceAttr(storageFileRes, "file_bytes", fmt.Sprint(len(v2))),
					acctest.NewAttr(storageFileRes, "file_sid", &sid),
					downloaded(e, storageFileRes, v2),
					func(*terraform.State) error {
						if _, err := files(e).Get(context.Background(), sid); err == nil {
							return fmt.Errorf("the old file %s still exists after the replacement", sid)
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccStorageFile_metadata updates metadata in place with one PATCH of
// only what changed, reverts drift, re-creates after an out-of-band delete,
// and replaces on a change of container or content.
func TestAccStorageFile_metadata(t *testing.T) {
	e := acctest.New(t)
	content := func(s string) string { return fmt.Sprintf("content = %q", s) }
	cfg := func(c, extra string) string { return storageFileConfig(e, c, extra) }
	const meta1 = "name = \"hold.txt\"\n  lifecycle_ttl = -1\n  string_key_1 = \"a\""
	const meta2 = "name = \"hold-music.txt\"\n  lifecycle_ttl = 86400\n  lifecycle_action = \"no_action\"\n  string_key_1 = \"a\"\n  integer_key_2 = 5"
	var sid string
	e.Test(resource.TestCase{
		CheckDestroy: e.CheckGone("carrierx_storage_file", "file_sid", acctest.Getter[client.StorageFile](e, client.StorageFileKind)),
		Steps: []resource.TestStep{
			{
				Config:           cfg(content("please hold"), meta1),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(storageFileRes, "name", "hold.txt"),
					resource.TestCheckResourceAttr(storageFileRes, "content_sha256", sha256Hex([]byte("please hold"))),
					acctest.SaveAttr(storageFileRes, "file_sid", &sid),
					downloaded(e, storageFileRes, []byte("please hold")),
				),
			},
			// A rename plans the name, and date_modified, which CarrierX sets on every update.
			acctest.QuietStep(e.ClearRequestsIfEmulated, cfg(content("please hold"), strings.Replace(meta1, "hold.txt", "hold-music.txt", 1)),
				storageFileRes, []string{"name", "date_modified"},
				resource.TestCheckResourceAttr(storageFileRes, "name", "hold-music.txt"),
				acctest.OnePatch(e, `{"name":"hold-music.txt"}`)),
			acctest.QuietStep(e.ClearRequestsIfEmulated, cfg(content("please hold"), meta2), storageFileRes,
				[]string{"lifecycle_ttl", "integer_key_2", "date_modified"},
				resource.TestCheckResourceAttr(storageFileRes, "name", "hold-music.txt"),
				resource.TestCheckResourceAttr(storageFileRes, "lifecycle_ttl", "86400"),
				resource.TestCheckResourceAttr(storageFileRes, "integer_key_2", "5"),
				acctest.SameAttr(storageFileRes, "file_sid", &sid),
				func(*terraform.State) error {
					if e.Live {
						return nil
					}
					reqs := e.Requests()
					if w := acctest.Writes(reqs); len(w) != 1 {
						return fmt.Errorf("%d writes, want one PATCH: %v", len(w), acctest.Summarize(reqs))
					}
					return acctest.ExpectBody(reqs, "PATCH", `{"integer_key_2":5,"lifecycle_ttl":86400}`)
				},
			),
			{
				// The same bytes from content_base64: nothing to do.
				Config:   cfg(fmt.Sprintf("content_base64 = %q", base64.StdEncoding.EncodeToString([]byte("please hold"))), meta2),
				PlanOnly: true,
			},
			acctest.QuietStep(acctest.Must(t, acctest.UpdateOutside[client.StorageFile](e, client.StorageFileKind, &sid,
				map[string]any{"name": "renamed", "lifecycle_ttl": 60, "string_key_1": nil})),
				cfg(content("please hold"), meta2), storageFileRes, []string{"name", "lifecycle_ttl", "string_key_1", "date_modified"},
				resource.TestCheckResourceAttr(storageFileRes, "name", "hold-music.txt"),
				resource.TestCheckResourceAttr(storageFileRes, "lifecycle_ttl", "86400"),
				resource.TestCheckResourceAttr(storageFileRes, "string_key_1", "a"),
			),
			acctest.ApplyStep(acctest.Must(t, acctest.DeleteOutside[client.StorageFile](e, client.StorageFileKind, &sid)),
				cfg(content("please hold"), meta2), storageFileRes, plancheck.ResourceActionCreate,
				acctest.NewAttr(storageFileRes, "file_sid", &sid),
				acctest.SaveAttr(storageFileRes, "file_sid", &sid),
			),
			// New content: replaced.
			acctest.ApplyStep(nil, cfg(content("please hold on"), meta2), storageFileRes, plancheck.ResourceActionDestroyBeforeCreate,
				acctest.NewAttr(storageFileRes, "file_sid", &sid),
				downloaded(e, storageFileRes, []byte("please hold on")),
			),
		},
	})
}

// TestAccStorageFile_invalidInput fails at plan time where the provider
// knows better and with CarrierX's message otherwise; nothing is left behind.
func TestAccStorageFile_invalidInput(t *testing.T) {
	e := acctest.New(t)
	cont := createContainer(t, e, map[string]any{"name": "bad-input"})
	res := func(body string) string {
		return e.Config(fmt.Sprintf("resource \"carrierx_storage_file\" \"test\" {\n  container_sid = %q\n%s\n}", cont, body))
	}
	noneLeft := func() {
		if n := fileCount(t, e); n != 0 {
			t.Fatalf("bad input left %d files behind", n)
		}
	}
	missing := filepath.Join(t.TempDir(), "nope.wav")
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      res(``),
				ExpectError: regexp.MustCompile(`(?s)Exactly one of these attributes must be configured:\s+\[source,content,content_base64\]`),
			},
			{
				Config:      res(`content = "a"` + "\n" + `content_base64 = "YQ=="`),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination.*Exactly one of these attributes must be\s+configured`),
			},
			{
				Config:      res(`content_base64 = "not base64!"`),
				ExpectError: regexp.MustCompile(`(?s)content_base64 is not valid base64`),
			},
			{
				Config:      res(fmt.Sprintf("source = %q", missing)),
				ExpectError: regexp.MustCompile(`(?s)Cannot read source file.*nope.wav"?\s+cannot\s+be\s+read.*must\s+exist`),
			},
			{
				Config:      res(`content = "a"` + "\n" + `desired_bitrate = 100`),
				ExpectError: regexp.MustCompile(`(?s)desired_bitrate.*value must be one of`),
			},
			{
				Config:      e.Config(`resource "carrierx_storage_file" "test" {` + "\n" + `container_sid = "c1"` + "\n" + `content = "a"` + "\n}"),
				ExpectError: regexp.MustCompile(`(?s)container_sid.*must be a container SID`),
			},
			{
				PreConfig:   noneLeft,
				Config:      e.Config(`resource "carrierx_storage_file" "test" {` + "\n" + `container_sid = "00000000-0000-4000-8000-000000000000"` + "\n" + `content = "a"` + "\n}"),
				ExpectError: regexp.MustCompile(`(?s)Unable to upload carrierx_storage_file.*container_sid`),
			},
		},
	})
	noneLeft()
}

// TestAccStorageFile_quota uploads more than the container allows: the
// apply fails with CarrierX's message and no file is left behind.
func TestAccStorageFile_quota(t *testing.T) {
	e := acctest.New(t)
	dir := t.TempDir()
	big := writeFile(t, dir, "big.bin", make([]byte, 4096))
	cfg := e.Config(fmt.Sprintf(`
resource "carrierx_storage_container" "small" {
  name        = "small"
  quota_bytes = 1024
  quota_files = 1
}
resource "carrierx_storage_file" "big" {
  container_sid = carrierx_storage_container.small.container_sid
  source        = %q
}
`, big))
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      cfg,
				ExpectError: regexp.MustCompile(`(?s)Unable to upload carrierx_storage_file.*quota`),
			},
			{
				PreConfig: func() {
					if n := fileCount(t, e); n != 0 {
						t.Fatalf("a refused upload left %d files behind", n)
					}
					_ = os.WriteFile(big, make([]byte, 512), 0o600)
				},
				// Within the byte quota it works; a second file exceeds quota_files.
				Config: cfg,
				Check:  resource.TestCheckResourceAttr("carrierx_storage_file.big", "file_bytes", "512"),
			},
			{
				Config: cfg + `
resource "carrierx_storage_file" "second" {
  container_sid = carrierx_storage_container.small.container_sid
  content       = "x"
}
`,
				ExpectError: regexp.MustCompile(`(?s)Unable to upload carrierx_storage_file.*quota`),
			},
			{Config: cfg},
		},
	})
	if n := fileCount(t, e); n != 0 {
		t.Fatalf("%d files left after destroy", n)
	}
}

// TestAccStorageFile_importErrors rejects malformed and unknown import IDs.
func TestAccStorageFile_importErrors(t *testing.T) {
	e := acctest.New(t)
	cfg := storageFileConfig(e, `content = "x"`, "")
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			acctest.ImportErrorStep(cfg, storageFileRes, "nope", regexp.MustCompile(`"nope" is not a file SID`)),
		},
	})
}

// TestAccStorageFile_contentNotLogged uploads, imports (download) and
// replaces a file with trace logging on: the bytes never reach the log,
// their sizes do.
func TestAccStorageFile_contentNotLogged(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	dir := t.TempDir()
	logPath := filepath.Join(dir, "trace.log")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("TF_ACC_LOG", "TRACE")
	t.Setenv("TF_LOG_SDK_PROTO", "TRACE")
	const marker = "Confidential-Prompt-Bytes-7f3a"
	src := writeFile(t, dir, "prompt.txt", []byte(marker+" v1"))
	cfg := storageFileConfig(e, fmt.Sprintf("source = %q", src), "")
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{Config: cfg},
			acctest.ImportStep(storageFileRes, "file_sid", "date_last_accessed"),
			{PreConfig: func() { writeFile(t, dir, "prompt.txt", []byte(marker+" v2")) }, Config: cfg},
		},
	})
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(raw)
	if !strings.Contains(log, "/storage/files") || !strings.Contains(log, "upload_bytes") || !strings.Contains(log, "response_bytes") {
		t.Fatalf("the trace log (%d bytes) has no storage request or size lines; the test would prove nothing", len(log))
	}
	if strings.Contains(log, marker) {
		t.Fatal("the trace log contains the file's content")
	}
}
