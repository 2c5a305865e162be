package probe

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The emulator's assumptions table and the checks name each other: every
// topic a check settles is a row whose "probe:" note names the check, and
// every check a note names exists.
func TestAssumptionsTableNamesTheChecks(t *testing.T) {
	src, err := os.ReadFile("../emulator/doc.go")
	if err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{}
	row := regexp.MustCompile(`(?m)^//\t\| (.+?) \| .*; probe: ([^|]+) \|$`)
	for _, m := range row.FindAllStringSubmatch(string(src), -1) {
		notes[m[1]] = m[2]
	}
	names := map[string]bool{}
	all := map[string]string{}
	for _, c := range readChecks {
		all[c.name] = c.settles
	}
	for _, w := range writeNames {
		all[w.name] = w.settles
	}
	for name, settles := range all {
		names[name] = true
		for _, topic := range strings.Split(settles, "; ") {
			note, ok := notes[topic]
			coveredAll := strings.HasPrefix(name, "filter.") && strings.Contains(note, "filter.eq ... filter.bit")
			switch {
			case !ok:
				t.Errorf("%s settles %q, which is no row with a probe note in the table", name, topic)
			case !strings.Contains(note, name) && !coveredAll:
				t.Errorf("row %q names %q, not %s", topic, note, name)
			}
		}
	}
	for topic, note := range notes {
		for _, n := range strings.Split(note, ", ") {
			n = strings.Fields(n)[0]
			if !names[n] {
				t.Errorf("row %q names an unknown check %q", topic, n)
			}
		}
	}
}
