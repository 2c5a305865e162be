package emulator

import (
	"sort"
	"strconv"
	"strings"
)

// countryData: real ISO 3166-1 data; mcc lists as the USA sample shows.
var countryData = []map[string]any{
	country("Canberra", "Australia", "61", "au", "AU", "AUS", 36, "505", "Commonwealth of Australia", "Oceania", "Australia and New Zealand"),
	country("Brasília", "Brazil", "55", "br", "BR", "BRA", 76, "724", "Federative Republic of Brazil", "Americas", "South America"),
	country("Ottawa", "Canada", "1", "ca", "CA", "CAN", 124, "302", "Canada", "Americas", "Northern America"),
	country("Berlin", "Germany", "49", "de", "DE", "DEU", 276, "262", "Federal Republic of Germany", "Europe", "Western Europe"),
	country("Madrid", "Spain", "34", "es", "ES", "ESP", 724, "214", "Kingdom of Spain", "Europe", "Southern Europe"),
	country("Paris", "France", "33", "fr", "FR", "FRA", 250, "208", "French Republic", "Europe", "Western Europe"),
	country("London", "United Kingdom", "44", "uk", "GB", "GBR", 826, "234,235", "United Kingdom of Great Britain and Northern Ireland", "Europe", "Northern Europe"),
	country("New Delhi", "India", "91", "in", "IN", "IND", 356, "404,405,406", "Republic of India", "Asia", "Southern Asia"),
	country("Dublin", "Ireland", "353", "ie", "IE", "IRL", 372, "272", "Ireland", "Europe", "Northern Europe"),
	country("Rome", "Italy", "39", "it", "IT", "ITA", 380, "222", "Italian Republic", "Europe", "Southern Europe"),
	country("Tokyo", "Japan", "81", "jp", "JP", "JPN", 392, "440,441", "Japan", "Asia", "Eastern Asia"),
	country("Mexico City", "Mexico", "52", "mx", "MX", "MEX", 484, "334", "United Mexican States", "Americas", "Central America"),
	country("Amsterdam", "Netherlands", "31", "nl", "NL", "NLD", 528, "204", "Kingdom of the Netherlands", "Europe", "Western Europe"),
	country("Wellington", "New Zealand", "64", "nz", "NZ", "NZL", 554, "530", "New Zealand", "Oceania", "Australia and New Zealand"),
	country("Washington, D.C.", "United States", "1", "us", "US", "USA", 840, "310,311,312,313,316", "United States of America", "Americas", "Northern America"),
}

func country(capital, common, prefix, domain, a2, a3 string, numeric int64, mcc, official, region, subregion string) map[string]any {
	return map[string]any{"capital": capital, "common_name": common, "dialing_prefix": prefix, "domain": domain,
		"iso_3166_alpha_2": a2, "iso_3166_alpha_3": a3, "iso_3166_numeric": numeric, "mcc": mcc,
		"official_name": official, "region": region, "subregion": subregion}
}

func countriesCollection() *collection {
	read := []string{"countries.manage", "countries.read"}
	return &collection{
		name:     "countries",
		sidField: "iso_3166_alpha_3",
		attrs: []attrSpec{
			{"capital", readOnly}, {"common_name", readOnly}, {"dialing_prefix", readOnly}, {"domain", readOnly},
			{"iso_3166_alpha_2", readOnly}, {"iso_3166_alpha_3", readOnly}, {"iso_3166_numeric", readOnly},
			{"mcc", readOnly}, {"official_name", readOnly}, {"region", readOnly}, {"subregion", readOnly},
		},
		scopes: map[op][]string{opList: read, opGet: read},
	}
}

// lookupNPAStates: area codes outside the inventory whose state the lookup
// samples show (CarrierX docs, Core API, Lookup: 435 UT; How It Works,
// Lookup: 562 CA).
var lookupNPAStates = map[string]string{"435": "UT", "562": "CA"}

// Canadian area codes (the rest of +1 is treated as the USA).
var canadianNPAs = map[string]bool{}

func init() {
	for _, n := range strings.Fields("204 226 236 249 250 263 289 306 343 354 365 367 368 382 387 403 416 418 428 431 437 438 450 460 468 474 506 514 519 548 579 581 584 587 600 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 902 905") {
		canadianNPAs[n] = true
	}
}

func lookupCollection() *collection {
	return &collection{
		name:     "lookup.dids",
		path:     "lookup/dids",
		sidField: "phonenumber",
		attrs: []attrSpec{
			{"country_code", readOnly}, {"details", readOnly}, {"e164_format", readOnly},
			{"in_country_format", readOnly}, {"international_format", readOnly}, {"phonenumber", readOnly},
			{"state", readOnly},
		},
		scopes: map[op][]string{opGet: {"lookup.dids.read"}},
		fetch:  lookupNumber,
	}
}

