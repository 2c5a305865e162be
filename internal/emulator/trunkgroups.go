package emulator

import (
	"fmt"
	"strconv"
)

var (
	aclDirections     = []string{"any", "inbound", "outbound", "undirected"}
	aclVoiceActions   = []string{"accept", "reject403", "reject503"}
	hardFailureResort = []string{"first", "reject502", "reject503"}
	allowForward      = []string{"direct", "direct_uri", "disabled", "protected", "reroute"}
	asnModes          = []string{"disable", "read", "write", "read_write"}
	trunkGroupScopes  = func(v string) []string { return []string{"trunk_groups.manage", "trunk_groups." + v} }
	trunkScopes       = func(v string) []string { return []string{"trunk_groups.trunks.manage", "trunk_groups.trunks." + v} }
)

func trunkGroupsCollection() *collection {
	return &collection{
		name:     "trunk_groups",
		sidField: "trunk_group_sid",
		attrs: []attrSpec{
			{"acls", rw}, {"external_handlers", rwSparse}, {"hard_failure_codes", rw},
			{"hard_failure_cooldown", rw}, {"hard_failure_interval", rw}, {"hard_failure_last_resort", rw},
			{"hard_failure_threshold", rw}, {"name", rw}, {"partner", readOnly}, {"partner_sid", readOnly},
			{"routing_data", rw}, {"routing_type", rw}, {"sip_options_locations", rw},
			{"sip_options_threshold", rw}, {"soft_failure_codes", rw}, {"transformations", rw},
			{"trunk_group_sid", readOnly}, {"trunks", readOnly},
		},
		scopes: map[op][]string{
			opCreate: trunkGroupScopes("create"),
			opList:   trunkGroupScopes("read"),
			opGet:    trunkGroupScopes("read"),
			opUpdate: trunkGroupScopes("update"),
			opDelete: trunkGroupScopes("delete"),
		},
		build:   buildTrunkGroup,
		visible: func(cx *callCtx, obj map[string]any) bool { return obj["partner_sid"] == cx.partnerSID },
		related: relatedPartner,
		args: func(cx *callCtx, o op) (func(map[string]any) bool, *apiError) {
			wt, e := withTrunks(cx)
			if e != nil || !wt {
				return nil, e
			}
			need := trunkScopes("read")
			if o == opCreate {
				need = trunkScopes("create")
			}
			if o != opDelete && !cx.hasScope(need...) {
				return nil, forbidden("with_trunks=true also needs one of: " + need[0] + ", " + need[1])
			}
			return nil, nil
		},
		view: func(cx *callCtx, obj map[string]any, forFilter bool) map[string]any {
			if wt, _ := withTrunks(cx); wt || forFilter {
				obj["trunks"] = cx.s.trunksOf(obj["trunk_group_sid"].(string))
			}
			return obj
		},
		afterCreate: func(cx *callCtx, obj map[string]any) {
			tc := cx.s.collections["trunk_groups.trunks"]
			for _, t := range cx.pending {
				cx.s.storeObject(cx, tc, t, obj["trunk_group_sid"].(string))
			}
			cx.pending = nil
		},
		guard: func(cx *callCtx, o op, obj map[string]any) *apiError {
			if o != opDelete {
				return nil
			}
			sid := obj["trunk_group_sid"].(string)
			s := cx.s
			var refs []fieldError
			for _, t := range s.st.table("trunk_groups.trunks").all() {
				tsid := t["trunk_sid"].(string)
				if s.st.table("trunk_groups.trunks").link[tsid] == sid {
					refs = append(refs, fieldError{Field: strPtr("trunk_group_sid"),
						Message: "still referenced by trunk_groups.trunks " + tsid + " (a trunk of the group)", ReferenceSID: strPtr(tsid)})
				}
			}
			refs = append(refs, s.referrers("phonenumber.dids", "trunk_group_sid", sid, isAssigned)...)
			refs = append(refs, s.referrers("phonenumber.prefixes", "trunk_group_sid", sid, nil)...)
			refs = append(refs, s.referrers("phonenumber.prefixes", "source_trunk_group_sid", sid, nil)...)
			if len(refs) > 0 {
				return inUse("trunk group", sid, refs)
			}
			return nil
		},
	}
}

func withTrunks(cx *callCtx) (bool, *apiError) {
	v := cx.query.Get("with_trunks")
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, badRequest("with_trunks", "with_trunks must be true or false")
	}
	return b, nil
}

// trunksOf renders the trunks of a group in insertion order.
func (s *Server) trunksOf(groupSID string) []any {
	t := s.st.table("trunk_groups.trunks")
	out := []any{}
	for _, tr := range t.all() {
		if t.link[tr["trunk_sid"].(string)] == groupSID {
			out = append(out, copyObject(tr))
		}
	}
	return out
}

