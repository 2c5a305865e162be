package oauthtoken_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
)

type dumpDrift struct{}

func (dumpDrift) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceDrift {
		fmt.Printf("DRIFT %s %v\n  before=%v\n  after=%v\n", rc.Address, rc.Change.Actions, rc.Change.Before, rc.Change.After)
	}
	for _, rc := range req.Plan.ResourceChanges {
		fmt.Printf("CHANGE %s %v\n", rc.Address, rc.Change.Actions)
	}
	fmt.Printf("RELEVANT %v\n", req.Plan.RelevantAttributes)
}

func TestAccZZExp(t *testing.T) {
	e := acctest.New(t)
	var access string
	cfg := e.Config(oauthTokenConfig("a", []string{"oauth.manage"}, ""))
	e.Test(resource.TestCase{
		CheckDestroy: func(s *terraform.State) error { return nil },
		Steps: []resource.TestStep{
			{Config: cfg, Check: func(s *terraform.State) (err error) { access, err = oauthTokenAccessFrom(s, oauthTokenRes); return }},
			{PreConfig: func() { ok, err := oauthTokenWorks(e, access); fmt.Println("used", ok, err) }, Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{dumpDrift{}}}},
		},
	})
}
