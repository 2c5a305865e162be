package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

const storageContainerSample = `{"allow_publish": true, "allowed_classifications": [], "available_bytes_percent": 100, "available_files_percent": 100, "blocked_classifications": ["executable"], "container_sid": "11111111-aaaa-4bbb-8ccc-000000000001", "default_file_lifecycle_action": "no_action", "default_file_lifecycle_ttl": -1, "default_file_publish": "file_sid", "default_file_threshold_include": true, "default_file_unique": false, "durability_class": "unassigned", "encrypted": false, "external_attributes": {}, "integer_key_1": 39984, "integer_key_2": null, "name": "N/A", "parent_container_sid": null, "partner_sid": "22222222-aaaa-4bbb-8ccc-000000000002", "publish_domain": "https://storage.carrierx.com", "quota_bytes": 1073741824, "quota_files": 100, "string_key_1": null, "string_key_2": null, "string_key_3": null, "string_key_4": "x", "threshold_action": null, "threshold_available_bytes_percent": null, "threshold_available_files_percent": null, "threshold_bytes": null, "threshold_bytes_target": null, "threshold_files": null, "threshold_files_target": null, "threshold_grace_period": 0, "threshold_total_bytes": 0, "threshold_total_files": 0, "total_bytes": 0, "total_files": 0, "type": "internal", "unique": false, "new_field": 1}`

const storageFileSample = `{"container_sid": "11111111-aaaa-4bbb-8ccc-000000000001", "content_classification": "media", "content_duration": 1.5, "content_format": "mp3", "content_transcoding_progress": null, "date_last_accessed": null, "date_modified": "2025-01-01T00:00:00.000Z", "desired_bitrate": null, "desired_format": null, "file_access_name": "33333333-aaaa-4bbb-8ccc-000000000003.mp3", "file_bytes": 11, "file_sid": "33333333-aaaa-4bbb-8ccc-000000000003", "integer_key_1": null, "integer_key_2": null, "lifecycle_action": "no_action", "lifecycle_ttl": -1, "mime_type": "audio/mpeg", "name": "greeting.mp3", "parent_file_sid": null, "partner_sid": "22222222-aaaa-4bbb-8ccc-000000000002", "publish": "file_sid", "publish_uri": "https://storage.carrierx.com/f/33333333-aaaa-4bbb-8ccc-000000000003", "string_key_1": null, "string_key_2": null, "string_key_3": null, "string_key_4": null, "threshold_include": true, "type": "file", "unique": false}`

