package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
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

func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "carrierx-emulator")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
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
	req, _ := http.NewRequest(http.MethodGet, base+"/endpoints", nil)
	req.Header.Set("Authorization", "Bearer tok-123")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /endpoints: %d", res.StatusCode)
	}
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
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"-listen", "0.0.0.0:0", "-allow-non-loopback", "-token", "tok-ci"}, pw, &errb)
		_ = pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	var lines []string
	for len(lines) < 2 && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "CARRIERX_BASE_URL=http://127.0.0.1:") {
		t.Fatalf("lines %q; stderr %s", lines, errb.String())
	}
	req, _ := http.NewRequest(http.MethodGet, strings.TrimPrefix(lines[0], "CARRIERX_BASE_URL=")+"/endpoints", nil)
	req.Header.Set("Authorization", "Bearer tok-ci")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /endpoints: %d", res.StatusCode)
	}
	if !strings.Contains(errb.String(), "WARNING: listening on 0.0.0.0:0, which is not loopback") {
		t.Fatalf("no warning on stderr: %s", errb.String())
	}
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit code %d: %s", c, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return")
	}
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
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	code := make(chan int, 1)
	go func() { code <- run(ctx, []string{"-listen", "127.0.0.1:0"}, pw, &errb); _ = pw.Close() }()
	sc := bufio.NewScanner(pr)
	var lines []string
	for len(lines) < 2 && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != 2 || lines[1] != "CARRIERX_TOKEN=env-token" {
		t.Fatalf("lines %q", lines)
	}
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit code %d: %s", c, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal(errors.New("run did not return"))
	}
}

func TestRunAllowedHostsAndLogSize(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	code := make(chan int, 1)
	args := []string{"-listen", "127.0.0.1:0", "-token", "tok-hosts", "-allowed-hosts", "emu.test, other.test:1", "-request-log-size", "2"}
	go func() { code <- run(ctx, args, pw, &errb); _ = pw.Close() }()
	sc := bufio.NewScanner(pr)
	var lines []string
	for len(lines) < 2 && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != 2 {
		t.Fatalf("lines %q; stderr %s", lines, errb.String())
	}
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
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit code %d: %s", c, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return")
	}
}
