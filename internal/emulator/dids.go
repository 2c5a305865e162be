package emulator

import (
	"fmt"
	"regexp"
	"strconv"
)

const didTable = "phonenumber.dids"

var digitsRE = regexp.MustCompile(`^[0-9]+$`)

// didAttrs: the DID object of CarrierX docs (Phone Numbers) Writable: attributes,
// callback_url, did_group_sid, name, string_key_1/2, transformations,
// trunk_group_sid; phonenumber on rent only; everything else read only.
func didAttrs() []attrSpec {
	return []attrSpec{
		{"active_capabilities", readOnly}, {"attributes", rw}, {"callback_url", rw}, {"campaign_sid", readOnly},
		{"capabilities", readOnly}, {"classification_sid", readOnly}, {"country_code", readOnly},
		{"did_group_sid", rw}, {"did_sid", readOnly}, {"in_country_format", readOnly},
		{"international_format", readOnly}, {"lata", readOnly}, {"locality", readOnly}, {"lrn_sid", readOnly},
		{"name", rw}, {"ocn", readOnly}, {"partner", readOnly}, {"partner_sid", readOnly},
		{"phonenumber", createOnly}, {"porting_pin", readOnly}, {"price", readOnly}, {"state", readOnly},
		{"status", readOnly}, {"string_key_1", rw}, {"string_key_2", rw}, {"transformations", rw},
		{"trunk_group_sid", rw},
	}
}

var didWritable = func() map[string]bool {
	m := map[string]bool{}
	for _, a := range didAttrs() {
		m[a.name] = a.access == rw
	}
	return m
}()

func didView(cx *callCtx, obj map[string]any, forFilter bool) map[string]any {
	if forFilter {
		didVirtual(obj)
	}
	return obj
}

func availableDIDsCollection() *collection {
	read := []string{"phonenumber.manage", "phonenumber.read"}
	return &collection{
		name:      "phonenumber.available_dids",
		path:      "phonenumber/available_dids",
		tbl:       didTable,
		sidField:  "did_sid",
		attrs:     didAttrs(),
		virtual:   []string{"npa", "npa_nxx"},
		scopes:    map[op][]string{opList: read, opGet: read},
		nullTotal: true,
		visible:   func(cx *callCtx, obj map[string]any) bool { return obj["status"] == "available" },
		view:      didView,
		nearby:    didNearby,
	}
}

func didsCollection() *collection {
	// The docs print partners.manage/partners.read on the DID GETs (copied
	// from the partner pages); phonenumber.manage/read are accepted too.
	read := []string{"phonenumber.manage", "phonenumber.read", "partners.manage", "partners.read"}
	return &collection{
		name:     "phonenumber.dids",
		path:     "phonenumber/dids",
		sidField: "did_sid",
		attrs:    didAttrs(),
		virtual:  []string{"npa", "npa_nxx"},
		scopes: map[op][]string{
			opCreate: {"phonenumber.manage", "phonenumber.create"},
			opList:   read,
			opGet:    read,
			opUpdate: {"phonenumber.manage", "phonenumber.update"},
			opDelete: {"phonenumber.manage", "phonenumber.delete"},
		},
		build: buildDID,
		visible: func(cx *callCtx, obj map[string]any) bool {
			return obj["status"] == "assigned" && obj["partner_sid"] == cx.partnerSID
		},
		related: relatedPartner,
		view:    didView,
		nearby:  didNearby,
		args: func(cx *callCtx, o op) (func(map[string]any) bool, *apiError) {
			switch o {
			case opList:
				if tg, ok := cx.query["trunk_group_sid"]; ok {
					want := tg[0]
					return func(obj map[string]any) bool { return obj["trunk_group_sid"] == want }, nil
				}
			case opCreate:
				if v := cx.query.Get("include_external"); v != "" {
					if _, err := strconv.ParseBool(v); err != nil {
						return nil, badRequest("include_external", "include_external must be true or false")
					}
				}
				if _, ok := cx.query["filter"]; ok {
					return nil, badRequest("filter", "renting by filter is not documented; browse /phonenumber/available_dids and rent by phonenumber")
				}
			}
			return nil, nil
		},
		// Release: the number goes into aging and is never rentable again
		// in the emulator.
		release: func(cx *callCtx, obj map[string]any) {
			aged := copyObject(obj)
			aged["status"] = "aging"
			cx.s.st.table(didTable).replace(obj["did_sid"].(string), aged)
		},
	}
}

// buildDID rents on create: the number named by phonenumber, or the first
// available one; the body's writable attributes are laid over it.
func buildDID(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	if c.create {
		inv, e := cx.s.pickNumber(obj["phonenumber"])
		if e != nil {
			return e
		}
		for k, v := range inv {
			if !didWritable[k] {
				obj[k] = deepCopy(v)
			} else if _, sent := obj[k]; !sent {
				obj[k] = deepCopy(v)
			}
		}
		obj["status"] = "assigned"
		obj["partner_sid"] = cx.partnerSID
	}
	c.str("name")
	c.url("callback_url")
	c.object("attributes")
	c.objectArray("transformations")
	c.nullStr("string_key_1")
	c.nullStr("string_key_2")
	c.ref(cx, "trunk_group_sid", "trunk_groups")
	c.ref(cx, "did_group_sid", "phonenumber.did_groups")
	return c.err()
}

// pickNumber finds the inventory object to rent.
func (s *Server) pickNumber(pn any) (map[string]any, *apiError) {
	var v validation
	all := s.st.table(didTable).all()
	if pn == nil {
		for _, o := range all {
			if o["status"] == "available" {
				return o, nil
			}
		}
		v.add("phonenumber", "no phone number is available")
		return nil, v.err()
	}
	num, ok := pn.(string)
	if !ok || !digitsRE.MatchString(num) {
		v.add("phonenumber", "phonenumber must be a string of digits (E.164 without +)")
		return nil, v.err()
	}
	for _, o := range all {
		if o["phonenumber"] != num {
			continue
		}
		if o["status"] != "available" {
			v.add("phonenumber", fmt.Sprintf("phonenumber %s is not available", num))
			return nil, v.err()
		}
		return o, nil
	}
	v.add("phonenumber", fmt.Sprintf("phonenumber %s is not available (not in the inventory)", num))
	return nil, v.err()
}
