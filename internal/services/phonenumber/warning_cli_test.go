package phonenumber_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-exec/tfexec"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
)

const providerAddr = "registry.terraform.io/carrierx/carrierx"

// cliTerraform is the terraform binary in a fresh directory, with the
// provider served from this process (as terraform-plugin-testing does),
// which exposes no plan warnings: `plan -json` does.
func cliTerraform(t *testing.T) (*tfexec.Terraform, *tfexec.ReattachOption) {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("terraform"); err != nil {
			t.Skip("no terraform binary on PATH")
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cfgs, closed := make(chan *plugin.ReattachConfig), make(chan struct{})
	go func() {
		err := tf6server.Serve(providerAddr, provider.ProtocolServer("test"),
			tf6server.WithDebug(ctx, cfgs, closed), tf6server.WithoutLogStderrOverride())
		if err != nil {
			t.Errorf("serve the provider: %v", err)
		}
	}()
	c := <-cfgs
	t.Cleanup(func() { cancel(); <-closed })
	tf, err := tfexec.NewTerraform(t.TempDir(), bin)
	if err != nil {
		t.Fatal(err)
	}
	return tf, tfexec.Reattach(tfexec.ReattachInfo{providerAddr: {Protocol: string(c.Protocol),
		ProtocolVersion: c.ProtocolVersion, Pid: c.Pid, Test: c.Test,
		Addr: tfexec.ReattachConfigAddr{Network: c.Addr.Network(), String: c.Addr.String()}}})
}

// writeConfig replaces the directory's configuration.
func writeConfig(t *testing.T, tf *tfexec.Terraform, e *acctest.Env, body string) {
	t.Helper()
	src := "terraform {\n  required_providers {\n    carrierx = { source = \"carrierx/carrierx\" }\n  }\n}\n" + e.Config(body)
	if err := os.WriteFile(filepath.Join(tf.WorkingDir(), "main.tf"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
}

// planWarnings runs `terraform plan -json` and returns the summaries and
// details of its warnings.
func planWarnings(t *testing.T, tf *tfexec.Terraform, reattach *tfexec.ReattachOption, destroy bool) []string {
	t.Helper()
	var out bytes.Buffer
	if _, err := tf.PlanJSON(context.Background(), &out, reattach, tfexec.Destroy(destroy)); err != nil {
		t.Fatalf("plan: %v\n%s", err, out.String())
	}
	var warnings []string
	sc := bufio.NewScanner(&out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line struct {
			Type       string `json:"type"`
			Diagnostic struct {
				Severity, Summary, Detail string
			} `json:"diagnostic"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Type == "diagnostic" && line.Diagnostic.Severity == "warning" {
			warnings = append(warnings, line.Diagnostic.Summary+"\n"+line.Diagnostic.Detail)
		}
	}
	return warnings
}

// TestAccPhoneNumber_releaseWarningCLI: what the terraform binary shows.
// terraform destroy, a removal from the configuration and a replacement
// plan a warning naming the number; an in-place update and a number kept on
// destroy plan none.
func TestAccPhoneNumber_releaseWarningCLI(t *testing.T) {
	e := acctest.New(t)
	tf, reattach := cliTerraform(t)
	ctx := context.Background()
	number := func(lines string) string {
		return "resource \"carrierx_phone_number\" \"test\" {\n  country_code = \"USA\"\n" + lines + "}\n"
	}
	writeConfig(t, tf, e, number(""))
	if err := tf.Init(ctx, reattach); err != nil {
		t.Fatal(err)
	}
	if err := tf.Apply(ctx, reattach); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tf.Destroy(ctx, reattach) })
	st, err := tf.Show(ctx, reattach)
	if err != nil {
		t.Fatal(err)
	}
	vals := st.Values.RootModule.Resources[0].AttributeValues
	want := []string{"This plan releases phone number +" + vals["phonenumber"].(string) + " (did_sid " + vals["did_sid"].(string) + ")",
		"can never be rented back", "release_on_destroy = false", "prevent_destroy"}
	expect := func(name string, warnings []string, release bool, extra ...string) {
		t.Helper()
		var got []string
		for _, w := range warnings {
			if strings.Contains(w, "releases phone number") {
				got = append(got, w)
			}
		}
		switch {
		case !release && len(got) > 0:
			t.Errorf("%s: unexpected warning %s", name, got[0])
		case release && len(got) != 1:
			t.Errorf("%s: %d release warnings, want 1 (all warnings: %q)", name, len(got), warnings)
		case release:
			for _, part := range append(want, extra...) {
				if !strings.Contains(got[0], part) {
					t.Errorf("%s: the warning lacks %q:\n%s", name, part, got[0])
				}
			}
		}
	}
	expect("destroy", planWarnings(t, tf, reattach, true), true)
	writeConfig(t, tf, e, "")
	expect("removed from the configuration", planWarnings(t, tf, reattach, false), true)
	writeConfig(t, tf, e, number("  phonenumber_prefix = \"1999\"\n"))
	expect("replaced", planWarnings(t, tf, reattach, false), true, "phonenumber_prefix cannot change in place")
	writeConfig(t, tf, e, number("  name = \"renamed\"\n"))
	expect("in-place update", planWarnings(t, tf, reattach, false), false)

	writeConfig(t, tf, e, number("  release_on_destroy = false\n"))
	if err := tf.Apply(ctx, reattach); err != nil {
		t.Fatal(err)
	}
	expect("destroy, kept", planWarnings(t, tf, reattach, true), false)
	writeConfig(t, tf, e, number("  release_on_destroy = false\n  phonenumber_prefix = \"1999\"\n"))
	expect("replaced, kept", planWarnings(t, tf, reattach, false), false)
}
