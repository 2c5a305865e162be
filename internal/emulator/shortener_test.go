package emulator

import (
	"net/http"
	"regexp"
	"testing"
)

// visited is what a short-link request answered (its body already closed).
type visited struct {
	StatusCode int
	Header     http.Header
}

// visit requests a short link with the domain as Host, not following redirects.
func (e *env) visit(host, path string) visited {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.ts.URL+path, nil)
	req.Host = host
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	_ = res.Body.Close()
	return visited{StatusCode: res.StatusCode, Header: res.Header}
}

func TestShortenerDomains(t *testing.T) {
	e := newEnv(t)
	r := e.core("POST", "/shortener/domains", map[string]any{"domain_name": "go.example.net"})
	expectStatus(t, r, 200)
	d := r.obj()
	sid := d["domain_sid"].(string)
	delete(d, "domain_sid")
	want := `{"domain_name":"go.example.net","expired_mode":"redirect_temporary","expired_page":null,"expired_status_code":null,` +
		`"minimum_length":6,"not_found_mode":"redirect_temporary","not_found_page":null,"not_found_status_code":null,` +
		`"partner_sid":"` + e.srv.PartnerSID() + `","scope":"children","secure":"disabled","suffix_pattern":null}`
	if got := mustMarshal(t, d); got != want {
		t.Fatalf("domain\n got %s\nwant %s", got, want)
	}
	r = e.core("PATCH", "/shortener/domains/"+sid, map[string]any{"domain_name": "s.example.net", "minimum_length": 8, "not_found_page": "https://example.org/404"})
	expectStatus(t, r, 200)
	if r.obj()["domain_name"] != "s.example.net" || num(r.obj()["minimum_length"]) != 8 {
		t.Fatalf("patch %s", r.raw)
	}
	expectError(t, e.core("POST", "/shortener/domains", map[string]any{}), 422, "", "domain_name")
	expectError(t, e.core("POST", "/shortener/domains", map[string]any{"domain_name": "S.example.net"}), 422, "", "domain_name")
	expectError(t, e.core("POST", "/shortener/domains", map[string]any{"domain_name": "not a host"}), 422, "", "domain_name")
	for field, body := range map[string]map[string]any{
		"expired_mode":          {"expired_mode": "redirect"},
		"not_found_status_code": {"not_found_status_code": 302},
		"minimum_length":        {"minimum_length": 0},
		"partner_sid_x":         {"partner_sid_x": 1},
	} {
		expectError(t, e.core("PATCH", "/shortener/domains/"+sid, body), 422, "", field)
	}
	// extra scopes for proxy_pass and secure=required
	limited := e.token("shortener.manage")
	expectError(t, e.do("PATCH", e.base+"/shortener/domains/"+sid, limited, map[string]any{"expired_mode": "proxy_pass"}), 403, "Forbidden", nil)
	expectError(t, e.do("PATCH", e.base+"/shortener/domains/"+sid, limited, map[string]any{"secure": "required"}), 403, "Forbidden", nil)
	expectStatus(t, e.core("PATCH", "/shortener/domains/"+sid, map[string]any{"secure": "required", "not_found_mode": "proxy_pass", "not_found_status_code": 410}), 200)
	// the stored value may be sent back without the extra scope
	expectStatus(t, e.do("PATCH", e.base+"/shortener/domains/"+sid, limited, map[string]any{"secure": "required", "scope": "children"}), 200)
	l := e.core("GET", "/shortener/domains", nil).obj()
	if num(l["total"]) != 1 {
		t.Fatalf("domains %v", l)
	}
	expectError(t, e.do("GET", e.base+"/shortener/domains", e.token("storage.read"), nil), 403, "Forbidden", nil)
	expectStatus(t, e.core("DELETE", "/shortener/domains/"+sid, nil), 204)
	expectError(t, e.core("GET", "/shortener/domains/"+sid, nil), 404, noItemMessage, nil)
}

