package probe

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// readChecks run in this order; every one is a GET. settles names the
// topics of the emulator's assumptions table (internal/emulator/doc.go).
var readChecks = []check{
	{"auth.401", "401", checkAuth},
	{"list.envelope", "list envelope", checkEnvelope},
	{"list.total", "total; token list; link list; available_dids", checkTotal},
	{"list.limit_default", "limit; trunk list limit", checkLimitDefault},
	{"list.limit_bounds", "limit", checkLimitBounds},
	{"list.offset", "offset", checkOffset},
	{"list.pagination", "pagination", checkPagination},
	{"list.order", "order", checkOrder},
	{"list.unknown_args", "unknown query arguments", checkUnknownArgs},
	{"filter.eq", "filter operators", filterOp("eq")},
	{"filter.ne", "filter operators", filterOp("ne")},
	{"filter.gt", "filter operators", filterOp("gt")},
	{"filter.ge", "filter operators", filterOp("ge")},
	{"filter.lt", "filter operators", filterOp("lt")},
	{"filter.le", "filter operators", filterOp("le")},
	{"filter.like", "filter operators; like/ilike", filterOp("like")},
	{"filter.ilike", "filter operators; like/ilike", filterOp("ilike")},
	{"filter.in", "filter operators; in/notin", filterOp("in")},
	{"filter.notin", "filter operators; in/notin", filterOp("notin")},
	{"filter.bit", "filter operators; bit", filterOp("bit")},
	{"filter.quoting", "filter quoting; filter comparison", checkQuoting},
	{"filter.errors", "filter syntax; filter attributes; filter errors", checkFilterErrors},
	{"filter.dot_path", "filter dot paths", checkDotPath},
	{"filter.npa", "inventory filters", checkNPA},
	{"fields.include", "field filtering", checkInclude},
	{"fields.exclude", "field filtering", checkExclude},
	{"with_related", "with_related", checkWithRelated},
	{"error.404_unknown_sid", "404 unknown SID; error envelope", check404},
	{"error.400_query_args", "400 on query arguments; error envelope", check400},
	{"shape.transformations", "transformations", checkTransformations},
	{"shape.attributes", "attributes", checkAttributes},
	{"shape.properties", "hosted properties; other properties", checkProperties},
	{"shape.addresses", "address defaults", checkAddresses},
	{"endpoints.system_gateway", "system_gateway object; voip_token", checkSystemGateway},
	{"format.sids_timestamps", "timestamps and SIDs", checkFormats},
	{"partners.money", "money", checkMoney},
	{"trunk_groups.with_trunks", "with_trunks", checkWithTrunks},
	{"countries.code_case", "countries", checkCountries},
}

var envelopeTypes = map[string][]string{
	"count": {"number"}, "has_more": {"boolean"}, "items": {"array"}, "limit": {"number"},
	"offset": {"number"}, "pagination": {"object"}, "total": {"number", "null"},
}

func checkAuth(p *prober, v *verdict) {
	if a, err := p.unauthenticated("/endpoints"); err != nil {
		v.skip("GET without credentials failed: %v", err)
	} else {
		v.expect(a.status == http.StatusUnauthorized && a.message() == "Unauthorized",
			`no Authorization header: 401 "Unauthorized"`, "%s", a.describe())
	}
	bad, err := client.New(client.Config{BaseURL: p.base, Token: "carrierx-probe-not-a-token",
		HTTPClient: &http.Client{Transport: p.rec}, UserAgent: "carrierx-probe"})
	if err != nil {
		v.skip("%v", err)
		return
	}
	p.rec.reset()
	_ = bad.Do(p.ctx, http.MethodGet, "/endpoints", nil, nil, nil)
	if ex := p.rec.last(); ex == nil {
		v.skip("GET with an unknown token got no answer")
	} else {
		a := &answer{status: ex.status}
		_ = json.Unmarshal(ex.body, &a.body)
		v.expect(a.status == http.StatusUnauthorized && a.message() == "Bad credentials",
			`unknown bearer token: 401 "Bad credentials"`, "%s", a.describe())
	}
}

