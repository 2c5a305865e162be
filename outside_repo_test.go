package main

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

// TestAccREADMEOutsideTheRepository runs scripts/outside-repo.sh: what the
// README tells a new user to do in a directory of their own (make install
// into a filesystem mirror, a CLI configuration, the emulator evaluated from
// -detach, terraform init offline, apply, an empty plan, destroy).
func TestAccREADMEOutsideTheRepository(t *testing.T) {
	tf := accTerraform(t, "make, the Go toolchain and terraform")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute) // the build is slow on a loaded 2-core machine
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "scripts/outside-repo.sh")
	// No plugin cache, no version check: only the mirror and the emulator.
	cmd.Env = append(os.Environ(), "TERRAFORM="+tf, "TF_PLUGIN_CACHE_DIR=", "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/outside-repo.sh: %v\n%s", err, out)
	}
}

// accTerraform is the terraform binary of an acceptance test that runs
// what; the test is skipped unless TF_ACC is set.
func accTerraform(t *testing.T, what string) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: this test runs " + what)
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("no terraform on PATH and TF_ACC_TERRAFORM_PATH unset")
		}
	}
	return tf
}