func TestShortenerLinks(t *testing.T) {
	e := newEnv(t)
	dom := e.core("POST", "/shortener/domains", map[string]any{"domain_name": "go.example.net"}).obj()
	dsid := dom["domain_sid"].(string)
	r := e.core("POST", "/shortener/links", map[string]any{"domain_sid": dsid, "destination_url": "https://www.example.org/offer", "maximum_ttl": "-1"})
	expectStatus(t, r, 200)
	l := r.obj()
	lsid := l["link_sid"].(string)
	sn := l["short_name"].(string)
	if !regexp.MustCompile(`^[A-Za-z0-9]{6}$`).MatchString(sn) || l["url"] != "http://go.example.net/"+sn || num(l["hits"]) != 0 ||
		l["mode"] != "redirect_temporary" || mustMarshal(t, l["maximum_ttl"]) != "-1" || l["date_accessed"] != nil ||
		l["partner_sid"] != e.srv.PartnerSID() || l["domain_sid"] != dsid || l["date_created"] == nil {
		t.Fatalf("link %s", r.raw)
	}
	// reuse=true returns the same link; without it a new one
	r = e.core("POST", "/shortener/links?reuse=true", map[string]any{"domain_sid": dsid, "destination_url": "https://www.example.org/offer"})
	if r.obj()["link_sid"] != lsid {
		t.Fatalf("reuse %s", r.raw)
	}
	if e.core("POST", "/shortener/links", map[string]any{"domain_sid": dsid, "destination_url": "https://www.example.org/offer"}).obj()["link_sid"] == lsid {
		t.Fatal("a link was reused without reuse=true")
	}
	expectError(t, e.core("POST", "/shortener/links?reuse=maybe", map[string]any{"domain_sid": dsid, "destination_url": "https://x.org"}), 400, "", "reuse")
	expectError(t, e.core("POST", "/shortener/links", map[string]any{"domain_sid": dsid}), 422, "", "destination_url")
	expectError(t, e.core("POST", "/shortener/links", map[string]any{"destination_url": "https://x.org"}), 422, "", "domain_sid")
	expectError(t, e.core("POST", "/shortener/links", map[string]any{"domain_sid": "nope", "destination_url": "https://x.org"}), 422, "", "domain_sid")
	expectError(t, e.core("POST", "/shortener/links", map[string]any{"domain_sid": dsid, "destination_url": "x"}), 422, "", "destination_url")
	expectError(t, e.core("POST", "/shortener/links", map[string]any{"domain_sid": dsid, "destination_url": "https://x.org", "short_name": sn}), 422, "", "short_name")
	expectError(t, e.core("POST", "/shortener/links", map[string]any{"domain_sid": dsid, "destination_url": "https://x.org", "short_name": "a/b"}), 422, "", "short_name")
	expectError(t, e.do("POST", e.base+"/shortener/links", e.srv.Token(), `{"domain_sid":`), 400, "No JSON object could be decoded", nil)
	expectError(t, e.do("POST", e.base+"/shortener/links", e.srv.Token(), `{}`, "Content-Type", "text/plain"), 415, "", nil)
	expectError(t, e.do("POST", e.base+"/shortener/links", e.token("shortener.manage"), map[string]any{"domain_sid": dsid, "destination_url": "https://x.org", "mode": "proxy_pass"}), 403, "Forbidden", nil)
	expectError(t, e.do("POST", e.base+"/shortener/links", e.token("shortener.read"), map[string]any{"domain_sid": dsid, "destination_url": "https://x.org"}), 403, "Forbidden", nil)

	// the redirect itself
	res := e.visit("go.example.net", "/"+sn)
	if res.StatusCode != http.StatusFound || res.Header.Get("Location") != "https://www.example.org/offer" {
		t.Fatalf("visit %d %v", res.StatusCode, res.Header)
	}
	g := e.core("GET", "/shortener/links/"+lsid, nil).obj()
	if num(g["hits"]) != 1 || g["date_accessed"] == nil {
		t.Fatalf("after visit %v", g)
	}
	r = e.core("PATCH", "/shortener/links/"+lsid, map[string]any{"mode": "redirect_permanent", "short_name": "offer", "hits": 99})
	expectStatus(t, r, 200)
	if r.obj()["url"] != "http://go.example.net/offer" || num(r.obj()["hits"]) != 1 {
		t.Fatalf("patch %s", r.raw)
	}
	if res := e.visit("go.example.net", "/offer"); res.StatusCode != http.StatusMovedPermanently {
		t.Fatalf("permanent %d", res.StatusCode)
	}
	// unknown short name: the domain's not_found behaviour
	if res := e.visit("go.example.net", "/nothing"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("not found %d", res.StatusCode)
	}
	expectStatus(t, e.core("PATCH", "/shortener/domains/"+dsid, map[string]any{"not_found_page": "https://example.org/missing", "suffix_pattern": `\.(mp3|mp4)`}), 200)
	if res := e.visit("go.example.net", "/nothing"); res.StatusCode != http.StatusFound || res.Header.Get("Location") != "https://example.org/missing" {
		t.Fatalf("not_found_page %d %v", res.StatusCode, res.Header)
	}
	// a suffix accepted by suffix_pattern
	if res := e.visit("go.example.net", "/offer.mp3"); res.StatusCode != http.StatusMovedPermanently {
		t.Fatalf("suffix %d", res.StatusCode)
	}
	// an expired link: the domain's expired behaviour
	exp := e.core("POST", "/shortener/links", map[string]any{"domain_sid": dsid, "destination_url": "https://x.org", "maximum_ttl": 0}).obj()
	expectStatus(t, e.core("PATCH", "/shortener/domains/"+dsid, map[string]any{"expired_mode": "proxy_pass", "expired_status_code": 410, "expired_page": "<p>expired</p>"}), 200)
	if res := e.visit("go.example.net", "/"+exp["short_name"].(string)); res.StatusCode != http.StatusGone {
		t.Fatalf("expired %d", res.StatusCode)
	}
	// secure=required gives https URLs
	expectStatus(t, e.core("PATCH", "/shortener/domains/"+dsid, map[string]any{"secure": "required"}), 200)
	if u := e.core("GET", "/shortener/links/"+lsid, nil).obj()["url"]; u != "https://go.example.net/offer" {
		t.Fatalf("url %v", u)
	}
	// list: total null; a domain with links cannot be deleted
	ll := e.core("GET", "/shortener/links", nil).obj()
	if ll["total"] != nil || num(ll["count"]) != 3 {
		t.Fatalf("links %v", ll)
	}
	expectError(t, e.core("DELETE", "/shortener/domains/"+dsid, nil), 409, "", "domain_sid")
	expectStatus(t, e.core("DELETE", "/shortener/links/"+lsid, nil), 204)
	expectError(t, e.core("GET", "/shortener/links/"+lsid, nil), 404, noItemMessage, nil)
	// a child partner may use its parent's domain (scope children)
	sub := e.control("POST", "/seed", map[string]any{"collection": "partners", "count": 1}).obj()["sids"].([]any)[0].(string)
	subTok := e.control("POST", "/tokens", map[string]any{"scopes": []string{"shortener.manage"}, "partner_sid": sub}).obj()["access_token"].(string)
	r = e.do("POST", e.base+"/shortener/links", subTok, map[string]any{"domain_sid": dsid, "destination_url": "https://child.example.org"})
	expectStatus(t, r, 200)
	expectError(t, e.do("GET", e.base+"/shortener/domains/"+dsid, subTok, nil), 404, "", nil)
	expectStatus(t, e.core("PATCH", "/shortener/domains/"+dsid, map[string]any{"scope": "partner"}), 200)
	expectError(t, e.do("POST", e.base+"/shortener/links", subTok, map[string]any{"domain_sid": dsid, "destination_url": "https://child.example.org"}), 422, "", "domain_sid")
	// seeding
	sr := e.control("POST", "/seed", map[string]any{"collection": "shortener.links", "count": 2, "object": map[string]any{"domain_sid": dsid, "destination_url": "https://x.org/{n}", "short_name": "s{n}"}})
	expectStatus(t, sr, 200)
	expectStatus(t, e.control("POST", "/seed", map[string]any{"collection": "shortener.domains", "count": 2, "object": map[string]any{"domain_name": "d{n}.example.net"}}), 200)
}
