package probe

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// ownObjects are the caller's objects whose nested attributes the
// emulator stores verbatim: their shapes are reported, never their values.
func (p *prober) ownObjects(v *verdict, paths ...string) map[string][]map[string]any {
	out := map[string][]map[string]any{}
	for _, path := range paths {
		if path == "/endpoints" {
			out[path] = p.endpoints
			continue
		}
		l := p.list(path, url.Values{"limit": {"1000"}})
		if l.why != "" {
			v.skip("%s", l.why)
			continue
		}
		out[path] = l.items
	}
	return out
}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func checkTransformations(p *prober, v *verdict) {
	objs := p.ownObjects(v, "/endpoints", "/trunk_groups", "/phonenumber/dids", "/partners")
	for _, path := range sortedKeys(objs) {
		arrays, elems := 0, 0
		keys := map[string]bool{}
		var bad []string
		for _, o := range objs[path] {
			t, ok := o["transformations"]
			if !ok {
				bad = append(bad, "an object without transformations")
				continue
			}
			arr, ok := t.([]any)
			if !ok {
				bad = append(bad, "transformations "+typeOf(t))
				continue
			}
			arrays++
			for _, el := range arr {
				m, ok := el.(map[string]any)
				if !ok {
					bad = append(bad, "an element "+typeOf(el))
					continue
				}
				elems++
				for k, x := range m {
					keys[k+" "+typeOf(x)] = true
				}
			}
		}
		switch {
		case len(bad) > 0:
			v.contradict("expected %s: transformations an array of objects, got %s", path, strings.Join(slices.Compact(bad), ", "))
		case arrays == 0:
			v.skip("%s: no objects", path)
		case elems == 0:
			v.confirm("%s: %d arrays, all empty (element shape not seen)", path, arrays)
		default:
			v.confirm("%s: %d arrays, %d elements, keys {%s}", path, arrays, elems, strings.Join(sortedKeys(keys), ", "))
		}
	}
}