func TestStorageContainerCRUD(t *testing.T) {
	const sid = "11111111-aaaa-4bbb-8ccc-000000000001"
	p := "/core/v2/storage/containers"
	rec := &didGroupRecorder{answers: map[string]string{
		"POST " + p:               storageContainerSample,
		"GET " + p + "/" + sid:    storageContainerSample,
		"PATCH " + p + "/" + sid:  strings.Replace(storageContainerSample, `"quota_files": 100`, `"quota_files": 5`, 1),
		"DELETE " + p + "/" + sid: "",
		"GET " + p:                `{"count":1,"has_more":false,"items":[` + storageContainerSample + `],"limit":1000,"offset":0,"pagination":{},"total":1}`,
	}}
	c, _ := newTestClient(t, newServer(t, rec.handler(t)).URL, nil)
	ctx := context.Background()
	sc, err := Objects[StorageContainer](c, StorageContainerKind).Create(ctx, nil)
	if err != nil || sc.ContainerSID != sid || *sc.QuotaBytes != 1073741824 || *sc.IntegerKey1 != 39984 || sc.IntegerKey2 != nil ||
		*sc.StringKey4 != "x" || len(sc.BlockedClassifications) != 1 || *sc.Type != "internal" || *sc.DefaultFileLifecycleTTL != -1 {
		t.Fatalf("CreateStorageContainer = %+v, %v", sc, err)
	}
	if _, err := Objects[StorageContainer](c, StorageContainerKind).Get(ctx, sid); err != nil {
		t.Fatal(err)
	}
	if sc, err = Objects[StorageContainer](c, StorageContainerKind).Update(ctx, sid, map[string]any{"quota_files": 5}); err != nil || *sc.QuotaFiles != 5 {
		t.Fatalf("UpdateStorageContainer = %+v, %v", sc, err)
	}
	if err := Objects[StorageContainer](c, StorageContainerKind).Delete(ctx, sid); err != nil {
		t.Fatal(err)
	}
	if all, err := Objects[StorageContainer](c, StorageContainerKind).List(ctx, ListOptions{Order: "name desc"}); err != nil || len(all) != 1 {
		t.Fatalf("ListStorageContainers = %+v, %v", all, err)
	}
	if _, err := Objects[StorageContainer](c, StorageContainerKind).Get(ctx, "gone"); !IsNotFound(err) {
		t.Fatalf("GetStorageContainer unknown = %v, want a 404", err)
	}
	want := strings.Join([]string{
		"POST " + p + " {}",
		"GET " + p + "/" + sid,
		"PATCH " + p + "/" + sid + ` {"quota_files":5}`,
		"DELETE " + p + "/" + sid,
		"GET " + p + `?limit=1000&offset=0&order=name+desc`,
		"GET " + p + "/gone",
		"GET " + p + `?filter=container_sid+eq+%22gone%22&include_fields=container_sid&limit=1&offset=0`,
	}, "\n")
	if got := rec.all(); got != want {
		t.Fatalf("requests:\n%s\nwant:\n%s", got, want)
	}
}

func TestStorageFileMetadataCRUD(t *testing.T) {
	const sid = "33333333-aaaa-4bbb-8ccc-000000000003"
	p := "/core/v2/storage/files"
	rec := &didGroupRecorder{answers: map[string]string{
		"GET " + p + "/" + sid:    storageFileSample,
		"PATCH " + p + "/" + sid:  strings.Replace(storageFileSample, `"lifecycle_ttl": -1`, `"lifecycle_ttl": 3600`, 1),
		"DELETE " + p + "/" + sid: "",
		"GET " + p:                `{"count":1,"has_more":false,"items":[` + storageFileSample + `],"limit":1000,"offset":0,"pagination":{},"total":1}`,
	}}
	c, _ := newTestClient(t, newServer(t, rec.handler(t)).URL, nil)
	ctx := context.Background()
	f, err := Objects[StorageFile](c, StorageFileKind).Get(ctx, sid)
	if err != nil || f.FileSID != sid || *f.ContentDuration != 1.5 || *f.FileBytes != 11 || f.DateLastAccessed != nil ||
		*f.PublishURI != "https://storage.carrierx.com/f/"+sid || *f.ThresholdInclude != true {
		t.Fatalf("GetStorageFile = %+v, %v", f, err)
	}
	if f, err = Objects[StorageFile](c, StorageFileKind).Update(ctx, sid, map[string]any{"lifecycle_ttl": 3600}); err != nil || *f.LifecycleTTL != 3600 {
		t.Fatalf("UpdateStorageFile = %+v, %v", f, err)
	}
	if err := Objects[StorageFile](c, StorageFileKind).Delete(ctx, sid); err != nil {
		t.Fatal(err)
	}
	if all, err := Objects[StorageFile](c, StorageFileKind).List(ctx, ListOptions{Filter: Eq("container_sid", "c").String()}); err != nil || len(all) != 1 {
		t.Fatalf("ListStorageFiles = %+v, %v", all, err)
	}
	want := strings.Join([]string{
		"GET " + p + "/" + sid,
		"PATCH " + p + "/" + sid + ` {"lifecycle_ttl":3600}`,
		"DELETE " + p + "/" + sid,
		"GET " + p + `?filter=container_sid+eq+%22c%22&limit=1000&offset=0`,
	}, "\n")
	if got := rec.all(); got != want {
		t.Fatalf("requests:\n%s\nwant:\n%s", got, want)
	}
}

