package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// Op is one Terraform operation of a run, in the order they run.
type Op string

const (
	OpCreate  Op = "apply-create"
	OpPlan    Op = "plan"
	OpUpdate  Op = "apply-update"
	OpRefresh Op = "refresh-only"
	OpDestroy Op = "destroy"
)

// Ops is the sequence every run goes through.
var Ops = []Op{OpCreate, OpPlan, OpUpdate, OpRefresh, OpDestroy}

// Kind names what Terraform manages in a run.
type Kind string

const (
	KindProvider Kind = "carrierx"       // the provider against the emulator over HTTP
	KindFloor    Kind = "carrierx-floor" // same provider, the emulator in its process, no socket
	KindFive     Kind = "five-attribute" // a framework provider of one five-attribute resource, no network
	KindData     Kind = "terraform_data" // Terraform alone
)

// Kinds is the order runs are made and printed in.
var Kinds = []Kind{KindProvider, KindFloor, KindFive, KindData}

// OpResult is one operation's measurements.
type OpResult struct {
	Op          Op      `json:"op"`
	WallSeconds float64 `json:"wall_seconds"`
	// TerraformCPUSeconds is the terraform process's own CPU time.
	TerraformCPUSeconds float64 `json:"terraform_cpu_seconds"`
	// ProviderCPUSeconds is the provider's CPU time during this operation
	// (from /proc; absent for terraform_data or off Linux).
	ProviderCPUSeconds *float64 `json:"provider_cpu_seconds,omitempty"`
	// Requests and Expected are the emulator's log of the operation and
	// what one request per resource per step gives; Mismatch is "" when
	// they agree.
	Requests *Tally `json:"requests,omitempty"`
	Expected *Tally `json:"expected,omitempty"`
	Mismatch string `json:"mismatch,omitempty"`
}

// Run is one kind at one N, through every Op.
type Run struct {
	N        int        `json:"n"`
	Kind     Kind       `json:"kind"`
	Ops      []OpResult `json:"ops"`
	Provider *Usage     `json:"provider,omitempty"` // whole run, from rusage after exit
}

// Machine says where the figures come from.
type Machine struct {
	CPUs      int    `json:"cpus"`
	CPUModel  string `json:"cpu_model"`
	Go        string `json:"go"`
	Terraform string `json:"terraform"`
	Commit    string `json:"commit,omitempty"`
	Time      string `json:"time"`
}

// Report is the whole benchmark; its JSON is what scripts compare.
type Report struct {
	Machine Machine `json:"machine"`
	// EmulatorGetsPerSecond: simple GETs over real HTTP, 10 concurrent clients.
	EmulatorGetsPerSecond float64 `json:"emulator_gets_per_second"`
	Runs                  []Run   `json:"runs"`
	Goals                 []Goal  `json:"goals"` // filled by Measure
}

func (r *Report) find(n int, k Kind) *Run {
	for i := range r.Runs {
		if r.Runs[i].N == n && r.Runs[i].Kind == k {
			return &r.Runs[i]
		}
	}
	return nil
}

func (r *Run) op(o Op) *OpResult {
	for i := range r.Ops {
		if r.Ops[i].Op == o {
			return &r.Ops[i]
		}
	}
	return nil
}

