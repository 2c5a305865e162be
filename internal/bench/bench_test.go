package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"
)

func TestFromRusage(t *testing.T) {
	ru := &syscall.Rusage{Maxrss: 150 * 1024, Utime: syscall.Timeval{Sec: 2, Usec: 500000}, Stime: syscall.Timeval{Sec: 1, Usec: 250000}}
	got := fromRusage(ru)
	if got.PeakRSSBytes != 150<<20 {
		t.Errorf("PeakRSSBytes = %d, want %d (Maxrss is in KiB on Linux)", got.PeakRSSBytes, 150<<20)
	}
	if got.CPUSeconds != 3.75 {
		t.Errorf("CPUSeconds = %v, want 3.75 (user + system)", got.CPUSeconds)
	}
}

func TestParseProcStat(t *testing.T) {
	// A command name with a space and a parenthesis; utime 250, stime 50 ticks.
	line := "4242 (terraform-provider (x)) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 12 0 100 0 0\n"
	got, err := parseProcStat(line)
	if err != nil || got != 3.0 {
		t.Fatalf("parseProcStat = %v, %v; want 3.0", got, err)
	}
	if _, err := parseProcStat("4242 (x) S 1 2"); err == nil {
		t.Error("a short line was accepted")
	}
}

func TestCount(t *testing.T) {
	recs := []Record{
		{Method: "GET", Path: "/core/v2/countries/USA"}, // the token check
		{Method: "POST", Path: "/core/v2/endpoints"},
		{Method: "GET", Path: "/core/v2/endpoints/a"},
		{Method: "GET", Path: "/core/v2/endpoints/b"},
		{Method: "PATCH", Path: "/core/v2/endpoints/a"},
		{Method: "DELETE", Path: "/core/v2/endpoints/b"},
		{Method: "GET", Path: "/core/v2/endpoints"},
		{Method: "GET", Path: "/core/v2/endpoints/a/extra"},
	}
	want := Tally{Get: 2, Post: 1, Patch: 1, Delete: 1, List: 1, Other: 2}
	if got := Count(recs); got != want {
		t.Errorf("Count = %+v, want %+v", got, want)
	}
	if got := want.Total(); got != len(recs) {
		t.Errorf("Total = %d, want %d", got, len(recs))
	}
}

func TestExpected(t *testing.T) {
	for _, c := range []struct {
		op    Op
		n, ds int
		want  Tally
	}{
		{OpCreate, 1000, 0, Tally{Post: 1000}},
		{OpPlan, 100, 0, Tally{Get: 100}},
		{OpUpdate, 100, 0, Tally{Get: 100, Patch: 100}},
		{OpRefresh, 1001, 1, Tally{Get: 1001, List: 2}},
		{OpDestroy, 5000, 1, Tally{Get: 5000, Delete: 5000, List: 5}},
	} {
		if got := Expected(c.op, c.n, c.ds); got != c.want {
			t.Errorf("Expected(%s, %d, %d) = %+v, want %+v", c.op, c.n, c.ds, got, c.want)
		}
	}
	if got := Pages(1000); got != 1 {
		t.Errorf("Pages(1000) = %d, want 1", got)
	}
	if m := Mismatch(Tally{Get: 100, Post: 3, Other: 7}, Tally{Get: 100}); m != "POST 3 want 0" {
		t.Errorf("Mismatch = %q (Other is not counted against)", m)
	}
	if m := Mismatch(Tally{Get: 100, Other: 1}, Tally{Get: 100}); m != "" {
		t.Errorf("Mismatch of equal tallies = %q", m)
	}
}

