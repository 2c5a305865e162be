package emulator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	containerTable = "storage.containers"
	fileTable      = "storage.files"
	maxFileBytes   = 10 << 20  // one file's content
	maxStoreBytes  = 256 << 20 // all file content of one Server
)

var (
	storageScopes    = func(v string) []string { return []string{"storage.manage", "storage." + v} }
	classifications  = []string{"archive", "document", "executable", "media", "unknown"}
	mp3Bitrates      = []int64{8, 16, 24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
	storageMedia     = []string{"multipart/form-data", "application/octet-stream"}
	fileIntAttrs     = []string{"desired_bitrate", "integer_key_1", "integer_key_2", "lifecycle_ttl"}
	fileBoolAttrs    = []string{"threshold_include", "unique"}
	containerIntKeys = []string{"integer_key_1", "integer_key_2"}
)

// upload is the content of a file being created.
type upload struct {
	data     []byte
	filename string
	partType string
}

func containersCollection() *collection {
	return &collection{
		name:     containerTable,
		path:     "storage/containers",
		sidField: "container_sid",
		attrs: []attrSpec{
			{"allow_publish", rw}, {"allowed_classifications", rw}, {"available_bytes_percent", readOnly},
			{"available_files_percent", readOnly}, {"blocked_classifications", rw}, {"container_sid", readOnly},
			{"default_file_lifecycle_action", rw}, {"default_file_lifecycle_ttl", rw}, {"default_file_publish", rw},
			{"default_file_threshold_include", rw}, {"default_file_unique", rw}, {"durability_class", readOnly},
			{"encrypted", rw}, {"external_attributes", rw}, {"integer_key_1", rw}, {"integer_key_2", rw},
			{"name", rw}, {"parent_container_sid", rw}, {"partner", readOnly}, {"partner_sid", readOnly},
			{"publish_domain", rw}, {"quota_bytes", rw}, {"quota_files", rw},
			{"string_key_1", rw}, {"string_key_2", rw}, {"string_key_3", rw}, {"string_key_4", rw},
			{"threshold_action", rw}, {"threshold_available_bytes_percent", rw},
			{"threshold_available_files_percent", rw}, {"threshold_bytes", rw}, {"threshold_bytes_target", rw},
			{"threshold_files", rw}, {"threshold_files_target", rw}, {"threshold_grace_period", rw},
			{"threshold_total_bytes", readOnly}, {"threshold_total_files", readOnly}, {"total_bytes", readOnly},
			{"total_files", readOnly}, {"type", rw}, {"unique", rw},
		},
		scopes:  crudScopes(storageScopes),
		visible: ownedBy,
		related: relatedPartner,
		build:   buildContainer,
		args:    purgeArgs,
		guard: func(cx *callCtx, o op, obj map[string]any) *apiError {
			if o != opDelete {
				return nil
			}
			sid := obj["container_sid"].(string)
			refs := cx.s.referrers(fileTable, "container_sid", sid, nil)
			refs = append(refs, cx.s.referrers(containerTable, "parent_container_sid", sid, nil)...)
			if len(refs) > 0 {
				return inUse("container", sid, refs)
			}
			return nil
		},
	}
}

func filesCollection() *collection {
	return &collection{
		name:     fileTable,
		path:     "storage/files",
		sidField: "file_sid",
		attrs: []attrSpec{
			{"container_sid", rw}, {"content_classification", readOnly}, {"content_duration", readOnly},
			{"content_format", readOnly}, {"content_transcoding_progress", readOnly}, {"date_last_accessed", readOnly},
			{"date_modified", readOnly}, {"desired_bitrate", rw}, {"desired_format", rw}, {"file_access_name", rw},
			{"file_bytes", readOnly}, {"file_sid", readOnly}, {"integer_key_1", rw}, {"integer_key_2", rw},
			{"lifecycle_action", rw}, {"lifecycle_ttl", rw}, {"mime_type", rw}, {"name", rw},
			{"parent_file_sid", rw}, {"partner", readOnly}, {"partner_sid", readOnly}, {"publish", rw},
			{"publish_uri", readOnly}, {"string_key_1", rw}, {"string_key_2", rw}, {"string_key_3", rw},
			{"string_key_4", rw}, {"threshold_include", rw}, {"type", rw}, {"unique", rw},
		},
		// POST is the upload action (multipart or raw), not a JSON create.
		scopes:  crudScopes(storageScopes),
		visible: ownedBy,
		related: relatedPartner,
		build:   buildFile,
		args:    purgeArgs,
		view: func(cx *callCtx, obj map[string]any, forFilter bool) map[string]any {
			obj["publish_uri"] = cx.s.publishURI(obj)
			return obj
		},
		release: func(cx *callCtx, obj map[string]any) { cx.s.removeFile(obj) },
		afterUpdate: func(cx *callCtx, obj, old map[string]any) {
			cx.s.refreshContainer(obj["container_sid"])
			if old["container_sid"] != obj["container_sid"] {
				cx.s.refreshContainer(old["container_sid"])
			}
		},
		seed: func(cx *callCtx, body map[string]any) (map[string]any, *apiError) {
			attrs := copyObject(body)
			data, _ := attrs["data"].(string)
			if x, ok := attrs["data"]; ok && x != nil {
				if _, isStr := x.(string); !isStr {
					var v validation
					v.add("data", "data must be a string (the file content)")
					return nil, v.err()
				}
			}
			delete(attrs, "data")
			name, _ := attrs["name"].(string)
			return cx.s.createFile(cx, attrs, &upload{data: []byte(data), filename: name})
		},
		controlDeleted: func(s *Server, obj map[string]any) {
			delete(s.st.blobs, obj["file_sid"].(string))
			s.refreshContainer(obj["container_sid"])
		},
	}
}

func purgeArgs(cx *callCtx, o op) (func(map[string]any) bool, *apiError) {
	cx.s.purgeExpired()
	return nil, nil
}

// intKey accepts null, an integer or a numeric string (stored as an integer).
func (c *checker) intKey(k string) {
	if !c.has(k) || c.obj[k] == nil {
		return
	}
	if str, ok := c.obj[k].(string); ok {
		if n, err := strconv.ParseInt(strings.TrimSpace(str), 10, 64); err == nil {
			c.obj[k] = n
			return
		}
	}
	n, ok := toInt64(c.obj[k])
	if !ok {
		c.v.add(k, k+" must be an integer or null")
		return
	}
	c.obj[k] = n
}

// intMinNull accepts null or an integer >= min (numeric strings coerced).
func (c *checker) intMinNull(k string, min int64) {
	if !c.has(k) || c.obj[k] == nil {
		return
	}
	c.intKey(k)
	if n, ok := c.obj[k].(int64); ok && n < min {
		c.v.add(k, fmt.Sprintf("%s must be null or an integer greater than or equal to %d", k, min))
	}
}

func (c *checker) boolean(k string) {
	if c.has(k) {
		if _, ok := c.obj[k].(bool); !ok {
			c.v.add(k, k+" must be a boolean")
		}
	}
}

func (c *checker) enumArray(k string, values []string) {
	if !c.has(k) {
		return
	}
	arr, ok := c.obj[k].([]any)
	if !ok {
		c.v.add(k, k+" must be an array of strings")
		return
	}
	for i, x := range arr {
		enumAt(&c.v, fmt.Sprintf("%s[%d]", k, i), x, false, values)
	}
}

func buildContainer(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	if c.create {
		c.def("allow_publish", true)
		c.def("allowed_classifications", []any{})
		c.def("blocked_classifications", []any{})
		c.def("default_file_lifecycle_action", "no_action")
		c.def("default_file_lifecycle_ttl", int64(-1))
		c.def("default_file_publish", "file_sid")
		c.def("default_file_threshold_include", true)
		c.def("default_file_unique", false)
		c.def("encrypted", false)
		c.def("external_attributes", map[string]any{})
		c.def("name", "N/A")
		c.def("parent_container_sid", nil)
		c.def("publish_domain", "https://storage.carrierx.com")
		c.def("quota_bytes", int64(1<<30))
		c.def("quota_files", int64(100))
		for _, k := range []string{"integer_key_1", "integer_key_2", "string_key_1", "string_key_2", "string_key_3",
			"string_key_4", "threshold_action", "threshold_available_bytes_percent", "threshold_available_files_percent",
			"threshold_bytes", "threshold_bytes_target", "threshold_files", "threshold_files_target"} {
			c.def(k, nil)
		}
		c.def("threshold_grace_period", int64(0))
		c.def("type", "internal")
		c.def("unique", false)
		obj["durability_class"] = "unassigned"
		obj["partner_sid"] = cx.partnerSID
		for _, k := range []string{"threshold_total_bytes", "threshold_total_files", "total_bytes", "total_files"} {
			obj[k] = int64(0)
		}
		if cx.tok != nil {
			n := 0
			for _, o := range cx.s.st.table(containerTable).all() {
				if o["partner_sid"] == cx.partnerSID {
					n++
				}
			}
			if lim := cx.s.containerLimit(cx.partnerSID); n >= lim {
				return forbidden(fmt.Sprintf("a partner may own at most %d storage containers; ask support for more", lim))
			}
		}
	}
	for _, k := range []string{"allow_publish", "default_file_threshold_include", "default_file_unique", "encrypted", "unique"} {
		c.boolean(k)
	}
	c.enumArray("allowed_classifications", classifications)
	c.enumArray("blocked_classifications", classifications)
	c.str("default_file_lifecycle_action") // no_action known; other values accepted
	c.intMin("default_file_lifecycle_ttl", -1)
	c.nullStr("default_file_publish")
	c.object("external_attributes")
	for _, k := range containerIntKeys {
		c.intKey(k)
	}
	c.str("name")
	c.str("type")
	for _, k := range []string{"string_key_1", "string_key_2", "string_key_3", "string_key_4", "threshold_action"} {
		c.nullStr(k)
	}
	if c.has("publish_domain") {
		if u, ok := obj["publish_domain"].(string); !ok || u == "" {
			c.v.add("publish_domain", "publish_domain must be an absolute http or https URL")
		} else {
			c.url("publish_domain")
		}
	}
	c.intMin("quota_bytes", 0)
	c.intMin("quota_files", 0)
	for _, k := range []string{"threshold_available_bytes_percent", "threshold_available_files_percent",
		"threshold_bytes", "threshold_bytes_target", "threshold_files", "threshold_files_target"} {
		c.intMinNull(k, 0)
	}
	c.intMin("threshold_grace_period", 0)
	if c.has("parent_container_sid") && obj["parent_container_sid"] != nil && obj["parent_container_sid"] == obj["container_sid"] {
		c.v.add("parent_container_sid", "a container cannot be its own parent")
	}
	c.ref(cx, "parent_container_sid", containerTable)
	if e := c.err(); e != nil {
		return e
	}
	applyUsage(obj)
	return nil
}

// applyUsage derives the available percentages from totals and quotas.
func applyUsage(obj map[string]any) {
	pct := func(total, quota any) int64 {
		t, _ := toInt64(total)
		q, ok := toInt64(quota)
		if !ok || q <= 0 {
			return 0
		}
		return max(0, min(100, (q-t)*100/q))
	}
	obj["available_bytes_percent"] = pct(obj["total_bytes"], obj["quota_bytes"])
	obj["available_files_percent"] = pct(obj["total_files"], obj["quota_files"])
}

// refreshContainer recomputes a container's totals from its files.
func (s *Server) refreshContainer(sidV any) {
	sid, _ := sidV.(string)
	t := s.st.table(containerTable)
	cont, ok := t.get(sid)
	if !ok {
		return
	}
	var bytesN, files, tBytes, tFiles int64
	for _, f := range s.st.table(fileTable).all() {
		if f["container_sid"] != sid {
			continue
		}
		n, _ := toInt64(f["file_bytes"])
		bytesN += n
		files++
		if f["threshold_include"] != false {
			tBytes += n
			tFiles++
		}
	}
	cont = copyObject(cont)
	cont["total_bytes"], cont["total_files"] = bytesN, files
	cont["threshold_total_bytes"], cont["threshold_total_files"] = tBytes, tFiles
	applyUsage(cont)
	t.replace(sid, cont)
}

// classify maps a MIME type onto the documented classifications.
func classify(mt string) string {
	mt = strings.ToLower(mt)
	switch {
	case strings.HasPrefix(mt, "audio/"), strings.HasPrefix(mt, "video/"), strings.HasPrefix(mt, "image/"):
		return "media"
	case strings.HasPrefix(mt, "text/"), mt == "application/pdf", mt == "application/json", mt == "application/xml",
		mt == "application/rtf", mt == "application/msword", strings.HasPrefix(mt, "application/vnd.openxmlformats"),
		strings.HasPrefix(mt, "application/vnd.oasis.opendocument"), strings.HasPrefix(mt, "application/vnd.ms-"):
		return "document"
	case mt == "application/zip", mt == "application/gzip", mt == "application/x-gzip", mt == "application/x-tar",
		mt == "application/x-7z-compressed", mt == "application/x-bzip2", mt == "application/x-rar-compressed",
		mt == "application/vnd.rar", mt == "application/x-xz":
		return "archive"
	case mt == "application/x-executable", mt == "application/x-msdownload", mt == "application/x-sh",
		mt == "application/x-elf", mt == "application/vnd.microsoft.portable-executable", mt == "application/x-mach-binary":
		return "executable"
	}
	return "unknown"
}

var formatByMIME = map[string]string{"audio/mpeg": "mp3", "audio/wav": "wav", "audio/x-wav": "wav", "audio/wave": "wav",
	"audio/ogg": "ogg", "video/mp4": "mp4", "audio/mp4": "m4a", "image/png": "png", "image/jpeg": "jpg",
	"image/gif": "gif", "application/pdf": "pdf", "text/plain": "txt", "application/json": "json"}

// detectFormat: the file name's extension, else one known for the MIME type.
func detectFormat(name, mt string) any {
	if ext := strings.TrimPrefix(strings.ToLower(path.Ext(name)), "."); ext != "" && len(ext) <= 8 {
		return ext
	}
	if f, ok := formatByMIME[strings.ToLower(mt)]; ok {
		return f
	}
	return nil
}

func detectMIME(up *upload) string {
	if up.partType != "" && up.partType != "application/octet-stream" {
		return up.partType
	}
	if t := mime.TypeByExtension(path.Ext(up.filename)); t != "" {
		if mt, _, err := mime.ParseMediaType(t); err == nil {
			return mt
		}
	}
	mt, _, _ := mime.ParseMediaType(http.DetectContentType(up.data))
	return mt
}

func buildFile(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	s := cx.s
	if c.create && obj["container_sid"] == nil {
		c.v.add("container_sid", "container_sid is required")
		return c.err()
	}
	if cs, ok := obj["container_sid"].(string); c.has("container_sid") && (!ok || cs == "") {
		c.v.add("container_sid", "container_sid must be the SID of one of your containers")
		return c.err()
	}
	if c.has("container_sid") && !s.refVisible(cx, containerTable, obj["container_sid"].(string)) {
		c.v.addRef("container_sid", "cannot find container by sid", obj["container_sid"].(string))
		return c.err()
	}
	csid, _ := obj["container_sid"].(string)
	cont, _ := s.st.table(containerTable).get(csid)
	for _, k := range fileIntAttrs {
		c.intKey(k)
	}
	if c.create {
		up := cx.upload
		c.def("desired_bitrate", nil)
		c.def("desired_format", nil)
		c.def("lifecycle_action", cont["default_file_lifecycle_action"])
		c.def("lifecycle_ttl", cont["default_file_lifecycle_ttl"])
		c.def("publish", cont["default_file_publish"])
		c.def("threshold_include", cont["default_file_threshold_include"])
		c.def("unique", cont["default_file_unique"])
		c.def("type", "file")
		for _, k := range []string{"integer_key_1", "integer_key_2", "parent_file_sid", "string_key_1", "string_key_2",
			"string_key_3", "string_key_4"} {
			c.def(k, nil)
		}
		name := up.filename
		if name == "" {
			name = "N/A"
		}
		c.def("name", name)
		c.def("mime_type", detectMIME(up))
		mt, _ := obj["mime_type"].(string)
		nm, _ := obj["name"].(string)
		format := detectFormat(nm, mt)
		access := obj["file_sid"].(string)
		if f, ok := format.(string); ok {
			access += "." + f
		}
		c.def("file_access_name", access)
		obj["content_classification"] = classify(mt)
		obj["content_duration"] = nil
		obj["content_format"] = format
		obj["content_transcoding_progress"] = nil
		// the Upload File sample answers with date_last_accessed set
		// (CarrierX docs, Core API, Storage): the upload is an access
		obj["date_last_accessed"] = cx.s.isoNow()
		obj["file_bytes"] = int64(len(up.data))
		obj["partner_sid"] = cx.partnerSID
	}
	obj["date_modified"] = cx.s.isoNow()
	for _, k := range []string{"name", "mime_type", "file_access_name", "type", "lifecycle_action"} {
		c.str(k)
	}
	for _, k := range []string{"desired_format", "publish", "string_key_1", "string_key_2", "string_key_3", "string_key_4"} {
		c.nullStr(k)
	}
	if c.has("lifecycle_ttl") {
		if n, ok := obj["lifecycle_ttl"].(int64); !ok || n < -1 {
			c.v.add("lifecycle_ttl", "lifecycle_ttl must be -1 (never) or a number of seconds >= 0")
		}
	}
	if c.has("desired_bitrate") && obj["desired_bitrate"] != nil {
		n, _ := obj["desired_bitrate"].(int64)
		ok := false
		for _, b := range mp3Bitrates {
			ok = ok || b == n
		}
		if !ok {
			c.v.add("desired_bitrate", "desired_bitrate must be null or one of 8, 16, 24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320")
		}
	}
	for _, k := range fileBoolAttrs {
		c.boolean(k)
	}
	if c.has("parent_file_sid") && obj["parent_file_sid"] != nil && obj["parent_file_sid"] == obj["file_sid"] {
		c.v.add("parent_file_sid", "a file cannot be its own parent")
	}
	c.ref(cx, "parent_file_sid", fileTable)
	if e := c.err(); e != nil {
		return e
	}
	// a new file, or a file moved to another container, must fit
	if c.create || obj["container_sid"] != old["container_sid"] {
		if e := s.admit(cont, obj); e != nil {
			return e
		}
	}
	obj["publish_uri"] = s.publishURI(obj)
	return nil
}

// admit checks a container's classification lists and quotas for a file.
func (s *Server) admit(cont, file map[string]any) *apiError {
	cls, _ := file["content_classification"].(string)
	sid, _ := cont["container_sid"].(string)
	var v validation
	allowed, _ := scopeStrings(cont["allowed_classifications"])
	blocked, _ := scopeStrings(cont["blocked_classifications"])
	if (len(allowed) > 0 && !slices.Contains(allowed, cls)) || slices.Contains(blocked, cls) {
		v.addRef("content_classification", fmt.Sprintf("the container does not accept %s files", cls), sid)
		return v.err()
	}
	size, _ := toInt64(file["file_bytes"])
	var used, files int64
	for _, f := range s.st.table(fileTable).all() {
		if f["container_sid"] == sid && f["file_sid"] != file["file_sid"] {
			n, _ := toInt64(f["file_bytes"])
			used += n
			files++
		}
	}
	qb, _ := toInt64(cont["quota_bytes"])
	qf, _ := toInt64(cont["quota_files"])
	switch {
	case files+1 > qf:
		return conflict("container quota exceeded", []fieldError{{Field: strPtr("quota_files"),
			Message: fmt.Sprintf("the container holds %d of %d files", files, qf), ReferenceSID: strPtr(sid)}})
	case used+size > qb:
		return conflict("container quota exceeded", []fieldError{{Field: strPtr("quota_bytes"),
			Message: fmt.Sprintf("%d bytes do not fit: %d of %d bytes used", size, used, qb), ReferenceSID: strPtr(sid)}})
	}
	return nil
}

// publishURI: publish_domain + "/f/" + file_sid while the container allows
// publishing and publish is set; otherwise null.
func (s *Server) publishURI(file map[string]any) any {
	cs, _ := file["container_sid"].(string)
	cont, ok := s.st.table(containerTable).get(cs)
	if !ok || cont["allow_publish"] != true || file["publish"] == nil {
		return nil
	}
	dom, _ := cont["publish_domain"].(string)
	return strings.TrimRight(dom, "/") + "/f/" + file["file_sid"].(string)
}

// createFile validates, stores the object and its content.
func (s *Server) createFile(cx *callCtx, attrs map[string]any, up *upload) (map[string]any, *apiError) {
	if len(up.data) > maxFileBytes {
		e := newError(http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		e.Errors[0] = fieldError{Field: strPtr("data"), Message: fmt.Sprintf("the emulator keeps files of at most %d bytes", maxFileBytes)}
		return nil, e
	}
	total := 0
	for _, b := range s.st.blobs {
		total += len(b.data)
	}
	if total+len(up.data) > maxStoreBytes {
		e := newError(http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		e.Errors[0] = fieldError{Field: strPtr("data"), Message: fmt.Sprintf("the emulator keeps at most %d bytes of files in all", maxStoreBytes)}
		return nil, e
	}
	s.purgeExpired()
	ccx := *cx
	ccx.upload = up
	c := s.collections[fileTable]
	obj, e := s.prepareObject(&ccx, c, attrs)
	if e != nil {
		return nil, e
	}
	s.storeObject(&ccx, c, obj, "")
	s.st.blobs[obj["file_sid"].(string)] = &blob{data: append([]byte(nil), up.data...), created: s.now()}
	s.refreshContainer(obj["container_sid"])
	return obj, nil
}

func (s *Server) removeFile(obj map[string]any) {
	sid := obj["file_sid"].(string)
	s.st.table(fileTable).remove(sid)
	delete(s.st.blobs, sid)
	s.refreshContainer(obj["container_sid"])
}

// purgeExpired deletes files whose lifecycle_action is "delete" once
// lifecycle_ttl seconds have passed since the upload.
func (s *Server) purgeExpired() {
	now := s.now()
	for _, f := range s.st.table(fileTable).all() {
		if f["lifecycle_action"] != "delete" {
			continue
		}
		ttl, ok := toInt64(f["lifecycle_ttl"])
		b := s.st.blobs[f["file_sid"].(string)]
		if !ok || ttl < 0 || b == nil {
			continue
		}
		if !b.created.Add(time.Duration(ttl) * time.Second).After(now) {
			s.removeFile(f)
		}
	}
}

// queryAttrs turns the raw upload's query arguments into file attributes.
func queryAttrs(q map[string][]string) map[string]any {
	out := map[string]any{}
	for k, vals := range q {
		v := vals[0]
		switch {
		case v == "null":
			out[k] = nil
		case slices.Contains(fileIntAttrs, k):
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				out[k] = n
			} else {
				out[k] = v
			}
		case slices.Contains(fileBoolAttrs, k):
			if b, err := strconv.ParseBool(v); err == nil {
				out[k] = b
			} else {
				out[k] = v
			}
		default:
			out[k] = v
		}
	}
	return out
}

// parseUpload reads a multipart (file_object + data) or raw upload.
func parseUpload(r *http.Request, body []byte) (map[string]any, *upload, *apiError) {
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/octet-stream" {
		attrs := queryAttrs(r.URL.Query())
		name, _ := attrs["name"].(string)
		return attrs, &upload{data: body, filename: name}, nil
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	attrs := map[string]any{}
	var up *upload
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, badRequest("body", "the multipart body cannot be parsed: "+err.Error())
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, nil, badRequest("body", "the multipart body cannot be parsed: "+err.Error())
		}
		switch part.FormName() {
		case "file_object":
			v, err := decodeJSON(data)
			m, ok := v.(map[string]any)
			if err != nil || !ok {
				return nil, nil, badRequest("file_object", "file_object must be a JSON object")
			}
			attrs = m
		case "data":
			pt, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
			up = &upload{data: data, filename: part.FileName(), partType: pt}
		default:
			var v validation
			v.add(part.FormName(), "unknown form part "+strconv.Quote(part.FormName())+" (file_object and data are known)")
			return nil, nil, v.err()
		}
	}
	if up == nil {
		var v validation
		v.add("data", "the data part (the file content) is required")
		return nil, nil, v.err()
	}
	return attrs, up, nil
}

