package emulator

// Prefixes (CarrierX docs, Core API, Phone Numbers, Prefix Object).
func prefixesCollection() *collection {
	return &collection{
		name:     "phonenumber.prefixes",
		path:     "phonenumber/prefixes",
		sidField: "prefix_sid",
		attrs: []attrSpec{
			{"attributes", rw}, {"callback_url", rw}, {"lrn_sid", readOnly}, {"name", rw}, {"partner", readOnly},
			{"partner_sid", rw}, {"prefix", rw}, {"prefix_sid", readOnly}, {"source_trunk_group_sid", rw},
			{"string_key_1", rw}, {"string_key_2", rw}, {"transformations", rw}, {"trunk_group_sid", rw},
		},
		scopes:  crudScopes(phonenumberScopes),
		visible: ownedBy,
		related: relatedPartner,
		build:   buildPrefix,
	}
}

func buildPrefix(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	if c.create {
		c.def("attributes", map[string]any{})
		c.def("callback_url", nil)
		c.def("name", "N/A")
		c.def("source_trunk_group_sid", nil)
		c.def("string_key_1", nil)
		c.def("string_key_2", nil)
		c.def("transformations", []any{})
		c.def("trunk_group_sid", nil)
		obj["lrn_sid"] = nil
		if _, ok := obj["prefix"]; !ok {
			c.v.add("prefix", "prefix is required")
		}
	}
	if c.has("partner_sid") {
		switch p := obj["partner_sid"].(type) {
		case nil:
			obj["partner_sid"] = cx.partnerSID
		case string:
			if p == "" {
				obj["partner_sid"] = cx.partnerSID
			} else if !cx.s.inTree(cx.partnerSID, p) {
				c.v.addRef("partner_sid", "cannot find partner by sid", p)
			}
		default:
			c.v.add("partner_sid", "partner_sid must be a string")
		}
	}
	if c.has("prefix") {
		if p, ok := obj["prefix"].(string); !ok || !digitsRE.MatchString(p) {
			c.v.add("prefix", "prefix must be a non-empty string of digits")
		}
	}
	c.str("name")
	c.url("callback_url")
	c.object("attributes")
	c.objectArray("transformations")
	c.nullStr("string_key_1")
	c.nullStr("string_key_2")
	// trunk groups must belong to the prefix's partner
	owner, _ := obj["partner_sid"].(string)
	ocx := *cx
	ocx.partnerSID = owner
	c.ref(&ocx, "trunk_group_sid", "trunk_groups")
	c.ref(&ocx, "source_trunk_group_sid", "trunk_groups")
	if tg, ok := obj["trunk_group_sid"].(string); ok && c.has("trunk_group_sid") && len(c.v.errs) == 0 && !cx.s.hasRoutableTrunk(tg) {
		c.v.addRef("trunk_group_sid", "the destination trunk group must contain at least one trunk bound to an endpoint", tg)
	}
	return c.err()
}

// hasRoutableTrunk: a trunk of the group with an endpoint_sid.
func (s *Server) hasRoutableTrunk(groupSID string) bool {
	t := s.st.table("trunk_groups.trunks")
	for _, tr := range t.all() {
		if t.link[tr["trunk_sid"].(string)] == groupSID && tr["endpoint_sid"] != nil {
			return true
		}
	}
	return false
}
