package emulator

import (
	"context"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const (
	corePrefix    = "/core/v2"
	controlPrefix = "/_emulator"
	maxBody       = 16 << 20 // larger bodies answer 413
)

// action is a Core API route outside the generic collection operations:
// form-encoded OAuth calls, file uploads and downloads. run is called with
// the lock held; out may be a rawBody.
type action struct {
	path   string // below /core/v2; "{}" captures one segment
	method string
	scopes []string
	media  []string // accepted body media types; nil = the body is ignored
	run    func(cx *callCtx, r *http.Request, args []string, body []byte) (int, any, *apiError)
}

// rawBody is a non-JSON answer (file downloads).
type rawBody struct {
	contentType string
	data        []byte
}

// match returns the captured segments when path matches the action's.
func (a *action) match(path string) ([]string, bool) {
	segs, pat := strings.Split(path, "/"), strings.Split(a.path, "/")
	if len(segs) != len(pat) {
		return nil, false
	}
	var args []string
	for i, p := range pat {
		switch {
		case p == "{}" && segs[i] != "":
			args = append(args, segs[i])
		case p != segs[i]:
			return nil, false
		}
	}
	return args, true
}

// Options configure a Server.
type Options struct {
	Token string // all-scope token of the seeded partner; generated (UUID) when empty
	// AccessLog, when set, gets one line per request (method, path,
	// status); headers and bodies are never written.
	AccessLog io.Writer
	// RequestLogSize is how many records the request log (GET
	// /_emulator/requests) keeps; the oldest are dropped. 0 or less
	// means DefaultRequestLogSize.
	RequestLogSize int
	// AllowedHosts are Host header values accepted on /core/v2 and
	// /_emulator besides the loopback ones (localhost, 127.0.0.0/8,
	// [::1], any port): "name" accepts any port, "name:port" only that
	// port. Any other Host is refused with 403 (DNS rebinding).
	AllowedHosts []string
	// TotalAlwaysNull makes every list answer "total": null: a
	// deliberately wrong emulator, so cmd/carrierx-probe can be seen to
	// report a contradiction.
	TotalAlwaysNull bool
}

// DefaultRequestLogSize is the request log's default capacity.
const DefaultRequestLogSize = 10000

// Server is the in-memory CarrierX API. It implements http.Handler and is
// safe for concurrent use: one mutex guards all state.
type Server struct {
	mu          sync.Mutex
	token       string
	partnerSID  string
	gatewaySID  string
	collections map[string]*collection
	order       []*collection // route matching order
	actions     []action      // matched before the collections
	scopes      []string      // every scope the emulator knows
	st          *state
	seed        *state
	faults      []*fault
	log         requestLog
	seq         int
	allowed     []allowedHost
	accessLog   io.Writer
	logMu       sync.Mutex
	clockOffset atomic.Int64 // nanoseconds added to the real time (control API clock route)
	// testHookFilter, when set by a test, runs before the list filter
	// looks at candidate i of n (without the lock); ctx is the request's.
	testHookFilter func(ctx context.Context, i, n int)
}

// New returns a Server holding the seed state: one partner, its
// system_gateway endpoint and an all-scope token.
func New(opts Options) *Server {
	s := &Server{token: opts.Token, accessLog: opts.AccessLog, collections: map[string]*collection{},
		log: requestLog{size: opts.RequestLogSize}, allowed: parseAllowedHosts(opts.AllowedHosts)}
	if s.token == "" {
		s.token = newUUID()
	}
	if s.log.size <= 0 {
		s.log.size = DefaultRequestLogSize
	}
	for _, c := range allCollections() {
		c.nullTotal = c.nullTotal || opts.TotalAlwaysNull // the list envelope's own switch
		s.collections[c.name] = c
		s.order = append(s.order, c)
	}
	s.actions = allActions()
	s.scopes = s.knownScopes()
	s.st = newState()
	s.seedState()
	s.seed = s.st.clone()
	return s
}

// Token is the all-scope access token of the seeded partner.
func (s *Server) Token() string { return s.token }

// PartnerSID is the SID of the seeded partner.
func (s *Server) PartnerSID() string { return s.partnerSID }

// SystemGatewaySID is the SID of the seeded partner's system_gateway endpoint.
func (s *Server) SystemGatewaySID() string { return s.gatewaySID }

// knownScopes lists every scope named by a collection, plus each area's
// create/read/update/delete/manage family.
func (s *Server) knownScopes() []string {
	set := map[string]bool{}
	add := func(sc string) {
		set[sc] = true
		if i := strings.LastIndex(sc, "."); i > 0 {
			for _, v := range []string{"manage", "create", "read", "update", "delete"} {
				set[sc[:i+1]+v] = true
			}
		}
	}
	for _, sc := range extraScopes {
		add(sc)
	}
	for _, c := range s.collections {
		for _, list := range c.scopes {
			for _, sc := range list {
				add(sc)
			}
		}
	}
	for _, a := range s.actions {
		for _, sc := range a.scopes {
			add(sc)
		}
	}
	return slices.Sorted(maps.Keys(set))
}

func (s *Server) seedState() {
	cx := &callCtx{s: s, internal: true}
	p, e := s.createObject(cx, s.collections["partners"], map[string]any{})
	if e != nil {
		panic("emulator: seed partner: " + e.Message)
	}
	s.partnerSID = p["partner_sid"].(string)
	s.gatewaySID = s.gatewayOf(s.partnerSID)
	s.addToken(s.token, s.partnerSID, "emulator_master", s.scopes)
	ct := s.st.table("countries")
	for _, c := range countryData {
		ct.insert(c["iso_3166_alpha_3"].(string), c) // shared and never modified in place
	}
	dt := s.st.table(didTable)
	for _, obj := range inventory() {
		dt.insert(obj["did_sid"].(string), obj) // shared and never modified in place
	}
}

// statusWriter captures the status for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (Hijack).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// ServeHTTP routes /core/v2 to the Core API, /mediator/v1, /flexml/v1 and
// /conference/v2 to the endpoint APIs and /_emulator to the test-control API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w}
	path := r.URL.Path
	switch {
	case path == corePrefix || strings.HasPrefix(path, corePrefix+"/"):
		if e := s.checkHost(r); e != nil {
			writeError(sw, e)
			s.record(r, nil, sw.status, false)
		} else {
			s.serveCore(sw, r, nil)
		}
	case apiOfPath(path) != nil:
		api := apiOfPath(path)
		if e := s.checkHost(r); e != nil {
			api.writeError(sw, e)
			s.record(r, nil, sw.status, false)
		} else {
			s.serveCore(sw, r, api)
		}
	case path == controlPrefix || strings.HasPrefix(path, controlPrefix+"/"):
		if e := s.checkControl(r); e != nil {
			writeError(sw, e)
		} else {
			s.serveControl(sw, r)
		}
	case strings.HasPrefix(path, "/f/") && len(path) > 3 && !strings.Contains(path[3:], "/"):
		s.servePublic(sw, r)
	default:
		if !s.serveShort(sw, r) {
			writeError(sw, routeNotFound())
		}
	}
	if s.accessLog != nil {
		s.logMu.Lock()
		_, _ = fmt.Fprintf(s.accessLog, "%s %s %d\n", r.Method, path, sw.status)
		s.logMu.Unlock()
	}
}

