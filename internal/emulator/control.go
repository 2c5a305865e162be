package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// maxLoggedText: longer bodies (JSON or not) are logged as "<N bytes>".
const maxLoggedText = 64 << 10

type requestRecord struct {
	Seq    int    `json:"seq"`
	Method string `json:"method"`
	Path   string `json:"path"`
	Query  string `json:"query"`
	Status int    `json:"status"`
	Body   any    `json:"body"`
	Fault  bool   `json:"fault"`
}

// requestLog is a ring buffer of the last size records.
type requestLog struct {
	size  int
	buf   []requestRecord
	start int // index of the oldest record once buf is full
}

func (l *requestLog) add(rec requestRecord) {
	if len(l.buf) < l.size {
		l.buf = append(l.buf, rec)
		return
	}
	l.buf[l.start] = rec
	l.start = (l.start + 1) % l.size
}

// list returns the kept records, oldest first.
func (l *requestLog) list() []requestRecord {
	out := make([]requestRecord, 0, len(l.buf))
	out = append(out, l.buf[l.start:]...)
	return append(out, l.buf[:l.start]...)
}

func (l *requestLog) clear() { l.buf, l.start = nil, 0 }

// refusedStatus: answers whose request body is never kept in the log.
func refusedStatus(status int) bool {
	switch status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType:
		return true
	}
	return false
}

// record logs a Core API request with the status the client got (0: no
// answer); headers are never kept, nor the body of a refused request.
func (s *Server) record(r *http.Request, body []byte, status int, faulted bool) {
	var b any
	switch {
	case refusedStatus(status) || len(bytes.TrimSpace(body)) == 0:
	case len(body) > maxLoggedText:
		b = fmt.Sprintf("<%d bytes>", len(body))
	default:
		if v, err := decodeJSON(body); err == nil {
			b = v
		} else {
			b = string(body)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	s.log.add(requestRecord{Seq: s.seq, Method: r.Method, Path: r.URL.Path,
		Query: r.URL.RawQuery, Status: status, Body: b, Fault: faulted})
}

// decodeControl decodes a control body strictly, so test typos surface.
func decodeControl(r *http.Request, dst any) *apiError {
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return badRequest("body", "invalid control request body: "+err.Error())
	}
	return nil
}

func (s *Server) serveControl(w http.ResponseWriter, r *http.Request) {
	segs := strings.Split(strings.Trim(strings.TrimPrefix(r.URL.Path, controlPrefix), "/"), "/")
	route := segs[0]
	var e *apiError
	switch {
	case route == "reset" && len(segs) == 1:
		e = s.onlyMethod(w, r, http.MethodPost, s.ctlReset)
	case route == "seed" && len(segs) == 1:
		e = s.onlyMethod(w, r, http.MethodPost, s.ctlSeed)
	case route == "objects" && len(segs) == 3:
		e = s.ctlObject(w, r, segs[1], segs[2])
	case route == "tokens" && len(segs) == 1:
		e = s.onlyMethod(w, r, http.MethodPost, s.ctlCreateToken)
	case route == "tokens" && len(segs) == 2:
		e = s.onlyMethod(w, r, http.MethodDelete, func(w http.ResponseWriter, r *http.Request) *apiError {
			return s.ctlRevokeToken(w, segs[1])
		})
	case route == "partners" && len(segs) == 3:
		e = s.ctlPartner(w, r, segs[1], segs[2])
	case route == "faults" && len(segs) == 1:
		e = s.ctlFaults(w, r)
	case route == "requests" && len(segs) == 1:
		e = s.ctlRequests(w, r)
	case route == "endpoints" && len(segs) == 3 && segs[2] == "rotate_password":
		e = s.onlyMethod(w, r, http.MethodPost, func(w http.ResponseWriter, r *http.Request) *apiError {
			return s.ctlRotatePassword(w, segs[1])
		})
	case route == "clock" && len(segs) == 1:
		e = s.ctlClock(w, r)
	default:
		e = routeNotFound()
	}
	if e != nil {
		writeError(w, e)
	}
}

func methodNotAllowed(w http.ResponseWriter, allow ...string) *apiError {
	w.Header().Set("Allow", strings.Join(allow, ", "))
	return newError(http.StatusMethodNotAllowed, "Method Not Allowed")
}

func (s *Server) onlyMethod(w http.ResponseWriter, r *http.Request, m string, h func(http.ResponseWriter, *http.Request) *apiError) *apiError {
	if r.Method != m {
		return methodNotAllowed(w, m)
	}
	return h(w, r)
}

// ctlReset restores the seed state; SIDs and the master token survive
// because the seed state is a snapshot.
func (s *Server) ctlReset(w http.ResponseWriter, r *http.Request) *apiError {
	s.mu.Lock()
	s.st = s.seed.clone()
	s.clockOffset.Store(0)
	s.faults = nil
	s.log.clear()
	s.seq = 0
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// substitute replaces {n} in every string of a JSON value.
func substitute(v any, n string) any {
	switch t := v.(type) {
	case string:
		return strings.ReplaceAll(t, "{n}", n)
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = substitute(x, n)
		}
		return m
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = substitute(x, n)
		}
		return out
	}
	return v
}

