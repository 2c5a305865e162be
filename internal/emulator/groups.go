package emulator

var (
	phonenumberScopes = func(v string) []string { return []string{"phonenumber.manage", "phonenumber." + v} }
	ruleFields        = []string{"calling", "called", "from", "from_did", "to", "to_did", "message"}
	ruleOperations    = []string{"exact", "prefix", "regexp"}
	ruleQuantifiers   = []string{"all", "any", "none"}
)

func crudScopes(f func(string) []string) map[op][]string {
	return map[op][]string{opCreate: f("create"), opList: f("read"), opGet: f("read"), opUpdate: f("update"), opDelete: f("delete")}
}

func ownedBy(cx *callCtx, obj map[string]any) bool { return obj["partner_sid"] == cx.partnerSID }

func didGroupsCollection() *collection {
	return &collection{
		name:     "phonenumber.did_groups",
		path:     "phonenumber/did_groups",
		sidField: "did_group_sid",
		attrs: []attrSpec{
			{"callback_url", rw}, {"did_group_sid", readOnly}, {"name", rw}, {"partner", readOnly}, {"partner_sid", readOnly},
		},
		scopes:  crudScopes(phonenumberScopes),
		visible: ownedBy,
		related: relatedPartner,
		build: func(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
			c := newChecker(obj, old, changed)
			if c.create {
				c.def("callback_url", nil)
				c.def("name", "N/A")
				obj["partner_sid"] = cx.partnerSID
			}
			c.str("name")
			c.url("callback_url")
			return c.err()
		},
		guard: func(cx *callCtx, o op, obj map[string]any) *apiError {
			if o != opDelete {
				return nil
			}
			sid := obj["did_group_sid"].(string)
			if refs := cx.s.referrers(didTable, "did_group_sid", sid, isAssigned); len(refs) > 0 {
				return inUse("did group", sid, refs)
			}
			return nil
		},
	}
}

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

func rulesCollection() *collection {
	return &collection{
		name:      "accesscontrol.rules",
		path:      "accesscontrol/rules",
		sidField:  "rule_sid",
		ownerLink: true,
		attrs: []attrSpec{
			{"entries", rw}, {"field", rw}, {"name", rw}, {"operation", rw}, {"quantifier", rw},
			{"read_only", readOnly}, {"rule_sid", readOnly},
		},
		scopes: crudScopes(func(v string) []string { return []string{"accesscontrol.manage", "accesscontrol." + v} }),
		// own rules and those of the partner's ancestors (read only)
		visible: func(cx *callCtx, obj map[string]any) bool {
			owner := cx.s.st.table("accesscontrol.rules").link[obj["rule_sid"].(string)]
			return owner != "" && cx.s.inTree(owner, cx.partnerSID)
		},
		view: func(cx *callCtx, obj map[string]any, forFilter bool) map[string]any {
			obj["read_only"] = cx.s.st.table("accesscontrol.rules").link[obj["rule_sid"].(string)] != cx.partnerSID
			return obj
		},
		guard: func(cx *callCtx, o op, obj map[string]any) *apiError {
			sid := obj["rule_sid"].(string)
			if cx.s.st.table("accesscontrol.rules").link[sid] != cx.partnerSID {
				return forbidden("the rule belongs to a parent partner and is read only")
			}
			if o != opDelete {
				return nil
			}
			refs := cx.s.referrers("trunk_groups", "acls", sid, nil)
			refs = append(refs, cx.s.referrers("trunk_groups.trunks", "acls", sid, cx.s.trunkAttached)...)
			if len(refs) > 0 {
				return inUse("access control rule", sid, refs)
			}
			return nil
		},
		build: func(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
			c := newChecker(obj, old, changed)
			if c.create {
				c.def("name", "N/A")
				obj["read_only"] = false
				for _, k := range []string{"entries", "field", "operation", "quantifier"} {
					if _, ok := obj[k]; !ok {
						c.v.add(k, k+" is required")
						delete(changed, k)
					}
				}
			}
			c.str("name")
			c.enum("field", ruleFields...)
			c.enum("operation", ruleOperations...)
			c.enum("quantifier", ruleQuantifiers...)
			c.stringArray("entries")
			if arr, ok := obj["entries"].([]any); ok && c.has("entries") && len(arr) == 0 {
				c.v.add("entries", "entries must hold at least one value")
			}
			return c.err()
		},
	}
}
