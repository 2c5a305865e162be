package emulator

import (
	"reflect"
	"testing"
)

// A PUT of the object as GET returns it changes nothing, for every
// writable collection; a PUT missing a writable attribute is 422.
func TestPutRoundTrip(t *testing.T) {
	e := newEnv(t)
	ep := e.createEndpoint(map[string]any{"type": "third_party"})["endpoint_sid"].(string)
	tg := e.core("POST", "/trunk_groups", map[string]any{"name": "g"}).obj()["trunk_group_sid"].(string)
	tr := e.core("POST", "/trunk_groups/"+tg+"/trunks", map[string]any{"endpoint_sid": ep}).obj()["trunk_sid"].(string)
	dg := e.core("POST", "/phonenumber/did_groups", map[string]any{}).obj()["did_group_sid"].(string)
	did := e.core("POST", "/phonenumber/dids", map[string]any{"trunk_group_sid": tg, "did_group_sid": dg}).obj()["did_sid"].(string)
	pf := e.core("POST", "/phonenumber/prefixes", map[string]any{"prefix": "44", "trunk_group_sid": tg}).obj()["prefix_sid"].(string)
	rl := e.core("POST", "/accesscontrol/rules", map[string]any{"field": "calling", "quantifier": "all", "entries": []any{"1"}, "operation": "exact"}).obj()["rule_sid"].(string)
	for _, path := range []string{"/trunk_groups/" + tg, "/trunk_groups/" + tg + "/trunks/" + tr, "/phonenumber/did_groups/" + dg,
		"/phonenumber/dids/" + did, "/phonenumber/prefixes/" + pf, "/accesscontrol/rules/" + rl} {
		g := e.core("GET", path, nil).obj()
		r := e.core("PUT", path, g)
		expectStatus(t, r, 200)
		if !reflect.DeepEqual(r.obj(), g) {
			t.Fatalf("%s: PUT changed\n%s\n%v", path, r.raw, g)
		}
		delete(g, "name")
		expectError(t, e.core("PUT", path, g), 422, "object validation error", "name")
	}
}
