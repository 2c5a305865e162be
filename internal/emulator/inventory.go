package emulator

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"sync"
)

// The built-in inventory of available DIDs: generated from a fixed seed,
// so every run and every reset has the same numbers and SIDs.

const inventorySeed = 20240911

// Classification SIDs of the inventory (DID Classification objects are not
// served; the SIDs are fixed).
const (
	classificationDefault = "9c1f6a52-3e7b-4d08-a4c5-6b2e0f91d7a3"
	classificationMobile  = "2d84b0e9-71c6-4f3a-8e5d-0a9c3b7f1e64"
)

type locality struct {
	country, state, name string
	npas                 []string // NANP area codes
	lat, lng             float64
	lata                 string
	ocn                  string
	count                int
}

// North American localities: real area codes, states and provinces, LATAs
// of the US cities (Canadian numbers have no LATA).
var nanpLocalities = []locality{
	{"USA", "NY", "NEW YORK", []string{"212", "646", "917"}, 40.7128, -74.0060, "132", "9102", 360},
	{"USA", "NY", "BROOKLYN", []string{"718", "347"}, 40.6782, -73.9442, "132", "9102", 160},
	{"USA", "NY", "HEMPSTEAD", []string{"516"}, 40.7062, -73.6187, "132", "251F", 160},
	{"USA", "CA", "LOS ANGELES", []string{"213", "323", "310"}, 34.0522, -118.2437, "730", "6214", 300},
	{"USA", "CA", "SAN FRANCISCO", []string{"415", "628"}, 37.7749, -122.4194, "722", "6214", 200},
	{"USA", "IL", "CHICAGO", []string{"312", "773"}, 41.8781, -87.6298, "358", "4826", 260},
	{"USA", "TX", "HOUSTON", []string{"713", "832"}, 29.7604, -95.3698, "560", "7555", 200},
	{"USA", "TX", "DALLAS", []string{"214", "469"}, 32.7767, -96.7970, "552", "7555", 200},
	{"USA", "FL", "MIAMI", []string{"305", "786"}, 25.7617, -80.1918, "460", "251F", 180},
	{"USA", "WA", "SEATTLE", []string{"206"}, 47.6062, -122.3321, "674", "4826", 150},
	{"USA", "MA", "BOSTON", []string{"617"}, 42.3601, -71.0589, "128", "9102", 150},
	{"USA", "GA", "ATLANTA", []string{"404"}, 33.7490, -84.3880, "438", "6214", 150},
	{"USA", "CO", "DENVER", []string{"303"}, 39.7392, -104.9903, "656", "4826", 130},
	{"USA", "AZ", "PHOENIX", []string{"602"}, 33.4484, -112.0740, "666", "7555", 130},
	{"USA", "PA", "PHILADELPHIA", []string{"215"}, 39.9526, -75.1652, "228", "251F", 130},
	{"USA", "IL", "SPRINGFIELD", []string{"217"}, 39.7817, -89.6501, "976", "4826", 140},
	{"CAN", "ON", "TORONTO", []string{"416", "647"}, 43.6532, -79.3832, "", "8233", 300},
	{"CAN", "QC", "MONTREAL", []string{"514", "438"}, 45.5019, -73.5674, "", "9060", 250},
	{"CAN", "BC", "VANCOUVER", []string{"604", "778"}, 49.2827, -123.1207, "", "8233", 200},
	{"CAN", "AB", "CALGARY", []string{"403"}, 51.0447, -114.0719, "", "9060", 125},
	{"CAN", "ON", "OTTAWA", []string{"613"}, 45.4215, -75.6972, "", "8233", 125},
}

// British numbers come from Ofcom's ranges reserved for drama use, so none
// of them belongs to anyone: <national prefix> <block> 0000..0999.
type ukRange struct {
	name       string // "" for mobile
	area       string // national significant prefix without the trunk 0
	block      string
	lat, lng   float64
	count      int
	mobile     bool
	areaDigits int
}

var ukRanges = []ukRange{
	{"LONDON", "20", "7946", 51.5074, -0.1278, 400, false, 2},
	{"MANCHESTER", "161", "496", 53.4808, -2.2426, 150, false, 3},
	{"BIRMINGHAM", "121", "496", 52.4862, -1.8904, 120, false, 3},
	{"GLASGOW", "141", "496", 55.8642, -4.2518, 100, false, 3},
	{"EDINBURGH", "131", "496", 55.9533, -3.1883, 100, false, 3},
	{"", "7700", "900", 0, 0, 130, true, 4},
}

type coords struct{ lat, lng float64 }

var (
	inventoryOnce sync.Once
	inventoryObjs []map[string]any
	inventoryGeo  map[string]coords // by phonenumber
	npaInfo       map[string]locality
)

// inventory returns the shared, never modified inventory objects.
func inventory() []map[string]any {
	inventoryOnce.Do(buildInventory)
	return inventoryObjs
}

func seededUUID(r *rand.Rand) string {
	hi, lo := r.Uint64(), r.Uint64()
	hi = hi&^(0xf<<12) | 0x4<<12
	lo = lo&^(0x3<<62) | 0x2<<62
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, (hi>>16)&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
}

