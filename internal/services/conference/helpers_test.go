package conference_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Fixtures and checks the Conference API tests share.

const (
	api      = "/conference/v2"
	endpoint = "carrierx_endpoint.conf.endpoint_sid"
)

// bridge is the provider block, a conference_v2 endpoint "conf" with n
// numbers routed to it (carrierx_phone_number.conf[i]), then body.
func bridge(e *acctest.Env, n int, body string) string {
	return e.Config(acctest.Hosted("conf", "conference_v2", n) + body)
}

// flow is the call_flow_sid of the endpoint's call flow name, read with
// the call flows data source labelled name.
func flow(endpointRef, name string) (data, ref string) {
	return acctest.Data("carrierx_conference_call_flows", name, "endpoint_sid = "+endpointRef,
			fmt.Sprintf(`filter = "name eq \"%s\""`, name)),
		"data.carrierx_conference_call_flows." + name + ".call_flows[0].call_flow_sid"
}

// start is the emulator of one test, with n conference_v2 endpoints made
// through the Core API, outside Terraform: what a configuration leaves on
// them after destroy can still be read. Each test has an emulator of its
// own, so the tests run in parallel.
func start(t *testing.T, n int) (*acctest.Env, []string) {
	t.Parallel()
	e := acctest.New(t)
	e.EmulatorOnly()
	sids := make([]string, n)
	for i := range sids {
		ep, err := client.Objects[client.Endpoint](e.API, client.EndpointKind).Create(context.Background(),
			map[string]any{"name": fmt.Sprintf("outside-%d", i), "type": "conference_v2"})
		if err != nil {
			t.Fatal(err)
		}
		sids[i] = ep.EndpointSID
	}
	return e, sids
}

// conf is the collection of kind k in the Conference API of the endpoint
// *ep, as a user's script would reach it.
func conf[T any](e *acctest.Env, ep *string, k client.Kind) client.AppCollection[T] {
	return acctest.App[T](e, client.ConferenceAPI, ep, k)()
}

// importID reads "<endpoint_sid>/<sidAttr>" of res from state.
func importID(res, sidAttr string) func(*terraform.State) (string, error) {
	return func(s *terraform.State) (string, error) {
		ep, err := acctest.Attr(res, "endpoint_sid")(s)
		if err != nil {
			return "", err
		}
		sid, err := acctest.Attr(res, sidAttr)(s)
		return ep + "/" + sid, err
	}
}

// sentAt is the index in reqs of the request method path, or -1; body,
// when not "", must be its JSON body.
func sentAt(reqs []acctest.Request, method, path, body string) (int, error) {
	for i, r := range reqs {
		if r.Method != method || r.Path != path {
			continue
		}
		if body != "" {
			if err := acctest.ExpectBody(reqs[i:i+1], method, body); err != nil {
				return i, err
			}
		}
		if r.Status >= 300 {
			return i, fmt.Errorf("%s %s answered %d", method, path, r.Status)
		}
		return i, nil
	}
	return -1, fmt.Errorf("no %s %s in %v", method, path, acctest.Summarize(reqs))
}

// restored checks, from the request log, that destroy sent the adopted
// object at path its defaults (body) in one PATCH, and nothing else to it.
func restored(e *acctest.Env, path *string, body string) func(*terraform.State) error {
	return func(*terraform.State) error {
		reqs := e.Requests()
		if err := acctest.ExpectCalls(reqs, map[string]int{"PATCH " + *path: 1, "DELETE " + *path: 0}); err != nil {
			return err
		}
		_, err := sentAt(reqs, http.MethodPatch, *path, body)
		return err
	}
}

// hidden fails when secret appears anywhere in a plan or in state, as
// `terraform show -json` renders them (sensitive values included).
type hidden string

func (s hidden) in(what string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if i := strings.Index(string(raw), string(s)); i >= 0 {
		return fmt.Errorf("the password appears in the %s: %s", what, raw[max(0, i-300):i+50])
	}
	return nil
}

// CheckPlan implements plancheck.PlanCheck.
func (s hidden) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = s.in("plan", req.Plan)
}

// CheckState implements statecheck.StateCheck.
func (s hidden) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = s.in("state", req.State)
}

// crud is a Conference API object that Terraform creates and deletes (a
// DID group, a meeting room).
type crud struct {
	res, sidAttr string
	path         string // below the API's base: "/did_groups"
	kind         client.Kind
}

func (c crud) objects(e *acctest.Env, ep *string) client.AppCollection[map[string]any] {
	return conf[map[string]any](e, ep, c.kind)
}

// moveSteps apply cfg, which moves the object from endpoint *ep to
// endpoint to: a replacement, which deletes it there and creates it in to.
// Then, in to, the drift steps: change alters it behind Terraform's back
// and reverted checks that the apply put it back; then it is deleted
// behind Terraform's back and created again.
func (c crud) moveSteps(t *testing.T, e *acctest.Env, cfg, to string, ep, sid *string, change func() error,
	reverted resource.TestCheckFunc) []resource.TestStep {
	var first string
	move := resource.TestStep{
		PreConfig:        func() { first = *sid; e.ClearRequests() },
		Config:           cfg,
		ConfigPlanChecks: acctest.Plans(c.res, plancheck.ResourceActionDestroyBeforeCreate),
		Check: resource.ComposeTestCheckFunc(
			acctest.SaveAttr(c.res, c.sidAttr, sid),
			acctest.NewAttr(c.res, c.sidAttr, &first),
			resource.TestCheckResourceAttr(c.res, "endpoint_sid", to),
			func(*terraform.State) error {
				if err := acctest.ExpectCalls(e.Requests(), map[string]int{"DELETE " + api + c.path + "/" + first: 1,
					"POST " + api + c.path: 1}); err != nil {
					return err
				}
				if _, err := c.objects(e, ep).Get(context.Background(), first); !client.IsNotFound(err) {
					return fmt.Errorf("%s %s is still in its first endpoint: %w", c.res, first, err)
				}
				*ep = to
				return nil
			},
		),
	}
	// The move saved the SID, so the drift steps start with the change.
	drift := acctest.DriftSteps(t, cfg, c.res, c.sidAttr, sid, change, reverted,
		func() error { return c.objects(e, ep).Delete(context.Background(), *sid) })[1:]
	return append([]resource.TestStep{move}, drift...)
}

// deletedOnce is a CheckDestroy: destroy sent one DELETE of the object in
// state (created again after the out-of-band delete), which is gone.
func (c crud) deletedOnce(e *acctest.Env) func(*terraform.State) error {
	gone := e.AppCheckGone(strings.Split(c.res, ".")[0], c.sidAttr, client.ConferenceAPI, c.kind)
	return func(s *terraform.State) error {
		last, err := acctest.Attr(c.res, c.sidAttr)(s)
		if err != nil {
			return err
		}
		if err := acctest.ExpectCalls(e.Requests(), map[string]int{"DELETE " + api + c.path + "/" + last: 1}); err != nil {
			return err
		}
		return gone(s)
	}
}
