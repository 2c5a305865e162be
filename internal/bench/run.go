package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/carrierx/terraform-provider-carrierx/internal/emulator"
)

// Config says what to run.
type Config struct {
	Terraform string // path of the terraform binary
	Provider  string // provider binary (started with -debug)
	Floor     string // the no-network build (cmd/carrierx-bench/floor)
	Five      string // the five-attribute provider (cmd/carrierx-bench/fiveattr)
	Ns        []int
	Kinds     []Kind
	Ops       []Op      // which operations, in the order of Ops (nil: all)
	Progress  io.Writer // one line per operation while it runs
}

// requestLogSize keeps every request of one operation at any N the
// benchmark runs (a few per resource).
const requestLogSize = 1 << 20

// Measure measures every kind at every N and the emulator's throughput.
func Measure(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	rep := &Report{Machine: machine(ctx, cfg.Terraform)}
	rps, err := Throughput(ctx, 10, 2*time.Second)
	if err != nil {
		return nil, fmt.Errorf("emulator throughput: %w", err)
	}
	rep.EmulatorGetsPerSecond = rps
	_, _ = fmt.Fprintf(cfg.Progress, "emulator: %.0f GETs/s\n", rps)
	for _, n := range cfg.Ns {
		for _, k := range cfg.Kinds {
			run, err := runOne(ctx, cfg, n, k)
			if err != nil {
				return rep, fmt.Errorf("%d %s resources: %w", n, k, err)
			}
			rep.Runs = append(rep.Runs, *run)
		}
	}
	rep.Goals = rep.CheckGoals()
	return rep, nil
}

// target is what Terraform talks to during one run: a provider process
// (nil for terraform_data) and the emulator's control API.
type target struct {
	proc     *exec.Cmd
	reattach string
	control  string
	stderr   *os.File
	stop     func() // closes an in-process emulator
}

func runOne(ctx context.Context, cfg Config, n int, k Kind) (_ *Run, err error) {
	dir, err := os.MkdirTemp("", "carrierx-bench-")
	if err != nil {
		return nil, err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(configFor(k)), 0o600); err != nil {
		return nil, err
	}
	tg, err := start(ctx, cfg, k, dir)
	if err != nil {
		return nil, err
	}
	defer tg.close()

	env := terraformEnv(tg.reattach)
	tf := func(args ...string) (int, float64, error) { return terraform(ctx, cfg.Terraform, dir, env, args...) }
	if _, _, err := tf("init", "-input=false", "-no-color"); err != nil {
		return nil, err
	}
	vars := func(suffix string) []string {
		return []string{"-input=false", "-no-color", "-var", "n=" + strconv.Itoa(n), "-var", "suffix=" + suffix}
	}
	args := map[Op][]string{
		OpCreate:  append([]string{"apply", "-auto-approve"}, vars("")...),
		OpPlan:    append([]string{"plan", "-detailed-exitcode"}, vars("")...),
		OpUpdate:  append([]string{"apply", "-auto-approve"}, vars("-u")...),
		OpRefresh: append([]string{"apply", "-refresh-only", "-auto-approve"}, vars("-u")...),
		OpDestroy: append([]string{"destroy", "-auto-approve"}, vars("-u")...),
	}
	run := &Run{N: n, Kind: k}
	for _, op := range Ops {
		if cfg.Ops != nil && !slices.Contains(cfg.Ops, op) {
			continue
		}
		if err := tg.clearLog(ctx); err != nil {
			return nil, err
		}
		cpu0, cpuOK := tg.cpu()
		t0 := time.Now()
		code, tfCPU, err := tf(args[op]...)
		res := OpResult{Op: op, WallSeconds: time.Since(t0).Seconds(), TerraformCPUSeconds: tfCPU}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w%s", op, err, tg.providerLog())
		}
		if cpu1, ok := tg.cpu(); ok && cpuOK {
			d := cpu1 - cpu0
			res.ProviderCPUSeconds = &d
		}
		if tg.control != "" {
			recs, err := tg.requests(ctx)
			if err != nil {
				return nil, err
			}
			got, want := Count(recs), Expected(op, n, 0)
			res.Requests, res.Expected, res.Mismatch = &got, &want, Mismatch(got, want)
		}
		if op == OpPlan && code == 2 {
			res.Mismatch = strings.TrimPrefix(res.Mismatch+"; plan after apply is not empty", "; ")
		}
		_, _ = fmt.Fprintf(cfg.Progress, "N=%d %-14s %-12s %7.2f s %s\n", n, k, op, res.WallSeconds, res.Mismatch)
		run.Ops = append(run.Ops, res)
	}
	if tg.proc != nil {
		u, err := tg.wait()
		if err != nil {
			return nil, err
		}
		run.Provider = &u
	}
	return run, nil
}