func storageActions() []action {
	return []action{
		{path: "storage/files", method: http.MethodPost, scopes: storageScopes("create"), media: storageMedia,
			run: func(cx *callCtx, r *http.Request, args []string, body []byte) (int, any, *apiError) {
				attrs, up, e := parseUpload(r, body)
				if e != nil {
					return 0, nil, e
				}
				cx.body = attrs
				obj, e := cx.s.createFile(cx, attrs, up)
				if e != nil {
					return 0, nil, e
				}
				return http.StatusCreated, cx.s.present(cx, cx.s.collections[fileTable], obj, fieldParams{}), nil
			}},
		{path: "storage/files/{}/data", method: http.MethodGet, scopes: storageScopes("read"),
			run: func(cx *callCtx, r *http.Request, args []string, body []byte) (int, any, *apiError) {
				cx.s.purgeExpired()
				obj, e := cx.s.lookup(cx, cx.s.collections[fileTable], args[0])
				if e != nil {
					return 0, nil, e
				}
				return http.StatusOK, cx.s.download(obj), nil
			}},
	}
}

// download answers the content and records the access (at most once a minute).
func (s *Server) download(obj map[string]any) rawBody {
	sid := obj["file_sid"].(string)
	if last, ok := obj["date_last_accessed"].(string); !ok || func() bool {
		t, err := time.Parse(time.RFC3339Nano, last)
		return err != nil || s.now().Sub(t) >= time.Minute
	}() {
		cp := copyObject(obj)
		cp["date_last_accessed"] = s.isoNow()
		s.st.table(fileTable).replace(sid, cp)
	}
	var data []byte
	if b := s.st.blobs[sid]; b != nil {
		data = b.data
	}
	ct, _ := obj["mime_type"].(string)
	if ct == "" {
		ct = "application/octet-stream"
	}
	return rawBody{contentType: ct, data: data}
}

// servePublic answers GET /f/{file_sid}: the content of a published file,
// without credentials.
func (s *Server) servePublic(w http.ResponseWriter, r *http.Request) {
	sid := strings.TrimPrefix(r.URL.Path, "/f/")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, newError(http.StatusMethodNotAllowed, "Method Not Allowed"))
		return
	}
	s.mu.Lock()
	s.purgeExpired()
	obj, ok := s.st.table(fileTable).get(sid)
	var raw rawBody
	if ok && s.publishURI(obj) != nil {
		raw = s.download(obj)
	} else {
		ok = false
	}
	s.mu.Unlock()
	if !ok {
		writeError(w, routeNotFound())
		return
	}
	w.Header().Set("Content-Type", raw.contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(raw.data)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		_, _ = w.Write(raw.data)
	}
}
