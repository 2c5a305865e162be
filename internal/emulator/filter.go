package emulator

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// The filter language: <attr> <op> <value> [and <attr> <op> <value>]...

// Bounds that keep one list request from stalling the others.
const (
	maxFilterLen   = 8 << 10 // bytes of the filter query argument
	maxLikePattern = 1 << 10 // bytes of one like/ilike pattern
)

type tokKind int

const (
	tWord tokKind = iota
	tString
	tLParen
	tRParen
	tComma
)

type ftoken struct {
	kind tokKind
	text string // unquoted text for strings
	pos  int    // 1-based character position in the filter
}

func (t ftoken) String() string {
	switch t.kind {
	case tString:
		return strconv.Quote(t.text)
	default:
		return "'" + t.text + "'"
	}
}

// tokenize splits a filter into words, quoted strings and list
// punctuation. A quote starts a string only at the start of a token, so
// bare words like O'Brien stay words.
func tokenize(s string) ([]ftoken, error) {
	var toks []ftoken
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			toks = append(toks, ftoken{tLParen, "(", i + 1})
			i++
		case r == ')':
			toks = append(toks, ftoken{tRParen, ")", i + 1})
			i++
		case r == ',':
			toks = append(toks, ftoken{tComma, ",", i + 1})
			i++
		case r == '"' || r == '\'':
			start := i
			var b strings.Builder
			i++
			closed := false
			for i < len(rs) {
				c := rs[i]
				if c == '\\' && i+1 < len(rs) && (rs[i+1] == '"' || rs[i+1] == '\'' || rs[i+1] == '\\') {
					b.WriteRune(rs[i+1])
					i += 2
					continue
				}
				if c == r {
					closed = true
					i++
					break
				}
				b.WriteRune(c)
				i++
			}
			if !closed {
				return nil, fmt.Errorf("unterminated quoted value starting at position %d", start+1)
			}
			toks = append(toks, ftoken{tString, b.String(), start + 1})
		default:
			start := i
			for i < len(rs) && !unicode.IsSpace(rs[i]) && rs[i] != '(' && rs[i] != ')' && rs[i] != ',' {
				i++
			}
			toks = append(toks, ftoken{tWord, string(rs[start:i]), start + 1})
		}
	}
	return toks, nil
}

type litKind int

const (
	lString litKind = iota
	lNumber
	lBool
	lNull
)

type literal struct {
	kind litKind
	text string // source text (unquoted)
	num  float64
	b    bool
}

var numberRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

func makeLiteral(t ftoken) literal {
	if t.kind == tString {
		return literal{kind: lString, text: t.text}
	}
	switch strings.ToLower(t.text) {
	case "null":
		return literal{kind: lNull, text: t.text}
	case "true":
		return literal{kind: lBool, text: "true", b: true}
	case "false":
		return literal{kind: lBool, text: "false"}
	}
	if numberRE.MatchString(t.text) {
		f, err := strconv.ParseFloat(t.text, 64)
		if err == nil {
			return literal{kind: lNumber, text: t.text, num: f}
		}
	}
	return literal{kind: lString, text: t.text}
}

type condition struct {
	path []string
	op   string
	lits []literal
	like []rune // like/ilike pattern
	fold bool   // ilike
	bits int64
	lat  float64 // nearby
	lng  float64
}

type filterExpr struct{ conds []condition }

var (
	attrRE    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)
	filterOps = map[string]bool{"eq": true, "ne": true, "gt": true, "ge": true, "lt": true, "le": true,
		"like": true, "ilike": true, "in": true, "notin": true, "bit": true}
)

// parseFilter parses a filter; known tells which top-level attributes exist.
func parseFilter(s string, known func(string) bool) (*filterExpr, error) {
	return parseFilterOpts(s, known, false)
}

