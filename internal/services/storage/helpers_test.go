package storage_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

func containers(e *acctest.Env) client.Collection[client.StorageContainer, *client.StorageContainer] {
	return client.Objects[client.StorageContainer](e.API, client.StorageContainerKind)
}

func files(e *acctest.Env) client.Collection[client.StorageFile, *client.StorageFile] {
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