const maxSeed = 100000

func (s *Server) ctlSeed(w http.ResponseWriter, r *http.Request) *apiError {
	var req struct {
		Collection string         `json:"collection"`
		Count      int            `json:"count"`
		Object     map[string]any `json:"object"`
		ParentSID  string         `json:"parent_sid"`
	}
	if e := decodeControl(r, &req); e != nil {
		return e
	}
	c := s.collections[req.Collection]
	if c == nil {
		return badRequest("collection", fmt.Sprintf("unknown collection %q", req.Collection))
	}
	if c.build == nil || c.noSeed != "" {
		why := "built-in data"
		if c.noSeed != "" {
			why = c.noSeed
		}
		return badRequest("collection", fmt.Sprintf("collection %q cannot be seeded (%s)", req.Collection, why))
	}
	if (c.parent != nil) != (req.ParentSID != "") {
		if c.parent != nil {
			return badRequest("parent_sid", fmt.Sprintf("collection %q needs parent_sid (a %s SID)", req.Collection, c.parent.name))
		}
		return badRequest("parent_sid", fmt.Sprintf("collection %q has no parent", req.Collection))
	}
	if req.Count < 1 || req.Count > maxSeed {
		return badRequest("count", fmt.Sprintf("count must be between 1 and %d", maxSeed))
	}
	if req.Object == nil {
		req.Object = map[string]any{}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cx := &callCtx{s: s, partnerSID: s.partnerSID, query: url.Values{}, parentSID: req.ParentSID, origin: requestOrigin(r)}
	if c.parent != nil {
		p, ok := s.st.table(c.parent.tableName()).get(req.ParentSID)
		if !ok {
			return badRequest("parent_sid", fmt.Sprintf("unknown %s SID %q", c.parent.name, req.ParentSID))
		}
		if c.api != nil {
			if p["type"] != c.api.epType {
				return badRequest("parent_sid", fmt.Sprintf("collection %q belongs to %s endpoints; %s is a %v endpoint", req.Collection, c.api.epType, req.ParentSID, p["type"]))
			}
			cx.partnerSID, _ = p["partner_sid"].(string)
			s.syncApps()
		}
	}
	defer s.syncApps()
	sids := make([]string, 0, req.Count)
	for i := 0; i < req.Count; i++ {
		body := substitute(req.Object, fmt.Sprint(i)).(map[string]any)
		cx.body = body
		var obj map[string]any
		var e *apiError
		if c.seed != nil {
			obj, e = c.seed(cx, body)
		} else {
			obj, e = s.createObject(cx, c, body)
		}
		if e != nil {
			e.Message = fmt.Sprintf("%s (seed object %d; %d created before it)", e.Message, i, i)
			return e
		}
		sids = append(sids, obj[c.sidField].(string))
	}
	writeJSON(w, http.StatusOK, map[string]any{"sids": sids})
	return nil
}

// ctlObject reads, drifts or deletes a stored object out of band, with no
// validation or ownership checks.
func (s *Server) ctlObject(w http.ResponseWriter, r *http.Request, coll, sid string) *apiError {
	if s.collections[coll] == nil {
		return badRequest("collection", fmt.Sprintf("unknown collection %q", coll))
	}
	var patch map[string]any
	if r.Method == http.MethodPatch {
		if e := decodeControl(r, &patch); e != nil {
			return e
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.syncApps()
	defer s.syncApps()
	t := s.st.table(s.collections[coll].tableName())
	obj, ok := t.get(sid)
	if !ok {
		return notFoundSID(sid)
	}
	switch r.Method {
	case http.MethodGet:
	case http.MethodPatch:
		obj = copyObject(obj)
		for k, v := range patch {
			obj[k] = v
		}
		t.replace(sid, obj)
	case http.MethodDelete:
		t.remove(sid)
		if c := s.collections[coll]; c.controlDeleted != nil {
			c.controlDeleted(s, obj)
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	default:
		return methodNotAllowed(w, http.MethodGet, http.MethodPatch, http.MethodDelete)
	}
	writeJSON(w, http.StatusOK, obj)
	return nil
}

func (s *Server) ctlCreateToken(w http.ResponseWriter, r *http.Request) *apiError {
	var req struct {
		Scopes     []string `json:"scopes"`
		Name       string   `json:"name"`
		PartnerSID string   `json:"partner_sid"`
	}
	if e := decodeControl(r, &req); e != nil {
		return e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if req.PartnerSID == "" {
		req.PartnerSID = s.partnerSID
	}
	if _, ok := s.st.table("partners").get(req.PartnerSID); !ok {
		return badRequest("partner_sid", fmt.Sprintf("unknown partner %q", req.PartnerSID))
	}
	if req.Scopes == nil {
		req.Scopes = []string{}
	}
	if req.Name == "" {
		req.Name = "emulator_token"
	}
	writeJSON(w, http.StatusOK, s.addToken(newUUID(), req.PartnerSID, req.Name, req.Scopes))
	return nil
}

func (s *Server) ctlRevokeToken(w http.ResponseWriter, tokenSID string) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.removeToken(tokenSID) {
		return notFoundSID(tokenSID)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) ctlFaults(w http.ResponseWriter, r *http.Request) *apiError {
	switch r.Method {
	case http.MethodPost:
		var req faultRequest
		if e := decodeControl(r, &req); e != nil {
			return e
		}
		f, e := req.fault()
		if e != nil {
			return e
		}
		s.mu.Lock()
		s.faults = append(s.faults, f)
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"fault_id": f.id})
	case http.MethodGet:
		s.mu.Lock()
		list := []any{}
		for _, f := range s.faults {
			list = append(list, f.describe())
		}
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"faults": list})
	case http.MethodDelete:
		s.mu.Lock()
		s.faults = nil
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	default:
		return methodNotAllowed(w, http.MethodGet, http.MethodPost, http.MethodDelete)
	}
	return nil
}

func (s *Server) ctlRequests(w http.ResponseWriter, r *http.Request) *apiError {
	switch r.Method {
	case http.MethodGet:
		s.mu.Lock()
		list := s.log.list()
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"requests": list})
	case http.MethodDelete:
		s.mu.Lock()
		s.log.clear()
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	default:
		return methodNotAllowed(w, http.MethodGet, http.MethodDelete)
	}
	return nil
}

