package emulator

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

const (
	defaultLimit = 10
	maxLimit     = 1000
)

// fieldParams are the GET options shared by lists and get-by-SID.
type fieldParams struct {
	include     []string
	exclude     []string
	withRelated bool
}

func splitFields(v string) []string {
	var out []string
	for _, f := range strings.Split(v, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func parseFieldParams(q url.Values) (fieldParams, *apiError) {
	var fp fieldParams
	for _, name := range []string{"include_fields", "includeFields"} {
		for _, v := range q[name] {
			fp.include = append(fp.include, splitFields(v)...)
		}
	}
	for _, name := range []string{"exclude_fields", "excludeFields"} {
		for _, v := range q[name] {
			fp.exclude = append(fp.exclude, splitFields(v)...)
		}
	}
	if v := q.Get("with_related"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fp, badRequest("with_related", "with_related must be true or false")
		}
		fp.withRelated = b
	}
	return fp, nil
}

// apply trims an object: include_fields keeps only the named attributes,
// exclude_fields then drops the named ones. Unknown names are ignored.
func (fp fieldParams) apply(obj map[string]any) map[string]any {
	if len(fp.include) > 0 {
		kept := map[string]any{}
		for _, f := range fp.include {
			if v, ok := obj[f]; ok {
				kept[f] = v
			}
		}
		obj = kept
	}
	for _, f := range fp.exclude {
		delete(obj, f)
	}
	return obj
}

type listParams struct {
	limit, offset int
	// after/before: SID cursors; the page starts right after (ends right
	// before) that item. Never combined with offset (CarrierX docs,
	// Pagination: "The offset parameter is not used together with the
	// after/before arguments").
	after, before string
	filter        *filterExpr
	orderAttr     string
	desc, shuffle bool
	fields        fieldParams
}

func nonNegInt(q url.Values, name string, def int) (int, *apiError) {
	v, ok := q[name]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v[0]))
	if err != nil || n < 0 {
		return 0, badRequest(name, fmt.Sprintf("%s must be a non-negative integer, got %q", name, v[0]))
	}
	return n, nil
}

func (c *collection) knownAttr(name string) bool {
	_, ok := c.attr(name)
	return ok || slices.Contains(c.virtual, name)
}

func parseListParams(q url.Values, c *collection) (*listParams, *apiError) {
	lp := &listParams{}
	var e *apiError
	def := defaultLimit
	if c.defaultLimit > 0 {
		def = c.defaultLimit
	}
	if lp.limit, e = nonNegInt(q, "limit", def); e != nil {
		return nil, e
	}
	if lp.limit > maxLimit {
		lp.limit = maxLimit
	}
	if lp.offset, e = nonNegInt(q, "offset", 0); e != nil {
		return nil, e
	}
	lp.after, lp.before = strings.TrimSpace(q.Get("after")), strings.TrimSpace(q.Get("before"))
	for _, name := range []string{"after", "before"} {
		if v, ok := q[name]; ok && strings.TrimSpace(v[0]) == "" {
			return nil, badRequest(name, name+" must be the SID of an item of the list")
		}
	}
	if lp.after != "" && lp.before != "" {
		return nil, badRequest("before", "after and before cannot be used together")
	}
	if _, ok := q["offset"]; ok && (lp.after != "" || lp.before != "") {
		return nil, badRequest("offset", "offset is not used together with after/before")
	}
	for _, f := range q["filter"] {
		if len(f) > maxFilterLen {
			return nil, badRequest("filter", fmt.Sprintf("filter is %d bytes long; the emulator's limit is %d bytes", len(f), maxFilterLen))
		}
	}
	if f := q.Get("filter"); strings.TrimSpace(f) != "" {
		expr, err := parseFilterOpts(f, c.knownAttr, c.nearby != nil)
		if err != nil {
			return nil, badRequest("filter", "invalid filter: "+err.Error())
		}
		lp.filter = expr
	}
	if o := strings.TrimSpace(q.Get("order")); o != "" {
		parts := strings.Fields(o)
		switch {
		case len(parts) == 1 && strings.EqualFold(parts[0], "shuffle"):
			lp.shuffle = true
		case len(parts) <= 2:
			if !c.knownAttr(parts[0]) {
				return nil, badRequest("order", fmt.Sprintf("cannot order by unknown attribute %q", parts[0]))
			}
			lp.orderAttr = parts[0]
			if len(parts) == 2 {
				switch strings.ToLower(parts[1]) {
				case "asc":
				case "desc":
					lp.desc = true
				default:
					return nil, badRequest("order", fmt.Sprintf("order direction must be asc or desc, got %q", parts[1]))
				}
			}
		default:
			return nil, badRequest("order", fmt.Sprintf("order must be \"<attribute> [asc|desc]\" or \"shuffle\", got %q", o))
		}
	}
	var fe *apiError
	if lp.fields, fe = parseFieldParams(q); fe != nil {
		return nil, fe
	}
	return lp, nil
}