func TestParseReattach(t *testing.T) {
	v, ok := ParseReattach(`	TF_REATTACH_PROVIDERS='{"registry.terraform.io/carrierx/carrierx":{"Protocol":"grpc","Pid":1,"Addr":{"Network":"unix","String":"/tmp/it'"'"'s"}}}'`)
	if !ok || !strings.Contains(v, `"/tmp/it's"`) {
		t.Errorf("ParseReattach = %q, %v", v, ok)
	}
	for _, line := range []string{"Provider started.", `TF_REATTACH_PROVIDERS='{not json'`} {
		if _, ok := ParseReattach(line); ok {
			t.Errorf("ParseReattach(%q) accepted", line)
		}
	}
}

func TestCPUModel(t *testing.T) {
	if got := CPUModel("processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: x\n"); got != "AMD EPYC 7B13" {
		t.Errorf("CPUModel = %q", got)
	}
}

// TestReportJSON pins the keys scripts compare between commits.
func TestReportJSON(t *testing.T) {
	cpu := 1.5
	rep := Report{Machine: Machine{CPUs: 2}, EmulatorGetsPerSecond: 9000, Runs: []Run{
		{N: 100, Kind: KindProvider, Provider: &Usage{PeakRSSBytes: 1 << 20, CPUSeconds: 2},
			Ops: []OpResult{{Op: OpPlan, WallSeconds: 3, ProviderCPUSeconds: &cpu, Requests: &Tally{Get: 100}, Expected: &Tally{Get: 100}}}},
		{N: 100, Kind: KindFloor, Ops: []OpResult{{Op: OpPlan, WallSeconds: 1.5}}},
		{N: 100, Kind: KindFive, Ops: []OpResult{{Op: OpPlan, WallSeconds: 0.5, Mismatch: "plan after apply is not empty"}}},
		{N: 100, Kind: KindData, Ops: []OpResult{{Op: OpPlan, WallSeconds: 1}}},
	}}
	rep.Goals = rep.CheckGoals()
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if got, want := keys(m), []string{"emulator_gets_per_second", "goals", "machine", "runs"}; !reflect.DeepEqual(got, want) {
		t.Errorf("report keys = %v, want %v", got, want)
	}
	run := m["runs"].([]any)[0].(map[string]any)
	if got, want := keys(run), []string{"kind", "n", "ops", "provider"}; !reflect.DeepEqual(got, want) {
		t.Errorf("run keys = %v, want %v", got, want)
	}
	op := run["ops"].([]any)[0].(map[string]any)
	if got, want := keys(op), []string{"expected", "op", "provider_cpu_seconds", "requests", "terraform_cpu_seconds", "wall_seconds"}; !reflect.DeepEqual(got, want) {
		t.Errorf("op keys = %v, want %v", got, want)
	}
	if got, want := keys(run["provider"].(map[string]any)), []string{"cpu_seconds", "peak_rss_bytes"}; !reflect.DeepEqual(got, want) {
		t.Errorf("provider keys = %v, want %v", got, want)
	}
	if op["op"] != "plan" || run["kind"] != "carrierx" {
		t.Errorf("op %v kind %v", op["op"], run["kind"])
	}

	buf.Reset()
	if err := rep.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	if got := requests(&rep.Runs[2].Ops[0]); got != "- MISMATCH: plan after apply is not empty" {
		t.Errorf("a kind without a request log hides its non-empty plan: %q", got)
	}
	// carrierx 3 s, floor 1.5 s, five-attribute 0.5 s, terraform_data 1 s:
	// ratios 2.00, 6.00 and 3.00.
	if !hasLine(buf.String(), "100", "plan", "3.00", "1.50", "0.50", "1.00", "2.00", "6.00", "3.00", "1.50", "-", "-", "0.00/0.00", "100/0/0/0/0+0", "ok") {
		t.Errorf("table:\n%s", buf.String())
	}
}