func buildTrunkGroup(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	if c.create {
		c.def("acls", []any{})
		c.def("hard_failure_codes", "408;")
		c.def("hard_failure_cooldown", int64(120))
		c.def("hard_failure_interval", int64(60))
		c.def("hard_failure_last_resort", "first")
		c.def("hard_failure_threshold", int64(3))
		c.def("name", "N/A")
		c.def("routing_data", nil)
		c.def("routing_type", "failover")
		c.def("sip_options_locations", []any{})
		c.def("sip_options_threshold", int64(3))
		c.def("soft_failure_codes", "408;")
		c.def("transformations", []any{})
		obj["partner_sid"] = cx.partnerSID
	}
	c.str("name")
	c.str("hard_failure_codes")
	c.str("soft_failure_codes")
	c.intMin("hard_failure_cooldown", 0)
	c.intMin("hard_failure_interval", 0)
	c.intMin("hard_failure_threshold", 0)
	c.intMin("sip_options_threshold", 0)
	c.enum("hard_failure_last_resort", hardFailureResort...)
	c.str("routing_type") // only "failover" is documented; other values are accepted
	c.nullStr("routing_data")
	c.stringArray("sip_options_locations")
	c.objectArray("transformations")
	c.objectArray("external_handlers")
	if c.has("acls") {
		obj["acls"] = normalizeACLs(cx, &c.v, obj["acls"])
	}
	if c.create {
		if wt, _ := withTrunks(cx); wt {
			if raw, ok := cx.body["trunks"]; ok && raw != nil {
				arr, ok := raw.([]any)
				if !ok {
					c.v.add("trunks", "trunks must be an array of trunk objects")
				}
				tc := cx.s.collections["trunk_groups.trunks"]
				for i, el := range arr {
					m, ok := el.(map[string]any)
					if !ok {
						c.v.add(fmt.Sprintf("trunks[%d]", i), "a trunk must be an object")
						continue
					}
					t, e := cx.s.prepareObject(cx, tc, m)
					if e != nil {
						for _, fe := range e.Errors {
							f := fmt.Sprintf("trunks[%d]", i)
							if fe.Field != nil {
								f += "." + *fe.Field
							}
							fe.Field = strPtr(f)
							c.v.errs = append(c.v.errs, fe)
						}
						continue
					}
					cx.pending = append(cx.pending, t)
				}
			}
		}
	}
	return c.err()
}

// normalizeACLs checks an acls array of a trunk group or trunk: direction
// is required; rules must be access control rules the caller can see;
// SMS actions must be null (voice only); missing keys are filled.
func normalizeACLs(cx *callCtx, v *validation, val any) any {
	return normalizeACLsOpt(cx, v, val, false)
}

// normalizePartnerACLs: partner ACLs also carry SMS actions (any string
// or null: accept and reject are known).
func normalizePartnerACLs(cx *callCtx, v *validation, val any) any {
	return normalizeACLsOpt(cx, v, val, true)
}

func normalizeACLsOpt(cx *callCtx, v *validation, val any, sms bool) any {
	arr, ok := val.([]any)
	if !ok {
		v.add("acls", "acls must be an array of ACL objects")
		return val
	}
	out := make([]any, 0, len(arr))
	for i, el := range arr {
		prefix := fmt.Sprintf("acls[%d]", i)
		m, ok := el.(map[string]any)
		if !ok {
			v.add(prefix, "an ACL must be an object")
			continue
		}
		a := map[string]any{"access_control_rules": []any{}, "direction": nil, "sms_action_false": nil,
			"sms_action_true": nil, "voice_action_false": nil, "voice_action_true": nil}
		for _, k := range sortedKeys(m) {
			x := m[k]
			f := prefix + "." + k
			switch k {
			case "access_control_rules":
				rules, ok := x.([]any)
				if !ok {
					v.add(f, "access_control_rules must be an array of rule SIDs")
					continue
				}
				for j, r := range rules {
					rs, ok := r.(string)
					switch {
					case !ok:
						v.add(fmt.Sprintf("%s[%d]", f, j), "a rule SID must be a string")
					case !cx.internal && !cx.s.refVisible(cx, "accesscontrol.rules", rs):
						v.addRef(fmt.Sprintf("%s[%d]", f, j), "cannot find access control rule by sid", rs)
					}
				}
				a[k] = deepCopy(x)
			case "direction":
				enumAt(v, f, x, false, aclDirections)
				a[k] = x
			case "voice_action_false", "voice_action_true":
				enumAt(v, f, x, true, aclVoiceActions)
				a[k] = x
			case "sms_action_false", "sms_action_true":
				if sms {
					if _, ok := x.(string); x != nil && !ok {
						v.add(f, k+" must be a string or null")
					}
					a[k] = x
					continue
				}
				if x != nil {
					v.add(f, k+" must be null on trunk groups and trunks (SMS actions do not apply)")
				}
			default:
				v.add(f, "unknown attribute "+k)
			}
		}
		if _, ok := m["direction"]; !ok {
			v.add(prefix+".direction", "direction is required")
		}
		out = append(out, a)
	}
	return out
}

