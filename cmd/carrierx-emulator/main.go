// Command carrierx-emulator serves the in-memory CarrierX API emulator on a
// loopback address for acceptance tests and local development.
//
// Its first two lines of stdout are CARRIERX_BASE_URL=... and
// CARRIERX_TOKEN=..., so a script can read them from a pipe; requests are
// then logged to stderr (method, path, status; never the token).
//
// -allowed-hosts names Host header values accepted besides the loopback
// ones (for example the name of a container or an /etc/hosts alias); any
// other Host is refused with 403, so that a web page cannot reach the
// emulator through DNS rebinding. -request-log-size bounds the control
// API's request log. -total-always-null answers "total": null on every
// list, a deliberate deviation for testing carrierx-probe.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
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
	listen := fs.String("listen", "127.0.0.1:8787", "loopback address to listen on (host:port; port 0 picks a free one)")
	tok := fs.String("token", os.Getenv("CARRIERX_EMULATOR_TOKEN"), "all-scope token of the seeded partner (env CARRIERX_EMULATOR_TOKEN; generated when empty)")
	hosts := fs.String("allowed-hosts", "", "comma-separated Host header values accepted besides loopback ones (name for any port, or name:port)")
	nullTotal := fs.Bool("total-always-null", false, "answer \"total\": null on every list (a deliberately wrong emulator, to see carrierx-probe report a contradiction)")
	logSize := fs.Int("request-log-size", emulator.DefaultRequestLogSize, "records kept by the control API's request log (the oldest are dropped)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		_, _ = fmt.Fprintf(stderr, "carrierx-emulator: unexpected arguments: %v\n", fs.Args())
		return 2
	}
	if err := emulator.CheckLoopback(*listen); err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator:", err)
		return 2
	}
	var allowed []string
	for _, h := range strings.Split(*hosts, ",") {
		if h = strings.TrimSpace(h); h != "" {
			allowed = append(allowed, h)
		}
	}
	inst, err := emulator.Listen(*listen, emulator.Options{Token: *tok, AccessLog: stderr,
		AllowedHosts: allowed, RequestLogSize: *logSize, TotalAlwaysNull: *nullTotal})
	if err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator:", err)
		return 1
	}
	// Unbuffered writes: each line reaches a pipe reader at once.
	if _, err := fmt.Fprintf(stdout, "CARRIERX_BASE_URL=%s\nCARRIERX_TOKEN=%s\n", inst.BaseURL(), inst.Server.Token()); err != nil {
		_ = inst.Close()
		return 1
	}
	if f, ok := stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	_, _ = fmt.Fprintf(stderr, "carrierx-emulator: control API at %s\n", inst.ControlURL())
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := inst.Shutdown(sctx); err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-emulator: shutdown:", err)
		return 1
	}
	return 0
}