func checkAttributes(p *prober, v *verdict) {
	objs := p.ownObjects(v, "/endpoints", "/phonenumber/dids", "/partners")
	for _, path := range sortedKeys(objs) {
		n, keys := 0, 0
		types := map[string]bool{}
		var bad []string
		for _, o := range objs[path] {
			a, ok := o["attributes"].(map[string]any)
			if !ok {
				bad = append(bad, "attributes "+typeOfKey(o, "attributes"))
				continue
			}
			n++
			keys += len(a)
			for _, x := range a {
				types[typeOf(x)] = true
			}
		}
		switch {
		case len(bad) > 0:
			v.contradict("expected %s: attributes an object, got %s", path, strings.Join(slices.Compact(bad), ", "))
		case n == 0:
			v.skip("%s: no objects", path)
		default:
			v.confirm("%s: %d objects with attributes an object (%d keys in all; value types: %s)",
				path, n, keys, orNone(sortedKeys(types)))
		}
	}
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

func typeOfKey(m map[string]any, k string) string {
	x, ok := m[k]
	if !ok {
		return "absent"
	}
	return typeOf(x)
}

// hostedTypes get generated properties (CarrierX docs, Endpoints sample of
// a conference endpoint); the others start with {}.
var hostedTypes = []string{"conference", "conference_playback", "conference_v2", "flexml", "mediator"}

func checkProperties(p *prober, v *verdict) {
	byType := map[string]map[string]bool{}
	for _, e := range p.endpoints {
		typ, _ := e["type"].(string)
		props, ok := e["properties"].(map[string]any)
		if !ok {
			v.contradict("expected properties an object, got %s on a %s endpoint", typeOfKey(e, "properties"), typ)
			continue
		}
		if byType[typ] == nil {
			byType[typ] = map[string]bool{}
		}
		for k, x := range props {
			byType[typ][k+" "+typeOf(x)] = true
		}
		if slices.Contains(hostedTypes, typ) {
			var missing []string
			for _, k := range []string{"account_sid", "api_url", "login", "password"} {
				if _, ok := props[k].(string); !ok {
					missing = append(missing, k+" "+typeOfKey(props, k))
				}
			}
			if len(missing) > 0 {
				v.contradict("expected a %s endpoint's properties to hold the strings account_sid, api_url, login, password, got %s (keys %s)",
					typ, strings.Join(missing, ", "), strings.Join(keySet(props), ", "))
			}
		}
	}
	for _, typ := range sortedKeys(byType) {
		v.confirm("%s: properties an object, keys {%s}", typ, strings.Join(sortedKeys(byType[typ]), ", "))
	}
	var hosted bool
	for typ := range byType {
		hosted = hosted || slices.Contains(hostedTypes, typ)
	}
	if !hosted {
		v.skip("no hosted endpoint (%s) to see generated properties on", strings.Join(hostedTypes, ", "))
	}
}

// addressTypes are the address keys and JSON types of the CarrierX docs'
// Endpoints sample.
var addressTypes = map[string][]string{
	"direction": {"string"}, "dst_port": {"number"}, "ip": {"string"}, "location_sid": {"string", "null"},
	"port": {"number"}, "priority": {"number"}, "sip_password": {"string", "null"},
	"sip_username": {"string", "null"}, "srtp": {"boolean"}, "transport": {"string"},
}

// checkAddressShape compares one address with addressTypes.
func checkAddressShape(a map[string]any) (bad, extra []string) {
	for _, k := range sortedKeys(addressTypes) {
		x, ok := a[k]
		switch {
		case !ok:
			bad = append(bad, k+" missing")
		case !slices.Contains(addressTypes[k], typeOf(x)):
			bad = append(bad, k+" "+typeOf(x))
		}
	}
	for _, k := range keySet(a) {
		if _, ok := addressTypes[k]; !ok {
			extra = append(extra, k+" "+typeOf(a[k]))
		}
	}
	return bad, extra
}

func checkAddresses(p *prober, v *verdict) {
	n := 0
	bads, extras := map[string]bool{}, map[string]bool{}
	for _, e := range p.endpoints {
		addrs, ok := e["addresses"].([]any)
		if !ok {
			bads["addresses "+typeOfKey(e, "addresses")] = true
			continue
		}
		for _, x := range addrs {
			a, ok := x.(map[string]any)
			if !ok {
				bads["an address "+typeOf(x)] = true
				continue
			}
			n++
			bad, extra := checkAddressShape(a)
			for _, b := range bad {
				bads[b] = true
			}
			for _, x := range extra {
				extras[x] = true
			}
		}
	}
	switch {
	case len(bads) > 0:
		v.contradict("expected addresses with %s, got %s", addressKeys(), strings.Join(sortedKeys(bads), ", "))
	case n == 0:
		v.skip("no endpoint address to look at")
	default:
		v.confirm("%d addresses with %s", n, addressKeys())
	}
	if len(extras) > 0 {
		v.confirm("also %s", strings.Join(sortedKeys(extras), ", "))
	}
}

func addressKeys() string { return strings.Join(sortedKeys(addressTypes), ", ") }

func checkSystemGateway(p *prober, v *verdict) {
	var gws []map[string]any
	for _, e := range p.endpoints {
		if e["type"] == "system_gateway" {
			gws = append(gws, e)
		}
	}
	if len(gws) != 1 {
		v.contradict("expected one system_gateway endpoint per partner, got %d", len(gws))
		return
	}
	g := gws[0]
	v.expect(g["voip_token"] == nil, "one system_gateway endpoint, voip_token null", "voip_token %s", typeOfKey(g, "voip_token"))
	_, ok := g["properties"].(map[string]any)
	v.expect(ok, "its properties an object", "properties %s", typeOfKey(g, "properties"))
	for _, e := range p.endpoints {
		if e["type"] == "third_party" {
			tok, _ := e["voip_token"].(string)
			v.expect(uuidRE.MatchString(tok), "third_party voip_token a lowercase UUID", "voip_token %s", typeOfKey(e, "voip_token"))
			break
		}
	}
}

var (
	uuidRE      = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	timestampRE = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
	displayIDRE = regexp.MustCompile(`^CX\d{8}$`)
)

func checkFormats(p *prober, v *verdict) {
	bad := 0
	for _, e := range p.endpoints {
		if s, _ := e["endpoint_sid"].(string); !uuidRE.MatchString(s) {
			bad++
			v.contradict("expected endpoint_sid a lowercase UUID v4, got %q", clip(s))
		}
	}
	if bad == 0 && len(p.endpoints) > 0 {
		v.confirm("%d endpoint_sid values are lowercase UUID v4", len(p.endpoints))
	}
	l := p.list("/partners", url.Values{"limit": {"1"}})
	if l.why != "" || len(l.items) == 0 {
		v.skip("partners: %s", orNone([]string{l.why}))
		return
	}
	pt := l.items[0]
	for _, c := range []struct {
		key, what string
		re        *regexp.Regexp
	}{
		{"partner_sid", "a lowercase UUID v4", uuidRE},
		{"date_created", "ISO 8601 UTC with milliseconds and Z", timestampRE},
		{"display_id", `"CX" and 8 digits`, displayIDRE},
	} {
		s, ok := pt[c.key].(string)
		if !ok {
			v.contradict("expected partner %s a string, got %s", c.key, typeOfKey(pt, c.key))
			continue
		}
		v.expect(c.re.MatchString(s), "partner "+c.key+" "+c.what, "%s", describeFormat(s))
	}
}

// describeFormat shows a value's form (digits as 9, letters as a or A),
// enough to see a format without showing an account's identifiers.
func describeFormat(s string) string {
	var b strings.Builder
	for _, r := range clip(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte('9')
		case r >= 'a' && r <= 'z':
			b.WriteByte('a')
		case r >= 'A' && r <= 'Z':
			b.WriteByte('A')
		default:
			b.WriteRune(r)
		}
	}
	return fmt.Sprintf("%q", b.String())
}

