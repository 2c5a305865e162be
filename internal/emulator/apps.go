package emulator

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The endpoint APIs (CarrierX docs, Mediator API, FlexML API, Conference
// API v2): each is served under its own base path, with HTTP Basic
// authentication by the login and password the emulator generated for a
// hosted endpoint of its type. Their objects are collections like the Core
// API's, whose parent is the endpoint of the credentials: every request
// sees the objects of that endpoint only.

// appAPI is one endpoint API.
type appAPI struct {
	name     string // prefix of its collections' control-API names: "mediator"
	prefix   string // base path: "/mediator/v1"
	epType   string // the endpoint type whose credentials it accepts
	envelope bool   // every answer is {"body": ..., "status": ...} (Mediator)
	// account completes a new endpoint's account with the API's own
	// attributes and creates the endpoint's other fixed objects.
	account func(s *Server, epSID string, acc map[string]any)
	// did adds the API's settings (and their defaults) to a number newly
	// routed to an endpoint.
	did func(d map[string]any)
}

var (
	mediatorAPI = &appAPI{name: "mediator", prefix: "/mediator/v1", epType: "mediator", envelope: true}
	flexmlAPI   = &appAPI{name: "flexml", prefix: "/flexml/v1", epType: "flexml", account: flexmlAccount,
		did: flexmlDIDDefaults}
	conferenceAPI = &appAPI{name: "conference", prefix: "/conference/v2", epType: "conference_v2",
		account: conferenceAccount, did: conferenceDIDDefaults}
	appAPIs = []*appAPI{mediatorAPI, flexmlAPI, conferenceAPI}
)

func apiOfPath(path string) *appAPI {
	for _, a := range appAPIs {
		if path == a.prefix || strings.HasPrefix(path, a.prefix+"/") {
			return a
		}
	}
	return nil
}

func apiOfType(typ any) *appAPI {
	for _, a := range appAPIs {
		if a.epType == typ {
			return a
		}
	}
	return nil
}

func (a *appAPI) accounts() string { return a.name + ".accounts" }
func (a *appAPI) dids() string     { return a.name + ".dids" }

// trim is the request path below the API's base path (nil: /core/v2).
func (a *appAPI) trim(path string) string {
	if a == nil {
		return strings.TrimPrefix(path, corePrefix+"/")
	}
	return strings.TrimPrefix(path, a.prefix+"/")
}

// wrap puts an answer in the API's envelope.
func (a *appAPI) wrap(status int, out any) any {
	if a == nil || !a.envelope {
		return out
	}
	return map[string]any{"body": out, "status": status}
}

// writeError answers an error: the Core API's envelope, a validation
// error as 400 on the endpoint APIs, wrapped on the Mediator API.
func (a *appAPI) writeError(w http.ResponseWriter, e *apiError) {
	if a == nil {
		writeError(w, e)
		return
	}
	if e.Status == http.StatusUnprocessableEntity {
		e = &apiError{Status: http.StatusBadRequest, Message: "Bad Request", Errors: e.Errors}
	}
	if !a.envelope {
		writeError(w, e)
		return
	}
	if e.Errors == nil {
		e.Errors = []fieldError{}
	}
	if e.RetryAfter != "" {
		w.Header().Set("Retry-After", e.RetryAfter)
	}
	writeJSON(w, e.Status, map[string]any{"body": e, "status": e.Status})
}

// appOps declares the operations of an endpoint API's collection (they
// take no scopes: the endpoint's credentials allow everything).
func appOps(ops ...op) map[op][]string {
	m := map[op][]string{}
	for _, o := range ops {
		m[o] = nil
	}
	return m
}

var crudOps = []op{opList, opGet, opCreate, opUpdate, opDelete}

// appCollection fills what every collection of an endpoint API shares.
func appCollection(api *appAPI, endpoints *collection, c *collection) *collection {
	c.api = api
	c.path = c.name
	c.name = api.name + "." + c.name
	c.parent = endpoints
	return c
}

// requestOrigin is scheme://host of a request.
func requestOrigin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// authenticateEndpoint takes the HTTP Basic credentials of a hosted
// endpoint of the API's type: no Authorization header or another scheme
// (a Core API bearer token) is "Unauthorized" (CarrierX docs, Mediator API,
// Credentials: Core credentials "return the error unauthorized"); a wrong
// login or password, or an endpoint of another type, "Bad credentials".
func (s *Server) authenticateEndpoint(r *http.Request, api *appAPI) (*callCtx, *apiError) {
	login, password, ok := r.BasicAuth()
	if !ok {
		return nil, newError(http.StatusUnauthorized, "Unauthorized")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ep := range s.st.table("endpoints").all() {
		props, _ := ep["properties"].(map[string]any)
		if ep["type"] != api.epType || props["login"] != login {
			continue
		}
		pw, _ := props["password"].(string)
		if pw != "" && subtle.ConstantTimeCompare([]byte(pw), []byte(password)) == 1 {
			partner, _ := ep["partner_sid"].(string)
			return &callCtx{s: s, partnerSID: partner, query: url.Values{}, parentSID: ep["endpoint_sid"].(string)}, nil
		}
	}
	return nil, newError(http.StatusUnauthorized, "Bad credentials")
}

// setEndpointPassword replaces a hosted endpoint's generated password
// (the Core API shows the new one; the old one stops working).
func (s *Server) setEndpointPassword(epSID, password string) bool {
	t := s.st.table("endpoints")
	ep, ok := t.get(epSID)
	props, _ := ep["properties"].(map[string]any)
	if !ok || props["password"] == nil {
		return false
	}
	ep = copyObject(ep)
	ep["properties"].(map[string]any)["password"] = password
	t.replace(epSID, ep)
	return true
}

// afterWrite keeps the endpoint APIs in step with a Core API change.
func (s *Server) afterWrite(c *collection) {
	if c.api == nil {
		s.syncApps()
	}
}

// syncApps brings the endpoint APIs' objects in step with the Core state
// (lock held): objects of endpoints that are gone and expired objects are
// removed; every hosted endpoint has its account (and fixed objects); each
// endpoint's DIDs are the numbers routed to it, live.
func (s *Server) syncApps() {
	eps := s.st.table("endpoints")
	hosted := map[string]*appAPI{}
	var order []string
	for _, ep := range eps.all() {
		if api := apiOfType(ep["type"]); api != nil {
			sid := ep["endpoint_sid"].(string)
			hosted[sid] = api
			order = append(order, sid)
		}
	}
	now := s.now()
	for _, c := range s.order {
		if c.api == nil {
			continue
		}
		t := s.st.table(c.tableName())
		for _, obj := range t.all() {
			sid := obj[c.sidField].(string)
			gone := hosted[t.link[sid]] != c.api
			if c.expires != nil && !gone {
				at, ok := c.expires(obj)
				gone = ok && !at.After(now)
			}
			if gone {
				t.remove(sid)
			}
		}
	}
	accountOf := map[string]string{}
	for _, api := range appAPIs {
		t := s.st.table(api.accounts())
		for sid, ep := range t.link {
			accountOf[ep] = sid
		}
	}
	for _, sid := range order {
		if _, ok := accountOf[sid]; !ok {
			accountOf[sid] = s.provision(hosted[sid], sid)
		}
	}
	routed := s.routedNumbers(hosted)
	isRouted := map[string]bool{}
	for ep, list := range routed {
		for _, d := range list {
			isRouted[ep+"/"+d["phonenumber"].(string)] = true
		}
	}
	for _, api := range appAPIs {
		t := s.st.table(api.dids())
		have := map[string]bool{}
		for _, d := range t.all() {
			sid := d["did_sid"].(string)
			key := t.link[sid] + "/" + fmt.Sprint(d["phonenumber"])
			if !isRouted[key] {
				t.remove(sid)
				continue
			}
			have[key] = true
		}
		for _, ep := range order {
			if hosted[ep] != api {
				continue
			}
			for _, core := range routed[ep] {
				pn := core["phonenumber"].(string)
				if have[ep+"/"+pn] {
					continue
				}
				d := map[string]any{"account_sid": accountOf[ep], "country_code": core["country_code"],
					"did_sid": newUUID(), "in_country_format": core["in_country_format"],
					"international_format": core["international_format"], "phonenumber": pn}
				if api.did != nil {
					api.did(d)
				}
				t.insert(d["did_sid"].(string), d)
				t.link[d["did_sid"].(string)] = ep
				have[ep+"/"+pn] = true
			}
		}
	}
}

// routedNumbers are the assigned Core DIDs (in table order) whose trunk
// group holds a trunk pointing at each hosted endpoint: number -> trunk
// group -> trunk -> endpoint (CarrierX docs, Core API, Trunk Groups).
func (s *Server) routedNumbers(hosted map[string]*appAPI) map[string][]map[string]any {
	trunks, groups := s.st.table("trunk_groups.trunks"), s.st.table("trunk_groups")
	reach := map[string][]string{}
	for _, tr := range trunks.all() {
		ep, _ := tr["endpoint_sid"].(string)
		g := trunks.link[tr["trunk_sid"].(string)]
		if _, ok := groups.get(g); hosted[ep] == nil || !ok || slices.Contains(reach[g], ep) {
			continue
		}
		reach[g] = append(reach[g], ep)
	}
	out := map[string][]map[string]any{}
	if len(reach) == 0 {
		return out
	}
	for _, d := range s.st.table(didTable).all() {
		g, _ := d["trunk_group_sid"].(string)
		if d["status"] != "assigned" || g == "" {
			continue
		}
		for _, ep := range reach[g] {
			out[ep] = append(out[ep], d)
		}
	}
	return out
}

// provision creates a hosted endpoint's account: its SID is the
// endpoint's properties.account_sid, its login the endpoint's, its name
// the partner's (every documented account sample is named like the
// partner samples, "John Smith").
func (s *Server) provision(api *appAPI, epSID string) string {
	ep, _ := s.st.table("endpoints").get(epSID)
	props, _ := ep["properties"].(map[string]any)
	sid, ok := props["account_sid"].(string)
	if _, taken := s.st.table(api.accounts()).get(sid); !ok || taken {
		sid = newUUID()
	}
	var name any
	if p, ok := s.st.table("partners").get(fmt.Sprint(ep["partner_sid"])); ok {
		name = p["name"]
	}
	acc := map[string]any{"account_sid": sid, "date_created": s.isoNow(), "login": props["login"], "name": name}
	if api.account != nil {
		api.account(s, epSID, acc)
	}
	t := s.st.table(api.accounts())
	t.insert(sid, acc)
	t.link[sid] = epSID
	return sid
}

// accountSID is the account of the caller's endpoint.
func (cx *callCtx) accountSID(api *appAPI) any {
	t := cx.s.st.table(api.accounts())
	for sid, ep := range t.link {
		if ep == cx.parentSID {
			return sid
		}
	}
	return nil
}

// endpointObjects are the objects of coll that belong to the caller's
// endpoint, in insertion order.
func (cx *callCtx) endpointObjects(coll string) []map[string]any {
	c := cx.s.collections[coll]
	t := cx.s.st.table(c.tableName())
	var out []map[string]any
	for _, obj := range t.all() {
		if t.link[obj[c.sidField].(string)] == cx.parentSID {
			out = append(out, obj)
		}
	}
	return out
}

// routedDID is the caller's endpoint's DID object of a number, or nil.
func (cx *callCtx) routedDID(api *appAPI, number any) map[string]any {
	for _, d := range cx.endpointObjects(api.dids()) {
		if d["phonenumber"] == number {
			return d
		}
	}
	return nil
}

// blankAsNull stores null for a null or "" value and reports whether it did.
func (c *checker) blankAsNull(k string) bool {
	if v := c.obj[k]; v == nil || v == "" {
		c.obj[k] = nil
		return true
	}
	return false
}

// phoneRE: a phone number in E.164 form, with or without the "+" (the
// documented samples send digits only).
var phoneRE = regexp.MustCompile(`^\+?[0-9]{3,15}$`)

// phone checks a phone number; nullable also takes null ("" is stored as null).
func (c *checker) phone(k string, nullable bool) {
	if !c.has(k) {
		return
	}
	if nullable && c.blankAsNull(k) {
		return
	}
	if s, ok := c.obj[k].(string); !ok || !phoneRE.MatchString(s) {
		msg := k + " must be a phone number in E.164 format (digits, optionally after +)"
		if nullable {
			msg += " or null"
		}
		c.v.add(k, msg)
	}
}

// appRef checks a SID reference to an object of coll of the caller's
// endpoint ("" is stored as null when nullable): otherwise 400 naming k,
// reference_sid the value.
func (c *checker) appRef(cx *callCtx, k, coll, noun string, nullable bool) {
	if !c.has(k) {
		return
	}
	if nullable && c.blankAsNull(k) {
		return
	}
	sid, ok := c.obj[k].(string)
	if !ok {
		c.v.add(k, k+" must be a SID string")
		return
	}
	t := cx.s.st.table(cx.s.collections[coll].tableName())
	if _, ok := t.get(sid); !ok || t.link[sid] != cx.parentSID {
		c.v.addRef(k, fmt.Sprintf("cannot find %s by sid", noun), sid)
	}
}

// stringMap accepts an object whose values are strings (call flow
// properties: "all values are strings", CarrierX docs, Conference v2 Call
// Flow Properties).
func (c *checker) stringMap(k string) {
	if !c.has(k) {
		return
	}
	m, ok := c.obj[k].(map[string]any)
	if !ok {
		c.v.add(k, k+" must be a JSON object")
		return
	}
	for _, key := range sortedKeys(m) {
		if _, ok := m[key].(string); !ok {
			c.v.add(k+"."+key, "the values of "+k+" must be strings")
		}
	}
}

// seconds accepts a non-negative number of seconds, or a numeric string
// ("1800" is stored as 1800, CarrierX docs, Mediator API, Update Dialout);
// fractions are cut to whole seconds.
func (c *checker) seconds(k string) {
	if !c.has(k) {
		return
	}
	f, ok := toNumber(c.obj[k])
	if s, isStr := c.obj[k].(string); isStr {
		var err error
		f, err = strconv.ParseFloat(strings.TrimSpace(s), 64)
		ok = err == nil
	}
	if !ok || f < 0 {
		c.v.add(k, k+" must be a number of seconds greater than or equal to 0")
		return
	}
	c.obj[k] = int64(f)
}

// ownAccount sets account_sid on create.
func (c *checker) ownAccount(cx *callCtx, api *appAPI) {
	if c.create {
		c.obj["account_sid"] = cx.accountSID(api)
	}
}