func checkEnvelope(p *prober, v *verdict) {
	for _, path := range []string{"/endpoints", "/phonenumber/available_dids"} {
		l := p.list(path, url.Values{"limit": {"2"}})
		if l.why != "" {
			v.skip("%s", l.why)
			continue
		}
		env := l.ans.obj()
		var bad []string
		for _, k := range keySet(anyMap(envelopeTypes)) {
			val, ok := env[k]
			switch {
			case !ok:
				bad = append(bad, k+" missing")
			case !slices.Contains(envelopeTypes[k], typeOf(val)):
				bad = append(bad, k+" is "+typeOf(val))
			}
		}
		var extra []string
		for _, k := range keySet(env) {
			if _, ok := envelopeTypes[k]; !ok {
				extra = append(extra, k+" "+typeOf(env[k]))
			}
		}
		if len(bad) > 0 {
			v.contradict("%s: %s (keys seen: %s)", path, strings.Join(bad, ", "), strings.Join(keySet(env), ", "))
		} else {
			v.confirm("%s: count, has_more, items, limit, offset, pagination, total with their types", path)
		}
		if len(extra) > 0 {
			v.confirm("%s also has %s", path, strings.Join(extra, ", "))
		}
		if n, ok := num(env["count"]); ok && n != len(l.items) {
			v.contradict("%s: count %d but %d items", path, n, len(l.items))
		}
	}
}

func anyMap(m map[string][]string) map[string]any {
	out := make(map[string]any, len(m))
	for k := range m {
		out[k] = nil
	}
	return out
}

// num reads a JSON number as an int.
func num(x any) (int, bool) {
	n, ok := x.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(n.String())
	return i, err == nil
}

func checkTotal(p *prober, v *verdict) {
	// The emulator's choice per collection: a number, except where a
	// CarrierX docs sample shows null (OAuth tokens, shortener links) or the
	// docs say so (available DIDs).
	for _, c := range []struct {
		path     string
		wantNull bool
	}{
		{"/endpoints", false}, {"/partners", false}, {"/trunk_groups", false}, {"/phonenumber/dids", false},
		{"/accesscontrol/rules", false}, {"/phonenumber/available_dids", true}, {"/oauth/tokens", true},
		{"/shortener/links", true},
	} {
		l := p.list(c.path, url.Values{"limit": {"2"}})
		if l.why != "" {
			v.skip("%s", l.why)
			continue
		}
		env := l.ans.obj()
		t := env["total"]
		if c.wantNull {
			v.expect(t == nil, c.path+": total null", "%s", jsonText(t))
			continue
		}
		n, ok := num(t)
		if !ok {
			v.contradict("expected %s: total a number, got %s", c.path, jsonText(t))
			continue
		}
		count, _ := num(env["count"])
		more, _ := env["has_more"].(bool)
		switch {
		case n < count:
			v.contradict("%s: total %d is less than count %d", c.path, n, count)
		case !more && n != count:
			v.contradict("%s: total %d but the whole list (has_more false) holds %d", c.path, n, count)
		default:
			v.confirm("%s: total a number (%d)", c.path, n)
		}
	}
}

func checkLimitDefault(p *prober, v *verdict) {
	a, err := p.get("/endpoints", nil)
	if err != nil {
		v.skip("%v", err)
		return
	}
	lim, _ := num(a.obj()["limit"])
	v.expect(a.status == http.StatusOK && lim == 10, "GET /endpoints without limit echoes limit 10",
		"%d with limit %s", a.status, jsonText(a.obj()["limit"]))
	tg := p.list("/trunk_groups", url.Values{"limit": {"1"}})
	if tg.why != "" || len(tg.items) == 0 {
		v.skip("trunks' default limit: no trunk group to list trunks of")
		return
	}
	sid, _ := tg.items[0]["trunk_group_sid"].(string)
	a, err = p.get(client.TrunkGroupTrunksPath(sid), nil)
	if err != nil || a.status != http.StatusOK {
		v.skip("trunks' default limit: GET trunks failed")
		return
	}
	lim, _ = num(a.obj()["limit"])
	v.expect(lim == 1000, "GET /trunk_groups/{sid}/trunks without limit echoes limit 1000", "limit %s", jsonText(a.obj()["limit"]))
}