// parseFilterOpts also accepts "phonenumber nearby latlng:<lat>,<lng>"
// when nearby is true.
func parseFilterOpts(s string, known func(string) bool, nearby bool) (*filterExpr, error) {
	toks, err := tokenize(s)
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, fmt.Errorf("empty filter")
	}
	p := &fparser{toks: toks, nearby: nearby}
	f := &filterExpr{}
	for {
		c, err := p.condition(known)
		if err != nil {
			return nil, err
		}
		f.conds = append(f.conds, c)
		t, ok := p.next()
		if !ok {
			return f, nil
		}
		if t.kind != tWord || !strings.EqualFold(t.text, "and") {
			return nil, fmt.Errorf("expected 'and' at position %d, found %s (only 'and' can join conditions)", t.pos, t)
		}
		if _, ok := p.peek(); !ok {
			return nil, fmt.Errorf("missing condition after 'and' at position %d", t.pos)
		}
	}
}

type fparser struct {
	toks   []ftoken
	i      int
	nearby bool
}

func (p *fparser) next() (ftoken, bool) {
	if p.i >= len(p.toks) {
		return ftoken{}, false
	}
	p.i++
	return p.toks[p.i-1], true
}

func (p *fparser) peek() (ftoken, bool) {
	if p.i >= len(p.toks) {
		return ftoken{}, false
	}
	return p.toks[p.i], true
}

func (p *fparser) condition(known func(string) bool) (condition, error) {
	var c condition
	at, _ := p.next()
	if at.kind != tWord || !attrRE.MatchString(at.text) {
		return c, fmt.Errorf("expected an attribute name at position %d, found %s", at.pos, at)
	}
	c.path = strings.Split(at.text, ".")
	if !known(c.path[0]) {
		return c, fmt.Errorf("unknown attribute '%s' at position %d", c.path[0], at.pos)
	}
	ot, ok := p.next()
	if !ok {
		return c, fmt.Errorf("missing operator after '%s'", at.text)
	}
	c.op = strings.ToLower(ot.text)
	if c.op == "nearby" && ot.kind == tWord {
		return p.nearbyCondition(c, at, ot)
	}
	if ot.kind != tWord || !filterOps[c.op] {
		return c, fmt.Errorf("unknown operator %s at position %d (known: eq ne gt ge lt le like ilike in notin bit)", ot, ot.pos)
	}
	if c.op == "in" || c.op == "notin" {
		lits, err := p.list(ot)
		if err != nil {
			return c, err
		}
		c.lits = lits
		return c, nil
	}
	vt, ok := p.next()
	if !ok {
		return c, fmt.Errorf("missing value after '%s' at position %d", ot.text, ot.pos)
	}
	if vt.kind != tWord && vt.kind != tString {
		return c, fmt.Errorf("expected a value at position %d, found %s", vt.pos, vt)
	}
	lit := makeLiteral(vt)
	c.lits = []literal{lit}
	switch c.op {
	case "like", "ilike":
		if lit.kind == lNull {
			return c, fmt.Errorf("'%s' needs a pattern, not null (position %d)", c.op, vt.pos)
		}
		if len(lit.text) > maxLikePattern {
			return c, fmt.Errorf("the '%s' pattern at position %d is %d bytes long; the emulator's limit is %d bytes", c.op, vt.pos, len(lit.text), maxLikePattern)
		}
		c.like, c.fold = []rune(lit.text), c.op == "ilike"
	case "bit":
		n, err := strconv.ParseInt(lit.text, 10, 64)
		if lit.kind != lNumber || err != nil {
			return c, fmt.Errorf("'bit' needs an integer value at position %d, found %s", vt.pos, vt)
		}
		c.bits = n
	case "gt", "ge", "lt", "le":
		if lit.kind == lNull {
			return c, fmt.Errorf("'%s' cannot compare with null (position %d)", c.op, vt.pos)
		}
	}
	return c, nil
}

