package acctest

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Checks and readers that tests of every object use.

// Attr reads one attribute of a resource from state, for
// ImportStateIdFunc and checks; a missing or empty attribute is an error.
func Attr(res, attr string) func(*terraform.State) (string, error) {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[res]
		if !ok {
			return "", fmt.Errorf("%s not in state", res)
		}
		v, ok := rs.Primary.Attributes[attr]
		if !ok || v == "" {
			return "", fmt.Errorf("%s has no %s in state", res, attr)
		}
		return v, nil
	}
}

// SaveAttr stores an attribute of res into *dst.
func SaveAttr(res, attr string, dst *string) func(*terraform.State) error {
	return func(s *terraform.State) (err error) {
		*dst, err = Attr(res, attr)(s)
		return err
	}
}

// SameAttr fails when the attribute is no longer *want: the object was
// replaced instead of updated.
func SameAttr(res, attr string, want *string) func(*terraform.State) error {
	return compareAttr(res, attr, want, false)
}

// NewAttr fails when the attribute is still *want: the object was not
// replaced.
func NewAttr(res, attr string, want *string) func(*terraform.State) error {
	return compareAttr(res, attr, want, true)
}

func compareAttr(res, attr string, want *string, differ bool) func(*terraform.State) error {
	return func(s *terraform.State) error {
		got, err := Attr(res, attr)(s)
		switch {
		case err != nil:
			return err
		case !differ && got != *want:
			return fmt.Errorf("%s %s changed from %s to %s: replaced instead of updated", res, attr, *want, got)
		case differ && got == *want:
			return fmt.Errorf("%s %s is still %s: not replaced", res, attr, got)
		}
		return nil
	}
}

// Writes returns the logged requests that are not GETs: what a step changed.
func Writes(reqs []Request) []Request {
	var out []Request
	for _, r := range reqs {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}

// ExpectPagedReads checks that the list requests of path come in runs of
// offsets 0, 1000, 2000... with limit 1000: pages requests per read.
func ExpectPagedReads(reqs []Request, path string, total int) error {
	var offsets []string
	for _, r := range reqs {
		if r.Method != http.MethodGet || r.Path != path {
			continue
		}
		q, _ := url.ParseQuery(r.Query)
		if q.Get("limit") != "1000" {
			return fmt.Errorf("list request %s?%s has limit %q, want 1000", r.Path, r.Query, q.Get("limit"))
		}
		offsets = append(offsets, q.Get("offset"))
	}
	pages := (total + 999) / 1000
	if len(offsets) == 0 || len(offsets)%pages != 0 {
		return fmt.Errorf("%d list requests of %s, want a multiple of %d: %v", len(offsets), path, pages, offsets)
	}
	for i, o := range offsets {
		if want := fmt.Sprint((i % pages) * 1000); o != want {
			return fmt.Errorf("list request %d of %s has offset %q, want %s (all: %v)", i, path, o, want, offsets)
		}
	}
	return nil
}

// Getter reads objects of kind k through the API, for CheckGone.
func Getter[T any](e *Env, k client.Kind) func(context.Context, string) error {
	return func(ctx context.Context, sid string) error {
		_, err := client.Objects[T](e.API, k).Get(ctx, sid)
		return err
	}
}

// DataSourceMatches checks every attribute of the data source ds (of type
// typeName) against the resource res: scalars by value, lists by length,
// and nested lists by length and their first element's fields.
func DataSourceMatches(ds, res, typeName string) resource.TestCheckFunc {
	var fs []resource.TestCheckFunc
	for k, a := range dataSourceSchema(typeName).Attributes {
		switch a := a.(type) {
		case dschema.ListNestedAttribute:
			fs = append(fs, resource.TestCheckResourceAttrPair(ds, k+".#", res, k+".#"))
			for sub := range a.NestedObject.Attributes {
				fs = append(fs, resource.TestCheckResourceAttrPair(ds, k+".0."+sub, res, k+".0."+sub))
			}
		case dschema.ListAttribute, dschema.SetAttribute:
			fs = append(fs, resource.TestCheckResourceAttrPair(ds, k+".#", res, k+".#"))
		case dschema.MapAttribute:
			fs = append(fs, resource.TestCheckResourceAttrPair(ds, k+".%", res, k+".%"))
		default:
			if k != "filter" {
				fs = append(fs, resource.TestCheckResourceAttrPair(ds, k, res, k))
			}
		}
	}
	return resource.ComposeAggregateTestCheckFunc(fs...)
}

// dataSourceSchema is the schema of the provider's data source typeName.
func dataSourceSchema(typeName string) dschema.Schema {
	ctx := context.Background()
	for _, f := range provider.New("test")().DataSources(ctx) {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "carrierx"}, &md)
		if md.TypeName == typeName {
			var sr datasource.SchemaResponse
			d.Schema(ctx, datasource.SchemaRequest{}, &sr)
			return sr.Schema
		}
	}
	panic("no data source " + typeName)
}

// Path is the tfjsonpath of a dotted attribute path: a number indexes a
// list, any other part names an attribute or map key ("acls.0.direction").
func Path(dotted string) tfjsonpath.Path {
	parts := strings.Split(dotted, ".")
	p := tfjsonpath.New(parts[0])
	for _, s := range parts[1:] {
		if i, err := strconv.Atoi(s); err == nil {
			p = p.AtSliceIndex(i)
		} else {
			p = p.AtMapKey(s)
		}
	}
	return p
}

// Known expects each attribute of res in state to hold its value (by
// dotted path, see Path); the checks run in the order of the paths.
func Known(res string, want map[string]knownvalue.Check) []statecheck.StateCheck {
	var out []statecheck.StateCheck
	for _, k := range sortedKeys(want) {
		out = append(out, statecheck.ExpectKnownValue(res, Path(k), want[k]))
	}
	return out
}

// PlanKnown expects each attribute of res in the plan to hold its value.
func PlanKnown(res string, want map[string]knownvalue.Check) []plancheck.PlanCheck {
	var out []plancheck.PlanCheck
	for _, k := range sortedKeys(want) {
		out = append(out, plancheck.ExpectKnownValue(res, Path(k), want[k]))
	}
	return out
}
