package emulator

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var moneyFields = []string{"charge_at", "daily_spending_limit", "prepay_amount", "spending_limit"}

var callbackKeys = []string{"sms", "app_mediator", "app_conference_call", "app_conference_meeting",
	"phonenumber_order", "phonenumber_messaging_update"}

var emailFields = []string{"billing_email", "owner_email", "tech_email"}

func partnersCollection() *collection {
	return &collection{
		name:     "partners",
		sidField: "partner_sid",
		attrs: []attrSpec{
			{"acls", rw}, {"address1", rw}, {"address2", rw}, {"attributes", rw},
			{"available_scopes", readOnly}, {"balance", readOnly}, {"billing_email", rw},
			{"callbacks", rw}, {"charge_at", rw}, {"city", rw}, {"company_name", rw},
			{"country_code", rw}, {"daily_spending_limit", rw}, {"daily_spent_amount", readOnly},
			{"date_created", readOnly}, {"display_id", readOnly}, {"login", rw}, {"name", rw},
			{"owner_email", rw}, {"parent_assigned_acls", readOnly}, {"parent_sid", createOnly},
			{"partner_sid", readOnly}, {"password", rwSparse}, {"payment_type", rw}, {"phonenumber", rw},
			{"prepay_amount", rw}, {"spending_limit", rw}, {"state", rw}, {"status", readOnly},
			{"tech_email", rw}, {"transformations", rw}, {"zip", rw},
		},
		// No DELETE: the docs have none.
		scopes: map[op][]string{
			opCreate: {"partners.manage", "partners.create"},
			opList:   {"partners.manage", "partners.read"},
			opGet:    {"partners.manage", "partners.read"},
			opUpdate: {"partners.manage", "partners.update"},
		},
		build: buildPartner,
		afterCreate: func(cx *callCtx, obj map[string]any) {
			sid := obj["partner_sid"].(string)
			cx.s.secret(sid)
			cx.s.addGateway(sid)
			cx.s.addToken(newUUID(), sid, "ivs_token", ivsTokenScopes)
			cx.s.addDefaultContainer(sid)
		},
		visible: func(cx *callCtx, obj map[string]any) bool {
			sid, _ := obj["partner_sid"].(string)
			return cx.s.inTree(cx.partnerSID, sid)
		},
		// e-mail addresses stay hidden until verified
		view: func(cx *callCtx, obj map[string]any, forFilter bool) map[string]any {
			if obj["status"] == "unverified" {
				for _, k := range emailFields {
					obj[k] = nil
				}
			}
			return obj
		},
		// unverified partners are not listed
		args: func(cx *callCtx, o op) (func(map[string]any) bool, *apiError) {
			if o != opList {
				return nil, nil
			}
			return func(obj map[string]any) bool { return obj["status"] != "unverified" }, nil
		},
	}
}

// partnerDefaults follows the partner of the Get Partner by SID sample
// (CarrierX docs, Core API, Partners): a prepay account with charge_at and
// prepay_amount set, no address, city or state (the seeded partner and
// control-API seeds).
func partnerDefaults() map[string]any {
	return map[string]any{
		"acls": []any{}, "address1": nil, "address2": nil, "attributes": map[string]any{},
		"billing_email": "billing@example.org", "callbacks": map[string]any{}, "charge_at": "20",
		"city": nil, "company_name": "Example Co", "country_code": "USA",
		"daily_spending_limit": "500", "login": "exampleco", "name": "Jane Doe",
		"owner_email": "owner@example.org", "payment_type": "prepay", "phonenumber": "15550001111",
		"prepay_amount": "100", "spending_limit": "0", "state": nil, "tech_email": "tech@example.org",
		"transformations": []any{}, "zip": "12345",
	}
}

