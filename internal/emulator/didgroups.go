package emulator

// DID groups (CarrierX docs, Core API, Phone Numbers, DID Group Object).
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
