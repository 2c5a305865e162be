package acctest

import (
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// Step builders for the shapes that lifecycle tests repeat.

// ExpectAction is the plan checks of a step that plans action on res and
// leaves nothing to do once applied.
func ExpectAction(res string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, action)},
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
}

// ImportSteps import res by the ID id returns: once verified against state
// (idAttr identifies the object), once through an import block with cfg,
// which must plan no change.
func ImportSteps(cfg, res, idAttr string, id resource.ImportStateIdFunc) []resource.TestStep {
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
