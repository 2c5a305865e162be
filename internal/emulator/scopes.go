package emulator

// Scopes and ownership shared by the collections.

var phonenumberScopes = func(v string) []string { return []string{"phonenumber.manage", "phonenumber." + v} }

func crudScopes(f func(string) []string) map[op][]string {
	return map[op][]string{opCreate: f("create"), opList: f("read"), opGet: f("read"), opUpdate: f("update"), opDelete: f("delete")}
}

func ownedBy(cx *callCtx, obj map[string]any) bool { return obj["partner_sid"] == cx.partnerSID }
