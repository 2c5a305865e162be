package emulator

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"sort"
	"strings"
	"testing"
)

// upload sends the documented multipart body: file_object JSON + data.
func (e *env) upload(token, fileObject, filename, partType string, data []byte) resp {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if fileObject != "" {
		fw, _ := mw.CreateFormField("file_object")
		_, _ = fw.Write([]byte(fileObject))
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="data"; filename="`+filename+`"`)
	if partType != "" {
		h.Set("Content-Type", partType)
	}
	pw, _ := mw.CreatePart(h)
	_, _ = pw.Write(data)
	_ = mw.Close()
	return e.do("POST", e.base+"/storage/files", token, buf.String(), "Content-Type", mw.FormDataContentType())
}

func (e *env) container(body map[string]any) string {
	e.t.Helper()
	r := e.core("POST", "/storage/containers", body)
	expectStatus(e.t, r, 200)
	return r.obj()["container_sid"].(string)
}

func TestStorageContainers(t *testing.T) {
	e := newEnv(t)
	r := e.core("POST", "/storage/containers", map[string]any{})
	expectStatus(t, r, 200)
	c := r.obj()
	want := `{"allow_publish":true,"allowed_classifications":[],"available_bytes_percent":100,"available_files_percent":100,` +
		`"blocked_classifications":[],"default_file_lifecycle_action":"no_action","default_file_lifecycle_ttl":-1,` +
		`"default_file_publish":"file_sid","default_file_threshold_include":true,"default_file_unique":false,` +
		`"durability_class":"unassigned","encrypted":false,"external_attributes":{},"integer_key_1":null,"integer_key_2":null,` +
		`"name":"N/A","parent_container_sid":null,"publish_domain":"https://storage.carrierx.com","quota_bytes":1073741824,` +
		`"quota_files":100,"string_key_1":null,"string_key_2":null,"string_key_3":null,"string_key_4":null,` +
		`"threshold_action":null,"threshold_available_bytes_percent":null,"threshold_available_files_percent":null,` +
		`"threshold_bytes":null,"threshold_bytes_target":null,"threshold_files":null,"threshold_files_target":null,` +
		`"threshold_grace_period":0,"threshold_total_bytes":0,"threshold_total_files":0,"total_bytes":0,"total_files":0,` +
		`"type":"internal","unique":false}`
	sid := c["container_sid"].(string)
	if !uuidRE.MatchString(sid) || c["partner_sid"] != e.srv.PartnerSID() {
		t.Fatalf("container %s", r.raw)
	}
	delete(c, "container_sid")
	delete(c, "partner_sid")
	if got := mustMarshal(t, c); got != want {
		t.Fatalf("container defaults\n got %s\nwant %s", got, want)
	}
	// the documented PATCH sample: a numeric string becomes an integer
	r = e.core("PATCH", "/storage/containers/"+sid, map[string]any{"integer_key_1": "39984", "name": "media", "total_bytes": 5})
	expectStatus(t, r, 200)
	if num(r.obj()["integer_key_1"]) != 39984 || mustMarshal(t, r.obj()["integer_key_1"]) != "39984" || r.obj()["total_bytes"] != json0(t) {
		t.Fatalf("patch %s", r.raw)
	}
	for field, body := range map[string]map[string]any{
		"allowed_classifications[0]": {"allowed_classifications": []string{"pictures"}},
		"quota_bytes":                {"quota_bytes": -1},
		"allow_publish":              {"allow_publish": "yes"},
		"publish_domain":             {"publish_domain": "storage"},
		"default_file_lifecycle_ttl": {"default_file_lifecycle_ttl": -2},
		"parent_container_sid":       {"parent_container_sid": "00000000-0000-4000-8000-000000000000"},
		"durability_x":               {"durability_x": 1},
	} {
		expectError(t, e.core("PATCH", "/storage/containers/"+sid, body), 422, "", field)
	}
	// two containers per partner by default, the one CarrierX creates with
	// the partner included; the control API raises it
	expectError(t, e.core("POST", "/storage/containers", map[string]any{}), 403, "Forbidden", nil)
	expectStatus(t, e.control("POST", "/partners/"+e.srv.PartnerSID()+"/limits", map[string]any{"containers": 3}), 200)
	third := e.container(map[string]any{"parent_container_sid": sid})
	expectError(t, e.core("DELETE", "/storage/containers/"+sid, nil), 409, "", "parent_container_sid")
	expectStatus(t, e.core("DELETE", "/storage/containers/"+third, nil), 204)
	expectStatus(t, e.core("DELETE", "/storage/containers/"+sid, nil), 204)
	expectError(t, e.core("GET", "/storage/containers/"+sid, nil), 404, noItemMessage, nil)
	// the partner's default container remains
	l := e.core("GET", "/storage/containers", nil).obj()
	if num(l["total"]) != 1 {
		t.Fatalf("list %v", l)
	}
	expectError(t, e.do("POST", e.base+"/storage/containers", e.token("storage.read"), map[string]any{}), 403, "Forbidden", nil)
	// seeding bypasses the limit
	expectStatus(t, e.control("POST", "/seed", map[string]any{"collection": "storage.containers", "count": 3, "object": map[string]any{"name": "s{n}"}}), 200)
}

// defaultContainer is the container CarrierX creates with the partner.
func defaultContainer(e *env) string {
	e.t.Helper()
	l := e.core("GET", "/storage/containers?limit=1", nil).obj()
	return l["items"].([]any)[0].(map[string]any)["container_sid"].(string)
}

// rawGet fetches a non-JSON answer.
func (e *env) rawGet(url, token string) resp {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer func() { _ = res.Body.Close() }()
	raw, _ := io.ReadAll(res.Body)
	return resp{status: res.StatusCode, header: res.Header, raw: raw}
}

func json0(t *testing.T) any { return mustJSON(t, "0") }

func TestStorageFiles(t *testing.T) {
	e := newEnv(t)
	master := e.srv.Token()
	cs := e.container(map[string]any{})
	content := []byte("ID3\x03\x00fake mp3 bytes")
	r := e.upload(master, `{"container_sid":"`+cs+`"}`, "greeting.mp3", "audio/mpeg", content)
	expectStatus(t, r, 201)
	f := r.obj()
	sid := f["file_sid"].(string)
	var keys []string
	for k := range f {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	wantKeys := "container_sid content_classification content_duration content_format content_transcoding_progress " +
		"date_last_accessed date_modified desired_bitrate desired_format file_access_name file_bytes file_sid integer_key_1 " +
		"integer_key_2 lifecycle_action lifecycle_ttl mime_type name parent_file_sid partner_sid publish publish_uri " +
		"string_key_1 string_key_2 string_key_3 string_key_4 threshold_include type unique"
	if strings.Join(keys, " ") != wantKeys {
		t.Fatalf("file keys %v", keys)
	}
	if f["container_sid"] != cs || f["content_classification"] != "media" || f["content_format"] != "mp3" ||
		f["file_access_name"] != sid+".mp3" || num(f["file_bytes"]) != float64(len(content)) || f["lifecycle_action"] != "no_action" ||
		num(f["lifecycle_ttl"]) != -1 || f["mime_type"] != "audio/mpeg" || f["name"] != "greeting.mp3" || f["publish"] != "file_sid" ||
		f["publish_uri"] != "https://storage.carrierx.com/f/"+sid || f["threshold_include"] != true || f["type"] != "file" ||
		f["unique"] != false || f["date_last_accessed"] == nil || f["partner_sid"] != e.srv.PartnerSID() {
		t.Fatalf("file %s", r.raw)
	}
	// download round trip
	d := e.rawGet(e.base+"/storage/files/"+sid+"/data", master)
	if d.status != 200 || !bytes.Equal(d.raw, content) || d.header.Get("Content-Type") != "audio/mpeg" {
		t.Fatalf("download %d %q %v", d.status, d.raw, d.header)
	}
	if e.core("GET", "/storage/files/"+sid, nil).obj()["date_last_accessed"] == nil {
		t.Fatal("date_last_accessed not set by the download")
	}
	expectError(t, e.do("GET", e.base+"/storage/files/"+sid+"/data", e.token("endpoints.read"), nil), 403, "Forbidden", nil)
	// public URL on the emulator: /f/{file_sid}, no credentials
	res, err := http.Get(e.ts.URL + "/f/" + sid)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK || !bytes.Equal(pub, content) {
		t.Fatalf("public download %d %q", res.StatusCode, pub)
	}
	c := e.core("GET", "/storage/containers/"+cs, nil).obj()
	if num(c["total_files"]) != 1 || num(c["total_bytes"]) != float64(len(content)) || num(c["available_files_percent"]) != 99 ||
		num(c["threshold_total_files"]) != 1 {
		t.Fatalf("container usage %v", c)
	}

	// metadata updates
	r = e.core("PATCH", "/storage/files/"+sid, map[string]any{"name": "new_name", "lifecycle_ttl": "3600", "lifecycle_action": "delete",
		"string_key_1": "k", "integer_key_2": 7, "threshold_include": false, "file_bytes": 1})
	expectStatus(t, r, 200)
	if g := r.obj(); g["name"] != "new_name" || num(g["lifecycle_ttl"]) != 3600 || g["lifecycle_action"] != "delete" ||
		g["string_key_1"] != "k" || num(g["file_bytes"]) != float64(len(content)) {
		t.Fatalf("file patch %s", r.raw)
	}
	if num(e.core("GET", "/storage/containers/"+cs, nil).obj()["threshold_total_files"]) != 0 {
		t.Fatal("threshold totals not refreshed")
	}
	// the blast-api pattern: keep a file by clearing its TTL
	r = e.core("PATCH", "/storage/files/"+sid, map[string]any{"lifecycle_ttl": -1})
	if num(r.obj()["lifecycle_ttl"]) != -1 {
		t.Fatalf("ttl %s", r.raw)
	}
	expectError(t, e.core("PATCH", "/storage/files/"+sid, map[string]any{"lifecycle_ttl": -5}), 422, "", "lifecycle_ttl")
	expectError(t, e.core("PATCH", "/storage/files/"+sid, map[string]any{"desired_bitrate": 100}), 422, "", "desired_bitrate")
	expectError(t, e.core("PATCH", "/storage/files/"+sid, map[string]any{"container_sid": "nope"}), 422, "", "container_sid")
	expectError(t, e.core("PATCH", "/storage/files/"+sid, map[string]any{"content_md5": "x"}), 422, "", "content_md5")
	// unpublishing: publish null, or a container that does not allow publishing
	r = e.core("PATCH", "/storage/files/"+sid, map[string]any{"publish": nil})
	if r.obj()["publish_uri"] != nil {
		t.Fatalf("publish_uri %s", r.raw)
	}
	res, _ = http.Get(e.ts.URL + "/f/" + sid)
	_ = res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("unpublished file served: %d", res.StatusCode)
	}
	expectStatus(t, e.core("PATCH", "/storage/files/"+sid, map[string]any{"publish": "file_sid"}), 200)
	expectStatus(t, e.core("PATCH", "/storage/containers/"+cs, map[string]any{"allow_publish": false, "publish_domain": "https://media.example.org/"}), 200)
	if e.core("GET", "/storage/files/"+sid, nil).obj()["publish_uri"] != nil {
		t.Fatal("publish_uri while publishing is not allowed")
	}
	expectStatus(t, e.core("PATCH", "/storage/containers/"+cs, map[string]any{"allow_publish": true}), 200)
	if u := e.core("GET", "/storage/files/"+sid, nil).obj()["publish_uri"]; u != "https://media.example.org/f/"+sid {
		t.Fatalf("publish_uri %v", u)
	}

	// raw upload: attributes in the query string
	r = e.do("POST", e.base+"/storage/files?container_sid="+cs+"&name=notes.txt&lifecycle_ttl=60&unique=true", master, "hello",
		"Content-Type", "application/octet-stream")
	expectStatus(t, r, 201)
	raw := r.obj()
	if raw["name"] != "notes.txt" || raw["mime_type"] != "text/plain" || raw["content_classification"] != "document" ||
		num(raw["lifecycle_ttl"]) != 60 || raw["unique"] != true || num(raw["file_bytes"]) != 5 {
		t.Fatalf("raw upload %s", r.raw)
	}
	l := e.core("GET", "/storage/files?filter=container_sid+eq+"+cs, nil).obj()
	if num(l["total"]) != 2 {
		t.Fatalf("files %v", l)
	}
	// upload errors
	expectError(t, e.core("POST", "/storage/files", map[string]any{"container_sid": cs}), 415, "Unsupported media type", nil)
	expectError(t, e.upload(master, `{}`, "a.txt", "", []byte("x")), 422, "", "container_sid")
	expectError(t, e.upload(master, `{"container_sid":"`+cs+`","bogus":1}`, "a.txt", "", []byte("x")), 422, "", "bogus")
	expectError(t, e.upload(master, `not json`, "a.txt", "", []byte("x")), 400, "", "file_object")
	expectError(t, e.do("POST", e.base+"/storage/files", master, "--x--", "Content-Type", "multipart/form-data; boundary=x"), 422, "", "data")
	expectError(t, e.upload(e.token("storage.read"), `{"container_sid":"`+cs+`"}`, "a.txt", "", []byte("x")), 403, "Forbidden", nil)
	big := bytes.Repeat([]byte("x"), maxFileBytes+1)
	expectError(t, e.do("POST", e.base+"/storage/files?container_sid="+cs, master, string(big), "Content-Type", "application/octet-stream"), 413, "", "data")

	// delete: container totals follow; a container with files cannot be deleted
	expectError(t, e.core("DELETE", "/storage/containers/"+cs, nil), 409, "", "container_sid")
	expectStatus(t, e.core("DELETE", "/storage/files/"+sid, nil), 204)
	expectError(t, e.core("GET", "/storage/files/"+sid, nil), 404, noItemMessage, nil)
	expectError(t, e.core("GET", "/storage/files/"+sid+"/data", nil), 404, noItemMessage, nil)
	if c := e.core("GET", "/storage/containers/"+cs, nil).obj(); num(c["total_files"]) != 1 || num(c["total_bytes"]) != 5 {
		t.Fatalf("after delete %v", c)
	}
	// seeding files with text content
	sr := e.control("POST", "/seed", map[string]any{"collection": "storage.files", "count": 2,
		"object": map[string]any{"container_sid": cs, "name": "seed{n}.txt", "data": "content {n}"}})
	expectStatus(t, sr, 200)
	s1 := sr.obj()["sids"].([]any)[1].(string)
	if d := e.rawGet(e.base+"/storage/files/"+s1+"/data", master); string(d.raw) != "content 1" {
		t.Fatalf("seeded content %q", d.raw)
	}
	expectStatus(t, e.control("DELETE", "/objects/storage.files/"+s1, nil), 204)
	if num(e.core("GET", "/storage/containers/"+cs, nil).obj()["total_files"]) != 2 {
		t.Fatal("out-of-band delete did not refresh the container")
	}
}

func TestStorageQuotaAndLifecycle(t *testing.T) {
	e := newEnv(t)
	master := e.srv.Token()
	cs := e.container(map[string]any{"quota_bytes": 10, "quota_files": 2, "default_file_lifecycle_action": "delete", "default_file_lifecycle_ttl": 3600})
	r := e.upload(master, `{"container_sid":"`+cs+`"}`, "a.bin", "", []byte("12345678"))
	expectStatus(t, r, 201)
	// defaults come from the container
	if r.obj()["lifecycle_action"] != "delete" || num(r.obj()["lifecycle_ttl"]) != 3600 {
		t.Fatalf("lifecycle defaults %s", r.raw)
	}
	if c := e.core("GET", "/storage/containers/"+cs, nil).obj(); num(c["available_bytes_percent"]) != 20 || num(c["available_files_percent"]) != 50 {
		t.Fatalf("usage %v", c)
	}
	// over the byte quota, then over the file quota
	expectError(t, e.upload(master, `{"container_sid":"`+cs+`"}`, "b.bin", "", []byte("123")), 409, "container quota exceeded", "quota_bytes")
	expectStatus(t, e.upload(master, `{"container_sid":"`+cs+`"}`, "c.bin", "", []byte("12")), 201)
	expectError(t, e.upload(master, `{"container_sid":"`+cs+`"}`, "d.bin", "", []byte("1")), 409, "container quota exceeded", "quota_files")
	// a file moved into a full container does not fit either (the other one
	// is the partner's default container)
	other := defaultContainer(e)
	o := e.upload(master, `{"container_sid":"`+other+`"}`, "e.bin", "", []byte("1")).obj()
	expectError(t, e.core("PATCH", "/storage/files/"+o["file_sid"].(string), map[string]any{"container_sid": cs}), 409, "", "quota_files")
	// classification lists
	expectStatus(t, e.core("PATCH", "/storage/containers/"+other, map[string]any{"blocked_classifications": []string{"media"}}), 200)
	expectError(t, e.upload(master, `{"container_sid":"`+other+`"}`, "x.mp3", "audio/mpeg", []byte("1")), 422, "", "content_classification")
	expectStatus(t, e.core("PATCH", "/storage/containers/"+other, map[string]any{"blocked_classifications": []string{}, "allowed_classifications": []string{"document"}}), 200)
	expectError(t, e.upload(master, `{"container_sid":"`+other+`"}`, "x.mp3", "audio/mpeg", []byte("1")), 422, "", "content_classification")
	expectStatus(t, e.upload(master, `{"container_sid":"`+other+`"}`, "x.pdf", "application/pdf", []byte("1")), 201)
	// lifecycle_action delete with an elapsed TTL removes the file
	gone := e.upload(master, `{"container_sid":"`+other+`","lifecycle_action":"delete","lifecycle_ttl":0}`, "t.txt", "", []byte("1")).obj()
	expectError(t, e.core("GET", "/storage/files/"+gone["file_sid"].(string), nil), 404, noItemMessage, nil)
	kept := e.upload(master, `{"container_sid":"`+other+`","lifecycle_action":"no_action","lifecycle_ttl":0}`, "k.txt", "", []byte("1")).obj()
	expectStatus(t, e.core("GET", "/storage/files/"+kept["file_sid"].(string), nil), 200)
}
