// Command carrierx-emulator serves the in-memory CarrierX API emulator on a
// loopback address for acceptance tests and local development.
//
// Its first two lines of stdout are CARRIERX_BASE_URL=... and
// CARRIERX_TOKEN=..., so a script can read them from a pipe; requests are
// then logged to stderr (method, path, status; never the token).
//
// -detach starts the emulator in the background and prints, instead, lines
// a POSIX shell can eval: export CARRIERX_BASE_URL, CARRIERX_TOKEN and
// CARRIERX_EMULATOR_PID (for kill), then exits; the request log goes to
// -log-file (a new temporary file by default, named in a comment line).
//
// -allowed-hosts names Host header values accepted besides the loopback
// ones (for example the name of a container or an /etc/hosts alias); any
// other Host is refused with 403, so that a web page cannot reach the
// emulator through DNS rebinding. -listen takes only loopback addresses
// unless -allow-non-loopback is given (a CI service container), with a
// warning: the control API has no credentials. -request-log-size bounds the
// control API's request log. -total-always-null answers "total": null on
// every list, a deliberate deviation for testing carrierx-probe.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/carrierx/terraform-provider-carrierx/internal/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: it serves until ctx is done.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("carrierx-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:8787", "address to listen on (host:port; port 0 picks a free one); loopback only unless -allow-non-loopback")
	tok := fs.String("token", os.Getenv("CARRIERX_EMULATOR_TOKEN"), "all-scope token of the seeded partner (env CARRIERX_EMULATOR_TOKEN; generated when empty)")
	hosts := fs.String("allowed-hosts", "", "comma-separated Host header values accepted besides loopback ones (name for any port, or name:port)")
	remote := fs.Bool("allow-non-loopback", false, "accept a -listen address that is not loopback (a CI service container): anyone who reaches it can read and change everything through the control API")
	detach := fs.Bool("detach", false, "serve in the background and print export lines for a POSIX shell's eval (base URL, token, CARRIERX_EMULATOR_PID), then exit")
	logFile := fs.String("log-file", "", "with -detach: file the request log is appended to (default: a new temporary file)")
	nullTotal := fs.Bool("total-always-null", false, "answer \"total\": null on every list (a deliberately wrong emulator, to see carrierx-probe report a contradiction)")
	logSize := fs.Int("request-log-size", emulator.DefaultRequestLogSize, "records kept by the control API's request log (the oldest are dropped)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		_, _ = fmt.Fprintf(stderr, "carrierx-emulator: unexpected arguments: %v\n", fs.Args())
		return 2
	}
	if *logFile != "" && !*detach {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator: -log-file goes with -detach (in the foreground the request log is stderr)")
		return 2
	}
	var allowed []string
	for _, h := range strings.Split(*hosts, ",") {
		if h = strings.TrimSpace(h); h != "" {
			allowed = append(allowed, h)
		}
	}
	if err := emulator.CheckLoopback(*listen); err != nil {
		host, _, perr := net.SplitHostPort(*listen)
		if perr != nil || !*remote {
			_, _ = fmt.Fprintln(stderr, "carrierx-emulator:", err)
			if perr == nil {
				_, _ = fmt.Fprintln(stderr, "carrierx-emulator: to listen there anyway (for example in a CI service container), add -allow-non-loopback")
			}
			return 2
		}
		_, _ = fmt.Fprintf(stderr, "carrierx-emulator: WARNING: listening on %s, which is not loopback: anyone who can reach it "+
			"can read and change every object through the control API (/_emulator), which has no credentials. "+
			"Use it only inside a private CI network; clients that use another name than the listen address need it in -allowed-hosts.\n", *listen)
		if ip := net.ParseIP(host); host != "" && (ip == nil || !ip.IsUnspecified()) {
			allowed = append(allowed, host) // the printed base URL names it
		}
	}
	if *detach {
		return runDetached(fs, *logFile, stdout, stderr)
	}
	listenFn := emulator.Listen
	if *remote {
		listenFn = emulator.ListenNonLoopback
	}
	inst, err := listenFn(*listen, emulator.Options{Token: *tok, AccessLog: stderr,
		AllowedHosts: allowed, RequestLogSize: *logSize, TotalAlwaysNull: *nullTotal})
	if err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator:", err)
		return 1
	}
	// Unbuffered writes: each line reaches a pipe reader at once.
	if _, err := fmt.Fprintf(stdout, "CARRIERX_BASE_URL=%s\nCARRIERX_TOKEN=%s\n", localURL(inst.BaseURL()), inst.Server.Token()); err != nil {
		_ = inst.Close()
		return 1
	}
	if f, ok := stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	_, _ = fmt.Fprintf(stderr, "carrierx-emulator: control API at %s\n", localURL(inst.ControlURL()))
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := inst.Shutdown(sctx); err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator: shutdown:", err)
		return 1
	}
	return 0
}

