package emulator

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// access is the documented access flag of an attribute.
type access int

const (
	rw         access = iota // writable on create and update
	createOnly               // writable on create; an update must not change it
	readOnly                 // set by the server; ignored in request bodies
	rwSparse                 // writable, but absent until set and not required by PUT
)

type attrSpec struct {
	name   string
	access access
}

// op is a Core API operation on a collection.
type op int

const (
	opList op = iota
	opGet
	opCreate
	opUpdate
	opDelete
)

// callCtx is the caller of an operation. internal marks emulator-made
// objects (seed state) that bypass API-only restrictions.
type callCtx struct {
	s          *Server
	partnerSID string
	internal   bool
	tok        *token         // nil for internal calls
	query      url.Values     // the request's query arguments (never nil)
	body       map[string]any // the decoded create/update body
	parentSID  string         // sub-collections: the SID of the parent in the path
	pending    []map[string]any
	upload     *upload // storage files: the content being created
	origin     string  // scheme://host of the request ("" for internal calls)
}

// hasScope reports whether the caller's token holds one of the scopes.
func (cx *callCtx) hasScope(scopes ...string) bool {
	if cx.tok == nil {
		return true
	}
	for _, sc := range scopes {
		if cx.tok.scopes[sc] {
			return true
		}
	}
	return false
}

