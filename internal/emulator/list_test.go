package emulator

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func seedBulk(t *testing.T, e *env, n int) []string {
	t.Helper()
	r := e.control("POST", "/seed", map[string]any{"collection": "endpoints", "count": n,
		"object": map[string]any{"type": "third_party", "name": "bulk-{n}", "attributes": map[string]any{"idx": "{n}"}}})
	expectStatus(t, r, 200)
	var sids []string
	for _, s := range r.obj()["sids"].([]any) {
		sids = append(sids, s.(string))
	}
	if len(sids) != n {
		t.Fatalf("seeded %d, want %d", len(sids), n)
	}
	return sids
}

func TestPagination(t *testing.T) {
	e := newEnv(t)
	sids := seedBulk(t, e, 2500)
	all := 2501 // plus the system gateway

	l := e.core("GET", "/endpoints", nil).obj()
	if num(l["limit"]) != 10 || num(l["offset"]) != 0 || num(l["count"]) != 10 || l["has_more"] != true || num(l["total"]) != float64(all) {
		t.Fatalf("default page: limit %v offset %v count %v has_more %v total %v", l["limit"], l["offset"], l["count"], l["has_more"], l["total"])
	}
	pg := l["pagination"].(map[string]any)
	if _, ok := pg["previous"]; ok {
		t.Fatal("previous on the first page")
	}
	next, _ := pg["next"].(string)
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "http" || u.Host != strings.TrimPrefix(e.ts.URL, "http://") || u.Path != "/core/v2/endpoints" ||
		u.Query().Get("offset") != "10" || u.Query().Get("limit") != "10" {
		t.Fatalf("next %q", next)
	}
	// insertion order: the gateway, then bulk-0, bulk-1, ...
	items := l["items"].([]any)
	if items[0].(map[string]any)["type"] != "system_gateway" || items[1].(map[string]any)["endpoint_sid"] != sids[0] {
		t.Fatal("default order is not insertion order")
	}

	l = e.core("GET", "/endpoints?limit=5000", nil).obj()
	if num(l["limit"]) != 1000 || num(l["count"]) != 1000 {
		t.Fatalf("limit clamp: limit %v count %v", l["limit"], l["count"])
	}

	// follow next links with limit=1000 and a filter; other arguments survive
	link := e.base + "/endpoints?limit=1000&filter=" + url.QueryEscape(`name like "bulk-%"`) + "&include_fields=endpoint_sid"
	seen := map[string]bool{}
	pages := 0
	for link != "" {
		r := e.do("GET", link, e.srv.Token(), nil)
		expectStatus(t, r, 200)
		m := r.obj()
		pages++
		if num(m["total"]) != 2500 {
			t.Fatalf("total %v", m["total"])
		}
		for _, it := range m["items"].([]any) {
			o := it.(map[string]any)
			if len(o) != 1 {
				t.Fatalf("include_fields lost on a later page: %v", o)
			}
			seen[o["endpoint_sid"].(string)] = true
		}
		pg := m["pagination"].(map[string]any)
		if pages > 1 {
			if _, ok := pg["previous"].(string); !ok {
				t.Fatalf("page %d lacks previous", pages)
			}
		}
		link, _ = pg["next"].(string)
		if (link != "") != (m["has_more"] == true) {
			t.Fatalf("next %q vs has_more %v", link, m["has_more"])
		}
	}
	if pages != 3 || len(seen) != 2500 {
		t.Fatalf("pages %d, distinct %d", pages, len(seen))
	}

	l = e.core("GET", "/endpoints?limit=10&offset=2495", nil).obj()
	if num(l["count"]) != 6 || l["has_more"] != false || len(l["pagination"].(map[string]any)) != 1 {
		t.Fatalf("last page: %v", l["pagination"])
	}
	prev := l["pagination"].(map[string]any)["previous"].(string)
	if !strings.Contains(prev, "offset=2485") {
		t.Fatalf("previous %q", prev)
	}
	l = e.core("GET", "/endpoints?offset=9999", nil).obj()
	if num(l["count"]) != 0 || l["has_more"] != false || num(l["total"]) != float64(all) {
		t.Fatalf("beyond the end: %v", l)
	}
	l = e.core("GET", "/endpoints?limit=0", nil).obj()
	if num(l["count"]) != 0 || l["has_more"] != true {
		t.Fatalf("limit=0: %v", l)
	}
}

func names(l map[string]any) []string {
	var out []string
	for _, it := range l["items"].([]any) {
		out = append(out, fmt.Sprint(it.(map[string]any)["name"]))
	}
	return out
}

