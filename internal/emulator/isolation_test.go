package emulator

import (
	"net/url"
	"testing"
)

// isolationObjects creates one object of the seeded partner per
// collection and returns collection path -> SID.
func isolationObjects(t *testing.T, e *env) map[string]string {
	t.Helper()
	out := map[string]string{}
	create := func(path, sidField string, body map[string]any) {
		r := e.core("POST", path, body)
		expectStatus(t, r, 200)
		out[path] = r.obj()[sidField].(string)
	}
	create("/endpoints", "endpoint_sid", map[string]any{"type": "third_party"})
	create("/trunk_groups", "trunk_group_sid", map[string]any{})
	create("/phonenumber/dids", "did_sid", map[string]any{})
	create("/phonenumber/did_groups", "did_group_sid", map[string]any{})
	create("/phonenumber/prefixes", "prefix_sid", map[string]any{"prefix": "1555"})
	create("/storage/containers", "container_sid", map[string]any{})
	create("/shortener/domains", "domain_sid", map[string]any{"domain_name": "iso.example.net"})
	create("/shortener/links", "link_sid", map[string]any{"domain_sid": out["/shortener/domains"], "destination_url": "https://example.org"})
	r := e.do("POST", e.base+"/storage/files?container_sid="+out["/storage/containers"]+"&name=a.txt", e.srv.Token(), "hello",
		"Content-Type", "application/octet-stream")
	expectStatus(t, r, 201)
	out["/storage/files"] = r.obj()["file_sid"].(string)
	out["/oauth/tokens"] = e.mint(e.srv.Token(), url.Values{"name": {"parent"}})["token_sid"].(string)
	return out
}

// A sub-partner's token, even with every scope, sees none of its parent's
// objects: lists omit them, reads and writes answer 404.
func TestSubPartnerIsolation(t *testing.T) {
	e := newEnv(t)
	objs := isolationObjects(t, e)
	sub := e.control("POST", "/seed", map[string]any{"collection": "partners", "count": 1}).obj()["sids"].([]any)[0].(string)
	tok := e.control("POST", "/tokens", map[string]any{"scopes": e.srv.scopes, "partner_sid": sub}).obj()["access_token"].(string)
	for path, sid := range objs {
		l := e.do("GET", e.base+path+"?limit=1000", tok, nil)
		expectStatus(t, l, 200)
		for _, it := range l.obj()["items"].([]any) {
			for _, v := range it.(map[string]any) {
				if v == sid {
					t.Fatalf("%s: the sub-partner lists the parent's %s", path, sid)
				}
			}
		}
		expectError(t, e.do("GET", e.base+path+"/"+sid, tok, nil), 404, noItemMessage, nil)
		expectError(t, e.do("PATCH", e.base+path+"/"+sid, tok, map[string]any{"name": "x"}), 404, noItemMessage, nil)
		if path != "/oauth/tokens" {
			expectError(t, e.do("DELETE", e.base+path+"/"+sid, tok, nil), 404, noItemMessage, nil)
		}
		// the parent still reaches it
		expectStatus(t, e.core("GET", path+"/"+sid, nil), 200)
	}
	expectError(t, e.do("GET", e.base+"/storage/files/"+objs["/storage/files"]+"/data", tok, nil), 404, "", nil)
	expectError(t, e.do("GET", e.base+"/trunk_groups/"+objs["/trunk_groups"]+"/trunks", tok, nil), 404, "", nil)
	// nor use them as references (a domain with scope children is usable by
	// child partners, as documented; another scope is not)
	expectStatus(t, e.core("PATCH", "/shortener/domains/"+objs["/shortener/domains"], map[string]any{"scope": "partner"}), 200)
	expectError(t, e.do("POST", e.base+"/shortener/links", tok, map[string]any{"domain_sid": objs["/shortener/domains"], "destination_url": "https://example.org"}), 422, "", "domain_sid")
	expectError(t, e.do("POST", e.base+"/storage/files?container_sid="+objs["/storage/containers"], tok, "x", "Content-Type", "application/octet-stream"), 422, "", "container_sid")
	expectError(t, e.do("POST", e.base+"/phonenumber/prefixes", tok, map[string]any{"prefix": "1", "trunk_group_sid": objs["/trunk_groups"]}), 422, "", "trunk_group_sid")
}
