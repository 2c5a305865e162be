package acctest

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// Step builders for the shapes lifecycle, drift and replacement tests repeat.

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
		PreConfig: pre,
		Config:    cfg,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, action)},
			PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
		Check: resource.ComposeTestCheckFunc(checks...),
	}
}

// ImportErrorStep imports res by id with cfg and expects the error want.
func ImportErrorStep(cfg, res, id string, want *regexp.Regexp) resource.TestStep {
	return resource.TestStep{Config: cfg, ResourceName: res, ImportState: true, ImportStateId: id, ExpectError: want}
}
