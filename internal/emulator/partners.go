package emulator

import (
	"encoding/json"
)

var moneyFields = []string{"charge_at", "daily_spending_limit", "prepay_amount", "spending_limit"}

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
			{"partner_sid", readOnly}, {"password", rw}, {"payment_type", rw}, {"phonenumber", rw},
			{"prepay_amount", rw}, {"spending_limit", rw}, {"state", rw}, {"status", readOnly},
			{"tech_email", rw}, {"transformations", rw}, {"zip", rw},
		},
		// Only reads are routed for now; create exists for seeding.
		scopes: map[op][]string{
			opList: {"partners.manage", "partners.read"},
			opGet:  {"partners.manage", "partners.read"},
		},
		build:       buildPartner,
		afterCreate: func(cx *callCtx, obj map[string]any) { cx.s.addGateway(obj["partner_sid"].(string)) },
		visible: func(cx *callCtx, obj map[string]any) bool {
			sid, _ := obj["partner_sid"].(string)
			return cx.s.inTree(cx.partnerSID, sid)
		},
	}
}

// partnerDefaults follows the sample partner of 11-partners.md.
func partnerDefaults() map[string]any {
	return map[string]any{
		"acls": []any{}, "address1": "1 Example Street", "address2": nil, "attributes": map[string]any{},
		"billing_email": "billing@example.org", "callbacks": map[string]any{}, "charge_at": nil,
		"city": "Springfield", "company_name": "Example Co", "country_code": "USA",
		"daily_spending_limit": "500", "login": "exampleco", "name": "Jane Doe",
		"owner_email": "owner@example.org", "payment_type": "postpay", "phonenumber": "15550001111",
		"prepay_amount": nil, "spending_limit": "0", "state": nil, "tech_email": "tech@example.org",
		"transformations": []any{}, "zip": "12345",
	}
}

func buildPartner(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	var v validation
	delete(obj, "password") // accepted, never returned
	if old == nil {
		for k, d := range partnerDefaults() {
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
		scopes := []any{}
		if cx.internal && cx.partnerSID == "" {
			for _, sc := range cx.s.scopes {
				scopes = append(scopes, sc)
			}
		}
		obj["available_scopes"] = scopes
		obj["balance"] = "0"
		obj["daily_spent_amount"] = "0"
		obj["date_created"] = isoNow()
		obj["display_id"] = "CX" + randString(8, digits)
		obj["parent_assigned_acls"] = []any{}
		obj["status"] = "active"
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
	return v.err()
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

func (s *Server) gatewayOf(partnerSID string) string {
	for _, o := range s.st.table("endpoints").all() {
		if o["partner_sid"] == partnerSID && o["type"] == "system_gateway" {
			return o["endpoint_sid"].(string)
		}
	}
	return ""
}
