package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const (
	trunkGroupRes = "carrierx_trunk_group.test"
	trunkRes      = "carrierx_trunk.test"
	// trunkGroupMissingSID is a well-formed SID no object has.
	trunkGroupMissingSID = "00000000-0000-4000-8000-00000000dead"
)

// trunkGroupAttrFrom reads one attribute of a resource in state.
func trunkGroupAttrFrom(s *terraform.State, res, attr string) (string, error) {
	rs, ok := s.RootModule().Resources[res]
	if !ok {
		return "", fmt.Errorf("%s not in state", res)
	}
	v := rs.Primary.Attributes[attr]
	if v == "" {
		return "", fmt.Errorf("%s has no %s", res, attr)
	}
	return v, nil
}

func trunkGroupSIDFrom(s *terraform.State) (string, error) {
	return trunkGroupAttrFrom(s, trunkGroupRes, "trunk_group_sid")
}

// trunkImportIDFrom is the import ID of carrierx_trunk.test.
func trunkImportIDFrom(s *terraform.State) (string, error) {
	tg, err := trunkGroupAttrFrom(s, trunkRes, "trunk_group_sid")
	if err != nil {
		return "", err
	}
	tr, err := trunkGroupAttrFrom(s, trunkRes, "trunk_sid")
	return tg + "/" + tr, err
}

func (e *accEnv) getTrunkGroup(ctx context.Context, sid string) error {
	_, err := e.api.GetTrunkGroup(ctx, sid)
	return err
}

// trunkCheckGone is a CheckDestroy: every carrierx_trunk left in state must
// answer 404 (itself, or its whole group).
func (e *accEnv) trunkCheckGone(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "carrierx_trunk" {
			continue
		}
		tg, tr := rs.Primary.Attributes["trunk_group_sid"], rs.Primary.Attributes["trunk_sid"]
		_, err := e.api.GetTrunk(context.Background(), tg, tr)
		if err == nil {
			return fmt.Errorf("carrierx_trunk %s/%s still exists after destroy", tg, tr)
		}
		if !client.IsNotFound(err) {
			return err
		}
	}
	return e.checkGone("carrierx_trunk_group", "trunk_group_sid", e.getTrunkGroup)(s)
}

// trunkGroupNoneLeft fails the test when any trunk group exists.
func (e *accEnv) trunkGroupNoneLeft(t *testing.T) {
	t.Helper()
	gs, err := e.api.ListTrunkGroups(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 0 {
		t.Fatalf("bad input left %d trunk groups behind", len(gs))
	}
}

// trunkNoneLeft fails the test when the group has any trunk.
func (e *accEnv) trunkNoneLeft(t *testing.T, trunkGroupSID string) {
	t.Helper()
	ts, err := e.api.ListTrunks(context.Background(), trunkGroupSID, client.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 0 {
		t.Fatalf("bad input left %d trunks behind", len(ts))
	}
}

// trunkGroupConfig is a trunk group with the given name, threshold and extra HCL.
func trunkGroupConfig(name string, threshold int, extra string) string {
	return fmt.Sprintf(`
resource "carrierx_trunk_group" "test" {
  name                   = %q
  hard_failure_threshold = %d
  hard_failure_codes     = "408;503;"
  acls = [{
    access_control_rules = []
    direction            = "inbound"
    voice_action_false   = "accept"
  }]
  transformations = [{
    action    = "set_ani"
    direction = "inbound"
    operands  = ["15550001111"]
  }]
  %s
}
`, name, threshold, extra)
}

// trunkStack is an endpoint, two trunk groups and a trunk in group `group`
// ("a" or "b") with the given trunk body.
func trunkStack(group, trunkBody string) string {
	return fmt.Sprintf(`
resource "carrierx_endpoint" "pbx" {
  name      = "pbx"
  type      = "third_party"
  addresses = [{ ip = "203.0.113.20" }]
}
resource "carrierx_trunk_group" "a" {
  name = "tg-a"
}
resource "carrierx_trunk_group" "b" {
  name = "tg-b"
}
resource "carrierx_trunk" "test" {
  trunk_group_sid = carrierx_trunk_group.%s.trunk_group_sid
  endpoint_sid    = carrierx_endpoint.pbx.endpoint_sid
  %s
}
`, group, trunkBody)
}