// typeRank orders values of different JSON types: null first.
func typeRank(v any) int {
	switch v.(type) {
	case nil:
		return 0
	case bool:
		return 1
	case json.Number, int, int64, float64:
		return 2
	case string:
		return 3
	}
	return 4
}

func compareValues(a, b any) int {
	ra, rb := typeRank(a), typeRank(b)
	if ra != rb {
		return ra - rb
	}
	switch ra {
	case 0:
		return 0
	case 1:
		ab, bb := a.(bool), b.(bool)
		switch {
		case ab == bb:
			return 0
		case !ab:
			return -1
		}
		return 1
	case 2:
		fa, _ := toNumber(a)
		fb, _ := toNumber(b)
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return 0
	}
	return strings.Compare(stringify(a), stringify(b))
}

// errClientGone stops a list whose client has gone away; nothing is
// answered (the request log shows status 0).
var errClientGone = &apiError{Status: 0, Message: "client gone"}

// candidate is a visible object and, when a filter or an order needs it,
// the object as filters and ordering see it.
type candidate struct {
	obj, view map[string]any
}

// listCandidates takes the objects the caller may see (lock held). The
// maps are the stored ones or fresh views; stored objects are never
// changed in place, so they can be read after the lock is released.
func (s *Server) listCandidates(cx *callCtx, c *collection, lp *listParams, extra func(map[string]any) bool) []candidate {
	all := s.st.table(c.tableName()).all()
	out := make([]candidate, 0, len(all))
	for _, obj := range all {
		if !s.canSee(cx, c, obj) || (extra != nil && !extra(obj)) {
			continue
		}
		v := obj
		if lp.filter != nil || lp.orderAttr != "" {
			v = s.filterView(cx, c, obj)
		}
		out = append(out, candidate{obj, v})
	}
	return out
}

// selectPage filters, orders and pages the candidates without the lock.
// It gives up with errClientGone once ctx is done. endless takes the
// first page whatever the offset.
func (s *Server) selectPage(ctx context.Context, c *collection, lp *listParams, cands []candidate, endless bool) ([]map[string]any, pageInfo, *apiError) {
	var matched []map[string]any
	var views []map[string]any
	for i, cd := range cands {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, pageInfo{}, errClientGone
		}
		if h := s.testHookFilter; h != nil {
			h(ctx, i, len(cands))
		}
		if lp.filter.match(cd.view) {
			matched = append(matched, cd.obj)
			views = append(views, cd.view)
		}
	}
	idx := make([]int, len(matched))
	for i := range idx {
		idx[i] = i
	}
	switch {
	case lp.shuffle:
		rand.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	case lp.orderAttr != "":
		sort.SliceStable(idx, func(i, j int) bool {
			r := compareValues(views[idx[i]][lp.orderAttr], views[idx[j]][lp.orderAttr])
			if lp.desc {
				return r > 0
			}
			return r < 0
		})
	case lp.filter.nearbyCond() != nil && c.nearby != nil:
		nc := lp.filter.nearbyCond()
		dist := make([]float64, len(matched))
		for i, obj := range matched {
			dist[i] = math.Inf(1)
			if lat, lng, ok := c.nearby(obj); ok {
				dist[i] = haversine(nc.lat, nc.lng, lat, lng)
			}
		}
		sort.SliceStable(idx, func(i, j int) bool { return dist[idx[i]] < dist[idx[j]] })
	}
	total := len(idx)
	offset := lp.offset
	if endless {
		offset = 0
	}
	start := min(offset, total)
	end := min(start+lp.limit, total)
	if cursor := lp.after + lp.before; cursor != "" && !endless {
		at := -1
		for i, k := range idx {
			if sid, _ := matched[k][c.sidField].(string); sid == cursor {
				at = i
				break
			}
		}
		if at < 0 {
			field := "after"
			if lp.before != "" {
				field = "before"
			}
			return nil, pageInfo{}, badRequest(field, field+" names no item of this list: "+cursor)
		}
		if lp.after != "" {
			start = at + 1
			end = min(start+lp.limit, total)
		} else {
			end = at
			start = max(0, end-lp.limit)
		}
	}
	page := make([]map[string]any, 0, end-start)
	for _, k := range idx[start:end] {
		page = append(page, matched[k])
	}
	return page, pageInfo{total: total, start: start, end: end}, nil
}

