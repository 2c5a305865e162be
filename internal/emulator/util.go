package emulator

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"strconv"
	"time"
)

// newUUID returns a lowercase random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

const (
	alnum  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	lower  = "abcdefghijklmnopqrstuvwxyz0123456789"
	digits = "0123456789"
)

func randString(n int, alphabet string) string {
	out := make([]byte, n)
	max := big.NewInt(int64(len(alphabet)))
	for i := range out {
		k, _ := rand.Int(rand.Reader, max)
		out[i] = alphabet[k.Int64()]
	}
	return string(out)
}

// isoTime is the documented timestamp format: UTC, milliseconds, Z.
func isoTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// now is the emulator's clock: the real time plus what the control API's
// clock route has added, so tests make time pass without waiting.
func (s *Server) now() time.Time { return time.Now().Add(time.Duration(s.clockOffset.Load())) }

// ttlDeadline is date_created plus the seconds of obj[ttlKey]; ok is false
// when the TTL is negative (-1: never) or the values do not parse.
func ttlDeadline(obj map[string]any, ttlKey string) (time.Time, bool) {
	ttl, ok := toInt64(obj[ttlKey])
	if !ok || ttl < 0 {
		return time.Time{}, false
	}
	created, err := time.Parse(time.RFC3339Nano, fmt.Sprint(obj["date_created"]))
	return created.Add(time.Duration(ttl) * time.Second), err == nil
}

// isoNow is the emulator's time in the documented format.
func (s *Server) isoNow() string { return isoTime(s.now()) }

// decodeJSON decodes one JSON value keeping numbers exact (json.Number).
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after JSON value")
	}
	var extra any
	if err := dec.Decode(&extra); err == nil {
		return nil, fmt.Errorf("trailing data after JSON value")
	}
	return v, nil
}

// deepCopy copies a decoded JSON value so stored objects never share
// nested maps or slices with callers.
func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = deepCopy(x)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, x := range t {
			s[i] = deepCopy(x)
		}
		return s
	case []string:
		s := make([]any, len(t))
		for i, x := range t {
			s[i] = x
		}
		return s
	default:
		return v
	}
}

func copyObject(m map[string]any) map[string]any { return deepCopy(m).(map[string]any) }

// jsonEqual compares two JSON values, treating numbers by value.
func jsonEqual(a, b any) bool {
	if fa, ok := toNumber(a); ok {
		fb, ok := toNumber(b)
		return ok && fa == fb
	}
	return reflect.DeepEqual(normalizeJSON(a), normalizeJSON(b))
}

func normalizeJSON(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	out, _ := decodeJSON(b)
	return out
}

// toNumber reports the numeric value of a JSON number (not of strings).
func toNumber(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// toInt64 reports the value of an integral JSON number.
func toInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := strconv.ParseInt(string(n), 10, 64)
		return i, err == nil
	case int:
		return int64(n), true
	case int64:
		return n, true
	case float64:
		if n == float64(int64(n)) {
			return int64(n), true
		}
	}
	return 0, false
}
