package bench

import "fmt"

// Goal is one of the performance goals the benchmark checks (issue 12):
// Met is nil when this run did not measure it (say, no N of 5,000).
type Goal struct {
	Goal  string `json:"goal"`
	Value string `json:"value"`
	Met   *bool  `json:"met"`
}

// The goals' limits.
const (
	goalN            = 1000 // wall-time ratios are judged at this N
	goalRSSN         = 5000
	planPerFloor     = 1.3
	planPerFive      = 2.0
	applyPerFloor    = 1.5
	rssLimitBytes    = 200 << 20
	emulatorGetsGoal = 5000
)

// CheckGoals checks the report against every goal.
func (r *Report) CheckGoals() []Goal {
	var gs []Goal
	ratioGoal := func(o Op, base Kind, limit float64) {
		g := Goal{Goal: fmt.Sprintf("%s of %d within %.1fx %s", o, goalN, limit, base)}
		p, b := opOf(r.find(goalN, KindProvider), o), opOf(r.find(goalN, base), o)
		if p != nil && b != nil && b.WallSeconds > 0 {
			x := p.WallSeconds / b.WallSeconds
			g.Value, g.Met = fmt.Sprintf("%.2fx (%.2f s / %.2f s)", x, p.WallSeconds, b.WallSeconds), met(x <= limit)
		}
		gs = append(gs, g)
	}
	ratioGoal(OpPlan, KindFloor, planPerFloor)
	ratioGoal(OpPlan, KindFive, planPerFive)
	for _, o := range []Op{OpCreate, OpUpdate, OpDestroy} {
		ratioGoal(o, KindFloor, applyPerFloor)
	}

	req := Goal{Goal: "one request per resource per create, read, update and delete, at every N"}
	for _, run := range r.Runs {
		if run.Kind != KindProvider {
			continue
		}
		for _, o := range run.Ops {
			if o.Requests == nil {
				continue
			}
			if req.Met == nil {
				req.Met, req.Value = met(true), "exact"
			}
			if o.Mismatch != "" {
				req.Met, req.Value = met(false), fmt.Sprintf("N=%d %s: %s", run.N, o.Op, o.Mismatch)
			}
		}
	}
	gs = append(gs, req)

	rss := Goal{Goal: fmt.Sprintf("provider peak RSS under %d MB at %d resources", rssLimitBytes>>20, goalRSSN),
		Value: fmt.Sprintf(`make bench BENCH_FLAGS="-n %d" measures it`, goalRSSN)}
	if p := r.find(goalRSSN, KindProvider); p != nil && p.Provider != nil {
		rss.Value, rss.Met = fmt.Sprintf("%.1f MB", float64(p.Provider.PeakRSSBytes)/(1<<20)), met(p.Provider.PeakRSSBytes < rssLimitBytes)
	}
	gs = append(gs, rss)

	em := Goal{Goal: fmt.Sprintf("emulator serves at least %d simple GETs per second", emulatorGetsGoal)}
	if r.EmulatorGetsPerSecond > 0 {
		em.Value, em.Met = fmt.Sprintf("%.0f", r.EmulatorGetsPerSecond), met(r.EmulatorGetsPerSecond >= emulatorGetsGoal)
	}
	return append(gs, em)
}

func met(b bool) *bool { return &b }