// pageInfo places a page in the matching items: [start, end) of total.
type pageInfo struct{ total, start, end int }

// listOp answers a list GET over the objects the caller may see. The
// checks and the candidates are taken under the lock; filtering, ordering
// and paging run without it, so one expensive filter does not stall other
// requests; the page is then presented under the lock (views and related
// objects read the current state). endless is the "endless" fault: the
// first page whatever the offset, has_more true and total null.
func (s *Server) listOp(cx *callCtx, rt coreRoute, r *http.Request, endless bool) (int, any, *apiError) {
	c := rt.c
	s.mu.Lock()
	extra, e := s.prepare(cx, rt, opList)
	var lp *listParams
	if e == nil {
		lp, e = parseListParams(cx.query, c)
	}
	if e != nil {
		s.mu.Unlock()
		return 0, nil, e
	}
	cands := s.listCandidates(cx, c, lp, extra)
	s.mu.Unlock()

	page, pi, e := s.selectPage(r.Context(), c, lp, cands, endless)
	if e != nil {
		return 0, nil, e
	}
	total := pi.total

	s.mu.Lock()
	items := make([]any, 0, len(page))
	for _, obj := range page {
		items = append(items, s.present(cx, c, obj, lp.fields))
	}
	s.mu.Unlock()

	hasMore := min(lp.offset, total)+lp.limit < total
	totalV := totalValue(c, total)
	if endless {
		hasMore, totalV = true, nil
	}
	pagination := map[string]any{}
	switch {
	case (lp.after != "" || lp.before != "") && !endless:
		// cursor pages link by cursors only, never by offset: next goes on
		// in the request's direction, previous back the other way
		sidAt := func(i int) string { sid, _ := page[i][c.sidField].(string); return sid }
		hasMore = pi.end < total
		if lp.before != "" {
			hasMore = pi.start > 0
		}
		if len(page) > 0 {
			first, last := sidAt(0), sidAt(len(page)-1)
			fwd, back := "after", "before"
			fwdSID, backSID := last, first
			if lp.before != "" {
				fwd, back, fwdSID, backSID = "before", "after", first, last
			}
			if hasMore {
				pagination["next"] = cursorURL(r, lp.limit, fwd, fwdSID)
			}
			if (lp.after != "" && pi.start > 0) || (lp.before != "" && pi.end < total) {
				pagination["previous"] = cursorURL(r, lp.limit, back, backSID)
			}
		}
	default:
		if hasMore && lp.limit > 0 {
			pagination["next"] = pageURL(r, lp.limit, lp.offset+lp.limit)
		}
		if lp.offset > 0 {
			pagination["previous"] = pageURL(r, lp.limit, max(0, lp.offset-lp.limit))
		}
	}
	return http.StatusOK, map[string]any{
		"count":      len(items),
		"has_more":   hasMore,
		"items":      items,
		"limit":      lp.limit,
		"offset":     lp.offset,
		"pagination": pagination,
		"total":      totalV,
	}, nil
}

// pageURL is an absolute URL for another page of the same request.
func pageURL(r *http.Request, limit, offset int) string {
	q := r.URL.Query()
	q.Set("limit", strconv.Itoa(limit))
	q.Set("offset", strconv.Itoa(offset))
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	u := url.URL{Scheme: scheme, Host: r.Host, Path: r.URL.Path, RawQuery: q.Encode()}
	return u.String()
}

// cursorURL is an absolute URL for the page after or before a SID: the
// other cursor and offset are dropped, limit is explicit.
func cursorURL(r *http.Request, limit int, cursor, sid string) string {
	q := r.URL.Query()
	q.Del("after")
	q.Del("before")
	q.Del("offset")
	q.Set("limit", strconv.Itoa(limit))
	q.Set(cursor, sid)
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	u := url.URL{Scheme: scheme, Host: r.Host, Path: r.URL.Path, RawQuery: q.Encode()}
	return u.String()
}

func totalValue(c *collection, n int) any {
	if c.nullTotal {
		return nil
	}
	return n
}
