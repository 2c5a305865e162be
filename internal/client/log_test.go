package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

func TestRedactJSON(t *testing.T) {
	in := `{"name":"ep","out_sip_password":"s1","voip_token":"s2","count":12345678901234567890,
	"addresses":[{"ip":"1.2.3.4","sip_password":"s3","sip_username":"u"}],
	"properties":{"login":"l","password":"s4","nested":{"Token":"s5","deep":[{"access_token":"s6"}]}},
	"oauth":{"refresh_token":"s7","client_secret":"s8","token":{"a":"s9"}},
	"billing":{"cc_number":4111111111111111,"cc_cid":"s11","cc_expiration":"022030"},
	"html":"<b>&</b>","empty":null,"password":null}`
	out := string(Redact([]byte(in)))
	for i := 1; i <= 11; i++ {
		if i == 10 {
			continue
		}
		if strings.Contains(out, fmt.Sprintf(`"s%d"`, i)) {
			t.Errorf("secret s%d survived: %s", i, out)
		}
	}
	if strings.Contains(out, "4111111111111111") {
		t.Errorf("numeric card number survived: %s", out)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("not JSON: %v: %s", err, out)
	}
	for _, w := range []string{`"name":"ep"`, `"sip_username":"u"`, `"login":"l"`, `"count":12345678901234567890`,
		`"cc_expiration":"022030"`, `"html":"<b>&</b>"`, `"empty":null`, `"out_sip_password":"***"`, `"password":"***"`} {
		if !strings.Contains(out, w) {
			t.Errorf("missing %s in %s", w, out)
		}
	}
}

func TestRedactNonJSON(t *testing.T) {
	cases := map[string]string{
		`grant_type=password&username=u&password=p4ss&client_secret=c5&x=1`: `grant_type=password&username=u&password=***&client_secret=***&x=1`,
		`{"items":[{"voip_token":"abc","password": "q\"x", "token":12`:      `{"items":[{"voip_token":"***","password": "***", "token":"***"`,
		`plain text`: `plain text`,
		``:           ``,
		`[1,2] [3]`:  `[1,2] [3]`,
	}
	for in, want := range cases {
		if got := string(Redact([]byte(in))); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDebugAndTraceEntries(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		m["endpoint_sid"] = "e1"
		m["voip_token"] = "vt-secret"
		m["properties"] = map[string]any{"login": "lg", "password": "prop-secret"}
		out, _ := json.Marshal(m)
		writeJSON(w, 200, string(out))
	})
	c, rec := newTestClient(t, srv.URL, nil)
	_, err := Objects[Endpoint](c, EndpointKind).Create(context.Background(), map[string]any{
		"type": "third_party", "out_sip_password": "osp-secret",
		"addresses": []map[string]any{{"ip": "1.2.3.4", "sip_password": "addr-secret"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	d := rec.level(LevelDebug)
	if len(d) != 1 {
		t.Fatalf("debug entries = %d", len(d))
	}
	f := d[0].Fields
	if f["method"] != "POST" || f["path"] != "/endpoints" || f["status"] != 200 || f["attempt"] != 1 {
		t.Errorf("debug fields = %v", f)
	}
	if _, ok := f["duration_ms"].(int64); !ok {
		t.Errorf("duration_ms = %T", f["duration_ms"])
	}
	tr := rec.level(LevelTrace)
	if len(tr) != 1 {
		t.Fatalf("trace entries = %d", len(tr))
	}
	reqB, _ := tr[0].Fields["request_body"].(string)
	respB, _ := tr[0].Fields["response_body"].(string)
	if !strings.Contains(reqB, `"type":"third_party"`) || !strings.Contains(respB, `"endpoint_sid":"e1"`) {
		t.Errorf("trace bodies: %s | %s", reqB, respB)
	}
	all := rec.String()
	for _, s := range []string{"osp-secret", "addr-secret", "vt-secret", "prop-secret", testToken, "Authorization", "Bearer"} {
		if strings.Contains(all, s) {
			t.Errorf("log contains %q: %s", s, all)
		}
	}
}

// TestTokenNeverLeaks drives success, API errors (including a server that
// echoes the Authorization header back), retries and transport errors, and
// checks every log field and error string.
func TestTokenNeverLeaks(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		switch r.URL.Path {
		case "/core/v2/ok":
			writeJSON(w, 200, `{"echo":"`+auth+`"}`)
		case "/core/v2/unauth":
			writeJSON(w, 401, `{"message":"bad credentials: `+auth+`","errors":[{"field":"token","message":"`+auth+`","reference_sid":null}]}`)
		case "/core/v2/html":
			w.WriteHeader(http.StatusBadGateway)
			_, _ = io.WriteString(w, strings.Repeat("x", 500)+"<p>"+auth+"</p>")
		case "/core/v2/busy":
			writeJSON(w, 503, `{"message":"busy"}`)
		case "/core/v2/drop":
			conn, _, _ := w.(http.Hijacker).Hijack()
			_ = conn.Close()
		}
	})
	c, rec := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 1 })
	ctx := context.Background()
	var errs []string
	for _, p := range []string{"/ok", "/unauth", "/html", "/busy", "/drop"} {
		for _, m := range []string{"GET", "POST"} {
			if err := c.Do(ctx, m, p, nil, map[string]any{"token": testToken}, nil); err != nil {
				errs = append(errs, err.Error(), fmt.Sprintf("%+v", err))
			}
		}
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	_ = ln.Close()
	c2, rec2 := newTestClient(t, "http://"+addr, nil)
	if err := c2.Do(ctx, "GET", "/x", nil, nil, nil); err != nil {
		errs = append(errs, err.Error())
	}
	if len(errs) < 8 {
		t.Fatalf("expected errors, got %d", len(errs))
	}
	blob := strings.Join(errs, "\n") + rec.String() + rec2.String()
	if strings.Contains(blob, testToken) {
		t.Fatalf("token leaked:\n%s", blob)
	}
	if !strings.Contains(blob, "***") {
		t.Error("expected redaction markers")
	}
}