// apiPartnerDefaults: a partner created with POST /partners, as the Create
// Partner sample answers (CarrierX docs, Core API, Partners): limits "500"
// a day and "100" in all, state "", other unset attributes null.
func apiPartnerDefaults() map[string]any {
	return map[string]any{
		"acls": []any{}, "address1": nil, "address2": nil, "attributes": map[string]any{},
		"billing_email": nil, "callbacks": map[string]any{}, "charge_at": nil, "city": nil,
		"company_name": nil, "country_code": nil, "daily_spending_limit": "500", "name": nil,
		"owner_email": nil, "payment_type": "postpay", "phonenumber": nil, "prepay_amount": nil,
		"spending_limit": "100", "state": "", "tech_email": nil, "transformations": []any{}, "zip": nil,
	}
}

var countryCodeRE = regexp.MustCompile(`^[A-Za-z]{3}$`)

func buildPartner(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	v := &c.v
	api := cx.tok != nil // a Core API call, not the seed or a control seed
	password, hasPassword := obj["password"]
	delete(obj, "password") // accepted, never returned
	sid, _ := obj["partner_sid"].(string)
	if old == nil {
		defaults := partnerDefaults()
		if api {
			defaults = apiPartnerDefaults()
			for _, k := range []string{"login", "password"} {
				if _, ok := cx.body[k]; !ok {
					v.add(k, k+" is required")
				}
			}
		}
		for k, d := range defaults {
			if _, ok := obj[k]; !ok {
				obj[k] = d
			}
		}
		parent, _ := obj["parent_sid"].(string)
		switch {
		case cx.internal && cx.partnerSID == "":
			parent = newUUID() // the seeded partner's parent is outside the emulator
		case parent == "":
			parent = cx.partnerSID
		case !cx.s.inTree(cx.partnerSID, parent):
			v.addRef("parent_sid", "cannot find partner by sid", parent)
		}
		obj["parent_sid"] = parent
		// the root gets every known scope, a sub-partner its parent's
		scopes := []any{}
		if cx.internal && cx.partnerSID == "" {
			for _, sc := range cx.s.scopes {
				scopes = append(scopes, sc)
			}
		} else {
			for _, sc := range cx.s.availableScopes(parent) {
				scopes = append(scopes, sc)
			}
		}
		obj["available_scopes"] = scopes
		obj["balance"] = "0"
		if api {
			obj["balance"] = "5" // the Create Partner sample's opening balance
		}
		obj["daily_spent_amount"] = "0"
		obj["date_created"] = cx.s.isoNow()
		obj["display_id"] = "CX" + randString(8, digits)
		obj["parent_assigned_acls"] = []any{}
		obj["status"] = "active"
		if api {
			obj["status"] = "unverified"
		}
	}
	for _, k := range moneyFields {
		if !changed[k] {
			continue
		}
		switch t := obj[k].(type) {
		case nil:
		case json.Number:
			obj[k] = t.String()
		case string:
			if !numberRE.MatchString(t) {
				v.add(k, k+" must be a number")
			}
		default:
			v.add(k, k+" must be a number")
		}
	}
	for _, k := range []string{"address1", "address2", "city", "company_name", "name", "phonenumber", "state",
		"zip", "billing_email", "owner_email", "tech_email"} {
		c.nullStr(k)
	}
	if c.has("country_code") && obj["country_code"] != nil {
		if cc, ok := obj["country_code"].(string); !ok || !countryCodeRE.MatchString(cc) {
			v.add("country_code", "country_code must be an ISO 3166-1 alpha-3 code or null")
		}
	}
	c.str("payment_type") // prepay and postpay are known; others accepted
	if _, sent := obj["login"]; sent && c.has("login") {
		login, ok := obj["login"].(string)
		switch {
		case !ok || login == "":
			v.add("login", "login must be a non-empty string")
		case api && cx.s.loginTaken(login, sid):
			v.add("login", "login "+strconv.Quote(login)+" is already taken")
		}
	}
	if hasPassword {
		if pw, ok := password.(string); !ok || pw == "" {
			v.add("password", "password must be a non-empty string")
		}
	}
	c.object("attributes")
	c.objectArray("transformations")
	if c.has("callbacks") {
		obj["callbacks"] = normalizeCallbacks(v, obj["callbacks"])
	}
	if c.has("acls") {
		// the partner's own rules: its parent cannot set them
		if api && sid != cx.partnerSID && !jsonEqual(obj["acls"], orEmpty(old, "acls")) {
			v.add("acls", "acls can only be set by the partner itself (a parent cannot set them)")
		} else {
			ocx := *cx
			ocx.partnerSID = sid
			obj["acls"] = normalizePartnerACLs(&ocx, v, obj["acls"])
		}
	}
	if obj["payment_type"] == "postpay" {
		// postpay accounts have no prepay amount and are never charged: the
		// Create Partner sample sends charge_at 20 and prepay_amount "100" on
		// a postpay partner and gets both null back
		obj["prepay_amount"] = nil
		obj["charge_at"] = nil
	}
	if e := v.err(); e != nil {
		return e
	}
	if hasPassword {
		cx.s.setPassword(sid, password.(string))
	}
	return nil
}

