package client

import (
	"context"
	"net/http"
	"testing"
	"time"
)

type direction string

func TestQuote(t *testing.T) {
	cases := map[string]string{
		``:              `""`,
		`abc`:           `"abc"`,
		`my endpoint`:   `"my endpoint"`,
		`say "hi"`:      `"say \"hi\""`,
		`C:\dir\`:       `"C:\\dir\\"`,
		`\"`:            `"\\\""`,
		`x" and a eq "`: `"x\" and a eq \""`,
		`it's`:          `"it's"`,
	}
	for in, want := range cases {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestFilterHelpers(t *testing.T) {
	s := "x"
	var nilp *string
	cases := []struct {
		f    Filter
		want string
	}{
		{Eq("name", "my ep"), `name eq "my ep"`},
		{Eq("name", `a"b\c`), `name eq "a\"b\\c"`},
		{Ne("capacity", 0), `capacity ne 0`},
		{Gt("maximum_ttl", int64(40000)), `maximum_ttl gt 40000`},
		{Ge("price", 1.5), `price ge 1.5`},
		{Lt("price", float32(0.25)), `price lt 0.25`},
		{Le("n", uint8(7)), `n le 7`},
		{Ge("big", 1e21), `big ge 1000000000000000000000`},
		{Eq("trunks.allow_transfer", false), `trunks.allow_transfer eq false`},
		{Eq("auth_required", true), `auth_required eq true`},
		{Like("phonenumber", "%555%"), `phonenumber like "%555%"`},
		{ILike("name", "Abc%"), `name ilike "Abc%"`},
		{Bit("capabilities", 4), `capabilities bit 4`},
		{Eq("direction", direction("in bound")), `direction eq "in bound"`},
		{Eq("name", &s), `name eq "x"`},
		{Eq("name", nilp), `name eq null`},
		{Eq("name", nil), `name eq null`},
		{Ge("date_created", time.Date(2020, 3, 15, 1, 2, 3, 0, time.FixedZone("x", 3600))), `date_created ge "2020-03-15T00:02:03.000Z"`},
		{In("type", "third_party", "flex ml", `q"`), `type in ("third_party","flex ml","q\"")`},
		{In("capacity", 1, 2, 3), `capacity in (1,2,3)`},
		{NotIn("country_code", "USA", "CAN"), `country_code notin ("USA","CAN")`},
		{In("x", true, 2.5, "s"), `x in (true,2.5,"s")`},
		{Eq("a", 1).And(Eq("b", "two"), Like("c", "%3")), `a eq 1 and b eq "two" and c like "%3"`},
		{Filter{}.And(Eq("a", 1)), `a eq 1`},
		{Raw(" addresses.ip eq 1.1.2.13 ").And(Eq("type", "conference")), `addresses.ip eq 1.1.2.13 and type eq "conference"`},
		{Raw(""), ``},
		{Filter{}, ``},
	}
	for _, tc := range cases {
		if got := tc.f.String(); got != tc.want {
			t.Errorf("got %s, want %s", got, tc.want)
		}
	}
	// And does not alias the receiver's storage.
	base := Eq("a", 1).And(Eq("b", 2))
	x, y := base.And(Eq("c", 3)), base.And(Eq("d", 4))
	if x.String() != "a eq 1 and b eq 2 and c eq 3" || y.String() != "a eq 1 and b eq 2 and d eq 4" {
		t.Errorf("aliasing: %s | %s", x, y)
	}
}

func TestFilterOnTheWire(t *testing.T) {
	var raw, decoded string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		raw, decoded = r.URL.RawQuery, r.URL.Query().Get("filter")
		writeJSON(w, 200, `{"items":[],"has_more":false}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	f := Eq("name", `a & b "c" \d`).And(In("type", "x", "y"))
	if _, err := Objects[Endpoint](c, EndpointKind).List(context.Background(), ListOptions{Filter: f.String()}); err != nil {
		t.Fatal(err)
	}
	if decoded != `name eq "a & b \"c\" \\d" and type in ("x","y")` {
		t.Errorf("server decoded filter %s (raw %s)", decoded, raw)
	}
}
