package acctest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-exec/tfexec"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
)

// Workdir is a Terraform working directory driven as a user drives one
// (init, plan -generate-config-out, apply, plan), with the provider served
// from this process (so the configuration's provider block is the one
// Workdir writes, provider.tf). terraform-plugin-testing checks that a generated
// configuration imports without change, but never applies it nor plans
// again, nor lets import blocks use for_each: what onboarding an account
// needs.
type Workdir struct {
	T   *testing.T
	Dir string
	TF  *tfexec.Terraform
	// Reattach is the option every command of TF takes to reach the provider.
	Reattach *tfexec.ReattachOption
}

// Workdir starts the provider in this process and a working directory whose
// provider block points at this environment. Both the registry address a
// configuration without required_providers gets (hashicorp/carrierx) and
// the published one (carrierx/carrierx) reach the provider.
func (e *Env) Workdir(t *testing.T) *Workdir {
	t.Helper()
	bin, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("no terraform binary on PATH")
	}
	ctx, cancel := context.WithCancel(context.Background())
	reattach := make(chan *plugin.ReattachConfig)
	closed := make(chan struct{})
	go func() {
		_ = tf6server.Serve(provider.Address, provider.ProtocolServer("test"),
			tf6server.WithDebug(ctx, reattach, closed), tf6server.WithGoPluginLogger(hclog.NewNullLogger()), tf6server.WithLoggingSink(t),
			tf6server.WithoutLogStderrOverride())
	}()
	rc := <-reattach
	t.Cleanup(func() { cancel(); <-closed })
	dir := t.TempDir()
	tf, err := tfexec.NewTerraform(dir, bin)
	if err != nil {
		t.Fatal(err)
	}
	cfg := tfexec.ReattachConfig{Protocol: string(rc.Protocol), ProtocolVersion: rc.ProtocolVersion, Pid: rc.Pid, Test: true,
		Addr: tfexec.ReattachConfigAddr{Network: rc.Addr.Network(), String: rc.Addr.String()}}
	reattachTo := tfexec.Reattach(tfexec.ReattachInfo{
		"registry.terraform.io/hashicorp/carrierx": cfg, "registry.terraform.io/carrierx/carrierx": cfg})
	// The environment of this process, with checkpoint (a network call) off.
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	env["CHECKPOINT_DISABLE"] = "1"
	// No CLI configuration of the machine's (plugin caches, mirrors) applies.
	env["TF_CLI_CONFIG_FILE"] = filepath.Join(dir, "terraformrc")
	if err := os.WriteFile(env["TF_CLI_CONFIG_FILE"], nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := tf.SetEnv(tfexec.CleanEnv(env)); err != nil {
		t.Fatal(err)
	}
	w := &Workdir{T: t, Dir: dir, TF: tf, Reattach: reattachTo}
	// The provider runs in this process: the provider block, not
	// Terraform's environment, says which emulator it talks to.
	w.Write("provider.tf", e.Config(""))
	return w
}

// Write writes a file of the configuration.
func (w *Workdir) Write(name, body string) {
	w.T.Helper()
	if err := os.WriteFile(filepath.Join(w.Dir, name), []byte(body), 0o600); err != nil {
		w.T.Fatal(err)
	}
}

// Read returns a file of the working directory.
func (w *Workdir) Read(name string) string {
	w.T.Helper()
	b, err := os.ReadFile(filepath.Join(w.Dir, name))
	if err != nil {
		w.T.Fatal(err)
	}
	return string(b)
}

// Generate runs `terraform plan -generate-config-out=generated.tf` (after
// init) and returns the generated configuration, and the plan's error: the
// configuration of an object CarrierX does not return whole (a file's
// bytes) needs a line added before it plans.
func (w *Workdir) Generate() (string, error) {
	w.T.Helper()
	w.Init()
	_, err := w.TF.Plan(context.Background(), w.Reattach, tfexec.GenerateConfigOut(filepath.Join(w.Dir, "generated.tf")))
	return w.Read("generated.tf"), err
}

// Init runs terraform init.
func (w *Workdir) Init() {
	w.T.Helper()
	if err := w.TF.Init(context.Background(), w.Reattach); err != nil {
		w.T.Fatalf("terraform init: %v", err)
	}
}

// ApplyThenEmpty applies the configuration, then fails the test unless the
// next plan is empty, showing the plan.
func (w *Workdir) ApplyThenEmpty() {
	w.T.Helper()
	ctx := context.Background()
	if err := w.TF.Apply(ctx, w.Reattach); err != nil {
		w.T.Fatalf("terraform apply: %v\nconfiguration:\n%s", err, w.config())
	}
	changed, err := w.TF.Plan(ctx, w.Reattach, tfexec.Out("after.tfplan"))
	if err != nil {
		w.T.Fatalf("terraform plan after apply: %v", err)
	}
	if changed {
		show, _ := w.TF.ShowPlanFileRaw(ctx, "after.tfplan", w.Reattach)
		w.T.Fatalf("the plan after the apply is not empty:\n%s\nconfiguration:\n%s", show, w.config())
	}
}

// config is every .tf file of the directory but the provider block (it
// holds the token), for failure messages.
func (w *Workdir) config() string {
	files, _ := filepath.Glob(filepath.Join(w.Dir, "*.tf"))
	var b strings.Builder
	for _, f := range files {
		if filepath.Base(f) == "provider.tf" {
			continue
		}
		src, _ := os.ReadFile(f)
		b.WriteString("# " + filepath.Base(f) + "\n" + string(src) + "\n")
	}
	return b.String()
}
