package emulator

import (
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

const (
	domainTable = "shortener.domains"
	linkTable   = "shortener.links"
)

var (
	shortenerScopes = func(v string) []string { return []string{"shortener.manage", "shortener." + v} }
	shortModes      = []string{"proxy_pass", "redirect_permanent", "redirect_temporary"}
	shortNameRE     = regexp.MustCompile(`^[A-Za-z0-9._~-]+$`)
)

func domainsCollection() *collection {
	return &collection{
		name:     domainTable,
		path:     "shortener/domains",
		sidField: "domain_sid",
		attrs: []attrSpec{
			{"domain_name", rw}, {"domain_sid", readOnly}, {"expired_mode", rw}, {"expired_page", rw},
			{"expired_status_code", rw}, {"minimum_length", rw}, {"not_found_mode", rw}, {"not_found_page", rw},
			{"not_found_status_code", rw}, {"partner", readOnly}, {"partner_sid", readOnly}, {"scope", rw},
			{"secure", rw}, {"suffix_pattern", rw},
		},
		scopes:  crudScopes(shortenerScopes),
		visible: ownedBy,
		related: relatedPartner,
		build:   buildDomain,
		guard: func(cx *callCtx, o op, obj map[string]any) *apiError {
			if o != opDelete {
				return nil
			}
			sid := obj["domain_sid"].(string)
			if refs := cx.s.referrers(linkTable, "domain_sid", sid, nil); len(refs) > 0 {
				return inUse("domain", sid, refs)
			}
			return nil
		},
	}
}

func linksCollection() *collection {
	return &collection{
		name:     linkTable,
		path:     "shortener/links",
		sidField: "link_sid",
		attrs: []attrSpec{
			{"date_accessed", readOnly}, {"date_created", readOnly}, {"destination_url", rw}, {"domain_sid", rw},
			{"hits", readOnly}, {"link_sid", readOnly}, {"maximum_ttl", rw}, {"mode", rw}, {"partner", readOnly},
			{"partner_sid", readOnly}, {"short_name", rw}, {"url", readOnly},
		},
		// POST is the linkCreate action (for ?reuse=true).
		scopes:    crudScopes(shortenerScopes),
		nullTotal: true,
		visible:   ownedBy,
		related:   relatedPartner,
		build:     buildLink,
		view: func(cx *callCtx, obj map[string]any, forFilter bool) map[string]any {
			obj["url"] = cx.s.linkURL(obj)
			return obj
		},
	}
}

// gated refuses a value that needs an extra scope the caller lacks, unless
// the stored value already is that value.
func gated(cx *callCtx, obj, old map[string]any, k, value, scope string) *apiError {
	if obj[k] == value && (old == nil || old[k] != value) && !cx.hasScope(scope) {
		return forbidden(fmt.Sprintf("%s %s needs the scope %s", k, value, scope))
	}
	return nil
}

func statusCode(c *checker, k string) {
	if !c.has(k) || c.obj[k] == nil {
		return
	}
	n, ok := toInt64(c.obj[k])
	if !ok || (n < 200 || n > 299) && (n < 400 || n > 599) {
		c.v.add(k, k+" must be null or a 2xx, 4xx or 5xx status code")
		return
	}
	c.obj[k] = n
}

func buildDomain(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	if c.create {
		if _, ok := obj["domain_name"]; !ok {
			c.v.add("domain_name", "domain_name is required")
			delete(changed, "domain_name")
		}
		c.def("expired_mode", "redirect_temporary")
		c.def("expired_page", nil)
		c.def("expired_status_code", nil)
		c.def("minimum_length", int64(6))
		c.def("not_found_mode", "redirect_temporary")
		c.def("not_found_page", nil)
		c.def("not_found_status_code", nil)
		c.def("scope", "children")
		c.def("secure", "disabled")
		c.def("suffix_pattern", nil)
		obj["partner_sid"] = cx.partnerSID
	}
	if c.has("domain_name") {
		dn, ok := obj["domain_name"].(string)
		switch {
		case !ok || dn == "" || strings.HasSuffix(dn, ".") || !hostRE.MatchString(dn):
			c.v.add("domain_name", "domain_name must be a host name")
		case cx.s.domainTaken(dn, obj["domain_sid"]):
			c.v.add("domain_name", "domain_name "+strconv.Quote(dn)+" is already in use")
		}
	}
	c.enum("expired_mode", shortModes...)
	c.enum("not_found_mode", shortModes...)
	c.nullStr("expired_page")
	c.nullStr("not_found_page")
	statusCode(c, "expired_status_code")
	statusCode(c, "not_found_status_code")
	c.intMin("minimum_length", 1)
	c.str("scope")  // children known (the default); other values accepted
	c.str("secure") // disabled and required known; others accepted
	c.nullStr("suffix_pattern")
	if e := c.err(); e != nil {
		return e
	}
	for _, g := range [][3]string{{"expired_mode", "proxy_pass", "shortener.allow_domain_mode_proxypass"},
		{"not_found_mode", "proxy_pass", "shortener.allow_domain_mode_proxypass"},
		{"secure", "required", "shortener.allow_domain_secure_required"}} {
		if e := gated(cx, obj, old, g[0], g[1], g[2]); e != nil {
			return e
		}
	}
	return nil
}

func (s *Server) domainTaken(name string, self any) bool {
	for _, d := range s.st.table(domainTable).all() {
		if dn, _ := d["domain_name"].(string); strings.EqualFold(dn, name) && d["domain_sid"] != self {
			return true
		}
	}
	return false
}

// domainUsable: the caller's own domain, or its parent's with scope children.
func (s *Server) domainUsable(cx *callCtx, sid string) (map[string]any, bool) {
	d, ok := s.st.table(domainTable).get(sid)
	if !ok {
		return nil, false
	}
	owner, _ := d["partner_sid"].(string)
	if owner == cx.partnerSID || cx.internal {
		return d, true
	}
	p, _ := s.st.table("partners").get(cx.partnerSID)
	return d, p != nil && p["parent_sid"] == owner && d["scope"] == "children"
}

func buildLink(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	s := cx.s
	if c.create {
		for _, k := range []string{"destination_url", "domain_sid"} {
			if _, ok := obj[k]; !ok {
				c.v.add(k, k+" is required")
				delete(changed, k)
			}
		}
		c.def("maximum_ttl", int64(-1))
		c.def("mode", "redirect_temporary")
		obj["date_accessed"] = nil
		obj["date_created"] = cx.s.isoNow()
		obj["hits"] = int64(0)
		obj["partner_sid"] = cx.partnerSID
	}
	if c.has("destination_url") {
		if u, ok := obj["destination_url"].(string); !ok || u == "" {
			c.v.add("destination_url", "destination_url must be an absolute http or https URL")
		} else {
			c.url("destination_url")
		}
	}
	var dom map[string]any
	if c.has("domain_sid") {
		sid, ok := obj["domain_sid"].(string)
		var usable bool
		if ok {
			dom, usable = s.domainUsable(cx, sid)
		}
		if !usable {
			c.v.addRef("domain_sid", "cannot find domain by sid", fmt.Sprint(obj["domain_sid"]))
		}
	} else if sid, ok := obj["domain_sid"].(string); ok {
		dom, _ = s.st.table(domainTable).get(sid)
	}
	c.enum("mode", shortModes...)
	if c.has("maximum_ttl") {
		c.intKey("maximum_ttl")
		if n, ok := obj["maximum_ttl"].(int64); !ok || n < -1 {
			c.v.add("maximum_ttl", "maximum_ttl must be -1 (never expires) or a number of seconds >= 0")
		}
	}
	if _, sent := obj["short_name"]; sent && c.has("short_name") {
		if sn, ok := obj["short_name"].(string); !ok || !shortNameRE.MatchString(sn) {
			c.v.add("short_name", "short_name must be a non-empty string of letters, digits, '.', '_', '~' or '-'")
		}
	}
	if e := c.err(); e != nil {
		return e
	}
	if e := gated(cx, obj, old, "mode", "proxy_pass", "shortener.allow_link_mode_proxypass"); e != nil {
		return e
	}
	dsid, _ := dom["domain_sid"].(string)
	if _, ok := obj["short_name"]; !ok {
		n, _ := toInt64(dom["minimum_length"])
		n = max(n, 1)
		for {
			sn := randString(int(n), alnum)
			if !s.shortNameTaken(dsid, sn, obj["link_sid"]) {
				obj["short_name"] = sn
				break
			}
		}
	} else if (c.has("short_name") || c.has("domain_sid")) && s.shortNameTaken(dsid, obj["short_name"].(string), obj["link_sid"]) {
		c.v.add("short_name", "short_name "+strconv.Quote(obj["short_name"].(string))+" is already used on this domain")
		return c.err()
	}
	obj["url"] = s.linkURL(obj)
	return nil
}

func (s *Server) shortNameTaken(domainSID, name string, self any) bool {
	for _, l := range s.st.table(linkTable).all() {
		if l["domain_sid"] == domainSID && l["short_name"] == name && l["link_sid"] != self {
			return true
		}
	}
	return false
}

// linkURL: http(s)://<domain_name>/<short_name>; https when the domain's
// secure is required.
func (s *Server) linkURL(link map[string]any) any {
	sid, _ := link["domain_sid"].(string)
	d, ok := s.st.table(domainTable).get(sid)
	if !ok {
		return nil
	}
	scheme := "http"
	if d["secure"] == "required" {
		scheme = "https"
	}
	return fmt.Sprintf("%s://%v/%v", scheme, d["domain_name"], link["short_name"])
}

// linkCreate is POST /shortener/links: a JSON create, or with reuse=true
// the caller's existing link with the same domain_sid and destination_url.
func linkCreate() action {
	return action{path: "shortener/links", method: http.MethodPost, scopes: shortenerScopes("create"),
		media: []string{"application/json"},
		run: func(cx *callCtx, r *http.Request, args []string, body []byte) (int, any, *apiError) {
			v, err := decodeJSON(body)
			in, ok := v.(map[string]any)
			if err != nil || !ok {
				return 0, nil, newError(http.StatusBadRequest, "No JSON object could be decoded")
			}
			reuse := false
			if q := cx.query.Get("reuse"); q != "" {
				b, err := strconv.ParseBool(q)
				if err != nil {
					return 0, nil, badRequest("reuse", "reuse must be true or false")
				}
				reuse = b
			}
			s, c := cx.s, cx.s.collections[linkTable]
			cx.body = in
			if reuse {
				for _, l := range s.st.table(linkTable).all() {
					if ownedBy(cx, l) && l["domain_sid"] == in["domain_sid"] && l["destination_url"] == in["destination_url"] {
						return http.StatusOK, s.present(cx, c, l, fieldParams{}), nil
					}
				}
			}
			obj, e := s.createObject(cx, c, in)
			if e != nil {
				return 0, nil, e
			}
			return http.StatusOK, s.present(cx, c, obj, fieldParams{}), nil
		}}
}

// serveShort answers a request whose Host is a stored domain_name (outside
// /core/v2 and /_emulator): the documented redirect behaviour.
func (s *Server) serveShort(w http.ResponseWriter, r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	s.mu.Lock()
	var dom map[string]any
	for _, d := range s.st.table(domainTable).all() {
		if dn, _ := d["domain_name"].(string); strings.EqualFold(dn, host) {
			dom = d
			break
		}
	}
	if dom == nil {
		s.mu.Unlock()
		return false
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	link := s.findLink(dom, name)
	var mode, target string
	var status any
	var page any
	switch {
	case link == nil:
		mode, _ = dom["not_found_mode"].(string)
		page, status = dom["not_found_page"], dom["not_found_status_code"]
	case s.linkExpired(link):
		mode, _ = dom["expired_mode"].(string)
		page, status = dom["expired_page"], dom["expired_status_code"]
	default:
		mode, _ = link["mode"].(string)
		target, _ = link["destination_url"].(string)
		cp := copyObject(link)
		hits, _ := toInt64(cp["hits"])
		cp["hits"] = hits + 1
		cp["date_accessed"] = s.isoNow()
		s.st.table(linkTable).replace(cp["link_sid"].(string), cp)
	}
	s.mu.Unlock()
	if link == nil || target == "" {
		target, _ = page.(string)
	}
	w.Header().Set("Cache-Control", "no-store")
	switch {
	case mode == "proxy_pass" && link != nil && !s.linkExpired(link) && status == nil:
		// the emulator fetches nothing: it names what it would serve
		w.Header().Set("X-Emulator-Proxy-Pass", target)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = fmt.Fprintf(w, "proxy_pass %s\n", target)
	case mode == "proxy_pass":
		code := http.StatusNotFound
		if n, ok := toInt64(status); ok {
			code = int(n)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(code)
		_, _ = fmt.Fprint(w, target)
	case target == "":
		http.NotFound(w, r)
	case mode == "redirect_permanent":
		http.Redirect(w, r, target, http.StatusMovedPermanently)
	default:
		http.Redirect(w, r, target, http.StatusFound)
	}
	return true
}

// findLink matches the short name exactly, else a short name followed by
// a suffix that the domain's suffix_pattern accepts (whole suffix).
func (s *Server) findLink(dom map[string]any, name string) map[string]any {
	var partial map[string]any
	pat, _ := dom["suffix_pattern"].(string)
	re, err := regexp.Compile("^(?:" + pat + ")$")
	for _, l := range s.st.table(linkTable).all() {
		if l["domain_sid"] != dom["domain_sid"] {
			continue
		}
		sn, _ := l["short_name"].(string)
		if sn == name {
			return l
		}
		if pat != "" && err == nil && sn != "" && strings.HasPrefix(name, sn) && re.MatchString(name[len(sn):]) {
			partial = l
		}
	}
	return partial
}

func (s *Server) linkExpired(l map[string]any) bool {
	at, ok := ttlDeadline(l, "maximum_ttl")
	return ok && !at.After(s.now())
}