// lookupNumber answers GET /lookup/dids/{phonenumber}: only digits and
// "+" count; the inventory supplies formats and state, other numbers are
// formatted from their country's dialing prefix.
func lookupNumber(cx *callCtx, raw string) (map[string]any, *apiError) {
	q := cx.query
	details := map[string]any{"carrier": nil, "cnam": nil, "lrn": nil}
	wants := map[string]bool{}
	for _, opt := range []string{"carrier", "cnam", "lrn", "hlr"} {
		v := q.Get(opt)
		if v == "" {
			continue
		}
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, badRequest(opt, opt+" must be true or false")
		}
		wants[opt] = b
	}
	for _, opt := range []string{"carrier", "cnam", "lrn"} {
		if sc := "lookup.dids.allow_" + opt; wants[opt] && !cx.hasScope(sc) {
			return nil, forbidden(opt + "=true needs the scope " + sc)
		}
	}
	if v := q.Get("cnam_ttl"); v != "" {
		if n, err := strconv.Atoi(v); err != nil || n < 0 {
			return nil, badRequest("cnam_ttl", "cnam_ttl must be a non-negative integer")
		}
	}
	var digits strings.Builder
	for _, r := range raw {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		}
	}
	num := digits.String()
	var hint map[string]any
	if cc := q.Get("country_code"); cc != "" {
		for _, c := range countryData {
			if c["iso_3166_alpha_3"] == cc {
				hint = c
			}
		}
		if hint == nil {
			return nil, badRequest("country_code", "unknown country_code "+strconv.Quote(cc)+" (ISO 3166-1 alpha-3)")
		}
		if p := hint["dialing_prefix"].(string); !strings.HasPrefix(raw, "+") && !strings.HasPrefix(num, p) {
			num = p + strings.TrimPrefix(num, "0")
		}
	} else if len(num) == 10 && !strings.HasPrefix(raw, "+") && num[0] >= '2' {
		num = "1" + num // a national North American number
	}
	out, ok := describeNumber(cx.s, num)
	if !ok {
		e := badRequest("phonenumber", "phonenumber "+strconv.Quote(raw)+" is not a valid phone number")
		return nil, e
	}
	if wants["carrier"] {
		mcc := strings.Split(countryMCC(out["country_code"].(string)), ",")[0]
		typ := "landline"
		if strings.HasPrefix(num, "447") {
			typ = "mobile"
		}
		details["carrier"] = map[string]any{"mcc": mcc, "mnc": "000", "name": "EMULATOR TELECOM", "type": typ}
	}
	out["details"] = details
	return out, nil
}

func countryMCC(alpha3 string) string {
	for _, c := range countryData {
		if c["iso_3166_alpha_3"] == alpha3 {
			return c["mcc"].(string)
		}
	}
	return ""
}

// describeNumber formats an E.164 number (digits without +).
func describeNumber(s *Server, num string) (map[string]any, bool) {
	if len(num) < 8 || len(num) > 15 || num[0] == '0' {
		return nil, false
	}
	base := map[string]any{"e164_format": "+" + num, "phonenumber": num, "state": nil}
	for _, o := range s.st.table(didTable).all() {
		if o["phonenumber"] == num {
			base["country_code"] = o["country_code"]
			base["in_country_format"] = o["in_country_format"]
			base["international_format"] = o["international_format"]
			base["state"] = o["state"]
			return base, true
		}
	}
	if num[0] == '1' {
		if len(num) != 11 || num[1] < '2' { // the docs' own sample, 1 555 010-0142, has an exchange starting with 0
			return nil, false
		}
		npa, nxx, line := num[1:4], num[4:7], num[7:]
		base["country_code"] = "USA"
		if canadianNPAs[npa] {
			base["country_code"] = "CAN"
		}
		inventory()
		if loc, ok := npaInfo[npa]; ok {
			base["state"] = loc.state
		} else if st, ok := lookupNPAStates[npa]; ok {
			base["state"] = st
		}
		base["in_country_format"] = "(" + npa + ") " + nxx + "-" + line
		base["international_format"] = "+1 " + npa + "-" + nxx + "-" + line
		return base, true
	}
	// longest dialing prefix wins
	prefixes := make([]map[string]any, len(countryData))
	copy(prefixes, countryData)
	sort.SliceStable(prefixes, func(i, j int) bool {
		return len(prefixes[i]["dialing_prefix"].(string)) > len(prefixes[j]["dialing_prefix"].(string))
	})
	for _, c := range prefixes {
		p := c["dialing_prefix"].(string)
		if p == "1" || !strings.HasPrefix(num, p) {
			continue
		}
		rest := num[len(p):]
		if len(rest) < 6 {
			return nil, false
		}
		base["country_code"] = c["iso_3166_alpha_3"]
		base["in_country_format"] = "0" + rest
		base["international_format"] = "+" + p + " " + rest
		return base, true
	}
	return nil, false
}
