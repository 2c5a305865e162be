package main

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// envServe makes the test binary run main: the provider, in debug mode.
const envServe = "CARRIERX_TEST_SERVE_PROVIDER"

func TestMain(m *testing.M) {
	if os.Getenv(envServe) != "" {
		os.Args = []string{os.Args[0], "-debug"}
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestQuietUnlessAsked(t *testing.T) {
	for _, tc := range []struct {
		env   []string
		quiet bool
	}{
		{nil, true},
		{[]string{"HOME=/root", "TF_LOG="}, true},
		{[]string{"TF_LOG=off", "TF_LOG_PROVIDER=OFF"}, true},
		{[]string{"TF_LOG_PATH=/tmp/tf.log", "TF_LOG_SDK_PROTO_DATA_DIR=/tmp"}, true},
		{[]string{"TF_LOG=trace"}, false},
		{[]string{"TF_LOG=off", "TF_LOG_PROVIDER=debug"}, false},
		{[]string{"TF_LOG_PROVIDER_CARRIERX=info"}, false},
		{[]string{"TF_LOG_SDK_FRAMEWORK=trace"}, false},
		{[]string{"TF_LOG_CORE=trace"}, false},
	} {
		set := map[string]string{}
		quietUnlessAsked(tc.env, func(k, v string) error { set[k] = v; return nil })
		if got := len(set) > 0; got != tc.quiet {
			t.Errorf("%q: quiet %v, want %v (set %v)", tc.env, got, tc.quiet, set)
		}
		if tc.quiet && len(set) != len(quietLevels) {
			t.Errorf("%q: set %v, want every one of %v off", tc.env, set, quietLevels)
		}
	}
}

// TestAccLogsOnlyWhenAsked runs the provider as Terraform runs it (this
// binary's main, attached in debug mode, so its stderr is ours) through a
// plan, with and without log variables, and reads what it wrote.
func TestAccLogsOnlyWhenAsked(t *testing.T) {
	tf := accTerraform(t, "terraform")
	// The token check of the provider's configuration is the only request.
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"common_name":"United States","iso_3166_alpha_3":"USA"}`))
	}))
	defer api.Close()
	for _, tc := range []struct {
		name string
		env  []string
		want []string // substrings of the log; none when nil
	}{
		{"none", nil, nil},
		{"off", []string{"TF_LOG=off"}, nil},
		{"trace", []string{"TF_LOG=trace"}, []string{`"@module":"sdk.framework"`, `"@module":"sdk.proto"`,
			`"@module":"carrierx"`, "configured CarrierX client"}},
		{"provider", []string{"TF_LOG_PROVIDER=debug"}, []string{`"@module":"carrierx"`, "configured CarrierX client"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log := planLog(t, tf, api.URL+"/core/v2", tc.env)
			if tc.want == nil {
				// go-plugin's own lines (the debug server) have no module.
				if strings.Contains(log, `"@module"`) {
					t.Fatalf("logs written when none was asked for:\n%.2000s", log)
				}
				return
			}
			for _, w := range tc.want {
				if !strings.Contains(log, w) {
					t.Errorf("no %s in the log:\n%.2000s", w, log)
				}
			}
		})
	}
}

// planLog serves the provider from a child process with env (no other
// TF_LOG variable), runs terraform init and plan attached to it, and
// returns what the provider wrote to its stderr.
func planLog(t *testing.T, tf, baseURL string, env []string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	child := exec.CommandContext(ctx, os.Args[0])
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_LOG") {
			child.Env = append(child.Env, kv)
		}
	}
	child.Env = append(append(child.Env, envServe+"=1"), env...)
	stderr := filepath.Join(t.TempDir(), "stderr")
	f, err := os.Create(stderr)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	child.Stderr = f
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	var reattach string
	for sc := bufio.NewScanner(out); sc.Scan(); {
		if v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "TF_REATTACH_PROVIDERS='"); ok {
			reattach = strings.TrimSuffix(v, "'")
			break
		}
	}
	if reattach == "" {
		_ = child.Process.Kill()
		t.Fatal("the provider printed no TF_REATTACH_PROVIDERS")
	}
	dir := t.TempDir()
	cfg := `terraform {
  required_providers {
    carrierx = { source = "carrierx/carrierx" }
  }
}
provider "carrierx" {
  token    = "test-token"
  base_url = "` + baseURL + `"
}
resource "carrierx_endpoint" "e" {
  name = "logs"
  type = "third_party"
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-input=false"}, {"plan", "-input=false"}} {
		cmd := exec.CommandContext(ctx, tf, args...)
		cmd.Dir = dir
		cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH"), "CHECKPOINT_DISABLE=1",
			"TF_REATTACH_PROVIDERS=" + reattach}
		if b, err := cmd.CombinedOutput(); err != nil {
			_ = child.Process.Kill()
			t.Fatalf("terraform %s: %v\n%s", args[0], err, b)
		}
	}
	_ = child.Process.Signal(syscall.SIGINT)
	_ = child.Wait()
	b, err := os.ReadFile(stderr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