// coreReq is a Core API request on its way through the pipeline. The body
// is read at most once, and only once the request has passed the checks
// that need no body (route, credentials, scope, media type), so a refused
// request never costs its body's size in memory.
type coreReq struct {
	r       *http.Request
	body    []byte
	read    bool
	readErr *apiError
}

func (q *coreReq) readBody() ([]byte, *apiError) {
	if !q.read {
		q.read = true
		b, err := io.ReadAll(io.LimitReader(q.r.Body, maxBody+1))
		switch {
		case err != nil:
			q.readErr = newError(http.StatusBadRequest, "Bad Request")
		case len(b) > maxBody:
			q.readErr = newError(http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		default:
			q.body = b
		}
	}
	return q.body, q.readErr
}

// serveCore serves the Core API (api nil) or an endpoint API: a fault
// with when=before answers instead of the request (before routing and
// credentials); otherwise the request runs, and a fault with when=after
// (or kind endless) replaces its answer when that is 2xx. A failed
// request does not consume the when=after fault.
func (s *Server) serveCore(w *statusWriter, r *http.Request, api *appAPI) {
	q := &coreReq{r: r}
	if s.hasFault(r.Method, r.URL.Path) {
		// the body is logged with the fault (and quoted by kind echo)
		if _, e := q.readBody(); e != nil {
			writeError(w, e)
			s.record(r, nil, w.status, false)
			return
		}
		if f := s.takeFault(r.Method, r.URL.Path); f != nil && s.serveBeforeFault(w, q, f) {
			return
		}
	}
	after := s.reserveFault(r.Method, r.URL.Path, s.isListGet(r))
	if after == nil {
		s.handleCore(w, q, api, false)
		s.record(r, q.body, w.status, false)
		return
	}
	rec := newRecorder()
	s.handleCore(rec, q, api, after.kind == kindEndless)
	if rec.status == 0 && r.Context().Err() != nil {
		s.releaseFault(after, false) // the client left during the request
		s.record(r, q.body, 0, false)
		return
	}
	if rec.status < 200 || rec.status > 299 {
		s.releaseFault(after, false)
		rec.copyTo(w)
		s.record(r, q.body, w.status, false)
		return
	}
	s.releaseFault(after, true)
	s.serveAfterFault(w, q, after, rec)
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func isJSONContentType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == "application/json"
}

// coreRoute is a matched Core API path.
type coreRoute struct {
	c         *collection
	parentSID string
	sid       string
	item      bool // /<collection>/<sid>
}

// route matches the path below the base path of api (nil: /core/v2)
// against the path of every collection of that API; "{}" segments capture
// the parent's SID.
func (s *Server) route(api *appAPI, path string) (coreRoute, bool) {
	segs := strings.Split(path, "/")
	for _, c := range s.order {
		if c.api != api {
			continue
		}
		pat := strings.Split(c.routePath(), "/")
		if len(segs) != len(pat) && len(segs) != len(pat)+1 {
			continue
		}
		rt := coreRoute{c: c}
		ok := true
		for i, p := range pat {
			switch {
			case p == "{}" && segs[i] != "":
				rt.parentSID = segs[i]
			case p != segs[i]:
				ok = false
			}
			if !ok {
				break
			}
		}
		if !ok {
			continue
		}
		if len(segs) == len(pat)+1 {
			if segs[len(pat)] == "" {
				continue
			}
			rt.sid, rt.item = segs[len(pat)], true
		}
		return rt, true
	}
	return coreRoute{}, false
}

// handleCore serves the Core API (api nil) or an endpoint API: route
// (404/405), credentials (401), scope (403, Core API only), media type
// (415), body size (413), JSON body (400), then the operation itself.
// endless pages lists as the "endless" fault does.
func (s *Server) handleCore(w http.ResponseWriter, q *coreReq, api *appAPI, endless bool) {
	r := q.r
	path := api.trim(r.URL.Path)
	writeError := api.writeError
	var actionMethods []string
	for i := range s.actions {
		a := &s.actions[i]
		args, ok := a.match(path)
		if !ok || api != nil {
			continue
		}
		if a.method == r.Method {
			s.runAction(w, q, a, args)
			return
		}
		actionMethods = append(actionMethods, a.method)
	}
	rt, found := s.route(api, path)
	if !found {
		if len(actionMethods) > 0 {
			w.Header().Set("Allow", strings.Join(actionMethods, ", "))
			writeError(w, newError(http.StatusMethodNotAllowed, "Method Not Allowed"))
			return
		}
		writeError(w, routeNotFound())
		return
	}
	c := rt.c
	var o op
	var allowed []string
	if !rt.item {
		allowed = methodsFor(c, opList, opCreate)
		switch r.Method {
		case http.MethodGet:
			o = opList
		case http.MethodPost:
			o = opCreate
		default:
			o = -1
		}
	} else {
		allowed = methodsFor(c, opGet, opUpdate, opDelete)
		switch r.Method {
		case http.MethodGet:
			o = opGet
		case http.MethodPatch, http.MethodPut:
			o = opUpdate
		case http.MethodDelete:
			o = opDelete
		default:
			o = -1
		}
	}
	if o < 0 || !c.allows(o) {
		for _, m := range actionMethods {
			if !slices.Contains(allowed, m) {
				allowed = append(allowed, m)
			}
		}
		if len(allowed) == 0 {
			writeError(w, routeNotFound())
			return
		}
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeError(w, newError(http.StatusMethodNotAllowed, "Method Not Allowed"))
		return
	}
	var cx *callCtx
	var e *apiError
	if api == nil {
		cx, e = s.authenticate(r, c.scopes[o])
	} else {
		cx, e = s.authenticateEndpoint(r, api)
	}
	if e != nil {
		writeError(w, e)
		return
	}
	cx.origin = requestOrigin(r)
	var in map[string]any
	if (o == opCreate || o == opUpdate) && !isJSONContentType(r.Header.Get("Content-Type")) {
		writeError(w, newError(http.StatusUnsupportedMediaType, "Unsupported media type"))
		return
	}
	body, e := q.readBody()
	if e != nil {
		writeError(w, e)
		return
	}
	if o == opCreate || o == opUpdate {
		v, err := decodeJSON(body)
		m, ok := v.(map[string]any)
		if err != nil || !ok {
			writeError(w, newError(http.StatusBadRequest, "No JSON object could be decoded"))
			return
		}
		in = m
	}
	cx.query = r.URL.Query()
	cx.body = in
	if api == nil {
		cx.parentSID = rt.parentSID // an endpoint API's parent is the endpoint of the credentials
	}
	var status int
	var out any
	var b []byte
	if o == opList {
		// answers are fresh copies: marshalled without the lock
		status, out, e = s.listOp(cx, rt, r, endless)
		if e == nil {
			var err error
			if b, err = jsonMarshal(api.wrap(status, out)); err != nil {
				e = newError(http.StatusInternalServerError, "Internal Server Error")
			}
		}
	} else {
		s.mu.Lock()
		status, out, e = s.execute(cx, rt, o, r, in)
		if e == nil && out != nil {
			var err error
			if b, err = jsonMarshal(api.wrap(status, out)); err != nil {
				e = newError(http.StatusInternalServerError, "Internal Server Error")
			}
		}
		s.mu.Unlock()
	}
	switch {
	case e == errClientGone:
	case e != nil:
		writeError(w, e)
	case b != nil:
		writeRaw(w, status, b)
	default:
		w.WriteHeader(status)
	}
}

// runAction: credentials (401), scope (403), media type (415), body size
// (413), then run.
func (s *Server) runAction(w http.ResponseWriter, q *coreReq, a *action, args []string) {
	r := q.r
	cx, e := s.authenticate(r, a.scopes)
	if e != nil {
		writeError(w, e)
		return
	}
	if a.media != nil {
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || !slices.Contains(a.media, mt) {
			writeError(w, newError(http.StatusUnsupportedMediaType, "Unsupported media type"))
			return
		}
	}
	body, e := q.readBody()
	if e != nil {
		writeError(w, e)
		return
	}
	cx.query = r.URL.Query()
	s.mu.Lock()
	status, out, e := a.run(cx, r, args, body)
	var b []byte
	raw, isRaw := out.(rawBody)
	if e == nil && out != nil && !isRaw {
		var err error
		if b, err = jsonMarshal(out); err != nil {
			e = newError(http.StatusInternalServerError, "Internal Server Error")
		}
	}
	s.mu.Unlock()
	switch {
	case e != nil:
		writeError(w, e)
	case isRaw:
		w.Header().Set("Content-Type", raw.contentType)
		w.Header().Set("Content-Length", strconv.Itoa(len(raw.data)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(raw.data)
		}
	case b != nil:
		writeRaw(w, status, b)
	default:
		w.WriteHeader(status)
	}
}

func methodsFor(c *collection, ops ...op) []string {
	var out []string
	for _, o := range ops {
		if !c.allows(o) {
			continue
		}
		switch o {
		case opList, opGet:
			out = append(out, http.MethodGet)
		case opCreate:
			out = append(out, http.MethodPost)
		case opUpdate:
			out = append(out, http.MethodPatch, http.MethodPut)
		case opDelete:
			out = append(out, http.MethodDelete)
		}
	}
	return out
}

// prepare checks, with the lock held, what every operation needs: the
// parent of a sub-collection must be visible (else 404 naming it), then
// the collection's own query arguments are checked (they may give an
// extra predicate for lists).
func (s *Server) prepare(cx *callCtx, rt coreRoute, o op) (func(map[string]any) bool, *apiError) {
	c := rt.c
	if c.api != nil {
		s.syncApps()
	}
	if c.parent != nil {
		pcx := *cx
		pcx.parentSID = ""
		if _, e := s.lookup(&pcx, c.parent, cx.parentSID); e != nil {
			return nil, e
		}
	}
	if c.args != nil {
		return c.args(cx, o)
	}
	return nil, nil
}

// execute runs one operation other than a list with the lock held.
func (s *Server) execute(cx *callCtx, rt coreRoute, o op, r *http.Request, in map[string]any) (int, any, *apiError) {
	c, q := rt.c, cx.query
	if _, e := s.prepare(cx, rt, o); e != nil {
		return 0, nil, e
	}
	if o == opCreate {
		if c.reuse != nil {
			obj, e := c.reuse(cx, in)
			if e != nil {
				return 0, nil, e
			}
			if obj != nil {
				return http.StatusOK, s.present(cx, c, obj, fieldParams{}), nil
			}
		}
		obj, e := s.createObject(cx, c, in)
		if e != nil {
			return 0, nil, e
		}
		s.afterWrite(c)
		return http.StatusOK, s.present(cx, c, obj, fieldParams{}), nil
	}
	fp, e := parseFieldParams(q)
	if e != nil && o == opGet {
		return 0, nil, e
	}
	obj, e := s.lookup(cx, c, rt.sid)
	if e != nil {
		return 0, nil, e
	}
	switch o {
	case opGet:
		return http.StatusOK, s.present(cx, c, obj, fp), nil
	case opUpdate:
		obj, e = s.updateObject(cx, c, obj, in, r.Method == http.MethodPut)
		if e != nil {
			return 0, nil, e
		}
		s.afterWrite(c)
		return http.StatusOK, s.present(cx, c, obj, fieldParams{}), nil
	}
	if e := s.deleteObject(cx, c, obj); e != nil {
		return 0, nil, e
	}
	s.afterWrite(c)
	return http.StatusNoContent, nil, nil
}

// authenticate resolves the bearer token and checks that it holds one of
// the accepted scopes.
func (s *Server) authenticate(r *http.Request, accepted []string) (*callCtx, *apiError) {
	h := strings.TrimSpace(r.Header.Get("Authorization"))
	if h == "" {
		return nil, newError(http.StatusUnauthorized, "Unauthorized")
	}
	scheme, cred, _ := strings.Cut(h, " ")
	cred = strings.TrimSpace(cred)
	if !strings.EqualFold(scheme, "Bearer") {
		return nil, newError(http.StatusUnauthorized, "Bad credentials")
	}
	if cred == "" {
		return nil, newError(http.StatusUnauthorized, "Unauthorized")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tk, obj, ok := s.resolveToken(cred)
	if !ok {
		return nil, newError(http.StatusUnauthorized, "Bad credentials")
	}
	s.touchToken(obj, r)
	for _, sc := range accepted {
		if tk.scopes[sc] {
			return &callCtx{s: s, partnerSID: tk.partnerSID, tok: tk, query: url.Values{}}, nil
		}
	}
	return nil, forbidden("token lacks every scope this method accepts: " + strings.Join(accepted, ", "))
}
