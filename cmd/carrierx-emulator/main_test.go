package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds the emulator into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "carrierx-emulator")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// getEndpoints fails the test unless GET base/endpoints answers 200.
func getEndpoints(t *testing.T, base, token string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/endpoints", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /endpoints: %d", res.StatusCode)
	}
}

func TestBinary(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin, "-listen", "127.0.0.1:0", "-token", "tok-123")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	lines := make(chan string, 2)
	go func() {
		sc := bufio.NewScanner(stdout)
		for i := 0; i < 2 && sc.Scan(); i++ {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var got []string
	timeout := time.After(10 * time.Second)
	for len(got) < 2 {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("stdout closed after %q; stderr %s", got, stderr.String())
			}
			got = append(got, l)
		case <-timeout:
			t.Fatalf("no two lines on stdout, got %q", got)
		}
	}
	base, ok := strings.CutPrefix(got[0], "CARRIERX_BASE_URL=")
	if !ok || !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, "/core/v2") {
		t.Fatalf("line 1 %q", got[0])
	}
	if got[1] != "CARRIERX_TOKEN=tok-123" {
		t.Fatalf("line 2 %q", got[1])
	}
	getEndpoints(t, base, "tok-123")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v; stderr %s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no exit after SIGTERM")
	}
	log := stderr.String()
	if !strings.Contains(log, "GET /core/v2/endpoints 200") || strings.Contains(log, "tok-123") {
		t.Fatalf("stderr log: %s", log)
	}
}

func TestRunRefusesNonLoopback(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"-listen", "0.0.0.0:0"}, &out, &errb); code == 0 {
		t.Fatal("non-loopback accepted")
	}
	if out.Len() != 0 || !strings.Contains(errb.String(), "only loopback") || !strings.Contains(errb.String(), "add -allow-non-loopback") {
		t.Fatalf("stdout %q stderr %q", out.String(), errb.String())
	}
}

// A CI service container listens on every interface when asked explicitly,
// with a warning; this machine still uses it through the loopback address.
func TestRunNonLoopbackWhenAllowed(t *testing.T) {
	lines, errb := startRun(t, "-listen", "0.0.0.0:0", "-allow-non-loopback", "-token", "tok-ci")
	if !strings.HasPrefix(lines[0], "CARRIERX_BASE_URL=http://127.0.0.1:") {
		t.Fatalf("lines %q; stderr %s", lines, errb.String())
	}
	getEndpoints(t, strings.TrimPrefix(lines[0], "CARRIERX_BASE_URL="), "tok-ci")
	if !strings.Contains(errb.String(), "WARNING: listening on 0.0.0.0:0, which is not loopback") {
		t.Fatalf("no warning on stderr: %s", errb.String())
	}
}

// startRun runs the emulator with args until the test ends, then fails the
// test unless it exits 0; it returns its first two lines of stdout.
func startRun(t *testing.T, args ...string) (lines []string, stderr *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr = &syncBuffer{}
	code := make(chan int, 1)
	go func() { code <- run(ctx, args, pw, stderr); _ = pw.Close() }()
	sc := bufio.NewScanner(pr)
	for len(lines) < 2 && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != 2 {
		cancel()
		t.Fatalf("lines %q; stderr %s", lines, stderr.String())
	}
	t.Cleanup(func() {
		cancel()
		select {
		case c := <-code:
			if c != 0 {
				t.Fatalf("exit code %d: %s", c, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Fatal("run did not return")
		}
	})
	return lines, stderr
}

// syncBuffer is a bytes.Buffer that run's goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRunEnvToken(t *testing.T) {
	t.Setenv("CARRIERX_EMULATOR_TOKEN", "env-token")
	lines, _ := startRun(t, "-listen", "127.0.0.1:0")
	if lines[1] != "CARRIERX_TOKEN=env-token" {
		t.Fatalf("lines %q", lines)
	}
}

func TestRunAllowedHostsAndLogSize(t *testing.T) {
	lines, _ := startRun(t, "-listen", "127.0.0.1:0", "-token", "tok-hosts", "-allowed-hosts", "emu.test, other.test:1", "-request-log-size", "2")
	base := strings.TrimPrefix(lines[0], "CARRIERX_BASE_URL=")
	get := func(url, host string) int {
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		req.Host = host
		req.Header.Set("Authorization", "Bearer tok-hosts")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		return res.StatusCode
	}
	ctl := strings.TrimSuffix(base, "/core/v2") + "/_emulator"
	for host, want := range map[string]int{"emu.test": 200, "emu.test:8080": 200, "other.test:1": 200, "other.test:2": 403, "evil.test": 403} {
		if got := get(base+"/endpoints", host); got != want {
			t.Fatalf("Core API with Host %q: %d, want %d", host, got, want)
		}
		if got := get(ctl+"/requests", host); got != want {
			t.Fatalf("control API with Host %q: %d, want %d", host, got, want)
		}
	}
	req, _ := http.NewRequest(http.MethodGet, ctl+"/requests", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Requests []struct {
			Seq int `json:"seq"`
		} `json:"requests"`
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if len(out.Requests) != 2 || out.Requests[1].Seq != 5 {
		t.Fatalf("request log %+v", out.Requests)
	}
}
