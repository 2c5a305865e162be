package provider_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccInboundPath applies examples/demo, the whole inbound path (rented
// numbers -> trunk group -> trunk -> third-party endpoint), checks through the
// API that each hop points at the next, plans no change, and destroys it all.
func TestAccInboundPath(t *testing.T) {
	e := acctest.New(t)
	t.Setenv("CARRIERX_BASE_URL", e.BaseURL)
	t.Setenv("CARRIERX_TOKEN", e.Token)
	src, err := os.ReadFile("../../examples/demo/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	var dids []string
	e.Test(resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			ctx := context.Background()
			for _, sid := range dids {
				if d, err := client.Objects[client.DID](e.API, client.DIDKind).Get(ctx, sid); err == nil && d.Status == "assigned" {
					return fmt.Errorf("number %s is still rented after destroy", d.PhoneNumber)
				}
			}
			if err := e.CheckGone("carrierx_endpoint", "endpoint_sid", e.GetEndpoint)(s); err != nil {
				return fmt.Errorf("%w; log %v", err, acctest.Summarize(e.Requests()))
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config:           stripTerraformBlock(string(src)),
			ConfigPlanChecks: acctest.NoChangeAfter(),
			Check: func(s *terraform.State) error {
				ctx := context.Background()
				attr := func(addr, name string) string {
					return s.RootModule().Resources[addr].Primary.Attributes[name]
				}
				tg := attr("carrierx_trunk_group.inbound", "trunk_group_sid")
				pbx := attr("carrierx_endpoint.pbx", "endpoint_sid")
				trunks, err := client.Objects[client.Trunk](e.API, client.TrunkKind(tg)).List(ctx, client.ListOptions{})
				if err != nil {
					return err
				}
				if len(trunks) != 1 || inboundString(trunks[0].EndpointSID) != pbx {
					return fmt.Errorf("trunk group %s has trunks %+v, want one to endpoint %s", tg, trunks, pbx)
				}
				for i := range 2 {
					sid := attr(fmt.Sprintf("carrierx_phone_number.line.%d", i), "did_sid")
					d, err := client.Objects[client.DID](e.API, client.DIDKind).Get(ctx, sid)
					if err != nil {
						return err
					}
					if d.Status != "assigned" || inboundString(d.TrunkGroupSID) != tg || d.CountryCode != "USA" {
						return fmt.Errorf("number %s: status %s, trunk group %s, country %s", d.PhoneNumber, d.Status, inboundString(d.TrunkGroupSID), d.CountryCode)
					}
					dids = append(dids, sid)
				}
				return nil
			},
		}},
	})
}

func inboundString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
