package emulator

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Fault kinds: what a faulted request is answered.
const (
	kindStatus   = ""         // the status with the error envelope (or latency only)
	kindReset    = "reset"    // no answer: the connection is closed (RST)
	kindTruncate = "truncate" // the real answer cut in half, then the connection closed
	kindEmpty    = "empty"    // 200 (or status), application/json, empty body
	kindNull     = "null"     // 200 (or status), body null
	kindForeign  = "foreign"  // 200, another object of the same collection
	kindRedirect = "redirect" // 302 (or status) to location, empty body
	kindEcho     = "echo"     // 400 (or status), an error quoting the request body
	kindEndless  = "endless"  // list GETs: the first page for every offset, has_more true
)

var faultKinds = []string{kindReset, kindTruncate, kindEmpty, kindNull, kindForeign, kindRedirect, kindEcho, kindEndless}

// fault is an injected answer for matching Core API requests.
type fault struct {
	id         string
	method     string
	path       string
	count      int // as created; 0 = unlimited
	remaining  int // uses left when count > 0
	reserved   int // uses held by requests in flight (when=after, endless)
	status     int
	retryAfter string
	latency    time.Duration
	message    string
	after      bool // when=after: the request is executed first
	kind       string
	location   string
}

// faultRequest is the body of POST /_emulator/faults.
type faultRequest struct {
	Method     string `json:"method"`
	Path       string `json:"path"`
	Count      int    `json:"count"`
	Status     int    `json:"status"`
	RetryAfter string `json:"retry_after"`
	LatencyMS  int    `json:"latency_ms"`
	Message    string `json:"message"`
	When       string `json:"when"`
	Kind       string `json:"kind"`
	Location   string `json:"location"`
}

// fault validates the request and builds the fault.
func (req *faultRequest) fault() (*fault, *apiError) {
	switch {
	case req.Path == "":
		return nil, badRequest("path", "path is required (a Core API path such as /core/v2/endpoints, optionally ending in *)")
	case req.Status != 0 && (req.Status < 100 || req.Status > 599):
		return nil, badRequest("status", "status must be 0 (latency only) or an HTTP status code")
	case req.Count < 0:
		return nil, badRequest("count", "count must be >= 0 (0 = unlimited)")
	case req.LatencyMS < 0:
		return nil, badRequest("latency_ms", "latency_ms must be >= 0")
	case req.When != "" && req.When != "before" && req.When != "after":
		return nil, badRequest("when", fmt.Sprintf("when must be \"before\" (the default) or \"after\", got %q", req.When))
	case req.Kind != kindStatus && !slices.Contains(faultKinds, req.Kind):
		return nil, badRequest("kind", fmt.Sprintf("unknown kind %q (known: \"\", %s)", req.Kind, strings.Join(faultKinds, ", ")))
	case req.Kind == kindRedirect && req.Location == "":
		return nil, badRequest("location", "kind redirect needs location (the Location header to answer)")
	case req.Kind != kindRedirect && req.Location != "":
		return nil, badRequest("location", "location is only used by kind redirect")
	case req.Kind == kindRedirect && req.Status != 0 && !slices.Contains([]int{301, 302, 303, 307, 308}, req.Status):
		return nil, badRequest("status", "a redirect status must be 301, 302, 303, 307 or 308 (default 302)")
	case req.Kind == kindTruncate && req.When != "after":
		return nil, badRequest("when", "kind truncate cuts the real answer, so it needs when \"after\"")
	case req.Status != 0 && (req.Kind == kindReset || req.Kind == kindTruncate || req.Kind == kindForeign || req.Kind == kindEndless):
		return nil, badRequest("status", fmt.Sprintf("kind %s does not take a status", req.Kind))
	case req.Kind == kindEndless && req.Method != "" && !strings.EqualFold(req.Method, http.MethodGet):
		return nil, badRequest("method", "kind endless applies to list GETs only: method must be GET or empty")
	}
	return &fault{id: newUUID(), method: req.Method, path: req.Path, count: req.Count, remaining: req.Count,
		status: req.Status, retryAfter: req.RetryAfter, latency: time.Duration(req.LatencyMS) * time.Millisecond,
		message: req.Message, after: req.When == "after", kind: req.Kind, location: req.Location}, nil
}

// describe is the fault as GET /_emulator/faults shows it.
func (f *fault) describe() map[string]any {
	when := "before"
	if f.after {
		when = "after"
	}
	return map[string]any{"fault_id": f.id, "method": f.method, "path": f.path, "count": f.remaining,
		"status": f.status, "retry_after": f.retryAfter, "latency_ms": f.latency.Milliseconds(),
		"message": f.message, "when": when, "kind": f.kind, "location": f.location}
}

