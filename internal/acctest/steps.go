package acctest

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Step builders for the shapes every object's lifecycle test repeats.

// ImportSteps import res by its SID attribute twice: with `terraform
// import`, verifying every attribute against state, and with an import
// block in cfg, which must plan no change.
func ImportSteps(cfg, res, sidAttr string) []resource.TestStep {
	return ImportStepsByID(cfg, res, sidAttr, Attr(res, sidAttr))
}

// ImportStepsByID is ImportSteps with the import ID that id returns (a
// composite one, such as a trunk's "<trunk_group_sid>/<trunk_sid>");
// idAttr identifies the object in state.
func ImportStepsByID(cfg, res, idAttr string, id resource.ImportStateIdFunc) []resource.TestStep {
	return []resource.TestStep{
		{
			ResourceName:                         res,
			ImportState:                          true,
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: idAttr,
			ImportStateIdFunc:                    id,
		},
		{Config: cfg, ResourceName: res, ImportState: true, ImportStateKind: resource.ImportBlockWithID, ImportStateIdFunc: id},
	}
}

// Plans expects the step's plan to take action on res, and the plan after
// the apply to be empty.
func Plans(res string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, action)},
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
}

// OnePatch checks, against the emulator, that the step wrote exactly once:
// a PATCH whose body is body.
func OnePatch(e *Env, body string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if e.Live {
			return nil
		}
		reqs := e.Requests()
		if n := len(Writes(reqs)); n != 1 {
			return fmt.Errorf("%d writes, want one PATCH: %v", n, Summarize(reqs))
		}
		return ExpectBody(reqs, "PATCH", body)
	}
}

// DeletedOnce is a CheckDestroy: against the emulator, destroy sent one
// DELETE of path/<*sid>; and the object of typ is gone.
func DeletedOnce(e *Env, typ, sidAttr, path string, sid *string, get func(context.Context, string) error) func(*terraform.State) error {
	return func(s *terraform.State) error {
		if !e.Live {
			if err := ExpectCalls(e.Requests(), map[string]int{"DELETE " + path + "/" + *sid: 1}); err != nil {
				return err
			}
		}
		return e.CheckGone(typ, sidAttr, get)(s)
	}
}

// DriftSteps apply cfg and save res's SID; then change the object behind
// Terraform's back (change), and expect an update in place that puts it
// back (checks); then delete it behind Terraform's back (remove), and
// expect it created again.
func DriftSteps(t *testing.T, cfg, res, sidAttr string, sid *string, change func() error,
	checks resource.TestCheckFunc, remove func() error) []resource.TestStep {
	return []resource.TestStep{
		{Config: cfg, Check: SaveAttr(res, sidAttr, sid)},
		{
			PreConfig: func() {
				if err := change(); err != nil {
					t.Fatal(err)
				}
			},
			Config:           cfg,
			ConfigPlanChecks: Plans(res, plancheck.ResourceActionUpdate),
			Check:            checks,
		},
		RecreateStep(t, cfg, res, sidAttr, sid, remove),
	}
}

// ImportStep imports res by its sidAttr and verifies the result against
// the state; ignore names the attributes an import may change.
func ImportStep(res, sidAttr string, ignore ...string) resource.TestStep {
	return resource.TestStep{
		ResourceName:                         res,
		ImportState:                          true,
		ImportStateVerify:                    true,
		ImportStateVerifyIdentifierAttribute: sidAttr,
		ImportStateIdFunc:                    Attr(res, sidAttr),
		ImportStateVerifyIgnore:              ignore,
	}
}

// ImportBlockStep imports res by its sidAttr with an import block in cfg,
// which must plan no change.
func ImportBlockStep(cfg, res, sidAttr string) resource.TestStep {
	return resource.TestStep{Config: cfg, ResourceName: res, ImportState: true,
		ImportStateKind: resource.ImportBlockWithID, ImportStateIdFunc: Attr(res, sidAttr)}
}

// ApplyStep runs pre (when not nil), plans cfg expecting action on res,
// applies it, expects an empty plan after, and runs checks on the state.
func ApplyStep(pre func(), cfg, res string, action plancheck.ResourceActionType, checks ...resource.TestCheckFunc) resource.TestStep {
	return resource.TestStep{
		PreConfig:        pre,
		Config:           cfg,
		ConfigPlanChecks: Plans(res, action),
		Check:            resource.ComposeTestCheckFunc(checks...),
	}
}

// ImportErrorStep imports res by id with cfg and expects the error want.
func ImportErrorStep(cfg, res, id string, want *regexp.Regexp) resource.TestStep {
	return resource.TestStep{Config: cfg, ResourceName: res, ImportState: true, ImportStateId: id, ExpectError: want}
}

// StateCheck runs f as a state check; it needs no shimmed state, so it
// works with string-keyed (for_each) instances.
type StateCheck func() error

// CheckState implements statecheck.StateCheck.
func (f StateCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}
