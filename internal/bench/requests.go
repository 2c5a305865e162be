package bench

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// Record is one entry of the emulator's request log (GET /_emulator/requests).
type Record struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Status int    `json:"status"`
}

// Tally counts the requests of one operation. Item requests name one
// endpoint (/core/v2/endpoints/<sid>) or create one (POST on the
// collection); a list is a GET of the collection itself (one per page);
// Other is everything else (the provider's token check when it configures).
type Tally struct {
	Get    int `json:"get"`
	Post   int `json:"post"`
	Patch  int `json:"patch"`
	Delete int `json:"delete"`
	List   int `json:"list"`
	Other  int `json:"other"`
}

// Total is the number of requests of every kind.
func (t Tally) Total() int { return t.Get + t.Post + t.Patch + t.Delete + t.List + t.Other }

const collectionPath = "/core/v2/endpoints"

// Count sorts the log of one operation into a Tally.
func Count(recs []Record) Tally {
	var t Tally
	for _, r := range recs {
		switch {
		case r.Path == collectionPath && r.Method == http.MethodGet:
			t.List++
		case r.Path == collectionPath && r.Method == http.MethodPost:
			t.Post++
		case strings.HasPrefix(r.Path, collectionPath+"/") && strings.Count(r.Path[len(collectionPath)+1:], "/") == 0:
			switch r.Method {
			case http.MethodGet:
				t.Get++
			case http.MethodPatch, http.MethodPut:
				t.Patch++
			case http.MethodDelete:
				t.Delete++
			default:
				t.Other++
			}
		default:
			t.Other++
		}
	}
	return t
}

// Pages is how many list requests read n objects (the API's maximum page is
// 1,000, CarrierX docs, Core API, Pagination): ceil(n/1000), at least 1.
func Pages(n int) int {
	if n <= 0 {
		return 1
	}
	return (n + 999) / 1000
}

// Expected is the Tally of one operation on n resources when every resource
// costs one request per step: a refresh is one GET, a create one POST, an
// update one PATCH, a delete one DELETE; lists is how many plural data
// sources read the n objects. Other requests are not counted against.
func Expected(op Op, n, lists int) Tally {
	t := Tally{List: lists * Pages(n)}
	switch op {
	case OpCreate:
		t.Post = n
	case OpPlan, OpRefresh:
		t.Get = n
	case OpUpdate:
		t.Get, t.Patch = n, n
	case OpDestroy:
		t.Get, t.Delete = n, n
	}
	return t
}

// Mismatch describes how got differs from want, "" when it does not (Other
// is ignored).
func Mismatch(got, want Tally) string {
	var diffs []string
	for _, d := range []struct {
		name      string
		got, want int
	}{{http.MethodGet, got.Get, want.Get}, {http.MethodPost, got.Post, want.Post}, {http.MethodPatch, got.Patch, want.Patch},
		{http.MethodDelete, got.Delete, want.Delete}, {"list", got.List, want.List}} {
		if d.got != d.want {
			diffs = append(diffs, fmt.Sprintf("%s %d want %d", d.name, d.got, d.want))
		}
	}
	sort.Strings(diffs)
	return strings.Join(diffs, ", ")
}
