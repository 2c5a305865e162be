package provider

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Helpers for the storage and URL shortener tests.

// storageAttr reads one attribute of a resource from state.
func storageAttr(res, attr string) func(*terraform.State) (string, error) {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[res]
		if !ok {
			return "", fmt.Errorf("%s not in state", res)
		}
		v, ok := rs.Primary.Attributes[attr]
		if !ok || v == "" {
			return "", fmt.Errorf("%s has no %s in state", res, attr)
		}
		return v, nil
	}
}

// storageSave stores an attribute of res into *dst.
func storageSave(res, attr string, dst *string) func(*terraform.State) error {
	return func(s *terraform.State) (err error) {
		*dst, err = storageAttr(res, attr)(s)
		return err
	}
}

// storageSame fails when the attribute is no longer *want (replaced), or,
// with differ, when it still is (not replaced).
func storageSame(res, attr string, want *string, differ bool) func(*terraform.State) error {
	return func(s *terraform.State) error {
		got, err := storageAttr(res, attr)(s)
		switch {
		case err != nil:
			return err
		case !differ && got != *want:
			return fmt.Errorf("%s %s changed from %s to %s: replaced instead of updated", res, attr, *want, got)
		case differ && got == *want:
			return fmt.Errorf("%s %s is still %s: not replaced", res, attr, got)
		}
		return nil
	}
}

func storageSHA256(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// storageWriteFile writes data to name in dir and returns the path.
func storageWriteFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// storageDownloaded checks that the API serves exactly want for the file in state.
func (e *accEnv) storageDownloaded(res string, want []byte) func(*terraform.State) error {
	return func(s *terraform.State) error {
		sid, err := storageAttr(res, "file_sid")(s)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if _, err := e.api.DownloadStorageFile(context.Background(), sid, &buf); err != nil {
			return fmt.Errorf("download %s: %w", sid, err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			return fmt.Errorf("file %s holds %d bytes %q, want %d bytes %q", sid, buf.Len(), storageShort(buf.Bytes()), len(want), storageShort(want))
		}
		return nil
	}
}

func storageShort(b []byte) []byte {
	if len(b) > 40 {
		return b[:40]
	}
	return b
}

func (e *accEnv) storageContainerGet(ctx context.Context, sid string) error {
	_, err := e.api.GetStorageContainer(ctx, sid)
	return err
}

func (e *accEnv) storageFileGet(ctx context.Context, sid string) error {
	_, err := e.api.GetStorageFile(ctx, sid)
	return err
}

func (e *accEnv) shortenerDomainGet(ctx context.Context, sid string) error {
	_, err := e.api.GetShortenerDomain(ctx, sid)
	return err
}

func (e *accEnv) shortenerLinkGet(ctx context.Context, sid string) error {
	_, err := e.api.GetShortenerLink(ctx, sid)
	return err
}

// storageContainerCount is the number of containers of the partner now.
func (e *accEnv) storageContainerCount(t *testing.T) int {
	t.Helper()
	cs, err := e.api.ListStorageContainers(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatalf("list containers: %v", err)
	}
	return len(cs)
}

// storageFileCount is the number of files of the partner now.
func (e *accEnv) storageFileCount(t *testing.T) int {
	t.Helper()
	fs, err := e.api.ListStorageFiles(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatalf("list files: %v", err)
	}
	return len(fs)
}

// storageCreateContainer creates a container through the public API and
// deletes it when the test ends.
func storageCreateContainer(t *testing.T, e *accEnv, body map[string]any) string {
	t.Helper()
	c, err := e.api.CreateStorageContainer(context.Background(), body)
	if err != nil {
		t.Fatalf("create container: %v", err)
	}
	t.Cleanup(func() { _ = e.api.DeleteStorageContainer(context.Background(), c.ContainerSID) })
	return c.ContainerSID
}

// storageWrites returns the logged requests that are not GETs.
func storageWrites(reqs []loggedRequest) []loggedRequest {
	var out []loggedRequest
	for _, r := range reqs {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}