func TestOrderAndFilterHTTP(t *testing.T) {
	e := newEnv(t)
	for i, n := range []string{"charlie", "alpha", "bravo"} {
		e.createEndpoint(map[string]any{"type": "third_party", "name": n, "capacity": i * 10,
			"addresses": []any{map[string]any{"ip": fmt.Sprintf("192.0.2.%d", 100+i), "transport": "tcp"}}})
	}
	f := "&filter=" + url.QueryEscape("type eq third_party")
	if got := strings.Join(names(e.core("GET", "/endpoints?order=name"+f, nil).obj()), ","); got != "alpha,bravo,charlie" {
		t.Fatalf("order=name: %s", got)
	}
	if got := strings.Join(names(e.core("GET", "/endpoints?order=name+asc"+f, nil).obj()), ","); got != "alpha,bravo,charlie" {
		t.Fatalf("order=name asc: %s", got)
	}
	if got := strings.Join(names(e.core("GET", "/endpoints?order=name%20desc"+f, nil).obj()), ","); got != "charlie,bravo,alpha" {
		t.Fatalf("order=name desc: %s", got)
	}
	if got := strings.Join(names(e.core("GET", "/endpoints?order=capacity+desc"+f, nil).obj()), ","); got != "bravo,alpha,charlie" {
		t.Fatalf("order=capacity desc: %s", got)
	}
	if got := e.core("GET", "/endpoints?order=shuffle"+f, nil).obj(); num(got["count"]) != 3 {
		t.Fatalf("shuffle: %v", got)
	}
	// the documented sample URL form: + for spaces, quotes left in
	r := e.core("GET", `/endpoints?filter=addresses.ip+eq+"192.0.2.101"`, nil)
	expectStatus(t, r, 200)
	if got := names(r.obj()); len(got) != 1 || got[0] != "alpha" || num(r.obj()["total"]) != 1 {
		t.Fatalf("dot-path filter: %v", got)
	}
	q := url.QueryEscape(`addresses.transport eq tcp and capacity ge 10 and name notin ("bravo")`)
	if got := names(e.core("GET", "/endpoints?filter="+q, nil).obj()); len(got) != 1 || got[0] != "alpha" {
		t.Fatalf("and filter: %v", got)
	}
	r = e.core("GET", "/endpoints?filter="+url.QueryEscape(`nope eq 1`), nil)
	expectError(t, r, 400, "", "filter")
	if !strings.Contains(string(r.raw), "unknown attribute 'nope'") {
		t.Fatalf("message: %s", r.raw)
	}
	expectError(t, e.core("GET", "/endpoints?filter="+url.QueryEscape(`name eq "x`), nil), 400, "", "filter")
	expectError(t, e.core("GET", "/partners?filter="+url.QueryEscape(`name zz 1`), nil), 400, "", "filter")
	l := e.core("GET", "/partners?filter="+url.QueryEscape(`status eq active`), nil).obj()
	if num(l["total"]) != 1 {
		t.Fatalf("partner filter: %v", l)
	}
}

// after/before are SID cursors; their pages link by cursor and never by
// offset, and offset cannot be combined with them (CarrierX docs, Pagination).
func TestListCursors(t *testing.T) {
	e := newEnv(t)
	var sids []string
	for i := 0; i < 5; i++ {
		sids = append(sids, created(e, "/phonenumber/did_groups", map[string]any{"name": fmt.Sprintf("g%d", i)}, "did_group_sid"))
	}
	names := func(r resp) string {
		var out []string
		for _, it := range r.obj()["items"].([]any) {
			out = append(out, it.(map[string]any)["name"].(string))
		}
		return strings.Join(out, ",")
	}
	r := e.core("GET", "/phonenumber/did_groups?limit=2&after="+sids[0], nil)
	expectStatus(t, r, 200)
	p := r.obj()["pagination"].(map[string]any)
	if names(r) != "g1,g2" || r.obj()["has_more"] != true {
		t.Fatalf("after: %s", r.raw)
	}
	next, _ := p["next"].(string)
	prev, _ := p["previous"].(string)
	if !strings.Contains(next, "after="+sids[2]) || strings.Contains(next, "offset") ||
		!strings.Contains(prev, "before="+sids[1]) || strings.Contains(prev, "offset") {
		t.Fatalf("cursor links %v", p)
	}
	// following next reaches the end
	r = e.do("GET", next, e.srv.Token(), nil)
	if names(r) != "g3,g4" || r.obj()["has_more"] != false || r.obj()["pagination"].(map[string]any)["next"] != nil {
		t.Fatalf("next page: %s", r.raw)
	}
	r = e.core("GET", "/phonenumber/did_groups?limit=2&before="+sids[3], nil)
	if names(r) != "g1,g2" || r.obj()["has_more"] != true {
		t.Fatalf("before: %s", r.raw)
	}
	if next := r.obj()["pagination"].(map[string]any)["next"].(string); !strings.Contains(next, "before="+sids[1]) {
		t.Fatalf("before next %s", next)
	}
	expectError(t, e.core("GET", "/phonenumber/did_groups?offset=1&after="+sids[0], nil), 400, "Bad Request", "offset")
	expectError(t, e.core("GET", "/phonenumber/did_groups?after="+sids[0]+"&before="+sids[1], nil), 400, "Bad Request", "before")
	expectError(t, e.core("GET", "/phonenumber/did_groups?after=00000000-0000-4000-8000-000000000000", nil), 400, "Bad Request", "after")
	// offset pages still link by offset only
	r = e.core("GET", "/phonenumber/did_groups?limit=2&offset=2", nil)
	if p := r.obj()["pagination"].(map[string]any); !strings.Contains(p["next"].(string), "offset=4") || strings.Contains(p["next"].(string), "after") {
		t.Fatalf("offset links %v", p)
	}
}
