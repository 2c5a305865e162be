package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
)

// Test helpers of carrierx_partner that carrierx_account_settings' tests
// also use.

// PartnerOwnSID is the SID of the partner that owns the test token.
func (e *Env) PartnerOwnSID(t *testing.T) string {
	t.Helper()
	sid, err := e.API.PartnerSIDOfToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sid
}

// OnlyRequestBody decodes the JSON body of the only request with this
// method and path.
func OnlyRequestBody(reqs []Request, method, path string) (map[string]any, error) {
	var found []map[string]any
	for _, r := range reqs {
		if r.Method == method && r.Path == path {
			var m map[string]any
			if err := json.Unmarshal(r.Body, &m); err != nil {
				return nil, fmt.Errorf("%s %s body %s: %w", method, path, r.Body, err)
			}
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("%d %s %s requests, want 1: %v", len(found), method, path, Summarize(reqs))
	}
	return found[0], nil
}
