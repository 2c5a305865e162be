package acctest

import (
	"context"

	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// StateCheck runs f as a state check; it needs no shimmed state, so it
// works with string-keyed (for_each) instances.
type StateCheck func() error

// CheckState implements statecheck.StateCheck.
func (f StateCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}
