package provider_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccExamples applies every example directory against the emulator (or
// the live API), checks the plan is empty afterwards, and destroys it, so
// the examples in the docs never rot.
func TestAccExamples(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*/*")
	demo, _ := filepath.Glob("../../examples/demo")
	dirs = append(dirs, demo...)
	provider, _ := filepath.Glob("../../examples/provider")
	dirs = append(dirs, provider...)
	if len(dirs) < 5 {
		t.Fatalf("found only %d example directories", len(dirs))
	}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
		// An import block's ID is an example SID (checked against import.sh
		// by TestEveryObjectIsComplete): there is nothing to import.
		files = slices.DeleteFunc(files, func(f string) bool { return strings.HasPrefix(filepath.Base(f), "import") })
		if len(files) == 0 {
			continue
		}
		t.Run(strings.TrimPrefix(dir, "../../examples/"), func(t *testing.T) {
			e := acctest.New(t)
			// Examples take their settings from the environment, as a user's would.
			t.Setenv("CARRIERX_BASE_URL", e.BaseURL)
			t.Setenv("CARRIERX_TOKEN", e.Token)
			// Passwords have no default in the examples: a user passes them the same way.
			t.Setenv("TF_VAR_subco_password", "Example-Str0ng-Passw0rd")
			t.Setenv("TF_VAR_pbx_sip_password", "Example-Sip-Secret-1")
			var steps []resource.TestStep
			for _, cfg := range exampleSteps(t, files) {
				if !strings.Contains(cfg, `provider "carrierx"`) {
					cfg = `provider "carrierx" {}` + "\n" + cfg
				}
				steps = append(steps, resource.TestStep{Config: cfg, ConfigPlanChecks: acctest.NoChangeAfter()})
			}
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: e.Providers(), Steps: steps})
		})
	}
}

// exampleSteps are the configurations an example is applied in. An example
// whose files are numbered ("1-partner.tf", "2-subpartner.tf") is applied in
// as many steps, each with the files up to its number, as its guide tells
// the user (a first apply with -target); any other in one step.
func exampleSteps(t *testing.T, files []string) []string {
	t.Helper()
	var cfg strings.Builder
	var steps []string
	for i, f := range files { // sorted by filepath.Glob
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cfg.WriteString(stripTerraformBlock(string(b)) + "\n")
		base := filepath.Base(f)
		last := i == len(files)-1
		if last || (base[0] >= '1' && base[0] <= '9' && filepath.Base(files[i+1])[0] != base[0]) {
			steps = append(steps, cfg.String())
		}
	}
	return steps
}

var terraformBlock = regexp.MustCompile(`(?m)^terraform\s*\{`)

// stripTerraformBlock removes the top-level terraform {} block: the test
// harness supplies the provider itself.
func stripTerraformBlock(src string) string {
	loc := terraformBlock.FindStringIndex(src)
	if loc == nil {
		return src
	}
	depth := 0
	for i := loc[1] - 1; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return src[:loc[0]] + src[i+1:]
			}
		}
	}
	return src
}