func didObject(sid, number, country string, state, locality, lata, ocn any, inCountry, intl string, caps int64, price, class string) map[string]any {
	active := int64(0)
	if caps&4 != 0 {
		active = 4
	}
	return map[string]any{
		"active_capabilities": active, "attributes": map[string]any{}, "callback_url": nil, "campaign_sid": nil,
		"capabilities": caps, "classification_sid": class, "country_code": country, "did_group_sid": nil,
		"did_sid": sid, "in_country_format": inCountry, "international_format": intl, "lata": lata,
		"locality": locality, "lrn_sid": nil, "name": "N/A", "ocn": ocn, "partner_sid": nil,
		"phonenumber": number, "porting_pin": nil, "price": price, "state": state, "status": "available",
		"string_key_1": nil, "string_key_2": nil, "transformations": []any{}, "trunk_group_sid": nil,
	}
}

func buildInventory() {
	r := rand.New(rand.NewPCG(inventorySeed, inventorySeed>>3))
	inventoryGeo = map[string]coords{}
	npaInfo = map[string]locality{}
	seen := map[string]bool{}
	var objs []map[string]any
	for _, loc := range nanpLocalities {
		for _, npa := range loc.npas {
			npaInfo[npa] = loc
		}
		for n := 0; n < loc.count; {
			npa := loc.npas[r.IntN(len(loc.npas))]
			nxx := fmt.Sprintf("%d%02d", 2+r.IntN(8), r.IntN(100))
			if nxx[1:] == "11" || nxx == "555" || nxx == "950" || nxx == "958" || nxx == "959" || nxx == "976" {
				continue
			}
			line := fmt.Sprintf("%04d", r.IntN(10000))
			number := "1" + npa + nxx + line
			if seen[number] {
				continue
			}
			seen[number] = true
			n++
			var caps int64
			var price string
			switch p := r.IntN(100); {
			case p < 30:
				caps, price = 31, "1"
			case p < 60:
				caps, price = 7, "0.6"
			case p < 75:
				caps, price = 4, "0.5"
			case p < 85:
				caps, price = 5, "0.5"
			case p < 95:
				caps, price = 3, "0.4"
			default:
				caps, price = 1, "0.3"
			}
			if loc.country == "CAN" {
				price = map[int64]string{31: "1.25", 7: "0.75", 4: "0.7", 5: "0.7", 3: "0.5", 1: "0.4"}[caps]
			}
			var lata any
			if loc.lata != "" {
				lata = loc.lata
			}
			objs = append(objs, didObject(seededUUID(r), number, loc.country, loc.state, loc.name, lata, loc.ocn,
				fmt.Sprintf("(%s) %s-%s", npa, nxx, line), fmt.Sprintf("+1 %s-%s-%s", npa, nxx, line),
				caps, price, classificationDefault))
			inventoryGeo[number] = coords{loc.lat, loc.lng}
		}
	}
	for _, ur := range ukRanges {
		for n := 0; n < ur.count; {
			line := fmt.Sprintf("%04d", r.IntN(1000)) // 0000..0999: the drama range
			if ur.mobile {
				line = fmt.Sprintf("%03d", r.IntN(1000))
			}
			number := "44" + ur.area + ur.block + line
			if seen[number] {
				continue
			}
			seen[number] = true
			n++
			inCountry := fmt.Sprintf("0%s %s %s", ur.area, ur.block, line)
			intl := fmt.Sprintf("+44 %s %s %s", ur.area, ur.block, line)
			if ur.mobile {
				inCountry = fmt.Sprintf("0%s %s%s", ur.area, ur.block, line)
				intl = fmt.Sprintf("+44 %s %s%s", ur.area, ur.block, line)
				objs = append(objs, didObject(seededUUID(r), number, "GBR", nil, nil, nil, nil, inCountry, intl, 7, "3", classificationMobile))
				continue
			}
			objs = append(objs, didObject(seededUUID(r), number, "GBR", nil, ur.name, nil, nil, inCountry, intl, 4, "1.5", classificationDefault))
			inventoryGeo[number] = coords{ur.lat, ur.lng}
		}
	}
	sort.SliceStable(objs, func(i, j int) bool { return objs[i]["phonenumber"].(string) < objs[j]["phonenumber"].(string) })
	inventoryObjs = objs
}

// didNearby gives the coordinates of a DID's locality.
func didNearby(obj map[string]any) (float64, float64, bool) {
	inventory()
	pn, _ := obj["phonenumber"].(string)
	c, ok := inventoryGeo[pn]
	return c.lat, c.lng, ok
}

// didVirtual adds npa and npa_nxx (North American numbers; null otherwise)
// for filters and ordering.
func didVirtual(obj map[string]any) {
	pn, _ := obj["phonenumber"].(string)
	obj["npa"], obj["npa_nxx"] = nil, nil
	if len(pn) == 11 && pn[0] == '1' {
		obj["npa"], obj["npa_nxx"] = pn[1:4], pn[1:7]
	}
}