// WriteJSON writes the report, indented.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes the report for a person: one line per N and operation,
// the wall time of each kind, the provider's ratio to its floor, and the
// provider's requests against one per resource per step.
func (r *Report) WriteTable(w io.Writer) error {
	m := r.Machine
	ew := &errWriter{w: w}
	w = ew
	_, _ = fmt.Fprintf(w, "machine: %d CPUs, %s; %s; %s; commit %s; %s\n", m.CPUs, m.CPUModel, m.Go, m.Terraform, m.Commit, m.Time)
	_, _ = fmt.Fprintf(w, "emulator: %.0f simple GETs/s (10 concurrent clients, real HTTP)\n\n", r.EmulatorGetsPerSecond)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	_, _ = fmt.Fprintln(tw, "N\top\tcarrierx s\tfloor s\tfive-attr s\tterraform_data s\tx floor\tx five-attr\tx tf_data\tprovider cpu s\tfloor cpu s\tfive-attr cpu s\tterraform cpu s (carrierx/five-attr)\trequests (GET/POST/PATCH/DELETE/list+other)\t")
	var ns []int
	for _, run := range r.Runs {
		if len(ns) == 0 || ns[len(ns)-1] != run.N {
			ns = append(ns, run.N)
		}
	}
	for _, n := range ns {
		p, f, v, d := r.find(n, KindProvider), r.find(n, KindFloor), r.find(n, KindFive), r.find(n, KindData)
		for _, o := range Ops {
			po, fo, vo, do := opOf(p, o), opOf(f, o), opOf(v, o), opOf(d, o)
			_, _ = fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s/%s\t%s\t\n", n, o,
				wall(po), wall(fo), wall(vo), wall(do), ratio(po, fo), ratio(po, vo), ratio(po, do),
				cpu(po), cpu(fo), cpu(vo), tfCPU(po), tfCPU(vo), requests(po))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, _ = fmt.Fprintln(w)
	for _, run := range r.Runs {
		if run.Provider != nil {
			_, _ = fmt.Fprintf(w, "N=%d %s: provider peak RSS %.1f MB, CPU %.2f s over the operations run\n",
				run.N, run.Kind, float64(run.Provider.PeakRSSBytes)/(1<<20), run.Provider.CPUSeconds)
		}
	}
	_, _ = fmt.Fprintln(w)
	for _, g := range r.Goals {
		verdict := "not measured"
		if g.Met != nil {
			verdict = map[bool]string{true: "met", false: "NOT MET"}[*g.Met]
		}
		if g.Value != "" {
			verdict += " (" + g.Value + ")"
		}
		_, _ = fmt.Fprintf(w, "goal: %s: %s\n", g.Goal, verdict)
	}
	return ew.err
}

func opOf(r *Run, o Op) *OpResult {
	if r == nil {
		return nil
	}
	return r.op(o)
}

func wall(o *OpResult) string {
	if o == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", o.WallSeconds)
}

func ratio(a, b *OpResult) string {
	if a == nil || b == nil || b.WallSeconds == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", a.WallSeconds/b.WallSeconds)
}

func cpu(o *OpResult) string {
	if o == nil || o.ProviderCPUSeconds == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", *o.ProviderCPUSeconds)
}

func tfCPU(o *OpResult) string {
	if o == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", o.TerraformCPUSeconds)
}

func requests(o *OpResult) string {
	if o == nil {
		return "-"
	}
	if o.Requests == nil {
		if o.Mismatch != "" {
			return "- MISMATCH: " + o.Mismatch // a plan not empty after apply, of a kind without a request log
		}
		return "-"
	}
	t := o.Requests
	s := fmt.Sprintf("%d/%d/%d/%d/%d+%d", t.Get, t.Post, t.Patch, t.Delete, t.List, t.Other)
	if o.Mismatch != "" {
		return s + " MISMATCH: " + o.Mismatch
	}
	return s + " ok"
}

// ParseOps reads "apply-create,plan": operations of Ops, which always
// include apply-create (the others need the resources it makes). The
// emulator goes with its run, so no destroy is needed to clean up.
func ParseOps(s string) ([]Op, error) {
	var ops []Op
	for _, f := range strings.Split(s, ",") {
		op := Op(strings.TrimSpace(f))
		if !slices.Contains(Ops, op) {
			return nil, fmt.Errorf("-ops: unknown operation %q (apply-create, plan, apply-update, refresh-only, destroy)", f)
		}
		ops = append(ops, op)
	}
	if !slices.Contains(ops, OpCreate) {
		return nil, fmt.Errorf("-ops: %q leaves out apply-create, which makes the resources the others work on", s)
	}
	return ops, nil
}

// ParseNs reads "100,1000,5000".
func ParseNs(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		var n int
		if _, err := fmt.Sscan(strings.TrimSpace(f), &n); err != nil || n <= 0 {
			return nil, fmt.Errorf("-n: %q is not a positive number", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// errWriter keeps the first write error, so a table of many lines checks
// once (WriteTable returns it) instead of after every line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
