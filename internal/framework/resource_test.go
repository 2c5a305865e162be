package framework

import (
	"strings"
	"testing"
)

// The import ID of an object under a parent is two SIDs joined by a slash,
// nothing else.
func TestParseChildID(t *testing.T) {
	const tg, tr = "0b1c2d3e-0000-4000-8000-0000000000b1", "0b1c2d3e-0000-4000-8000-0000000000c1"
	g, s, err := ParseChildID(tg+"/"+tr, "trunk_group_sid", "trunk_sid")
	if err != nil || g != tg || s != tr {
		t.Fatalf("parse = %q, %q, %v", g, s, err)
	}
	for _, bad := range []string{"", "abc", "a/b/c", tg, tg + "/", "/" + tr, tg + "/" + tr + "/", tg + "/x", "x/" + tr, tg + " /" + tr} {
		if _, _, err := ParseChildID(bad, "trunk_group_sid", "trunk_sid"); err == nil || !strings.Contains(err.Error(), "<trunk_group_sid>/<trunk_sid>") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