func checkLimitBounds(p *prober, v *verdict) {
	if a, err := p.get("/endpoints", url.Values{"limit": {"5000"}}); err != nil {
		v.skip("%v", err)
	} else {
		lim, _ := num(a.obj()["limit"])
		v.expect(a.status == http.StatusOK && lim == 1000, "limit=5000 is clamped: 200 with limit 1000",
			"%d with limit %s", a.status, jsonText(a.obj()["limit"]))
	}
	if a, err := p.get("/endpoints", url.Values{"limit": {"0"}}); err != nil {
		v.skip("%v", err)
	} else {
		items, _ := a.items()
		lim, _ := num(a.obj()["limit"])
		v.expect(a.status == http.StatusOK && len(items) == 0 && lim == 0, "limit=0: 200, no items, limit 0",
			"%d with %d items and limit %s", a.status, len(items), jsonText(a.obj()["limit"]))
	}
	if a, err := p.get("/endpoints", url.Values{"limit": {"-1"}}); err != nil {
		v.skip("%v", err)
	} else {
		v.expect(a.status == http.StatusBadRequest, "limit=-1: 400", "%s", a.describe())
	}
}

func checkOffset(p *prober, v *verdict) {
	if a, err := p.get("/endpoints", url.Values{"offset": {"1000000"}}); err != nil {
		v.skip("%v", err)
	} else {
		items, _ := a.items()
		more, _ := a.obj()["has_more"].(bool)
		v.expect(a.status == http.StatusOK && len(items) == 0 && !more, "offset past the end: 200, no items, has_more false",
			"%d with %d items, has_more %v", a.status, len(items), more)
	}
	if a, err := p.get("/endpoints", url.Values{"offset": {"-1"}}); err != nil {
		v.skip("%v", err)
	} else {
		v.expect(a.status == http.StatusBadRequest, "offset=-1: 400", "%s", a.describe())
	}
}

// pageLink checks a pagination link: absolute, on the base URL's scheme
// and host, the same path, the given limit and offset.
func (p *prober) pageLink(link any, path string, limit, offset int) string {
	s, ok := link.(string)
	if !ok {
		return "not a string: " + typeOf(link)
	}
	u, err := url.Parse(s)
	b, _ := url.Parse(p.base)
	switch {
	case err != nil || !u.IsAbs():
		return "not an absolute URL"
	case u.Scheme != b.Scheme || u.Host != b.Host:
		return "on " + u.Scheme + "://" + u.Host + ", not the base URL's " + b.Scheme + "://" + b.Host
	case u.Path != b.Path+path:
		return "path " + u.Path
	case u.Query().Get("limit") != strconv.Itoa(limit) || u.Query().Get("offset") != strconv.Itoa(offset):
		return "limit " + u.Query().Get("limit") + " offset " + u.Query().Get("offset")
	}
	return ""
}

func checkPagination(p *prober, v *verdict) {
	const path = "/phonenumber/available_dids"
	if l := p.availableDIDs(); l.why != "" {
		v.skip("%s", l.why)
	} else if a, err := p.get(path, url.Values{"limit": {"2"}, "offset": {"0"}}); err != nil {
		v.skip("%v", err)
	} else {
		env := a.obj()
		pg, _ := env["pagination"].(map[string]any)
		more, _ := env["has_more"].(bool)
		v.expect(more, "a first page of 2 available DIDs says has_more true", "has_more %v", env["has_more"])
		if problem := p.pageLink(pg["next"], path, 2, 2); problem != "" {
			v.contradict("expected pagination.next an absolute URL with limit=2&offset=2, got %s (pagination keys: %s)",
				problem, strings.Join(keySet(pg), ", "))
		} else {
			v.confirm("pagination.next is an absolute URL with limit=2&offset=2")
		}
		_, prev := pg["previous"]
		v.expect(!prev, "no pagination.previous at offset 0", "previous present")
		if b, err := p.get(path, url.Values{"limit": {"2"}, "offset": {"2"}}); err == nil {
			pg, _ := b.obj()["pagination"].(map[string]any)
			if problem := p.pageLink(pg["previous"], path, 2, 0); problem != "" {
				v.contradict("expected pagination.previous with limit=2&offset=0 at offset 2, got %s (pagination keys: %s)",
					problem, strings.Join(keySet(pg), ", "))
			} else {
				v.confirm("pagination.previous at offset 2 has offset=0")
			}
		}
	}
	a, err := p.get("/endpoints", url.Values{"filter": {client.Eq("name", "carrierx-probe-matches-nothing").String()}})
	if err != nil {
		v.skip("%v", err)
		return
	}
	pg, _ := a.obj()["pagination"].(map[string]any)
	v.expect(a.status == http.StatusOK && pg != nil && len(pg) == 0, "pagination {} on a list without more pages",
		"%d with pagination %s", a.status, typeOf(a.obj()["pagination"]))
}