// nearbyCondition parses the value of "phonenumber nearby latlng:<lat>,<lng>"
// (the comma splits it into tokens unless it is quoted).
func (p *fparser) nearbyCondition(c condition, at, ot ftoken) (condition, error) {
	if !p.nearby {
		return c, fmt.Errorf("operator 'nearby' at position %d is not supported here", ot.pos)
	}
	if at.text != "phonenumber" {
		return c, fmt.Errorf("'nearby' applies to phonenumber only (position %d)", at.pos)
	}
	vt, ok := p.next()
	if !ok || (vt.kind != tWord && vt.kind != tString) {
		return c, fmt.Errorf("'nearby' at position %d needs a value like latlng:40.71,-74.00", ot.pos)
	}
	text := vt.text
	if t, ok := p.peek(); ok && vt.kind == tWord && t.kind == tComma {
		p.next()
		w, ok := p.next()
		if !ok || w.kind != tWord {
			return c, fmt.Errorf("'nearby' at position %d needs a value like latlng:40.71,-74.00", ot.pos)
		}
		text += "," + w.text
	}
	rest, ok := strings.CutPrefix(text, "latlng:")
	la, ln, ok2 := strings.Cut(rest, ",")
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(la), 64)
	lng, err2 := strconv.ParseFloat(strings.TrimSpace(ln), 64)
	if !ok || !ok2 || err1 != nil || err2 != nil || lat < -90 || lat > 90 || lng < -180 || lng > 180 {
		return c, fmt.Errorf("'nearby' at position %d needs latlng:<latitude>,<longitude>, found %q", vt.pos, text)
	}
	c.lat, c.lng = lat, lng
	return c, nil
}

// nearbyCond is the first nearby condition, if any.
func (f *filterExpr) nearbyCond() *condition {
	if f == nil {
		return nil
	}
	for i := range f.conds {
		if f.conds[i].op == "nearby" {
			return &f.conds[i]
		}
	}
	return nil
}

