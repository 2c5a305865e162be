package emulator

import (
	"net/http"
	"sort"
)

// access is the documented access flag of an attribute.
type access int

const (
	rw         access = iota // writable on create and update
	createOnly               // writable on create; an update must not change it
	readOnly                 // set by the server; ignored in request bodies
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
}

// collection describes one Core API collection; per-type behaviour lives
// in the hooks. All hooks run with the server lock held.
type collection struct {
	name     string // path segment, e.g. "endpoints"
	sidField string
	attrs    []attrSpec
	scopes   map[op][]string // any one of them allows the operation
	// build validates and completes obj: defaults and generated values on
	// create (old == nil), normalisation of the attributes in changed.
	build func(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError
	// afterCreate runs side effects of a successful create.
	afterCreate func(cx *callCtx, obj map[string]any)
	// guard may refuse an update or delete of an existing object.
	guard func(cx *callCtx, o op, obj map[string]any) *apiError
	// visible tells whether the caller may see obj.
	visible func(cx *callCtx, obj map[string]any) bool
	// related returns the objects embedded by with_related=true.
	related func(cx *callCtx, obj map[string]any) map[string]any
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

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// createObject runs the create logic shared by the Core API and seeding.
func (s *Server) createObject(cx *callCtx, c *collection, body map[string]any) (map[string]any, *apiError) {
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
		changed[a.name] = true
	}
	if e := v.err(); e != nil {
		return nil, e
	}
	obj[c.sidField] = newUUID()
	if e := c.build(cx, obj, nil, changed); e != nil {
		return nil, e
	}
	s.st.table(c.name).insert(obj[c.sidField].(string), obj)
	if c.afterCreate != nil {
		c.afterCreate(cx, obj)
	}
	return obj, nil
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
	s.st.table(c.name).replace(obj[c.sidField].(string), obj)
	return obj, nil
}

// lookup finds an object the caller may see.
func (s *Server) lookup(cx *callCtx, c *collection, sid string) (map[string]any, *apiError) {
	obj, ok := s.st.table(c.name).get(sid)
	if !ok || (c.visible != nil && !c.visible(cx, obj)) {
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
	s.st.table(c.name).remove(obj[c.sidField].(string))
	return nil
}

// present renders obj for a response: with_related, then field filtering.
func (s *Server) present(cx *callCtx, c *collection, obj map[string]any, fp fieldParams) map[string]any {
	out := copyObject(obj)
	if fp.withRelated && c.related != nil {
		for k, v := range c.related(cx, obj) {
			out[k] = v
		}
	}
	return fp.apply(out)
}

// forbidden answers 403 with a reason.
func forbidden(message string) *apiError {
	e := newError(http.StatusForbidden, "Forbidden")
	e.Errors[0].Message = message
	return e
}
