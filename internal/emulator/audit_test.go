package emulator

import (
	"strings"
	"testing"
)

// Every routed operation and action of the Core API names at least one
// scope, and a token without scopes is refused everywhere. (The endpoint
// APIs take an endpoint's Basic credentials, not scopes: apps_test.go.)
func TestScopesOnEveryRoute(t *testing.T) {
	e := newEnv(t)
	none := e.token()
	for name, c := range e.srv.collections {
		if c.api != nil {
			continue
		}
		for o, list := range c.scopes {
			if len(list) == 0 {
				t.Errorf("%s op %d has no scopes", name, o)
			}
		}
		if c.allows(opList) && c.parent == nil {
			expectError(t, e.do("GET", e.base+"/"+c.routePath(), none, nil), 403, "Forbidden", nil)
		}
	}
	for _, a := range e.srv.actions {
		if len(a.scopes) == 0 {
			t.Errorf("action %s %s has no scopes", a.method, a.path)
		}
		path := strings.ReplaceAll(a.path, "{}", "00000000-0000-4000-8000-000000000000")
		expectError(t, e.do(a.method, e.base+"/"+path, none, nil), 403, "Forbidden", nil)
	}
}