func (f *fault) matches(method, path string) bool {
	if f.method != "" && !strings.EqualFold(f.method, method) {
		return false
	}
	if p, ok := strings.CutSuffix(f.path, "*"); ok {
		return strings.HasPrefix(path, p)
	}
	return f.path == path
}

// answers reports whether the fault replaces the answer (not latency only).
func (f *fault) answers() bool { return f.kind != kindStatus || f.status != 0 }

// runsFirst: the fault is applied after the request has been executed
// (when=after; endless always needs the real list).
func (f *fault) runsFirst() bool { return f.after || f.kind == kindEndless }

func (f *fault) available() bool { return f.count == 0 || f.remaining-f.reserved > 0 }

func (f *fault) apiError() *apiError {
	msg := f.message
	if msg == "" {
		msg = http.StatusText(f.status)
	}
	e := newError(f.status, msg)
	e.RetryAfter = f.retryAfter
	return e
}

// isListGet reports whether r is a GET of a collection (for kind endless).
func (s *Server) isListGet(r *http.Request) bool {
	if r.Method != http.MethodGet {
		return false
	}
	api := apiOfPath(r.URL.Path)
	rt, ok := s.route(api, api.trim(r.URL.Path))
	return ok && !rt.item
}

// findFault is the first available fault of a phase matching the request
// (lock held).
func (s *Server) findFault(method, path string, list, after bool) (int, *fault) {
	for i, f := range s.faults {
		if f.runsFirst() != after || !f.available() || !f.matches(method, path) {
			continue
		}
		if f.kind == kindEndless && !list {
			continue
		}
		return i, f
	}
	return -1, nil
}

// hasFault reports whether a when=before fault matches.
func (s *Server) hasFault(method, path string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, f := s.findFault(method, path, false, false)
	return f != nil
}

// takeFault consumes one use of the first matching when=before fault.
func (s *Server) takeFault(method, path string) *fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, f := s.findFault(method, path, false, false)
	if f == nil {
		return nil
	}
	if f.count > 0 {
		f.remaining--
		if f.remaining == 0 {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
		}
	}
	return f
}

// reserveFault holds one use of the first matching when=after (or
// endless) fault while the request runs; releaseFault then consumes it
// (the answer was 2xx) or gives it back.
func (s *Server) reserveFault(method, path string, list bool) *fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, f := s.findFault(method, path, list, true)
	if f != nil && f.count > 0 {
		f.reserved++
	}
	return f
}

func (s *Server) releaseFault(f *fault, consume bool) {
	if f.count == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f.reserved--
	if !consume {
		return
	}
	f.remaining--
	if f.remaining > 0 {
		return
	}
	for i, g := range s.faults {
		if g == f {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			break
		}
	}
}

// recorder holds the real answer of a request faulted with when=after.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newRecorder() *recorder { return &recorder{header: http.Header{}} }

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}

func (r *recorder) copyTo(w http.ResponseWriter) {
	for k, v := range r.header {
		w.Header()[k] = v
	}
	if r.status == 0 {
		r.status = http.StatusOK
	}
	w.WriteHeader(r.status)
	_, _ = w.Write(r.body.Bytes())
}

// serveBeforeFault answers a request with a when=before fault (the body
// has been read). A latency-only fault then lets the request go on.
func (s *Server) serveBeforeFault(w *statusWriter, q *coreReq, f *fault) (done bool) {
	if !sleepCtx(q.r.Context(), f.latency) {
		return true // the client gave up; nothing is logged
	}
	if !f.answers() {
		return false
	}
	status, abort := s.answerFault(w, q, f, nil)
	s.record(q.r, q.body, status, true)
	if abort {
		panic(http.ErrAbortHandler)
	}
	return true
}

// serveAfterFault answers a request executed with a 2xx answer (rec) whose
// when=after (or endless) fault has been consumed, and logs it with the
// status the client got (0: none).
func (s *Server) serveAfterFault(w *statusWriter, q *coreReq, f *fault, rec *recorder) {
	if !sleepCtx(q.r.Context(), f.latency) {
		s.record(q.r, q.body, 0, true) // committed, but the client gave up waiting
		return
	}
	if !f.answers() {
		rec.copyTo(w)
		s.record(q.r, q.body, w.status, false)
		return
	}
	status, abort := s.answerFault(w, q, f, rec)
	s.record(q.r, q.body, status, true)
	if abort {
		panic(http.ErrAbortHandler)
	}
}

