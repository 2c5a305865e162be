package trunk

import (
	"strings"
	"testing"
)

func TestTrunkParseImportID(t *testing.T) {
	const tg, tr = "0b1c2d3e-0000-4000-8000-0000000000b1", "0b1c2d3e-0000-4000-8000-0000000000c1"
	g, s, err := parseImportID(tg + "/" + tr)
	if err != nil || g != tg || s != tr {
		t.Fatalf("parse = %q, %q, %v", g, s, err)
	}
	for _, bad := range []string{"", "abc", "a/b/c", tg, tg + "/", "/" + tr, tg + "/" + tr + "/", tg + "/x", "x/" + tr, tg + " /" + tr} {
		if _, _, err := parseImportID(bad); err == nil || !strings.Contains(err.Error(), "<trunk_group_sid>/<trunk_sid>") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
