package acctest

import (
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Builders of the data-source tests: every object's data sources come from
// one generic mechanism, so their tests differ only in the objects seeded,
// the lookups and the values expected.

// Want maps an address in state to the attributes it must hold, by value.
type Want map[string]map[string]string

// Expect checks every attribute of want, each one reported.
func Expect(want Want) resource.TestCheckFunc {
	var fs []resource.TestCheckFunc
	for _, addr := range sortedKeys(want) {
		for _, attr := range sortedKeys(want[addr]) {
			fs = append(fs, resource.TestCheckResourceAttr(addr, attr, want[addr][attr]))
		}
	}
	return resource.ComposeAggregateTestCheckFunc(fs...)
}

// Paired maps an address to attributes that must equal an attribute of
// another resource: attr → that resource's address; the resource's
// attribute is attr's last part ("trunks.1.trunk_sid" → "trunk_sid").
func Paired(want Want) resource.TestCheckFunc {
	var fs []resource.TestCheckFunc
	for _, addr := range sortedKeys(want) {
		for _, attr := range sortedKeys(want[addr]) {
			fs = append(fs, resource.TestCheckResourceAttrPair(addr, attr, want[addr][attr], attr[strings.LastIndex(attr, ".")+1:]))
		}
	}
	return resource.ComposeAggregateTestCheckFunc(fs...)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// DataSourceSteps apply seed with the data sources reads and run checks;
// then plan seed with every error case (ErrorSteps).
func DataSourceSteps(seed, reads string, checks resource.TestCheckFunc, errs ...ErrorCase) []resource.TestStep {
	return append([]resource.TestStep{{Config: seed + reads, Check: checks}}, ErrorSteps(seed, errs...)...)
}
