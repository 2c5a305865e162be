// Command carrierx-probe checks the emulator's assumptions (the table in
// internal/emulator's package documentation) against a CarrierX Core API:
// the live one with your token, or the emulator. It reads CARRIERX_TOKEN
// and CARRIERX_BASE_URL (default https://api.carrierx.com/core/v2) like the
// provider; the token is never taken as a flag, so it stays out of shell
// history and process lists.
//
// By default it only sends GETs. -write also creates, patches and deletes
// one third_party endpoint named carrierx-probe-<random>, and deletes it
// even when a check fails.
//
// Exit status: 0 when nothing is contradicted, 1 when something is (or the
// endpoint could not be deleted), 2 on usage or connection errors.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/carrierx/terraform-provider-carrierx/internal/probe"
)

const defaultBaseURL = "https://api.carrierx.com/core/v2"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("carrierx-probe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		_, _ = fmt.Fprintln(stderr, "usage: CARRIERX_TOKEN=... [CARRIERX_BASE_URL=...] carrierx-probe [-write] [-json] [-rps n] [-timeout d]")
		fs.PrintDefaults()
	}
	write := fs.Bool("write", false, "also create, patch and delete one third_party endpoint (carrierx-probe-<random>)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	rps := fs.Float64("rps", envFloat(getenv("CARRIERX_REQUESTS_PER_SECOND"), 5), "requests per second at most (env CARRIERX_REQUESTS_PER_SECOND; 0 = unlimited)")
	timeout := fs.Duration("timeout", 10*time.Minute, "time allowed for the whole run")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		_, _ = fmt.Fprintf(stderr, "carrierx-probe: unexpected arguments %v\n", fs.Args())
		return 2
	}
	token := getenv("CARRIERX_TOKEN")
	if token == "" {
		_, _ = fmt.Fprintln(stderr, "carrierx-probe: set CARRIERX_TOKEN to a Core API token (CarrierX portal: Security Tokens), or to the token `make emulator` prints")
		return 2
	}
	base := getenv("CARRIERX_BASE_URL")
	if base == "" {
		base = defaultBaseURL
	}
	if *rps < 0 {
		_, _ = fmt.Fprintln(stderr, "carrierx-probe: -rps must not be negative")
		return 2
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	rep, err := probe.Run(ctx, probe.Config{BaseURL: base, Token: token, Write: *write,
		RequestsPerSecond: *rps, MaxRetries: 3, Timeout: 60 * time.Second})
	if err != nil {
		var ce *probe.ConnError
		if !errors.As(err, &ce) {
			err = fmt.Errorf("configuration: %w", err)
		}
		_, _ = fmt.Fprintln(stderr, "carrierx-probe:", err)
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = rep.WriteText(stdout)
	}
	if err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-probe:", err)
		return 2
	}
	if !rep.OK() {
		return 1
	}
	return 0
}

func envFloat(s string, def float64) float64 {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return def
}