// moneyKeys are typed number in the CarrierX docs (Partners) but strings
// in every sample.
var moneyKeys = []string{"balance", "charge_at", "daily_spending_limit", "daily_spent_amount", "prepay_amount", "spending_limit"}

func checkMoney(p *prober, v *verdict) {
	l := p.list("/partners", url.Values{"limit": {"1000"}})
	if l.why != "" {
		v.skip("%s", l.why)
		return
	}
	types := map[string]map[string]bool{}
	for _, pt := range l.items {
		for _, k := range moneyKeys {
			if x, ok := pt[k]; ok {
				if types[k] == nil {
					types[k] = map[string]bool{}
				}
				types[k][typeOf(x)] = true
			}
		}
	}
	if len(types) == 0 {
		v.skip("no partner with money attributes")
		return
	}
	for _, k := range moneyKeys {
		if types[k] == nil {
			continue
		}
		seen := sortedKeys(types[k])
		ok := true
		for _, t := range seen {
			ok = ok && (t == "string" || t == "null")
		}
		v.expect(ok, k+" a string or null", "%s", strings.Join(seen, ", "))
	}
}

func checkWithTrunks(p *prober, v *verdict) {
	a, err := p.get("/trunk_groups", url.Values{"with_trunks": {"true"}, "limit": {"50"}})
	switch {
	case err != nil:
		v.skip("%v", err)
		return
	case a.status == http.StatusForbidden:
		v.skip("the token may not read trunk groups with trunks (403)")
		return
	}
	items, _ := a.items()
	if len(items) == 0 {
		v.skip("no trunk group to see trunks on")
	} else {
		good := true
		for _, it := range items {
			_, ok := it["trunks"].([]any)
			good = good && ok
		}
		v.expect(a.status == http.StatusOK && good, "with_trunks=true adds a trunks array to every trunk group",
			"%s, trunks %s", a.describe(), typeOfFirst(items, "trunks"))
	}
	if b, err := p.get("/trunk_groups", url.Values{"with_trunks": {"maybe"}}); err == nil {
		v.expect(b.isBadRequest("with_trunks"), "with_trunks=maybe: 400 field with_trunks", "%s", b.describe())
	}
}

func checkCountries(p *prober, v *verdict) {
	a, err := p.get("/countries/USA", nil)
	switch {
	case err != nil:
		v.skip("%v", err)
		return
	case a.status == http.StatusForbidden:
		v.skip("the token may not read countries (403)")
		return
	}
	o := a.obj()
	v.expect(a.status == http.StatusOK && o["iso_3166_alpha_3"] == "USA" && typeOf(o["iso_3166_numeric"]) == "number",
		"GET /countries/USA: iso_3166_alpha_3 USA, iso_3166_numeric a number",
		"%s, iso_3166_numeric %s", a.describe(), typeOfKey(o, "iso_3166_numeric"))
	if b, err := p.get("/countries/usa", nil); err == nil {
		v.expect(b.status == http.StatusNotFound, "GET /countries/usa (lower case): 404", "%s", b.describe())
	}
}
