//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// -detach prints lines a POSIX shell evals into a running emulator: the
// base URL, a token with shell characters in it, and the PID that stops it.
func TestBinaryDetachEval(t *testing.T) {
	bin := buildBinary(t)
	logPath := filepath.Join(t.TempDir(), "emulator.log")
	script := `eval "$("$0" -listen 127.0.0.1:0 -token "it's \$x" -detach -log-file "$1")" && printf '%s\n' "$CARRIERX_BASE_URL" "$CARRIERX_TOKEN" "$CARRIERX_EMULATOR_PID"`
	out, err := exec.Command("sh", "-c", script, bin, logPath).Output()
	if err != nil {
		t.Fatalf("sh: %v: %s", err, out)
	}
	got := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(got) != 3 || got[1] != `it's $x` {
		t.Fatalf("evaluated %q", got)
	}
	pid, err := strconv.Atoi(got[2])
	if err != nil {
		t.Fatalf("CARRIERX_EMULATOR_PID %q", got[2])
	}
	defer func() { _ = syscall.Kill(pid, syscall.SIGKILL) }()
	if cmdline, err := os.ReadFile("/proc/" + got[2] + "/cmdline"); err == nil && strings.Contains(string(cmdline), "it's") {
		t.Errorf("the token is on the background emulator's command line: %q", cmdline)
	}
	getEndpoints(t, got[0], got[1])
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatal("the background emulator is still running 10s after SIGTERM")
		}
		time.Sleep(50 * time.Millisecond)
	}
	log, _ := os.ReadFile(logPath)
	if !strings.Contains(string(log), "GET /core/v2/endpoints 200") || strings.Contains(string(log), "it's") {
		t.Fatalf("request log: %s", log)
	}
}
