package client

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Filter is a conjunction of conditions for the "filter" query argument.
// The API supports only "and"; the zero Filter matches everything.
type Filter struct {
	conds []string
}

// Quote double-quotes v for a filter, backslash-escaping `"` and `\`.
func Quote(v string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(v) + `"`
}

// Raw wraps a hand-written condition so it can be combined with And.
func Raw(expr string) Filter {
	if strings.TrimSpace(expr) == "" {
		return Filter{}
	}
	return Filter{conds: []string{strings.TrimSpace(expr)}}
}

func cond(attr, op string, v any) Filter {
	return Filter{conds: []string{attr + " " + op + " " + literal(v)}}
}

// Eq, Ne, Gt, Ge, Lt, Le, Like, ILike and Bit build one condition
// `attr <op> value`; strings are quoted, numbers and booleans are bare.
func Eq(attr string, v any) Filter    { return cond(attr, "eq", v) }
func Ne(attr string, v any) Filter    { return cond(attr, "ne", v) }
func Gt(attr string, v any) Filter    { return cond(attr, "gt", v) }
func Ge(attr string, v any) Filter    { return cond(attr, "ge", v) }
func Lt(attr string, v any) Filter    { return cond(attr, "lt", v) }
func Le(attr string, v any) Filter    { return cond(attr, "le", v) }
func Like(attr string, v any) Filter  { return cond(attr, "like", v) }
func ILike(attr string, v any) Filter { return cond(attr, "ilike", v) }
func Bit(attr string, v any) Filter   { return cond(attr, "bit", v) }

// In renders `attr in ("a","b")`; the list syntax is unverified against
// the live API (CarrierX docs, Core API, Conventions), this is the emulator's assumption.
func In(attr string, vs ...any) Filter    { return list(attr, "in", vs) }
func NotIn(attr string, vs ...any) Filter { return list(attr, "notin", vs) }

func list(attr, op string, vs []any) Filter {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = literal(v)
	}
	return Filter{conds: []string{attr + " " + op + " (" + strings.Join(parts, ",") + ")"}}
}

// And returns f combined with every g.
func (f Filter) And(g ...Filter) Filter {
	out := Filter{conds: append([]string(nil), f.conds...)}
	for _, x := range g {
		out.conds = append(out.conds, x.conds...)
	}
	return out
}

func (f Filter) String() string { return strings.Join(f.conds, " and ") }

// literal renders numbers and booleans bare and everything else quoted, so
// no value can inject an operator or an "and".
func literal(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case string:
		return Quote(t)
	case json.Number:
		if _, err := strconv.ParseFloat(t.String(), 64); err == nil {
			return t.String()
		}
		return Quote(t.String())
	case time.Time:
		return Quote(t.UTC().Format("2006-01-02T15:04:05.000Z"))
	case fmt.Stringer:
		return Quote(t.String())
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			return "null"
		}
		return literal(rv.Elem().Interface())
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(rv.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return Quote(strconv.FormatFloat(f, 'g', -1, 64))
		}
		return strconv.FormatFloat(f, 'f', -1, rv.Type().Bits())
	case reflect.String:
		return Quote(rv.String())
	}
	return Quote(fmt.Sprint(v))
}