// collection describes one Core API collection; per-type behaviour lives
// in the hooks. All hooks run with the server lock held.
type collection struct {
	name     string      // control-API name, e.g. "phonenumber.dids"
	path     string      // path below the API's base path ("{}" = the parent's SID); default name
	api      *appAPI     // the endpoint API serving the collection; nil = the Core API
	tbl      string      // table the objects live in; default name
	parent   *collection // sub-collections: the collection of the "{}" segment
	sidField string
	attrs    []attrSpec
	// virtual are extra names that filter and order accept (view adds them).
	virtual      []string
	scopes       map[op][]string // any one of them allows the operation
	defaultLimit int             // 0 = the global default
	nullTotal    bool            // lists answer "total": null
	ownerLink    bool            // the table link holds the creating partner
	// build validates and completes obj: defaults and generated values on
	// create (old == nil), normalisation of the attributes in changed.
	build func(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError
	// afterCreate runs side effects of a successful create.
	afterCreate func(cx *callCtx, obj map[string]any)
	// afterUpdate runs side effects of a successful PATCH/PUT.
	afterUpdate func(cx *callCtx, obj, old map[string]any)
	// controlDeleted runs after an out-of-band control-API delete.
	controlDeleted func(s *Server, obj map[string]any)
	// guard may refuse an update or delete of an existing object.
	guard func(cx *callCtx, o op, obj map[string]any) *apiError
	// visible tells whether the caller may see obj.
	visible func(cx *callCtx, obj map[string]any) bool
	// related returns the objects embedded by with_related=true.
	related func(cx *callCtx, obj map[string]any) map[string]any
	// view completes obj (a copy it may extend) as the caller sees it;
	// forFilter adds what only filters and ordering use.
	view func(cx *callCtx, obj map[string]any, forFilter bool) map[string]any
	// args checks the collection's own query arguments for an operation
	// and may return an extra predicate for lists.
	args func(cx *callCtx, o op) (func(obj map[string]any) bool, *apiError)
	// fetch replaces the table lookup for computed objects.
	fetch func(cx *callCtx, sid string) (map[string]any, *apiError)
	// release replaces the removal on DELETE.
	release func(cx *callCtx, obj map[string]any)
	// seed replaces createObject for control-API seeding (objects the
	// Core API does not create from a JSON body).
	seed func(cx *callCtx, body map[string]any) (map[string]any, *apiError)
	// noSeed says why the control API cannot seed the collection (objects
	// the emulator makes by itself); "" = it can.
	noSeed string
	// nearby gives the coordinates of an object for the "nearby" filter
	// operator; nil means the collection does not support it.
	nearby func(obj map[string]any) (lat, lng float64, ok bool)
	// reuse may answer a create with an existing object instead.
	reuse func(cx *callCtx, body map[string]any) (map[string]any, *apiError)
	// expires gives the time an object is gone at (ok false: never);
	// expired objects are removed when the endpoint APIs are synced.
	expires func(obj map[string]any) (at time.Time, ok bool)
}

func (c *collection) routePath() string {
	if c.path != "" {
		return c.path
	}
	return c.name
}

func (c *collection) tableName() string {
	if c.tbl != "" {
		return c.tbl
	}
	return c.name
}

func (c *collection) attr(name string) (attrSpec, bool) {
	for _, a := range c.attrs {
		if a.name == name {
			return a, true
		}
	}
	return attrSpec{}, false
}

func (c *collection) allows(o op) bool { _, ok := c.scopes[o]; return ok }

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

// createObject runs the create logic shared by the Core API and seeding.
func (s *Server) createObject(cx *callCtx, c *collection, body map[string]any) (map[string]any, *apiError) {
	obj, e := s.prepareObject(cx, c, body)
	if e != nil {
		return nil, e
	}
	link := ""
	switch {
	case c.parent != nil:
		link = cx.parentSID
	case c.ownerLink:
		link = cx.partnerSID
	}
	s.storeObject(cx, c, obj, link)
	return obj, nil
}

// prepareObject validates a create body and builds the object without
// storing it.
func (s *Server) prepareObject(cx *callCtx, c *collection, body map[string]any) (map[string]any, *apiError) {
	var v validation
	obj := map[string]any{}
	changed := map[string]bool{}
	for _, k := range sortedKeys(body) {
		a, ok := c.attr(k)
		switch {
		case !ok:
			v.add(k, "unknown attribute "+k)
		case a.access == readOnly:
		default:
			obj[k] = deepCopy(body[k])
		}
	}
	for _, a := range c.attrs {
		if _, ok := obj[a.name]; a.access != rwSparse || ok {
			changed[a.name] = true
		}
	}
	if e := v.err(); e != nil {
		return nil, e
	}
	obj[c.sidField] = newUUID()
	if e := c.build(cx, obj, nil, changed); e != nil {
		return nil, e
	}
	return obj, nil
}

// storeObject inserts a built object and runs afterCreate.
func (s *Server) storeObject(cx *callCtx, c *collection, obj map[string]any, link string) {
	t := s.st.table(c.tableName())
	sid := obj[c.sidField].(string)
	t.insert(sid, obj)
	if link != "" {
		t.link[sid] = link
	}
	if c.afterCreate != nil {
		c.afterCreate(cx, obj)
	}
}

// updateObject applies a PATCH (full=false) or PUT (full=true) body.
func (s *Server) updateObject(cx *callCtx, c *collection, old, body map[string]any, full bool) (map[string]any, *apiError) {
	if c.guard != nil {
		if e := c.guard(cx, opUpdate, old); e != nil {
			return nil, e
		}
	}
	var v validation
	obj := copyObject(old)
	changed := map[string]bool{}
	for _, k := range sortedKeys(body) {
		a, ok := c.attr(k)
		switch {
		case !ok:
			v.add(k, "unknown attribute "+k)
		case a.access == readOnly:
		case a.access == createOnly:
			if !jsonEqual(body[k], old[k]) {
				v.add(k, k+" cannot be changed after creation")
			}
		default:
			obj[k] = deepCopy(body[k])
			changed[k] = true
		}
	}
	if full {
		for _, a := range c.attrs {
			if _, ok := body[a.name]; a.access == rw && !ok {
				v.add(a.name, a.name+" is required in a full update (PUT)")
			}
		}
	}
	if e := v.err(); e != nil {
		return nil, e
	}
	if e := c.build(cx, obj, old, changed); e != nil {
		return nil, e
	}
	s.st.table(c.tableName()).replace(obj[c.sidField].(string), obj)
	if c.afterUpdate != nil {
		c.afterUpdate(cx, obj, old)
	}
	return obj, nil
}

// canSee applies the parent link of sub-collections and the visible hook.
func (s *Server) canSee(cx *callCtx, c *collection, obj map[string]any) bool {
	if c.parent != nil {
		sid, _ := obj[c.sidField].(string)
		if s.st.table(c.tableName()).link[sid] != cx.parentSID {
			return false
		}
	}
	return c.visible == nil || c.visible(cx, obj)
}

// lookup finds an object the caller may see.
func (s *Server) lookup(cx *callCtx, c *collection, sid string) (map[string]any, *apiError) {
	if c.fetch != nil {
		return c.fetch(cx, sid)
	}
	obj, ok := s.st.table(c.tableName()).get(sid)
	if !ok || !s.canSee(cx, c, obj) {
		return nil, notFoundSID(sid)
	}
	return obj, nil
}

func (s *Server) deleteObject(cx *callCtx, c *collection, obj map[string]any) *apiError {
	if c.guard != nil {
		if e := c.guard(cx, opDelete, obj); e != nil {
			return e
		}
	}
	if c.release != nil {
		c.release(cx, obj)
		return nil
	}
	s.st.table(c.tableName()).remove(obj[c.sidField].(string))
	return nil
}

// present renders obj for a response: view, with_related, then field
// filtering.
func (s *Server) present(cx *callCtx, c *collection, obj map[string]any, fp fieldParams) map[string]any {
	out := copyObject(obj)
	if c.view != nil {
		out = c.view(cx, out, false)
	}
	if fp.withRelated && c.related != nil {
		for k, v := range c.related(cx, obj) {
			out[k] = v
		}
	}
	return fp.apply(out)
}

// filterView is obj as filters and ordering see it.
func (s *Server) filterView(cx *callCtx, c *collection, obj map[string]any) map[string]any {
	if c.view == nil {
		return obj
	}
	cp := make(map[string]any, len(obj)+2)
	for k, v := range obj {
		cp[k] = v
	}
	return c.view(cx, cp, true)
}

// forbidden answers 403 with a reason.
func forbidden(message string) *apiError {
	e := newError(http.StatusForbidden, "Forbidden")
	e.Errors[0].Message = message
	return e
}

// conflict answers 409 naming the objects that still reference one.
func conflict(message string, refs []fieldError) *apiError {
	e := &apiError{Status: http.StatusConflict, Message: message, Errors: refs}
	if len(refs) == 0 {
		e.Errors = []fieldError{{Message: strings.ToLower(message)}}
	}
	return e
}

// relatedPartner embeds the owning partner (null when it is gone).
func relatedPartner(cx *callCtx, obj map[string]any) map[string]any {
	sid, _ := obj["partner_sid"].(string)
	var p any
	if po, ok := cx.s.st.table("partners").get(sid); ok {
		p = copyObject(po)
	}
	return map[string]any{"partner": p}
}