func checkOrder(p *prober, v *verdict) {
	if l := p.availableDIDs(); l.why != "" {
		v.skip("%s", l.why)
	} else {
		cc, _ := l.items[0]["country_code"].(string)
		a, err := p.get("/phonenumber/available_dids", url.Values{"limit": {"10"}, "order": {"phonenumber desc"},
			"filter": {client.Eq("country_code", cc).String()}})
		if err == nil {
			items, _ := a.items()
			nums := strs(items, "phonenumber")
			sorted := slices.IsSortedFunc(nums, func(x, y string) int { return strings.Compare(y, x) })
			v.expect(a.status == http.StatusOK && len(nums) > 1 && sorted, `order "phonenumber desc" sorts descending`,
				"%d with %d numbers, sorted descending %v", a.status, len(nums), sorted)
		}
	}
	if a, err := p.get("/endpoints", url.Values{"order": {"carrierx_probe_unknown"}}); err == nil {
		v.expect(a.isBadRequest("order"), "order by an unknown attribute: 400 field order", "%s", a.describe())
	}
	if a, err := p.get("/endpoints", url.Values{"order": {"shuffle"}}); err == nil {
		v.expect(a.status == http.StatusOK, `order "shuffle": 200`, "%s", a.describe())
	}
}

func checkUnknownArgs(p *prober, v *verdict) {
	a, err := p.get("/endpoints", url.Values{"carrierx_probe": {"1"}})
	if err != nil {
		v.skip("%v", err)
		return
	}
	v.expect(a.status == http.StatusOK, "an unknown query argument is ignored (200)", "%s", a.describe())
}