// storageUploadServer answers uploads like the API: it parses the multipart
// body and records the parts; the first fail answers get the given status.
type storageUploadServer struct {
	mu       sync.Mutex
	fail     int
	status   int
	attempts int
	objects  []string
	data     [][]byte
	names    []string
	types    []string
	ctype    string
}

func (s *storageUploadServer) handler(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if r.Header.Get("Authorization") != "Bearer "+testToken {
			writeJSON(w, 401, `{"message":"Bad credentials","errors":[]}`)
			return
		}
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/core/v2/storage/files":
			s.attempts++
			s.ctype = r.Header.Get("Content-Type")
			if r.ContentLength <= 0 {
				t.Errorf("upload without Content-Length")
			}
			if err := r.ParseMultipartForm(1 << 20); err != nil {
				t.Errorf("ParseMultipartForm: %v", err)
				writeJSON(w, 400, `{"message":"Bad Request","errors":[]}`)
				return
			}
			if s.attempts <= s.fail {
				w.Header().Set("Retry-After", "0")
				writeJSON(w, s.status, `{"message":"Too Many Requests","errors":[]}`)
				return
			}
			s.objects = append(s.objects, r.FormValue("file_object"))
			fh := r.MultipartForm.File["data"][0]
			f, _ := fh.Open()
			b, _ := io.ReadAll(f)
			s.data = append(s.data, b)
			s.names = append(s.names, fh.Filename)
			s.types = append(s.types, fh.Header.Get("Content-Type"))
			writeJSON(w, http.StatusCreated, storageFileSample)
		case r.Method == http.MethodPost && r.URL.Path == "/core/v2/storage/quota":
			writeJSON(w, 422, `{"message":"object validation error","errors":[{"field":"quota_bytes","message":"container quota exceeded","reference_sid":"11111111-aaaa-4bbb-8ccc-000000000001"}]}`)
		case r.Method == http.MethodGet && r.URL.Path == "/core/v2/storage/files/33333333-aaaa-4bbb-8ccc-000000000003/data":
			w.Header().Set("Content-Type", "audio/mpeg")
			_, _ = w.Write([]byte("SECRET-BYTES-of-the-file"))
		default:
			writeJSON(w, 404, `{"message":"Cannot find item by SID","errors":[{"field":null,"message":"cannot find item by sid","reference_sid":null}]}`)
		}
	}
}

func TestStorageFileUploadMultipart(t *testing.T) {
	srv := &storageUploadServer{fail: 1, status: 429}
	c, logs := newTestClient(t, newServer(t, srv.handler(t)).URL, func(cfg *Config) { cfg.MaxRetries = 2 })
	data := []byte("SECRET-BYTES\x00\xff binary")
	opens := 0
	up := NewStorageFileUploadBytes(map[string]any{"container_sid": "11111111-aaaa-4bbb-8ccc-000000000001", "name": "greeting.mp3"},
		`gr"eet.mp3`, "audio/mpeg", data)
	inner := up.Open
	up.Open = func() (io.ReadCloser, error) { opens++; return inner() }
	f, err := c.UploadStorageFile(context.Background(), up)
	if err != nil || f.FileSID != "33333333-aaaa-4bbb-8ccc-000000000003" {
		t.Fatalf("UploadStorageFile = %+v, %v", f, err)
	}
	if srv.attempts != 2 || opens != 2 {
		t.Fatalf("%d attempts, %d opens; want a retried 429 with the body rebuilt (2 and 2)", srv.attempts, opens)
	}
	if !strings.HasPrefix(srv.ctype, "multipart/form-data; boundary=") {
		t.Fatalf("Content-Type %q", srv.ctype)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(srv.objects[0]), &obj); err != nil || obj["container_sid"] != "11111111-aaaa-4bbb-8ccc-000000000001" || obj["name"] != "greeting.mp3" {
		t.Fatalf("file_object %s (%v)", srv.objects[0], err)
	}
	if !bytes.Equal(srv.data[0], data) || srv.names[0] != `gr"eet.mp3` || srv.types[0] != "audio/mpeg" {
		t.Fatalf("data part %q name %q type %q", srv.data[0], srv.names[0], srv.types[0])
	}
	// Sizes at trace, never the bytes, at any level.
	all := logs.String()
	if strings.Contains(all, "SECRET-BYTES") {
		t.Fatalf("file content in the log:\n%s", all)
	}
	found := false
	for _, e := range logs.level(LevelTrace) {
		if e.Fields["upload_bytes"] == int64(len(data)) {
			found = true
		}
	}
	if !found || len(logs.level(LevelDebug)) != 2 {
		t.Fatalf("want 2 debug entries and a trace entry with upload_bytes=%d:\n%s", len(data), all)
	}
}