func trunksCollection(parent *collection) *collection {
	return &collection{
		name:     "trunk_groups.trunks",
		path:     "trunk_groups/{}/trunks",
		parent:   parent,
		sidField: "trunk_sid",
		attrs: []attrSpec{
			{"acls", rw}, {"allow_forward", rw}, {"allow_transfer", rw}, {"asn_mode", rw}, {"call_type", rw},
			{"codec", rw}, {"endpoint_sid", rw}, {"in_capacity", rw}, {"in_codec", rwSparse},
			{"in_identity_format", rw}, {"in_identity_mode", rw}, {"in_rfc_4694_mode", rw},
			{"location_sid", rw}, {"name", rw}, {"out_capacity", rw}, {"out_codec", rwSparse},
			{"out_identity_mode", rw}, {"out_rfc_4694_mode", rw}, {"priority", rw},
			{"relay_sip_headers", rw}, {"transformations", rw}, {"trunk_sid", readOnly}, {"weight", rw},
		},
		scopes: map[op][]string{
			opCreate: trunkScopes("create"),
			opList:   trunkScopes("read"),
			opGet:    trunkScopes("read"),
			opUpdate: trunkScopes("update"),
			opDelete: trunkScopes("delete"),
		},
		defaultLimit: maxLimit,
		build:        buildTrunk,
	}
}

func buildTrunk(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	if c.create {
		c.def("acls", []any{})
		c.def("allow_forward", "disabled")
		c.def("allow_transfer", false)
		c.def("asn_mode", "disable")
		c.def("call_type", "regular")
		c.def("codec", nil)
		c.def("endpoint_sid", nil)
		c.def("in_capacity", int64(0))
		c.def("in_identity_format", "passthrough")
		c.def("in_identity_mode", "passthrough")
		c.def("in_rfc_4694_mode", "cut_all")
		c.def("location_sid", nil)
		c.def("name", "N/A")
		c.def("out_capacity", int64(0))
		c.def("out_identity_mode", "passthrough")
		c.def("out_rfc_4694_mode", "cut_all")
		c.def("priority", int64(0))
		c.def("relay_sip_headers", []any{})
		c.def("transformations", []any{})
		c.def("weight", int64(0))
	}
	c.str("name")
	c.enum("allow_forward", allowForward...)
	c.enum("asn_mode", asnModes...)
	if c.has("allow_transfer") {
		switch obj["allow_transfer"].(type) {
		case bool, string: // boolean in samples, an enum in the newest docs
		default:
			c.v.add("allow_transfer", "allow_transfer must be a boolean or a transfer mode string")
		}
	}
	// Partly known enums: any string is accepted.
	for _, k := range []string{"call_type", "in_identity_format", "in_identity_mode", "in_rfc_4694_mode",
		"out_identity_mode", "out_rfc_4694_mode"} {
		c.str(k)
	}
	for _, k := range []string{"codec", "in_codec", "out_codec"} {
		c.nullStr(k)
	}
	if c.has("location_sid") {
		obj["location_sid"] = nullableString(&c.v, "location_sid", obj["location_sid"])
	}
	c.intMin("in_capacity", -1)
	c.intMin("out_capacity", -1)
	c.integer("priority")
	c.intMin("weight", 0)
	c.stringArray("relay_sip_headers")
	c.objectArray("transformations")
	if c.has("acls") {
		obj["acls"] = normalizeACLs(cx, &c.v, obj["acls"])
	}
	c.ref(cx, "endpoint_sid", "endpoints")
	return c.err()
}

func isAssigned(obj map[string]any) bool { return obj["status"] == "assigned" }

// trunkAttached reports whether a trunk still belongs to a stored group
// (a group deleted out of band leaves unreachable trunks behind).
func (s *Server) trunkAttached(obj map[string]any) bool {
	sid, _ := obj["trunk_sid"].(string)
	_, ok := s.st.table("trunk_groups").get(s.st.table("trunk_groups.trunks").link[sid])
	return ok
}
