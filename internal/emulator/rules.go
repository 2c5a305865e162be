package emulator

// Access control rules (CarrierX docs, Core API, Access Control).
var (
	ruleFields      = []string{"calling", "called", "from", "from_did", "to", "to_did", "message"}
	ruleOperations  = []string{"exact", "prefix", "regexp"}
	ruleQuantifiers = []string{"all", "any", "none"}
)

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
