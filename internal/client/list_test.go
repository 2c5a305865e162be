package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"testing"
)

// listServer serves n items {"endpoint_sid":"e<i>"} with the API envelope.
// serverCap, when > 0, caps limit like a server that ignores large limits.
type listServer struct {
	n, serverCap int
	withTotal    bool
	mu           sync.Mutex
	queries      []url.Values
}

func (ls *listServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	ls.mu.Lock()
	ls.queries = append(ls.queries, q)
	ls.mu.Unlock()
	limit, _ := strconv.Atoi(q.Get("limit"))
	offset, _ := strconv.Atoi(q.Get("offset"))
	if ls.serverCap > 0 && limit > ls.serverCap {
		limit = ls.serverCap
	}
	items := []map[string]any{}
	for i := offset; i < ls.n && len(items) < limit; i++ {
		items = append(items, map[string]any{"endpoint_sid": fmt.Sprintf("e%d", i), "extra": i})
	}
	env := map[string]any{
		"count": len(items), "has_more": offset+len(items) < ls.n, "items": items,
		"limit": limit, "offset": offset, "pagination": map[string]string{}, "total": nil,
	}
	if ls.withTotal {
		env["total"] = ls.n
	}
	if offset+len(items) < ls.n {
		env["pagination"] = map[string]string{"next": "https://elsewhere.invalid/ignored"}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(env)
}

func (ls *listServer) offsets() []string {
	var out []string
	for _, q := range ls.queries {
		out = append(out, q.Get("offset")+"/"+q.Get("limit"))
	}
	return out
}

func checkItems(t *testing.T, got []Endpoint, n int) {
	t.Helper()
	if len(got) != n {
		t.Fatalf("items = %d, want %d", len(got), n)
	}
	for i, e := range got {
		if e.EndpointSID != fmt.Sprintf("e%d", i) {
			t.Fatalf("item %d = %q", i, e.EndpointSID)
		}
	}
}

func TestListAllTotalNull(t *testing.T) {
	ls := &listServer{n: 2500}
	srv := newServer(t, ls.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, nil)
	got, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkItems(t, got, 2500)
	if o := fmt.Sprint(ls.offsets()); o != "[0/1000 1000/1000 2000/1000]" {
		t.Errorf("requests (offset/limit) = %s", o)
	}
}

func TestListAllTotalSetSmallPages(t *testing.T) {
	ls := &listServer{n: 20, withTotal: true}
	srv := newServer(t, ls.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, nil)
	got, err := ListAll[Endpoint](context.Background(), c, "/endpoints", ListOptions{PageSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	checkItems(t, got, 20)
	if o := fmt.Sprint(ls.offsets()); o != "[0/7 7/7 14/7]" {
		t.Errorf("requests = %s", o)
	}
}

func TestListAllExactMultipleAndEmpty(t *testing.T) {
	ls := &listServer{n: 2000}
	srv := newServer(t, ls.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, nil)
	got, _ := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{PageSize: 5000}) // capped to 1000
	checkItems(t, got, 2000)
	if o := fmt.Sprint(ls.offsets()); o != "[0/1000 1000/1000]" {
		t.Errorf("requests = %s", o)
	}

	ls0 := &listServer{n: 0}
	c0, _ := newTestClient(t, newServer(t, ls0.ServeHTTP).URL, nil)
	got, err := Objects[Endpoint](c0, EndpointKind).List(context.Background(), ListOptions{})
	if err != nil || got == nil || len(got) != 0 || len(ls0.queries) != 1 {
		t.Errorf("empty list = %v %v (requests %d)", got, err, len(ls0.queries))
	}
}

func TestListAllServerCapsLimit(t *testing.T) {
	ls := &listServer{n: 1000, serverCap: 400}
	srv := newServer(t, ls.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, nil)
	got, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkItems(t, got, 1000)
	if o := fmt.Sprint(ls.offsets()); o != "[0/1000 400/1000 800/1000]" {
		t.Errorf("requests = %s", o)
	}
}

func TestListAllEmptyPageGuard(t *testing.T) {
	n := counter{}
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.inc() == 1 {
			writeJSON(w, 200, `{"count":1,"has_more":true,"items":[{"endpoint_sid":"e0"}],"limit":1000,"offset":0,"pagination":{},"total":null}`)
			return
		}
		writeJSON(w, 200, `{"count":0,"has_more":true,"items":[],"limit":1000,"offset":1,"pagination":{},"total":null}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	got, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{})
	if err != nil || len(got) != 1 || n.get() != 2 {
		t.Fatalf("got %d items, err %v, requests %d", len(got), err, n.get())
	}
}

func TestListQueryArgs(t *testing.T) {
	ls := &listServer{n: 3, withTotal: true}
	srv := newServer(t, ls.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, nil)
	opts := ListOptions{
		Filter:        Eq("name", "my ep").And(Eq("type", "third_party")).String(),
		Order:         "name desc",
		IncludeFields: []string{"endpoint_sid", "name"},
		ExcludeFields: []string{"properties", "partner"},
		WithRelated:   true,
		PageSize:      2,
	}
	p, err := ListPage[Endpoint](context.Background(), c, "/endpoints", opts, 2)
	if err != nil {
		t.Fatal(err)
	}
	q := ls.queries[0]
	want := map[string]string{
		"filter": `name eq "my ep" and type eq "third_party"`, "order": "name desc",
		"include_fields": "endpoint_sid,name", "exclude_fields": "properties,partner",
		"with_related": "true", "limit": "2", "offset": "2",
	}
	for k, v := range want {
		if q.Get(k) != v {
			t.Errorf("query %s = %q, want %q", k, q.Get(k), v)
		}
	}
	if len(q) != len(want) {
		t.Errorf("extra query args: %v", q)
	}
	if p.Count != 1 || p.HasMore || p.Offset != 2 || p.Limit != 2 || p.Total == nil || *p.Total != 3 || len(p.Items) != 1 {
		t.Errorf("page = %+v", p)
	}

	ls.queries = nil
	_, _ = ListPage[Endpoint](context.Background(), c, "/endpoints", ListOptions{}, 0)
	if q := ls.queries[0]; len(q) != 2 || q.Get("limit") != "1000" || q.Get("offset") != "0" {
		t.Errorf("default query = %v", q)
	}
}

func TestListError(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 403, `{"message":"forbidden"}`) })
	c, _ := newTestClient(t, srv.URL, nil)
	got, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{})
	if StatusCode(err) != 403 || got != nil {
		t.Fatalf("got %v, %v", got, err)
	}
}
