package emulator

import "time"

// table holds the objects of one collection in insertion order, plus an
// optional link per object (the parent SID of a sub-collection object, the
// owner of an object without a partner_sid attribute).
//
// Stored objects are never changed in place: an update stores a new map.
// That lets clone share the maps, so the built-in DID inventory costs one
// copy per process, not one per reset.
type table struct {
	order []string
	objs  map[string]map[string]any
	link  map[string]string
}

func newTable() *table { return &table{objs: map[string]map[string]any{}, link: map[string]string{}} }

func (t *table) insert(sid string, obj map[string]any) {
	if _, ok := t.objs[sid]; !ok {
		t.order = append(t.order, sid)
	}
	t.objs[sid] = obj
}

func (t *table) get(sid string) (map[string]any, bool) {
	o, ok := t.objs[sid]
	return o, ok
}

// replace swaps the stored object, keeping its position.
func (t *table) replace(sid string, obj map[string]any) { t.objs[sid] = obj }

func (t *table) remove(sid string) bool {
	if _, ok := t.objs[sid]; !ok {
		return false
	}
	delete(t.objs, sid)
	delete(t.link, sid)
	for i, s := range t.order {
		if s == sid {
			t.order = append(t.order[:i:i], t.order[i+1:]...)
			break
		}
	}
	return true
}

// all returns the stored objects (not copies) in insertion order.
func (t *table) all() []map[string]any {
	out := make([]map[string]any, 0, len(t.order))
	for _, sid := range t.order {
		out = append(out, t.objs[sid])
	}
	return out
}

// clone shares the (immutable) stored objects.
func (t *table) clone() *table {
	c := &table{order: append([]string(nil), t.order...), objs: make(map[string]map[string]any, len(t.objs)),
		link: make(map[string]string, len(t.link))}
	for k, v := range t.objs {
		c.objs[k] = v
	}
	for k, v := range t.link {
		c.link[k] = v
	}
	return c
}

// token is the authenticated caller's OAuth token, built from the stored
// oauth.tokens object on each request.
type token struct {
	access     string
	sid        string
	partnerSID string
	scopes     map[string]bool
}

// partnerSecret holds what a partner never sees again: the OAuth client
// credentials and the password. Replaced, never changed in place.
type partnerSecret struct {
	clientID     string
	clientSecret string
	password     string
	hasPassword  bool
}

// blob is the content of a stored file; never changed in place.
type blob struct {
	data    []byte
	created time.Time
}

// state is everything reset restores.
type state struct {
	tables  map[string]*table
	tokens  map[string]string         // access token -> token_sid (objects live in table oauth.tokens)
	secrets map[string]*partnerSecret // by partner_sid
	blobs   map[string]*blob          // storage file content by file_sid
	limits  map[string]int            // per-partner container limit (absent = default)
}

func newState() *state {
	return &state{tables: map[string]*table{}, tokens: map[string]string{}, secrets: map[string]*partnerSecret{},
		blobs: map[string]*blob{}, limits: map[string]int{}}
}

func (st *state) table(name string) *table {
	t, ok := st.tables[name]
	if !ok {
		t = newTable()
		st.tables[name] = t
	}
	return t
}

// clone shares the immutable objects, secrets and blobs.
func (st *state) clone() *state {
	c := newState()
	for k, t := range st.tables {
		c.tables[k] = t.clone()
	}
	for k, v := range st.tokens {
		c.tokens[k] = v
	}
	for k, v := range st.secrets {
		c.secrets[k] = v
	}
	for k, v := range st.blobs {
		c.blobs[k] = v
	}
	for k, v := range st.limits {
		c.limits[k] = v
	}
	return c
}

// defaultContainerLimit: "by default a partner may own only two containers".
const defaultContainerLimit = 2

func (s *Server) containerLimit(partnerSID string) int {
	if n, ok := s.st.limits[partnerSID]; ok {
		return n
	}
	return defaultContainerLimit
}