// localURL replaces an unspecified listen address (0.0.0.0, ::) by the
// loopback one, which this machine can use and the Host check accepts;
// other machines use the emulator's name, given in -allowed-hosts.
func localURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	if ip := net.ParseIP(u.Hostname()); ip != nil && ip.IsUnspecified() {
		u.Host = net.JoinHostPort("127.0.0.1", u.Port()) // a listener on [::] takes IPv4 too
	}
	return u.String()
}

// runDetached starts this program again with the same flags but -detach, in
// a session of its own, reads its two lines and prints them as shell export
// lines with its PID. The child's stdout is a pipe nobody reads once this
// process exits: it writes there only its first two lines.
func runDetached(fs *flag.FlagSet, logPath string, stdout, stderr io.Writer) int {
	// The token goes by the environment: a command line is visible to
	// every user of the machine for as long as the emulator runs.
	var args []string
	env := os.Environ()
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "detach", "log-file":
		case "token":
			env = append(env, "CARRIERX_EMULATOR_TOKEN="+f.Value.String())
		default:
			args = append(args, "-"+f.Name+"="+f.Value.String())
		}
	})
	exe, err := os.Executable()
	if err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator: -detach:", err)
		return 1
	}
	var logf *os.File
	if logPath == "" {
		logf, err = os.CreateTemp("", "carrierx-emulator-*.log")
	} else {
		logf, err = os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	}
	if err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator: request log:", err)
		return 1
	}
	defer func() { _ = logf.Close() }()
	cmd := exec.Command(exe, args...)
	cmd.Env = env
	cmd.Stderr = logf
	cmd.SysProcAttr = detachAttr()
	out, err := cmd.StdoutPipe()
	if err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator: -detach:", err)
		return 1
	}
	if err := cmd.Start(); err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator: -detach:", err)
		return 1
	}
	lines := make(chan []string, 1)
	go func() {
		var got []string
		sc := bufio.NewScanner(out)
		for len(got) < 2 && sc.Scan() {
			got = append(got, sc.Text())
		}
		lines <- got
	}()
	var got []string
	select {
	case got = <-lines:
	case <-time.After(30 * time.Second):
	}
	if len(got) < 2 {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		msg, _ := os.ReadFile(logf.Name())
		_, _ = fmt.Fprintf(stderr, "carrierx-emulator: the background emulator did not start:\n%s", msg)
		return 1
	}
	var b strings.Builder
	for _, l := range got {
		name, val, _ := strings.Cut(l, "=")
		fmt.Fprintf(&b, "export %s=%s\n", name, shellQuote(val))
	}
	fmt.Fprintf(&b, "export CARRIERX_EMULATOR_PID=%d\n", cmd.Process.Pid)
	fmt.Fprintf(&b, "# request log: %s; stop the emulator with: kill \"$CARRIERX_EMULATOR_PID\"\n", logf.Name())
	if err := cmd.Process.Release(); err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator: -detach:", err)
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return 1
	}
	return 0
}

// shellQuote quotes s for a POSIX shell: a token may hold any character.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
