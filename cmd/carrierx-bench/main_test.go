package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestNoTerraform(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"-n", "10"}, &out, &errOut); code != 2 {
		t.Fatalf("exit %d, want 2; stderr: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "no terraform binary on PATH") {
		t.Errorf("stderr = %q", errOut.String())
	}
}

func TestUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-n", "x"}, `-n: "x" is not a positive number`},
		{[]string{"-kinds", "carrierx,nope"}, `unknown kind "nope"`},
		{[]string{"-ops", "plan"}, `leaves out apply-create`},
		{[]string{"-ops", "apply-create,nap"}, `unknown operation "nap"`},
	} {
		var out, errOut bytes.Buffer
		if code := run(context.Background(), c.args, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errOut.String(), c.want)
		}
	}
}
