package emulator

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string // kind:text
	}{
		{`name eq "a b"`, []string{"w:name", "w:eq", "s:a b"}},
		{`name eq 'a "b"'`, []string{"w:name", "w:eq", `s:a "b"`}},
		{`name eq "say \"hi\""`, []string{"w:name", "w:eq", `s:say "hi"`}},
		{`name eq 'it\'s'`, []string{"w:name", "w:eq", `s:it's`}},
		{`name eq "back\\slash"`, []string{"w:name", "w:eq", `s:back\slash`}},
		{`name eq "keep\d"`, []string{"w:name", "w:eq", `s:keep\d`}},
		{`name eq O'Brien`, []string{"w:name", "w:eq", `w:O'Brien`}},
		{`name eq ""`, []string{"w:name", "w:eq", `s:`}},
		{`type in(a,"b c" , 3)`, []string{"w:type", "w:in", "(", "w:a", ",", "s:b c", ",", "w:3", ")"}},
		{"  a\teq\n1  ", []string{"w:a", "w:eq", "w:1"}},
	}
	for _, c := range cases {
		toks, err := tokenize(c.in)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		var got []string
		for _, tk := range toks {
			switch tk.kind {
			case tWord:
				got = append(got, "w:"+tk.text)
			case tString:
				got = append(got, "s:"+tk.text)
			default:
				got = append(got, tk.text)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q want %q", c.in, got, c.want)
		}
	}
	for _, bad := range []string{`name eq "open`, `name eq 'open`, `name eq "x\"`} {
		if _, err := tokenize(bad); err == nil || !strings.Contains(err.Error(), "unterminated") {
			t.Errorf("%q: err %v", bad, err)
		}
	}
}

func testObjects(t *testing.T) []map[string]any {
	raw := `[
	 {"name":"alpha one","type":"third_party","capacity":5,"flags":6,"balance":"351.52","auth_required":true,"out_sip_username":null,
	  "addresses":[{"ip":"1.1.2.13","port":5060},{"ip":"10.0.0.1","port":5070}],"properties":{"login":"user1"},
	  "date_created":"2020-03-15T10:00:00.000Z","tags":["a","b"]},
	 {"name":"Beta","type":"flexml","capacity":10,"flags":1,"balance":"99","auth_required":false,"out_sip_username":"u",
	  "addresses":[],"properties":{},"date_created":"2020-03-16T00:00:00.000Z","tags":[]},
	 {"name":"say \"hi\"","type":"conference","capacity":0,"flags":7,"balance":"100","auth_required":true,"out_sip_username":null,
	  "addresses":[{"ip":"1.1.2.14","port":5060}],"properties":{"login":"it's"},"date_created":"2020-03-14T00:00:00.000Z","tags":["b"]}
	]`
	var v []any
	d := json.NewDecoder(strings.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, x := range v {
		out = append(out, x.(map[string]any))
	}
	return out
}

func TestFilterEval(t *testing.T) {
	objs := testObjects(t)
	known := func(a string) bool {
		_, ok := objs[0][a]
		return ok
	}
	cases := map[string]string{ // filter -> indexes matched
		`name eq "alpha one"`:         "0",
		`name eq 'alpha one'`:         "0",
		`name eq Beta`:                "1",
		`name eq beta`:                "",
		`name ne Beta`:                "02",
		`name eq "say \"hi\""`:        "2",
		`properties.login eq 'it\'s'`: "2",
		`properties.login eq null`:    "1",
		`out_sip_username eq null`:    "02",
		`out_sip_username ne null`:    "1",
		`auth_required eq true`:       "02",
		`auth_required eq false`:      "1",
		`capacity gt 5`:               "1",
		`capacity ge 5`:               "01",
		`capacity lt 5`:               "2",
		`capacity le 5`:               "02",
		`capacity eq 10`:              "1",
		`capacity eq "10"`:            "1",
		`capacity gt 9.5`:             "1",
		`balance gt 100`:              "0",
		`balance le 100`:              "12",
		`date_created ge 2020-03-15 and date_created lt 2020-03-16T00:00:00`: "0",
		`date_created gt "2020-03-15"`:                                       "01",
		`name like "%a%"`:                                                    "012",
		`name like "B%"`:                                                     "1",
		`name like "b%"`:                                                     "",
		`name ilike "b%"`:                                                    "1",
		`name like "Bet_"`:                                                   "1",
		`name like "Be_"`:                                                    "",
		`name ilike '%ONE'`:                                                  "0",
		`name like "alpha.one"`:                                              "",
		`type in (third_party, "flexml")`:                                    "01",
		`type in(third_party,flexml)`:                                        "01",
		`type notin (third_party, "flexml")`:                                 "2",
		`capacity in (0, 10)`:                                                "12",
		`type in ()`:                                                         "",
		`flags bit 2`:                                                        "02",
		`flags bit 6`:                                                        "02",
		`flags bit 1`:                                                        "12",
		`addresses.ip eq "1.1.2.13"`:                                         "0",
		`addresses.ip eq 1.1.2.14`:                                           "2",
		`addresses.port eq 5070`:                                             "0",
		`addresses.ip ne "1.1.2.13"`:                                         "12",
		`addresses.ip like "1.1.%"`:                                          "02",
		`tags eq b`:                                                          "02",
		`type eq third_party AND capacity eq 5`:                              "0",
		`type eq third_party and capacity eq 6`:                              "",
		`properties.login eq user1 and addresses.ip in ("10.0.0.1")`: "0",
		`name eq and`: "",
	}
	for f, want := range cases {
		expr, err := parseFilter(f, known)
		if err != nil {
			t.Errorf("%q: %v", f, err)
			continue
		}
		got := ""
		for i, o := range objs {
			if expr.match(o) {
				got += string(rune('0' + i))
			}
		}
		if got != want {
			t.Errorf("%q matched %q, want %q", f, got, want)
		}
	}
}

func TestFilterErrors(t *testing.T) {
	known := func(a string) bool { return a == "name" || a == "capacity" || a == "addresses" }
	cases := map[string]string{
		`bogus eq 1`:             "unknown attribute 'bogus'",
		`name`:                   "missing operator",
		`name equals 1`:          "unknown operator",
		`name eq`:                "missing value",
		`name eq "x`:             "unterminated",
		`name eq a or name eq b`: "expected 'and'",
		`name eq a and`:          "missing condition after 'and'",
		`name eq a b`:            "expected 'and'",
		`name in a`:              "parenthesised list",
		`name in (a b)`:          "expected ',' or ')'",
		`name in (a,`:            "unterminated list",
		`capacity bit x`:         "'bit' needs an integer",
		`capacity bit 1.5`:       "'bit' needs an integer",
		`capacity gt null`:       "cannot compare with null",
		`name like null`:         "needs a pattern",
		`"name" eq 1`:            "expected an attribute name",
		`addresses..ip eq 1`:     "expected an attribute name",
		`name eq (`:              "expected a value",
	}
	for f, want := range cases {
		_, err := parseFilter(f, known)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want it to mention %q", f, err, want)
		}
	}
}
