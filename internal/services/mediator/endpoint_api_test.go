package mediator_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// The provider reaches an endpoint's API with the credentials it reads
// from the endpoint through the Core API (CarrierX docs, Mediator API,
// Authentication). These tests name an endpoint made outside the
// configuration, so every Core read of it in the request log is the
// provider resolving its credentials.

// endpointReads counts the Core GETs of the endpoint in reqs.
func endpointReads(reqs []acctest.Request, endpoint string) int {
	return acctest.Count(reqs, http.MethodGet, "/core/v2/endpoints/"+endpoint)
}

// bindingReads counts the GETs of single bindings in reqs.
func bindingReads(reqs []acctest.Request) int {
	n := 0
	for _, r := range reqs {
		if r.Method == http.MethodGet && strings.HasPrefix(r.Path, bindingsPath+"/") {
			n++
		}
	}
	return n
}

// refreshReadsOnce is a PreApply check: the plan read the endpoint once,
// each of n bindings once and nothing else, and no Mediator API request
// was refused (the provider presented no stale password).
func refreshReadsOnce(e *acctest.Env, endpoint string, n int) plancheck.PlanCheck {
	return acctest.PlanCheck(func() error {
		reqs := e.Requests()
		for _, r := range reqs {
			if strings.HasPrefix(r.Path, "/mediator/v1") && r.Status == http.StatusUnauthorized {
				return fmt.Errorf("the Mediator API refused the plan's credentials: %v", acctest.Summarize(reqs))
			}
		}
		if got := endpointReads(reqs, endpoint); got != 1 {
			return fmt.Errorf("the plan read the endpoint %d times, want once: %v", got, acctest.Summarize(reqs))
		}
		if got := bindingReads(reqs); got != n || len(reqs) != n+1 {
			return fmt.Errorf("the plan read %d bindings in %d requests, want %d in %d: %v", got, len(reqs), n, n+1, acctest.Summarize(reqs))
		}
		return nil
	})
}

// TestAccMediatorBinding_endpointReadOncePerRun: 50 bindings on one
// endpoint read it once per run, at apply and at refresh, whatever
// Terraform's parallelism; its password is changed out of band between two
// plans, and the second plan is empty, reads the endpoint once and each
// binding once, and never presents the old password.
func TestAccMediatorBinding_endpointReadOncePerRun(t *testing.T) {
	t.Parallel()
	e := acctest.New(t)
	e.EmulatorOnly()
	const n = 50
	endpoint, numbers := e.HostedOutside("mediator", 1)
	// A binding for one caller each, all on the same redirect number.
	cfg := e.Config(acctest.Res(bindingType, "many", "count = "+fmt.Sprint(n), `endpoint_sid = "`+endpoint+`"`,
		`redirect_did = "`+numbers[0]+`"`, `origination_did = format("1555703%04d", count.index)`,
		`destination_did = format("1555704%04d", count.index)`))
	password := func() string {
		ep, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Get(context.Background(), endpoint)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := ep.Properties["password"].(string)
		return s
	}
	e.Test(resource.TestCase{
		CheckDestroy: bindingsDeleted(e),
		Steps: []resource.TestStep{
			{
				PreConfig: e.ClearRequests,
				Config:    cfg,
				Check: func(*terraform.State) error {
					reqs := e.Requests()
					if got := endpointReads(reqs, endpoint); got != 1 {
						return fmt.Errorf("apply read the endpoint %d times, want once: %v", got, acctest.Summarize(reqs))
					}
					// The first run of the process also checks the token, once.
					if err := acctest.ExpectCalls(reqs, map[string]int{"POST " + bindingsPath: n, "GET /core/v2/countries/USA": 1}); err != nil {
						return err
					}
					if len(reqs) != n+2 {
						return fmt.Errorf("apply sent %d requests, want %d: %v", len(reqs), n+2, acctest.Summarize(reqs))
					}
					// What follows is a plan without refresh, which reads
					// nothing, and the refresh plan checked below.
					e.ClearRequests()
					return nil
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(), refreshReadsOnce(e, endpoint, n)},
				},
			},
			{
				// The plan after the rotation, the second of the two.
				PreConfig: func() {
					old := password()
					e.RotatePassword(endpoint)
					if password() == old {
						t.Fatal("the emulator did not rotate the endpoint's password")
					}
					e.ClearRequests()
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(), refreshReadsOnce(e, endpoint, n)},
				},
			},
		},
	})
}
