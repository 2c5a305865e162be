package emulator

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Attribute checks shared by the collections. Each one looks at obj[k]
// only when changed[k], records a 422 entry naming k and may normalise
// the stored value.

type checker struct {
	v       validation
	obj     map[string]any
	changed map[string]bool
	create  bool
}

func newChecker(obj, old map[string]any, changed map[string]bool) *checker {
	return &checker{obj: obj, changed: changed, create: old == nil}
}

// def sets a default on create when the body did not send the attribute.
func (c *checker) def(k string, val any) {
	if _, ok := c.obj[k]; c.create && !ok {
		c.obj[k] = val
	}
}

func (c *checker) has(k string) bool { return c.changed[k] }

func (c *checker) str(k string) {
	if c.has(k) {
		if _, ok := c.obj[k].(string); !ok {
			c.v.add(k, k+" must be a string")
		}
	}
}

// nullStr accepts a string or null, stored verbatim ("" kept).
func (c *checker) nullStr(k string) {
	if c.has(k) {
		switch c.obj[k].(type) {
		case nil, string:
		default:
			c.v.add(k, k+" must be a string or null")
		}
	}
}

// intMin accepts a JSON integer >= min.
func (c *checker) intMin(k string, min int64) {
	if !c.has(k) {
		return
	}
	n, ok := toInt64(c.obj[k])
	if !ok || n < min {
		c.v.add(k, fmt.Sprintf("%s must be an integer greater than or equal to %d", k, min))
		return
	}
	c.obj[k] = n
}

func (c *checker) integer(k string) {
	if !c.has(k) {
		return
	}
	n, ok := toInt64(c.obj[k])
	if !ok {
		c.v.add(k, k+" must be an integer")
		return
	}
	c.obj[k] = n
}

// enum accepts exactly one of the values (a fully known enum).
func (c *checker) enum(k string, values ...string) {
	if c.has(k) {
		enumAt(&c.v, k, c.obj[k], false, values)
	}
}

func enumAt(v *validation, field string, val any, nullable bool, values []string) {
	if val == nil && nullable {
		return
	}
	if s, ok := val.(string); !ok || !slices.Contains(values, s) {
		msg := fmt.Sprintf("%s must be one of %s", field, strings.Join(values, ", "))
		if nullable {
			msg += " or null"
		}
		v.add(field, msg)
	}
}

func (c *checker) object(k string) {
	if c.has(k) {
		if _, ok := c.obj[k].(map[string]any); !ok {
			c.v.add(k, k+" must be a JSON object")
		}
	}
}

func (c *checker) objectArray(k string) {
	if !c.has(k) {
		return
	}
	arr, ok := c.obj[k].([]any)
	if !ok {
		c.v.add(k, k+" must be an array of objects")
		return
	}
	for i, t := range arr {
		if _, ok := t.(map[string]any); !ok {
			c.v.add(fmt.Sprintf("%s[%d]", k, i), "an element of "+k+" must be an object")
		}
	}
}

func (c *checker) stringArray(k string) {
	if !c.has(k) {
		return
	}
	arr, ok := c.obj[k].([]any)
	if !ok {
		c.v.add(k, k+" must be an array of strings")
		return
	}
	for i, t := range arr {
		if _, ok := t.(string); !ok {
			c.v.add(fmt.Sprintf("%s[%d]", k, i), "an element of "+k+" must be a string")
		}
	}
}

// url accepts null or an absolute http(s) URL; "" is stored as null.
func (c *checker) url(k string) {
	if !c.has(k) {
		return
	}
	switch t := c.obj[k].(type) {
	case nil:
		return
	case string:
		if t == "" {
			c.obj[k] = nil
			return
		}
		u, err := url.Parse(t)
		if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return
		}
	}
	c.v.add(k, k+" must be null or an absolute http or https URL")
}

// ref checks a nullable SID reference ("" is stored as null): the object
// must exist in coll and be visible to the caller, else 422 with
// reference_sid = the value.
func (c *checker) ref(cx *callCtx, k string, coll string) {
	if !c.has(k) {
		return
	}
	switch t := c.obj[k].(type) {
	case nil:
		return
	case string:
		if t == "" {
			c.obj[k] = nil
			return
		}
		if !cx.s.refVisible(cx, coll, t) {
			c.v.addRef(k, fmt.Sprintf("cannot find %s by sid", refNoun(coll)), t)
		}
		return
	}
	c.v.add(k, k+" must be a SID string or null")
}

func (c *checker) err() *apiError { return c.v.err() }

// refVisible reports whether sid is an object of coll the caller may see
// (sub-collection objects are looked up under their own parent).
func (s *Server) refVisible(cx *callCtx, coll, sid string) bool {
	c := s.collections[coll]
	if c == nil {
		return false
	}
	t := s.st.table(c.tableName())
	obj, ok := t.get(sid)
	if !ok {
		return false
	}
	rcx := *cx
	rcx.parentSID = t.link[sid]
	if c.parent != nil {
		if _, e := s.lookup(&rcx, c.parent, rcx.parentSID); e != nil {
			return false
		}
	}
	return s.canSee(&rcx, c, obj)
}

func refNoun(coll string) string {
	switch coll {
	case "endpoints":
		return "endpoint"
	case "trunk_groups":
		return "trunk group"
	case "phonenumber.did_groups":
		return "did group"
	case "accesscontrol.rules":
		return "access control rule"
	case containerTable:
		return "container"
	case fileTable:
		return "file"
	case "shortener.domains":
		return "domain"
	}
	return coll
}

// referrers lists the objects of coll (visible or not) whose attribute
// attr (a string, or an array of ACLs when attr is "acls") names sid.
func (s *Server) referrers(coll, attr, sid string, keep func(obj map[string]any) bool) []fieldError {
	c := s.collections[coll]
	var out []fieldError
	if c == nil {
		return nil
	}
	for _, obj := range s.st.table(c.tableName()).all() {
		if keep != nil && !keep(obj) {
			continue
		}
		hit := obj[attr] == sid
		if attr == "acls" {
			hit = aclsReference(obj["acls"], sid)
		}
		if hit {
			own, _ := obj[c.sidField].(string)
			out = append(out, fieldError{Field: strPtr(attr),
				Message: fmt.Sprintf("still referenced by %s %s (%s)", coll, own, attr), ReferenceSID: strPtr(own)})
		}
	}
	return out
}

func aclsReference(acls any, sid string) bool {
	arr, _ := acls.([]any)
	for _, a := range arr {
		m, _ := a.(map[string]any)
		rules, _ := m["access_control_rules"].([]any)
		for _, r := range rules {
			if r == sid {
				return true
			}
		}
	}
	return false
}

// inUse is the 409 for a delete that references still block.
func inUse(noun, sid string, refs []fieldError) *apiError {
	names := make([]string, 0, len(refs))
	for _, r := range refs {
		names = append(names, strings.TrimPrefix(r.Message, "still referenced by "))
	}
	return conflict(fmt.Sprintf("%s %s is still referenced by %s; remove those references first", noun, sid,
		strings.Join(names, ", ")), refs)
}
