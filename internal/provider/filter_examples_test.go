package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// filterExample is the example a filter's description gives.
var filterExample = regexp.MustCompile("[Ff]or example `([^`]+)`")

// TestAccFilterExamples configures every data source that lists with a
// filter, with the filter its docs page shows, in one apply against the
// emulator: CarrierX refuses a filter on an attribute the object lacks, so a
// documented example that names another object's attribute fails here.
func TestAccFilterExamples(t *testing.T) {
	ctx := context.Background()
	// The parents a listing needs: an endpoint of each endpoint API, a trunk group.
	cfg := acctest.Res("carrierx_endpoint", "conference", `name = "filters"`, `type = "conference_v2"`) +
		acctest.Res("carrierx_endpoint", "flexml", `name = "filters"`, `type = "flexml"`) +
		acctest.Res("carrierx_endpoint", "mediator", `name = "filters"`, `type = "mediator"`) +
		acctest.Res("carrierx_trunk_group", "filters", `name = "filters"`)
	parents := map[string]string{
		"carrierx_conference_": "carrierx_endpoint.conference.endpoint_sid",
		"carrierx_flexml_":     "carrierx_endpoint.flexml.endpoint_sid",
		"carrierx_mediator_":   "carrierx_endpoint.mediator.endpoint_sid",
		"carrierx_trunks":      "carrierx_trunk_group.filters.trunk_group_sid",
	}
	var names []string
	for _, f := range provider.New("test")().DataSources(ctx) {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		filter, ok := sr.Schema.Attributes["filter"].(dschema.StringAttribute)
		if !ok {
			continue
		}
		m := filterExample.FindStringSubmatch(filter.MarkdownDescription)
		if m == nil {
			t.Errorf("%s: the filter's description gives no example: %s", md.TypeName, filter.MarkdownDescription)
			continue
		}
		if strings.Contains(m[1], `"..."`) {
			// A placeholder for a SID: the example shows the shape, not a value.
			m[1] = strings.ReplaceAll(m[1], `"..."`, `"3c3c3c3c-0000-4111-8222-333333333333"`)
		}
		if _, plural := sr.Schema.Attributes["order"]; !plural {
			// A singular data source errs when nothing matches: its example is
			// the plural's (one Lookup), checked there.
			continue
		}
		lines := []string{fmt.Sprintf("filter = %q", m[1])}
		for attr, a := range sr.Schema.Attributes {
			if s, ok := a.(dschema.StringAttribute); ok && s.Required {
				ref := ""
				for prefix, r := range parents {
					if strings.HasPrefix(md.TypeName, prefix) {
						ref = r
					}
				}
				if ref == "" {
					t.Fatalf("%s: no parent for its required %s", md.TypeName, attr)
				}
				lines = append(lines, attr+" = "+ref)
			}
		}
		if md.TypeName == "carrierx_available_phone_numbers" {
			lines = append(lines, `country_code = "USA"`)
		}
		names = append(names, md.TypeName)
		cfg += acctest.Data(md.TypeName, "example", lines...)
	}
	sort.Strings(names)
	if len(names) < 15 {
		t.Fatalf("only %d data sources list with a filter: %v", len(names), names)
	}
	e := acctest.New(t)
	e.Test(resource.TestCase{Steps: []resource.TestStep{{Config: e.Config(cfg)}}})
}