// configFor is N endpoints of type third_party with a name and an address,
// or the same values in a five-attribute resource or in terraform_data;
// var.suffix changes every name.
func configFor(k Kind) string {
	vars := `
variable "n" {
  type = number
}

variable "suffix" {
  type    = string
  default = ""
}
`
	switch k {
	case KindFive:
		return `terraform {
  required_providers {
    five = {
      source = "carrierx-bench/five"
    }
  }
}
` + vars + `
resource "five_thing" "e" {
  count = var.n
  name  = "bench-${count.index}${var.suffix}"
  type  = "third_party"
  ip    = cidrhost("10.0.0.0/8", count.index + 1)
}
`
	case KindData:
		return vars + `
resource "terraform_data" "e" {
  count = var.n
  input = {
    name = "bench-${count.index}${var.suffix}"
    type = "third_party"
    ip   = cidrhost("10.0.0.0/8", count.index + 1)
  }
}
`
	}
	return `terraform {
  required_providers {
    carrierx = {
      source = "carrierx/carrierx"
    }
  }
}
` + vars + `
resource "carrierx_endpoint" "e" {
  count     = var.n
  name      = "bench-${count.index}${var.suffix}"
  type      = "third_party"
  addresses = [{ ip = cidrhost("10.0.0.0/8", count.index + 1) }]
}
`
}

func terraformEnv(reattach string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TF_REATTACH_PROVIDERS=") || strings.HasPrefix(kv, "TF_CLI_ARGS") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	if reattach != "" {
		env = append(env, "TF_REATTACH_PROVIDERS="+reattach)
	}
	return env
}