// strs collects the string values of key.
func strs(items []map[string]any, key string) []string {
	var out []string
	for _, it := range items {
		if s, ok := it[key].(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// filterOp checks that an operator is accepted and selects what the
// emulator selects, on available DIDs (every account has an inventory).
// Numbers are compared within one country, where every phonenumber has the
// same length, so string and numeric comparison agree.
func filterOp(op string) func(p *prober, v *verdict) {
	return func(p *prober, v *verdict) {
		l := p.availableDIDs()
		if l.why != "" {
			v.skip("%s", l.why)
			return
		}
		x, y := l.items[0], l.items[1]
		xn, _ := x["phonenumber"].(string)
		yn, _ := y["phonenumber"].(string)
		cc, _ := x["country_code"].(string)
		if xn == "" || yn == "" || cc == "" {
			v.skip("available DIDs without phonenumber or country_code")
			return
		}
		same := client.Eq("country_code", cc)
		var sameCountry []string
		for _, it := range l.items {
			if c, _ := it["country_code"].(string); c == cc {
				if n, _ := it["phonenumber"].(string); n != "" {
					sameCountry = append(sameCountry, n)
				}
			}
		}
		if len(slices.Compact(slices.Sorted(slices.Values(sameCountry)))) < 2 {
			v.skip("fewer than two available DIDs of one country")
			return
		}
		var f client.Filter
		order := ""
		var want func(items []map[string]any) (bool, string)
		all := func(pred func(map[string]any) bool, what string) func([]map[string]any) (bool, string) {
			return func(items []map[string]any) (bool, string) {
				for _, it := range items {
					if !pred(it) {
						return false, "an item that is not " + what
					}
				}
				return len(items) > 0, what
			}
		}
		pn := func(it map[string]any) string { s, _ := it["phonenumber"].(string); return s }
		switch op {
		case "eq":
			f = client.Eq("phonenumber", xn)
			want = all(func(it map[string]any) bool { return pn(it) == xn }, "the number asked for")
		case "ne":
			f = same.And(client.Ne("phonenumber", xn))
			want = all(func(it map[string]any) bool { return pn(it) != xn }, "another number")
		case "gt":
			// Above the smallest number of the page's country, below the largest.
			lo := slices.Min(sameCountry)
			f, order = same.And(client.Gt("phonenumber", lo)), "phonenumber asc"
			want = all(func(it map[string]any) bool { return pn(it) > lo }, "a greater number")
		case "lt":
			hi := slices.Max(sameCountry)
			f, order = same.And(client.Lt("phonenumber", hi)), "phonenumber desc"
			want = all(func(it map[string]any) bool { return pn(it) < hi }, "a smaller number")
		case "ge", "le":
			f, order = same.And(client.Raw("phonenumber "+op+" "+client.Quote(xn))), "phonenumber asc"
			if op == "le" {
				order = "phonenumber desc"
			}
			want = func(items []map[string]any) (bool, string) {
				return len(items) > 0 && pn(items[0]) == xn, "first item the number itself (bound included)"
			}
		case "like":
			pat := xn[:len(xn)-1] + "_"
			f = client.Like("phonenumber", xn[:4]+"%").And(client.Like("phonenumber", pat))
			want = all(func(it map[string]any) bool {
				return strings.HasPrefix(pn(it), xn[:len(xn)-1]) && len(pn(it)) == len(xn)
			}, `matching "`+xn[:4]+`%" and "<all but the last digit>_"`)
		case "ilike":
			f = client.ILike("country_code", strings.ToLower(cc))
			want = all(func(it map[string]any) bool { s, _ := it["country_code"].(string); return s == cc },
				"of country "+cc+" (asked in lower case)")
		case "in":
			f = client.In("phonenumber", xn, yn)
			want = func(items []map[string]any) (bool, string) {
				got := strs(items, "phonenumber")
				slices.Sort(got)
				w := []string{xn, yn}
				slices.Sort(w)
				return slices.Equal(got, w), "exactly the two numbers listed"
			}
		case "notin":
			f = same.And(client.NotIn("phonenumber", xn))
			want = all(func(it map[string]any) bool { return pn(it) != xn }, "another number than the one listed")
		case "bit":
			capa, ok := num(x["capabilities"])
			if !ok || capa <= 0 {
				v.skip("the first available DID has no positive capabilities")
				return
			}
			b := capa & -capa // lowest bit set, so x matches
			f = client.Bit("capabilities", b)
			want = all(func(it map[string]any) bool { c, _ := num(it["capabilities"]); return c&b == b },
				"with capabilities bit "+strconv.Itoa(b)+" set")
		}
		q := url.Values{"limit": {"50"}, "filter": {f.String()}}
		if order != "" {
			q.Set("order", order)
		}
		a, err := p.get("/phonenumber/available_dids", q)
		if err != nil {
			v.skip("%v", err)
			return
		}
		if a.status != http.StatusOK {
			v.contradict("expected %s to be accepted, got %s", op, a.describe())
			return
		}
		items, _ := a.items()
		ok, what := want(items)
		v.expect(ok, op+" accepted and selects "+what, "%d items, %s", len(items), what)
	}
}

func checkQuoting(p *prober, v *verdict) {
	l := p.availableDIDs()
	if l.why != "" {
		v.skip("%s", l.why)
		return
	}
	xn, _ := l.items[0]["phonenumber"].(string)
	for _, lit := range []struct{ name, text string }{
		{"double quotes", `"` + xn + `"`}, {"single quotes", `'` + xn + `'`}, {"a bare number", xn},
	} {
		a, err := p.get("/phonenumber/available_dids", url.Values{"filter": {"phonenumber eq " + lit.text}})
		if err != nil {
			v.skip("%v", err)
			continue
		}
		items, _ := a.items()
		got := strs(items, "phonenumber")
		v.expect(a.status == http.StatusOK && len(got) == 1 && got[0] == xn,
			"phonenumber eq <number in "+lit.name+"> selects that number", "%s with %d items", a.describe(), len(got))
	}
}

func checkFilterErrors(p *prober, v *verdict) {
	for _, c := range []struct{ what, filter string }{
		{"an unknown operator", `name carrierx_probe "x"`},
		{`"or"`, `name eq "a" or name eq "b"`},
		{"an unknown attribute", `carrierx_probe_unknown eq "x"`},
	} {
		a, err := p.get("/endpoints", url.Values{"filter": {c.filter}})
		if err != nil {
			v.skip("%v", err)
			continue
		}
		v.expect(a.isBadRequest("filter") && a.message() == "Bad Request",
			"a filter with "+c.what+`: 400 "Bad Request", field filter`, "%s", a.describe())
	}
}

func checkDotPath(p *prober, v *verdict) {
	for _, e := range p.endpoints {
		addrs, _ := e["addresses"].([]any)
		if len(addrs) == 0 {
			continue
		}
		first, _ := addrs[len(addrs)-1].(map[string]any)
		ip, _ := first["ip"].(string)
		sid, _ := e["endpoint_sid"].(string)
		if ip == "" || sid == "" {
			continue
		}
		// The last address, so a match on the first element only would fail.
		a, err := p.get("/endpoints", url.Values{"limit": {"1000"}, "filter": {client.Eq("addresses.ip", ip).String()}})
		if err != nil {
			v.skip("%v", err)
			return
		}
		items, _ := a.items()
		v.expect(a.status == http.StatusOK && slices.Contains(strs(items, "endpoint_sid"), sid),
			"addresses.ip eq <the last address of an endpoint> selects that endpoint", "%s with %d items", a.describe(), len(items))
		return
	}
	v.skip("no endpoint with addresses")
}

func checkNPA(p *prober, v *verdict) {
	l := p.availableDIDs()
	if l.why != "" {
		v.skip("%s", l.why)
		return
	}
	var npa string
	for _, it := range l.items {
		if n, _ := it["phonenumber"].(string); len(n) == 11 && n[0] == '1' {
			npa = n[1:4]
			break
		}
	}
	if npa == "" {
		v.skip("no NANP number in the first available DIDs")
		return
	}
	a, err := p.get("/phonenumber/available_dids", url.Values{"limit": {"20"}, "filter": {"npa eq " + npa}})
	if err != nil {
		v.skip("%v", err)
		return
	}
	items, _ := a.items()
	good := len(items) > 0
	for _, it := range items {
		n, _ := it["phonenumber"].(string)
		_, shown := it["npa"]
		good = good && len(n) == 11 && n[1:4] == npa && !shown
	}
	v.expect(a.status == http.StatusOK && good, "npa eq <area code> on available DIDs selects that area code (npa not returned)",
		"%s with %d items", a.describe(), len(items))
}

func checkInclude(p *prober, v *verdict) {
	want := []string{"endpoint_sid", "name"}
	for _, arg := range []string{"include_fields", "includeFields"} {
		a, err := p.get("/endpoints", url.Values{arg: {"endpoint_sid,name,carrierx_probe_unknown"}})
		if err != nil {
			v.skip("%v", err)
			continue
		}
		items, _ := a.items()
		good := len(items) > 0
		for _, it := range items {
			good = good && slices.Equal(keySet(it), want)
		}
		_, env := a.obj()["has_more"]
		v.expect(a.status == http.StatusOK && good && env, arg+"=endpoint_sid,name,<unknown>: items keep exactly endpoint_sid and name, envelope intact",
			"%s, item keys %s", a.describe(), itemKeys(items))
	}
	if sid := p.firstEndpointSID(); sid != "" {
		a, err := p.get("/endpoints/"+url.PathEscape(sid), url.Values{"include_fields": {"endpoint_sid"}})
		if err == nil {
			v.expect(a.status == http.StatusOK && slices.Equal(keySet(a.obj()), []string{"endpoint_sid"}),
				"include_fields on GET by SID", "%d with keys %s", a.status, strings.Join(keySet(a.obj()), ","))
		}
	}
}

func checkExclude(p *prober, v *verdict) {
	a, err := p.get("/endpoints", url.Values{"exclude_fields": {"properties,addresses"}})
	if err != nil {
		v.skip("%v", err)
		return
	}
	items, _ := a.items()
	good := len(items) > 0
	for _, it := range items {
		_, pr := it["properties"]
		_, ad := it["addresses"]
		_, sid := it["endpoint_sid"]
		good = good && !pr && !ad && sid
	}
	v.expect(a.status == http.StatusOK && good, "exclude_fields=properties,addresses drops those and keeps the rest",
		"%s, item keys %s", a.describe(), itemKeys(items))
	if sid := p.firstEndpointSID(); sid != "" {
		a, err := p.get("/endpoints/"+url.PathEscape(sid), url.Values{"exclude_fields": {"properties"}})
		if err == nil {
			_, pr := a.obj()["properties"]
			v.expect(a.status == http.StatusOK && !pr && a.obj()["endpoint_sid"] == sid, "exclude_fields on GET by SID",
				"%d with keys %s", a.status, strings.Join(keySet(a.obj()), ","))
		}
	}
}

func itemKeys(items []map[string]any) string {
	if len(items) == 0 {
		return "(no items)"
	}
	return strings.Join(keySet(items[0]), ",")
}

func (p *prober) firstEndpointSID() string {
	for _, e := range p.endpoints {
		if s, _ := e["endpoint_sid"].(string); s != "" {
			return s
		}
	}
	return ""
}

func checkWithRelated(p *prober, v *verdict) {
	if a, err := p.get("/endpoints", url.Values{"with_related": {"true"}}); err != nil {
		v.skip("%v", err)
	} else {
		items, _ := a.items()
		good := len(items) > 0
		for _, it := range items {
			_, isObj := it["partner"].(map[string]any)
			good = good && isObj
		}
		v.expect(a.status == http.StatusOK && good, "with_related=true embeds partner (an object) in every endpoint",
			"%s, partner %s", a.describe(), typeOfFirst(items, "partner"))
	}
	if a, err := p.get("/endpoints", url.Values{"with_related": {"maybe"}}); err == nil {
		v.expect(a.isBadRequest("with_related"), "with_related=maybe: 400 field with_related", "%s", a.describe())
	}
}

func typeOfFirst(items []map[string]any, key string) string {
	if len(items) == 0 {
		return "(no items)"
	}
	if _, ok := items[0][key]; !ok {
		return "absent"
	}
	return typeOf(items[0][key])
}

func check404(p *prober, v *verdict) {
	sid := "0b0e0b0e-0000-4000-8000-" + "00000000c0de"
	a, err := p.get("/endpoints/"+sid, nil)
	if err != nil {
		v.skip("%v", err)
		return
	}
	e := a.firstError()
	// The documented 404 answer (CarrierX docs, Core API, Phone Numbers, DID
	// messaging) is "no item error", with no SID echoed.
	v.expect(a.status == http.StatusNotFound && a.message() == "no item error",
		`GET of an unknown SID: 404 "no item error"`, "%s", a.describe())
	if e == nil {
		v.contradict("expected an errors array with one object, got errors %s", typeOf(a.obj()["errors"]))
		return
	}
	_, hasField := e["field"]
	v.expect(hasField && e["field"] == nil && e["message"] == "cannot find item by sid",
		`errors[0] field null, message "cannot find item by sid"`, "errors[0] %s", shape(e))
	rs, has := e["reference_sid"]
	v.expect(has && rs == nil, "errors[0].reference_sid null", "reference_sid %s", typeOf(rs))
}

func check400(p *prober, v *verdict) {
	for _, c := range []struct{ arg, value string }{
		{"limit", "abc"}, {"offset", "-5"}, {"order", "name sideways"},
	} {
		a, err := p.get("/endpoints", url.Values{c.arg: {c.value}})
		if err != nil {
			v.skip("%v", err)
			continue
		}
		e := a.firstError()
		v.expect(a.isBadRequest(c.arg) && a.message() == "Bad Request" && e["reference_sid"] == nil,
			c.arg+"="+c.value+`: 400 "Bad Request", errors[0].field `+c.arg+", reference_sid null", "%s", a.describe())
	}
}
