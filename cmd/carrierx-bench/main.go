// Command carrierx-bench measures the provider at scale with the real
// terraform binary (`make bench`): N carrierx_endpoint resources against
// the emulator, beside terraform_data (Terraform alone), the no-network
// build of the provider (cmd/carrierx-bench/floor) and a five-attribute
// framework provider (cmd/carrierx-bench/fiveattr), through create, plan,
// update, refresh-only and destroy. It prints a table and writes JSON.
//
//	carrierx-bench -provider bin/terraform-provider-carrierx -floor bin/carrierx-bench-floor -five bin/carrierx-bench-five [-n 100,1000,5000] [-ops apply-create,plan] [-json bench.json]
//
// Exit status 0: measured; 1: a run failed; 2: usage (no terraform).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"

	"github.com/carrierx/terraform-provider-carrierx/internal/bench"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("carrierx-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ns := fs.String("n", "100,1000", "numbers of resources, comma-separated (e.g. 100,1000,5000)")
	prov := fs.String("provider", "bin/terraform-provider-carrierx", "the provider binary")
	floor := fs.String("floor", "bin/carrierx-bench-floor", "the no-network build (go build ./cmd/carrierx-bench/floor)")
	five := fs.String("five", "bin/carrierx-bench-five", "the five-attribute provider (go build ./cmd/carrierx-bench/fiveattr)")
	tfPath := fs.String("terraform", "", "the terraform binary (default: terraform on PATH; never downloaded)")
	kinds := fs.String("kinds", "carrierx,carrierx-floor,five-attribute,terraform_data", "what to run, comma-separated")
	ops := fs.String("ops", "", "operations to run, comma-separated (default all: apply-create,plan,apply-update,refresh-only,destroy)")
	jsonOut := fs.String("json", "", "also write the report as JSON to this file (- for stdout, then no table)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg := bench.Config{Provider: *prov, Floor: *floor, Five: *five, Terraform: *tfPath, Progress: stderr}
	var err error
	if cfg.Ns, err = bench.ParseNs(*ns); err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-bench:", err)
		return 2
	}
	if *ops != "" {
		if cfg.Ops, err = bench.ParseOps(*ops); err != nil {
			_, _ = fmt.Fprintln(stderr, "carrierx-bench:", err)
			return 2
		}
	}
	for _, k := range strings.Split(*kinds, ",") {
		if !isKind(bench.Kind(k)) {
			_, _ = fmt.Fprintf(stderr, "carrierx-bench: unknown kind %q (carrierx, carrierx-floor, five-attribute, terraform_data)\n", k)
			return 2
		}
		cfg.Kinds = append(cfg.Kinds, bench.Kind(k))
	}
	if cfg.Terraform == "" {
		if cfg.Terraform, err = exec.LookPath("terraform"); err != nil {
			_, _ = fmt.Fprintln(stderr, "carrierx-bench: no terraform binary on PATH. Install Terraform 1.11 or newer (the benchmark runs the real CLI and never downloads one), or give -terraform.")
			return 2
		}
	}
	for _, p := range []struct {
		kind bench.Kind
		path string
	}{{bench.KindProvider, cfg.Provider}, {bench.KindFloor, cfg.Floor}, {bench.KindFive, cfg.Five}} {
		if wants(cfg.Kinds, p.kind) {
			if _, err := os.Stat(p.path); err != nil {
				_, _ = fmt.Fprintf(stderr, "carrierx-bench: %s binary: %v (make bench builds it)\n", p.kind, err)
				return 2
			}
		}
	}
	rep, err := bench.Measure(ctx, cfg)
	if ctx.Err() != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-bench: interrupted (the provider, the emulator and the temporary directories are gone)")
		return 1
	}
	if err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-bench:", err)
		return 1
	}
	if *jsonOut == "-" {
		if err := rep.WriteJSON(stdout); err != nil {
			_, _ = fmt.Fprintln(stderr, "carrierx-bench:", err)
			return 1
		}
		return 0
	}
	if err := rep.WriteTable(stdout); err != nil {
		_, _ = fmt.Fprintln(stderr, "carrierx-bench:", err)
		return 1
	}
	if *jsonOut != "" {
		f, err := os.Create(*jsonOut)
		if err == nil {
			err = rep.WriteJSON(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			_, _ = fmt.Fprintln(stderr, "carrierx-bench:", err)
			return 1
		}
		_, _ = fmt.Fprintln(stdout, "JSON:", *jsonOut)
	}
	return 0
}

func isKind(k bench.Kind) bool { return wants(bench.Kinds, k) }

func wants(ks []bench.Kind, k bench.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}
