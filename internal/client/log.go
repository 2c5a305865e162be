package client

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
)

// LogFunc receives client log entries. Fields never contain the
// Authorization header; bodies are passed through Redact first.
type LogFunc func(ctx context.Context, level Level, msg string, fields map[string]any)

// Level of a log entry.
type Level int

const (
	LevelDebug Level = iota // one entry per HTTP attempt
	LevelTrace              // request and response bodies, redacted
)

func (l Level) String() string {
	switch l {
	case LevelDebug:
		return "debug"
	case LevelTrace:
		return "trace"
	}
	return "unknown"
}

const maxTraceBody = 16 << 10

// secretKeys are JSON keys whose values must never reach a log.
var secretKeys = map[string]bool{
	"password": true, "out_sip_password": true, "sip_password": true,
	"access_token": true, "refresh_token": true, "client_secret": true,
	"token": true, "voip_token": true, "cc_number": true, "cc_cid": true,
}

const redacted = "***"

// Redact returns body with the value of every secret key, at any depth,
// replaced by "***". Non-JSON (or truncated) bodies are redacted by pattern:
// "key": "value" pairs and form-style key=value pairs.
func Redact(body []byte) []byte {
	if len(bytes.TrimSpace(body)) == 0 {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err == nil && !dec.More() {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if enc.Encode(redactValue(v)) == nil {
			return bytes.TrimRight(buf.Bytes(), "\n")
		}
	}
	return redactText(body)
}

func redactValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if secretKeys[strings.ToLower(k)] {
				t[k] = redacted
				continue
			}
			t[k] = redactValue(x)
		}
	case []any:
		for i, x := range t {
			t[i] = redactValue(x)
		}
	}
	return v
}

var (
	keyAlt = "(?:" + strings.Join(slices.Sorted(maps.Keys(secretKeys)), "|") + ")"
	// "key": "value" or "key": 123 (also when the body is cut mid-way).
	jsonSecret = regexp.MustCompile(`(?i)("` + keyAlt + `"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,}\]"]+)`)
	// key=value in form bodies and query strings.
	formSecret = regexp.MustCompile(`(?i)((?:^|[&?\s])` + keyAlt + `=)[^&\s]*`)
)

func redactText(b []byte) []byte {
	b = jsonSecret.ReplaceAll(b, []byte(`${1}"***"`))
	return formSecret.ReplaceAll(b, []byte(`${1}***`))
}

// logAttempt logs one attempt: a debug entry, its bodies at trace level,
// and the transfer sizes of uploads and downloads (streamed is the length
// of a streamed answer).
func (c *Client) logAttempt(ctx context.Context, req *request, attempt int, elapsed time.Duration, r result, streamed int64) {
	if c.cfg.Log == nil {
		return
	}
	f := map[string]any{
		"method":      req.method,
		"path":        req.path,
		"status":      r.status,
		"duration_ms": elapsed.Milliseconds(),
		"attempt":     attempt,
	}
	if len(req.query) > 0 {
		f["query"] = c.scrubAll(string(redactText([]byte(req.query.Encode()))), req.secrets)
	}
	if r.err != nil {
		f["error"] = c.scrubAll(r.err.Error(), req.secrets)
	}
	c.cfg.Log(ctx, LevelDebug, "CarrierX API request", f)

	t := map[string]any{"method": req.method, "path": req.path, "status": r.status, "attempt": attempt}
	if len(req.logBody) > 0 {
		t["request_body"] = c.traceBody(req.logBody, req.secrets)
	}
	if len(r.body) > 0 {
		t["response_body"] = c.traceBody(r.body, req.secrets)
	}
	c.cfg.Log(ctx, LevelTrace, "CarrierX API bodies", t)
	if req.sizes == nil && req.sink == nil {
		return
	}
	sizes := map[string]any{"method": req.method, "path": req.path, "attempt": attempt, "response_bytes": len(r.body)}
	if req.sink != nil {
		sizes["response_bytes"] = streamed
	}
	maps.Copy(sizes, req.sizes)
	c.cfg.Log(ctx, LevelTrace, "CarrierX API transfer sizes", sizes)
}

func (c *Client) traceBody(b []byte, secrets []string) string {
	s := c.scrubAll(string(Redact(b)), secrets) // before truncating, so no partial secret survives
	if len(s) > maxTraceBody {
		s = strings.ToValidUTF8(s[:maxTraceBody], "") + "...(truncated)"
	}
	return s
}