// haversine is the great-circle distance in kilometres.
func haversine(lat1, lng1, lat2, lng2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlng := (lat2-lat1)*rad, (lng2-lng1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlng/2)*math.Sin(dlng/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

func (p *fparser) list(ot ftoken) ([]literal, error) {
	lp, ok := p.next()
	if !ok || lp.kind != tLParen {
		return nil, fmt.Errorf("'%s' at position %d needs a parenthesised list like (a, \"b c\", 3)", ot.text, ot.pos)
	}
	var lits []literal
	if t, ok := p.peek(); ok && t.kind == tRParen {
		p.next()
		return lits, nil
	}
	for {
		vt, ok := p.next()
		if !ok {
			return nil, fmt.Errorf("unterminated list starting at position %d", lp.pos)
		}
		if vt.kind != tWord && vt.kind != tString {
			return nil, fmt.Errorf("expected a list value at position %d, found %s", vt.pos, vt)
		}
		lits = append(lits, makeLiteral(vt))
		sep, ok := p.next()
		if !ok {
			return nil, fmt.Errorf("unterminated list starting at position %d", lp.pos)
		}
		if sep.kind == tRParen {
			return lits, nil
		}
		if sep.kind != tComma {
			return nil, fmt.Errorf("expected ',' or ')' at position %d, found %s", sep.pos, sep)
		}
	}
}

// likeMatch reports whether value matches a like pattern (% any run, _ one
// character, the whole value). It is the iterative two-pointer wildcard
// match: no recursion, no compilation, at most len(value)*len(pattern)
// steps, so a long pattern cannot stall the server.
func likeMatch(pattern []rune, value string, fold bool) bool {
	s := []rune(value)
	fixed := 0 // characters the pattern needs at least
	for _, r := range pattern {
		if r != '%' {
			fixed++
		}
	}
	if fixed > len(s) {
		return false
	}
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && pattern[p] == '%':
			star, mark = p, i
			p++
		case p < len(pattern) && (pattern[p] == '_' || runeEqual(pattern[p], s[i], fold)):
			p++
			i++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '%' {
		p++
	}
	return p == len(pattern)
}

// runeEqual compares two characters, ignoring case (simple Unicode
// folding, as strings.EqualFold) when fold is set.
func runeEqual(a, b rune, fold bool) bool {
	if a == b {
		return true
	}
	if !fold {
		return false
	}
	for r := unicode.SimpleFold(a); r != a; r = unicode.SimpleFold(r) {
		if r == b {
			return true
		}
	}
	return false
}

// match reports whether obj satisfies every condition.
func (f *filterExpr) match(obj map[string]any) bool {
	if f == nil {
		return true
	}
	for _, c := range f.conds {
		if !c.match(obj) {
			return false
		}
	}
	return true
}

// resolve follows a dot path; arrays on the way (and at the end) are
// flattened so a condition holds when any element satisfies it.
func resolve(obj map[string]any, path []string) []any {
	cur := []any{obj}
	for _, seg := range path {
		var next []any
		for _, v := range cur {
			if m, ok := v.(map[string]any); ok {
				x, ok := m[seg]
				if !ok {
					next = append(next, nil)
					continue
				}
				if arr, ok := x.([]any); ok {
					next = append(next, arr...)
				} else {
					next = append(next, x)
				}
			}
		}
		cur = next
	}
	return cur
}

func (c condition) match(obj map[string]any) bool {
	vals := resolve(obj, c.path)
	some := func(pred func(v any) bool) bool {
		for _, v := range vals {
			if pred(v) {
				return true
			}
		}
		return false
	}
	lit := c.lits
	switch c.op {
	case "nearby":
		return true // orders the list; see Server.list
	case "eq":
		return some(func(v any) bool { return litEqual(v, lit[0]) })
	case "ne":
		return !some(func(v any) bool { return litEqual(v, lit[0]) })
	case "in", "notin":
		in := some(func(v any) bool {
			for _, l := range lit {
				if litEqual(v, l) {
					return true
				}
			}
			return false
		})
		return in == (c.op == "in")
	case "gt", "ge", "lt", "le":
		return some(func(v any) bool {
			r, ok := litCompare(v, lit[0])
			if !ok {
				return false
			}
			switch c.op {
			case "gt":
				return r > 0
			case "ge":
				return r >= 0
			case "lt":
				return r < 0
			}
			return r <= 0
		})
	case "like", "ilike":
		return some(func(v any) bool { return v != nil && likeMatch(c.like, stringify(v), c.fold) })
	case "bit":
		return some(func(v any) bool {
			n, ok := toInt64(v)
			if !ok {
				if s, isStr := v.(string); isStr {
					i, err := strconv.ParseInt(s, 10, 64)
					n, ok = i, err == nil
				}
			}
			return ok && n&c.bits == c.bits
		})
	}
	return false
}

// numericValue is the number a stored value stands for: JSON numbers, and
// strings that spell a decimal number (money is serialized as strings).
func numericValue(v any) (float64, bool) {
	if f, ok := toNumber(v); ok {
		return f, true
	}
	if s, ok := v.(string); ok && numberRE.MatchString(s) {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil && !math.IsInf(f, 0)
	}
	return 0, false
}

func stringify(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case json.Number:
		return t.String()
	case int:
		return strconv.Itoa(t)
	case int64:
		return strconv.FormatInt(t, 10)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(t)
	case nil:
		return "null"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func litEqual(v any, l literal) bool {
	if l.kind == lNull || v == nil {
		return l.kind == lNull && v == nil
	}
	if l.kind == lNumber {
		if f, ok := numericValue(v); ok {
			return f == l.num
		}
	}
	if b, ok := v.(bool); ok && l.kind == lBool {
		return b == l.b
	}
	return stringify(v) == l.text
}

func litCompare(v any, l literal) (int, bool) {
	if v == nil || l.kind == lNull {
		return 0, false
	}
	if l.kind == lNumber {
		if f, ok := numericValue(v); ok {
			switch {
			case f < l.num:
				return -1, true
			case f > l.num:
				return 1, true
			}
			return 0, true
		}
	}
	return strings.Compare(stringify(v), l.text), true
}