// answerFault writes the fault's answer; rec is the real answer (when=after
// and endless) or nil. It returns the status the client gets (0: none) and
// abort when the connection could not be taken over (the handler must then
// panic with http.ErrAbortHandler to drop it).
func (s *Server) answerFault(w *statusWriter, q *coreReq, f *fault, rec *recorder) (int, bool) {
	status := func(def int) int {
		if f.status != 0 {
			return f.status
		}
		return def
	}
	switch f.kind {
	case kindReset:
		return 0, !hijack(w, func(c net.Conn) { setLinger0(c) })
	case kindTruncate:
		body := rec.body.Bytes()
		st := rec.status
		if st == 0 {
			st = http.StatusOK
		}
		ok := hijack(w, func(c net.Conn) {
			var b bytes.Buffer
			fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", st, http.StatusText(st))
			h := rec.header.Clone()
			h.Set("Content-Length", strconv.Itoa(len(body)))
			h.Set("Connection", "close")
			h.Del("Transfer-Encoding")
			_ = h.Write(&b)
			b.WriteString("\r\n")
			b.Write(body[:len(body)/2])
			_, _ = c.Write(b.Bytes())
		})
		if !ok {
			return 0, true
		}
		w.status = st // for the access log
		return st, false
	}
	if f.retryAfter != "" {
		w.Header().Set("Retry-After", f.retryAfter)
	}
	switch f.kind {
	case kindStatus:
		writeError(w, f.apiError())
	case kindEmpty:
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(status(http.StatusOK))
	case kindNull:
		writeRaw(w, status(http.StatusOK), []byte("null"))
	case kindForeign:
		writeJSON(w, http.StatusOK, s.foreignObject(q, rec))
	case kindRedirect:
		w.Header().Set("Location", f.location)
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(status(http.StatusFound))
	case kindEcho:
		msg := "invalid request: " + string(q.body)
		writeError(w, &apiError{Status: status(http.StatusBadRequest), Message: msg,
			Errors: []fieldError{{Field: strPtr("body"), Message: msg}}})
	case kindEndless:
		rec.copyTo(w)
	}
	return w.status, false
}

// hijack takes the connection over, lets write use it and closes it.
func hijack(w http.ResponseWriter, write func(net.Conn)) bool {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return false
	}
	write(conn)
	_ = conn.Close()
	return true
}

// setLinger0 makes Close send a TCP RST instead of a FIN.
func setLinger0(c net.Conn) {
	for {
		switch t := c.(type) {
		case *net.TCPConn:
			_ = t.SetLinger(0)
			return
		case interface{ NetConn() net.Conn }: // *tls.Conn
			c = t.NetConn()
		default:
			return
		}
	}
}

// bearerToken is the request's bearer token, or "".
func bearerToken(r *http.Request) string {
	scheme, cred, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(cred)
}

// foreignObject is another object of the request path's collection, as a
// GET of it without query arguments would present it to the caller: not
// the path's SID nor the object of the real answer (rec). {} when there is
// none, the path is not a collection or the credentials are unknown. On
// an endpoint API the object is one of the same endpoint, unwrapped.
func (s *Server) foreignObject(q *coreReq, rec *recorder) map[string]any {
	api := apiOfPath(q.r.URL.Path)
	rt, ok := s.route(api, api.trim(q.r.URL.Path))
	if !ok {
		return map[string]any{}
	}
	c := rt.c
	exclude := map[string]bool{}
	if rt.item {
		exclude[rt.sid] = true
	}
	if rec != nil {
		if v, err := decodeJSON(rec.body.Bytes()); err == nil {
			if m, ok := v.(map[string]any); ok {
				if sid, ok := m[c.sidField].(string); ok {
					exclude[sid] = true
				}
			}
		}
	}
	var cx *callCtx
	if api != nil {
		ecx, e := s.authenticateEndpoint(q.r, api)
		if e != nil {
			return map[string]any{}
		}
		cx = ecx
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if cx == nil {
		tk, _, ok := s.resolveToken(bearerToken(q.r))
		if !ok {
			return map[string]any{}
		}
		cx = &callCtx{s: s, partnerSID: tk.partnerSID, tok: tk, query: url.Values{}, parentSID: rt.parentSID}
	}
	if c.parent != nil {
		pcx := *cx
		pcx.parentSID = ""
		if _, e := s.lookup(&pcx, c.parent, cx.parentSID); e != nil {
			return map[string]any{}
		}
	}
	for _, obj := range s.st.table(c.tableName()).all() {
		if sid, _ := obj[c.sidField].(string); exclude[sid] || !s.canSee(cx, c, obj) {
			continue
		}
		return s.present(cx, c, obj, fieldParams{})
	}
	return map[string]any{}
}