// ctlPartner: GET .../credentials, POST .../verify, POST .../limits.
func (s *Server) ctlPartner(w http.ResponseWriter, r *http.Request, sid, what string) *apiError {
	switch what {
	case "credentials":
		return s.onlyMethod(w, r, http.MethodGet, func(w http.ResponseWriter, r *http.Request) *apiError {
			s.mu.Lock()
			defer s.mu.Unlock()
			p, ok := s.st.table("partners").get(sid)
			if !ok {
				return notFoundSID(sid)
			}
			ps := s.secret(sid)
			writeJSON(w, http.StatusOK, map[string]any{"partner_sid": sid, "login": p["login"],
				"client_id": ps.clientID, "client_secret": ps.clientSecret})
			return nil
		})
	case "verify":
		return s.onlyMethod(w, r, http.MethodPost, func(w http.ResponseWriter, r *http.Request) *apiError {
			s.mu.Lock()
			defer s.mu.Unlock()
			t := s.st.table("partners")
			p, ok := t.get(sid)
			if !ok {
				return notFoundSID(sid)
			}
			p = copyObject(p)
			p["status"] = "active"
			t.replace(sid, p)
			writeJSON(w, http.StatusOK, s.present(&callCtx{s: s, partnerSID: sid, internal: true}, s.collections["partners"], p, fieldParams{}))
			return nil
		})
	case "limits":
		return s.onlyMethod(w, r, http.MethodPost, func(w http.ResponseWriter, r *http.Request) *apiError {
			var req struct {
				Containers *int `json:"containers"`
			}
			if e := decodeControl(r, &req); e != nil {
				return e
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			if _, ok := s.st.table("partners").get(sid); !ok {
				return notFoundSID(sid)
			}
			if req.Containers != nil {
				if *req.Containers < 0 {
					return badRequest("containers", "containers must be >= 0")
				}
				s.st.limits[sid] = *req.Containers
			}
			writeJSON(w, http.StatusOK, map[string]any{"containers": s.containerLimit(sid)})
			return nil
		})
	}
	return routeNotFound()
}

// ctlRotatePassword gives a hosted endpoint a new generated password, as
// CarrierX would: the Core API shows it, the old one answers 401. The
// answer never holds the password.
func (s *Server) ctlRotatePassword(w http.ResponseWriter, sid string) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	ep, ok := s.st.table("endpoints").get(sid)
	if !ok {
		return notFoundSID(sid)
	}
	if !s.setEndpointPassword(sid, randString(12, alnum)) {
		return badRequest("endpoint_sid", fmt.Sprintf("endpoint %s (type %v) has no generated credentials", sid, ep["type"]))
	}
	props, _ := ep["properties"].(map[string]any)
	writeJSON(w, http.StatusOK, map[string]any{"endpoint_sid": sid, "login": props["login"]})
	return nil
}

// ctlClock reads (GET) or advances (POST {"advance_seconds": n}) the
// emulator's clock, so that TTLs and lifecycles pass without waiting.
func (s *Server) ctlClock(w http.ResponseWriter, r *http.Request) *apiError {
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost:
		var req struct {
			AdvanceSeconds *int64 `json:"advance_seconds"`
		}
		if e := decodeControl(r, &req); e != nil {
			return e
		}
		if req.AdvanceSeconds == nil || *req.AdvanceSeconds < 0 {
			return badRequest("advance_seconds", "advance_seconds must be an integer >= 0 (the clock never goes back)")
		}
		s.clockOffset.Add(int64(time.Duration(*req.AdvanceSeconds) * time.Second))
	default:
		return methodNotAllowed(w, http.MethodGet, http.MethodPost)
	}
	writeJSON(w, http.StatusOK, map[string]any{"now": s.isoNow()})
	return nil
}