func TestStorageFileUploadErrors(t *testing.T) {
	srv := &storageUploadServer{fail: 100, status: 500}
	c, _ := newTestClient(t, newServer(t, srv.handler(t)).URL, func(cfg *Config) { cfg.MaxRetries = 3 })
	up := NewStorageFileUploadBytes(map[string]any{"container_sid": "x"}, "a.txt", "", []byte("hello"))
	_, err := c.UploadStorageFile(context.Background(), up)
	if StatusCode(err) != 500 || srv.attempts != 1 {
		t.Fatalf("err %v after %d attempts; a 500 on an upload is not retried", err, srv.attempts)
	}
	if !strings.Contains(err.Error(), "POST /storage/files: 500") {
		t.Fatalf("error %q", err)
	}
	// An upload whose source yields fewer bytes than announced fails before reaching the API.
	short := StorageFileUpload{Attributes: map[string]any{}, FileName: "x", Size: 10,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("abc")), nil }}
	srv.attempts = 0
	if _, err := c.UploadStorageFile(context.Background(), short); err == nil {
		t.Fatal("a short body was accepted")
	}
	if _, err := c.UploadStorageFile(context.Background(), StorageFileUpload{}); err == nil || !strings.Contains(err.Error(), "no data") {
		t.Fatalf("upload without Open: %v", err)
	}
	// The API's field error survives for the provider to point at.
	err = c.storageUpload(context.Background(), "/storage/quota", up, nil)
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnprocessableEntity || apiErr.Errors[0].Field != "quota_bytes" ||
		!strings.Contains(err.Error(), "container quota exceeded") {
		t.Fatalf("quota error = %v", err)
	}
}

func TestStorageFileDownload(t *testing.T) {
	srv := &storageUploadServer{}
	c, logs := newTestClient(t, newServer(t, srv.handler(t)).URL, nil)
	var buf bytes.Buffer
	n, err := c.DownloadStorageFile(context.Background(), "33333333-aaaa-4bbb-8ccc-000000000003", &buf)
	if err != nil || n != int64(len("SECRET-BYTES-of-the-file")) || buf.String() != "SECRET-BYTES-of-the-file" {
		t.Fatalf("DownloadStorageFile = %d %q %v", n, buf.String(), err)
	}
	if strings.Contains(logs.String(), "SECRET-BYTES") {
		t.Fatalf("file content in the log:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), fmt.Sprintf("response_bytes:%d", n)) {
		t.Fatalf("no size in the log:\n%s", logs.String())
	}
	buf.Reset()
	if _, err := c.DownloadStorageFile(context.Background(), "00000000-0000-4000-8000-000000000000", &buf); !IsNotFound(err) || buf.Len() != 0 {
		t.Fatalf("download of an unknown file = %v, %q", err, buf.String())
	}
}
