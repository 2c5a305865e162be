package acctest

import (
	"context"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// TestExpectOnlyChanges names every attribute that moves besides the
// expected ones, nested paths included, and never a sensitive value.
func TestExpectOnlyChanges(t *testing.T) {
	plan := &tfjson.Plan{ResourceChanges: []*tfjson.ResourceChange{{
		Address: "carrierx_partner.test",
		Change: &tfjson.Change{
			Actions: tfjson.Actions{tfjson.ActionUpdate},
			Before: map[string]any{"name": "a", "balance": "1.00", "password": "old-Secret",
				"acls": []any{map[string]any{"direction": "inbound"}}, "status": "active"},
			After: map[string]any{"name": "b", "password": "new-Secret",
				"acls": []any{map[string]any{"direction": "outbound"}}, "status": "active"},
			AfterUnknown:    map[string]any{"balance": true},
			BeforeSensitive: map[string]any{"password": true},
			AfterSensitive:  map[string]any{"password": true},
		},
	}}}
	check := func(attrs ...string) error {
		var resp plancheck.CheckPlanResponse
		ExpectOnlyChanges("carrierx_partner.test", attrs...).CheckPlan(context.Background(), plancheck.CheckPlanRequest{Plan: plan}, &resp)
		return resp.Error
	}
	if err := check("name", "balance", "password", "acls"); err != nil {
		t.Errorf("every change expected: %v", err)
	}
	err := check("name")
	if err == nil {
		t.Fatal("no error for unexpected changes")
	}
	for _, want := range []string{"balance: (known after apply)", "acls[0].direction: inbound → outbound", "password: (sensitive value changes)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	for _, never := range []string{"Secret", "status"} {
		if strings.Contains(err.Error(), never) {
			t.Errorf("error %q shows %q", err, never)
		}
	}
	if err := check("name", "balance", "password", "acls", "status"); err == nil || !strings.Contains(err.Error(), "status does not change") {
		t.Errorf("an expected attribute that does not change: %v", err)
	}
}