// TestGoals checks each goal's verdict: met, not met, or not measured when
// the run lacks what it needs.
func TestGoals(t *testing.T) {
	ops := func(wall map[Op]float64) []OpResult {
		var rs []OpResult
		for _, o := range Ops {
			rs = append(rs, OpResult{Op: o, WallSeconds: wall[o]})
		}
		return rs
	}
	prov := ops(map[Op]float64{OpCreate: 30, OpPlan: 10, OpUpdate: 60, OpRefresh: 5, OpDestroy: 50})
	prov[1].Requests, prov[1].Expected = &Tally{Get: 1000}, &Tally{Get: 1000}
	prov[4].Requests, prov[4].Expected = &Tally{Get: 1000, Delete: 999}, &Tally{Get: 1000, Delete: 1000}
	prov[4].Mismatch = "DELETE 999, want 1000"
	rep := Report{EmulatorGetsPerSecond: 4000, Runs: []Run{
		{N: 1000, Kind: KindProvider, Ops: prov, Provider: &Usage{PeakRSSBytes: 50 << 20}},
		{N: 1000, Kind: KindFloor, Ops: ops(map[Op]float64{OpCreate: 30, OpPlan: 9, OpUpdate: 30, OpRefresh: 5, OpDestroy: 50})},
		{N: 1000, Kind: KindFive, Ops: ops(map[Op]float64{OpPlan: 4})},
	}}
	got := map[string]string{}
	for _, g := range rep.CheckGoals() {
		v := "not measured"
		if g.Met != nil {
			v = fmt.Sprint(*g.Met)
		}
		got[g.Goal] = v + ": " + g.Value
	}
	want := map[string]string{
		"plan of 1000 within 1.3x carrierx-floor":                                  "true: 1.11x (10.00 s / 9.00 s)",
		"plan of 1000 within 2.0x five-attribute":                                  "false: 2.50x (10.00 s / 4.00 s)",
		"apply-create of 1000 within 1.5x carrierx-floor":                          "true: 1.00x (30.00 s / 30.00 s)",
		"apply-update of 1000 within 1.5x carrierx-floor":                          "false: 2.00x (60.00 s / 30.00 s)",
		"destroy of 1000 within 1.5x carrierx-floor":                               "true: 1.00x (50.00 s / 50.00 s)",
		"one request per resource per create, read, update and delete, at every N": "false: N=1000 destroy: DELETE 999, want 1000",
		"provider peak RSS under 200 MB at 5000 resources":                         `not measured: make bench BENCH_FLAGS="-n 5000" measures it`,
		"emulator serves at least 5000 simple GETs per second":                     "false: 4000",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("goals:\n got %v\nwant %v", got, want)
	}
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// hasLine reports whether a line of s has exactly these fields.
func hasLine(s string, fields ...string) bool {
	for _, l := range strings.Split(s, "\n") {
		if reflect.DeepEqual(strings.Fields(l), fields) {
			return true
		}
	}
	return false
}

func TestParseNs(t *testing.T) {
	if got, err := ParseNs("100, 1000,5000"); err != nil || !reflect.DeepEqual(got, []int{100, 1000, 5000}) {
		t.Errorf("ParseNs = %v, %v", got, err)
	}
	for _, s := range []string{"", "0", "x", "100,-1"} {
		if _, err := ParseNs(s); err == nil {
			t.Errorf("ParseNs(%q) accepted", s)
		}
	}
}

func TestQuiet(t *testing.T) {
	log := `{"@level":"trace","@message":"calling validator"}
{"@level":"error","@message":"boom"}
{"@level":"debug","@message":"x"}
panic: y`
	if got, want := quiet(log), "{\"@level\":\"error\",\"@message\":\"boom\"}\npanic: y"; got != want {
		t.Errorf("quiet = %q, want %q", got, want)
	}
}

func TestParseOps(t *testing.T) {
	if got, err := ParseOps("apply-create, plan"); err != nil || !reflect.DeepEqual(got, []Op{OpCreate, OpPlan}) {
		t.Errorf("ParseOps = %v, %v", got, err)
	}
	for _, s := range []string{"", "plan", "apply-create,nap"} {
		if _, err := ParseOps(s); err == nil {
			t.Errorf("ParseOps(%q) accepted", s)
		}
	}
}