// terraform runs one command and returns its exit status and the CPU
// seconds Terraform itself spent (its own process; the provider runs
// apart); exit status 2 of a plan with -detailed-exitcode is not an error.
func terraform(ctx context.Context, bin, dir string, env []string, args ...string) (int, float64, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var cpu float64
	if cmd.ProcessState != nil {
		if u, uerr := usageOf(cmd.ProcessState); uerr == nil {
			cpu = u.CPUSeconds
		}
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 2 && args[0] == "plan" {
		return 2, cpu, nil
	}
	if err != nil {
		return 0, cpu, fmt.Errorf("terraform %s: %w\n%s", args[0], err, tail(out.String(), 40))
	}
	return 0, cpu, nil
}

func tail(s string, lines int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > lines {
		l = l[len(l)-lines:]
	}
	return strings.Join(l, "\n")
}

func start(ctx context.Context, cfg Config, k Kind, dir string) (*target, error) {
	switch k {
	case KindData:
		return &target{}, nil
	case KindProvider:
		inst, err := emulator.Listen("127.0.0.1:0", emulator.Options{RequestLogSize: requestLogSize})
		if err != nil {
			return nil, err
		}
		tg := &target{control: inst.ControlURL(), stop: func() { _ = inst.Close() }}
		err = tg.startProvider(ctx, cfg.Provider, dir, "CARRIERX_TOKEN="+inst.Server.Token(), "CARRIERX_BASE_URL="+inst.BaseURL())
		if err != nil {
			tg.close()
			return nil, err
		}
		return tg, nil
	case KindFloor, KindFive:
		bin := cfg.Floor
		if k == KindFive {
			bin = cfg.Five
		}
		tg := &target{}
		if err := tg.startProvider(ctx, bin, dir); err != nil {
			tg.close()
			return nil, err
		}
		return tg, nil
	}
	return nil, fmt.Errorf("unknown kind %q", k)
}

// FiveAddress is the registry address of the five-attribute provider
// (cmd/carrierx-bench/fiveattr); never published, reached by reattach only.
const FiveAddress = "registry.terraform.io/carrierx-bench/five"

// FloorControlPrefix starts the line the floor prints before serving: the
// URL of its emulator's control API.
const FloorControlPrefix = "CARRIERX_FLOOR_CONTROL_URL="

// startProvider runs bin -debug and reads TF_REATTACH_PROVIDERS (and the
// floor's control URL) from its stdout; its stderr (the SDK's logs) goes to
// a file of dir, shown when an operation fails.
func (tg *target) startProvider(ctx context.Context, bin, dir string, env ...string) error {
	if bin == "" {
		return errors.New("no provider binary given")
	}
	stderr, err := os.Create(filepath.Join(dir, "provider.log"))
	if err != nil {
		return err
	}
	tg.stderr = stderr
	cmd := exec.Command(bin, "-debug")
	cmd.Env = append(os.Environ(), env...)
	cmd.SysProcAttr = childAttr()
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %s: %w", bin, err)
	}
	tg.proc = cmd
	found := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		sent := false
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if v, ok := strings.CutPrefix(line, FloorControlPrefix); ok {
				tg.control = v
			}
			if v, ok := ParseReattach(line); ok && !sent {
				tg.reattach, sent = v, true
				found <- nil
			}
		}
		if !sent {
			found <- errors.New("the provider exited or closed stdout before printing TF_REATTACH_PROVIDERS")
		}
	}()
	select {
	case err := <-found:
		if err != nil {
			return fmt.Errorf("%s -debug: %w%s", bin, err, tg.providerLog())
		}
		return nil
	case <-time.After(60 * time.Second):
		return fmt.Errorf("%s -debug: no TF_REATTACH_PROVIDERS line within 60 s", bin)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ParseReattach reads the value of a line the plugin server prints in
// debug mode: TF_REATTACH_PROVIDERS='{...}' (a POSIX shell's quoting).
func ParseReattach(line string) (string, bool) {
	v, ok := strings.CutPrefix(strings.TrimSpace(line), "TF_REATTACH_PROVIDERS='")
	if !ok || !strings.HasSuffix(v, "'") {
		return "", false
	}
	v = strings.ReplaceAll(strings.TrimSuffix(v, "'"), `'"'"'`, `'`)
	return v, json.Valid([]byte(v))
}

func (tg *target) providerLog() string {
	if tg.stderr == nil {
		return ""
	}
	b, err := os.ReadFile(tg.stderr.Name())
	if err != nil || len(b) == 0 {
		return ""
	}
	return "\nprovider stderr (last lines above debug level):\n" + tail(quiet(string(b)), 20)
}

// quiet drops the SDK's trace and debug lines, which would bury an error.
func quiet(log string) string {
	var keep []string
	for _, l := range strings.Split(log, "\n") {
		if !strings.Contains(l, `"@level":"trace"`) && !strings.Contains(l, `"@level":"debug"`) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func (tg *target) cpu() (float64, bool) {
	if tg.proc == nil {
		return 0, false
	}
	return procCPU(tg.proc.Process.Pid)
}

// wait stops the provider as its debug server expects (SIGINT) and returns
// the rusage of its whole life.
func (tg *target) wait() (Usage, error) {
	p := tg.proc
	tg.proc = nil
	_ = p.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- p.Wait() }()
	select {
	case werr := <-done:
		_ = werr // the exit status after SIGINT says nothing the rusage does not
	case <-time.After(30 * time.Second):
		_ = p.Process.Kill()
		<-done //nolint:errcheck // killed: its exit status is known
		return Usage{}, errors.New("the provider did not stop within 30 s of SIGINT")
	}
	return usageOf(p.ProcessState)
}

// close kills whatever is still running; it is safe after wait.
func (tg *target) close() {
	if tg.proc != nil {
		_ = tg.proc.Process.Kill()
		_ = tg.proc.Wait()
		tg.proc = nil
	}
	if tg.stderr != nil {
		_ = tg.stderr.Close()
	}
	if tg.stop != nil {
		tg.stop()
	}
}

func (tg *target) clearLog(ctx context.Context) error {
	if tg.control == "" {
		return nil
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodDelete, tg.control+"/requests", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("clearing the request log: %w", err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("clearing the request log: %s", resp.Status)
	}
	return nil
}

func (tg *target) requests(ctx context.Context) ([]Record, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, tg.control+"/requests", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("reading the request log: %w", err)
	}
	defer func() { _ = resp.Body.Close() }()
	var body struct {
		Requests []Record `json:"requests"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("reading the request log: %w", err)
	}
	return body.Requests, nil
}

// Throughput is how many simple GETs (one endpoint by SID) a new emulator
// answers per second over real HTTP to the given number of concurrent
// clients.
func Throughput(ctx context.Context, clients int, d time.Duration) (float64, error) {
	inst, err := emulator.Listen("127.0.0.1:0", emulator.Options{})
	if err != nil {
		return 0, err
	}
	defer func() { _ = inst.Close() }()
	url := inst.BaseURL() + "/endpoints/" + inst.Server.SystemGatewaySID()
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	defer hc.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var ok atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	t0 := time.Now()
	for range clients {
		wg.Go(func() {
			for ctx.Err() == nil {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
				req.Header.Set("Authorization", "Bearer "+inst.Server.Token())
				resp, err := hc.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						once.Do(func() { firstErr = err })
					}
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					once.Do(func() { firstErr = fmt.Errorf("GET %s: %s", url, resp.Status) })
					return
				}
				ok.Add(1)
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return 0, firstErr
	}
	return float64(ok.Load()) / time.Since(t0).Seconds(), nil
}

func machine(ctx context.Context, tf string) Machine {
	m := Machine{CPUs: runtime.NumCPU(), Go: runtime.Version(), Time: time.Now().UTC().Format(time.RFC3339)}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		m.CPUModel = CPUModel(string(b))
	}
	if out, err := exec.CommandContext(ctx, tf, "version").Output(); err == nil {
		m.Terraform, _, _ = strings.Cut(string(out), "\n")
	}
	if out, err := exec.CommandContext(ctx, "git", "describe", "--always", "--dirty").Output(); err == nil {
		m.Commit = strings.TrimSpace(string(out))
	}
	return m
}

// CPUModel is the first "model name" of /proc/cpuinfo.
func CPUModel(cpuinfo string) string {
	for _, l := range strings.Split(cpuinfo, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