func orEmpty(old map[string]any, k string) any {
	if old == nil {
		return []any{}
	}
	return old[k]
}

func (s *Server) loginTaken(login, self string) bool {
	for _, p := range s.st.table("partners").all() {
		if p["login"] == login && p["partner_sid"] != self {
			return true
		}
	}
	return false
}

// normalizeCallbacks: documented keys only; each value null or an
// absolute http(s) URL ("" is stored as null).
func normalizeCallbacks(v *validation, val any) any {
	m, ok := val.(map[string]any)
	if !ok {
		v.add("callbacks", "callbacks must be a JSON object")
		return val
	}
	out := map[string]any{}
	for _, k := range sortedKeys(m) {
		f := "callbacks." + k
		if !slices.Contains(callbackKeys, k) {
			v.add(f, "unknown callback "+k+"; known: "+strings.Join(callbackKeys, ", "))
			continue
		}
		switch t := m[k].(type) {
		case nil:
			out[k] = nil
		case string:
			if t == "" {
				out[k] = nil
				continue
			}
			u, err := url.Parse(t)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				v.add(f, k+" must be null or an absolute http or https URL")
			}
			out[k] = t
		default:
			v.add(f, k+" must be null or an absolute http or https URL")
		}
	}
	return out
}

// inTree reports whether sid is root or one of its descendants.
func (s *Server) inTree(root, sid string) bool {
	seen := map[string]bool{}
	for sid != "" && !seen[sid] {
		if sid == root {
			return true
		}
		seen[sid] = true
		p, ok := s.st.table("partners").get(sid)
		if !ok {
			return false
		}
		sid, _ = p["parent_sid"].(string)
	}
	return false
}

// addGateway gives a partner its system_gateway endpoint; the addresses
// stand for CarrierX switches (documentation IPs).
func (s *Server) addGateway(partnerSID string) {
	cx := &callCtx{s: s, partnerSID: partnerSID, internal: true}
	addrs := []any{}
	for _, ip := range []string{"192.0.2.10", "192.0.2.11"} {
		a := addressDefaults()
		a["ip"] = ip
		addrs = append(addrs, a)
	}
	_, e := s.createObject(cx, s.collections["endpoints"], map[string]any{
		"type": "system_gateway", "name": "system_gateway", "addresses": addrs,
	})
	if e != nil {
		panic("emulator: system_gateway: " + e.Message)
	}
}

// addDefaultContainer gives a partner the storage container CarrierX
// creates with it ("free 1 GB storage ... when the partner is created",
// CarrierX docs, Storing Files); it counts toward the container limit, and
// the Get Containers sample lists it as a new partner's one container.
func (s *Server) addDefaultContainer(partnerSID string) {
	cx := &callCtx{s: s, partnerSID: partnerSID, internal: true}
	if _, e := s.createObject(cx, s.collections["storage.containers"], map[string]any{}); e != nil {
		panic("emulator: default container: " + e.Message)
	}
}

func (s *Server) gatewayOf(partnerSID string) string {
	for _, o := range s.st.table("endpoints").all() {
		if o["partner_sid"] == partnerSID && o["type"] == "system_gateway" {
			return o["endpoint_sid"].(string)
		}
	}
	return ""
}
