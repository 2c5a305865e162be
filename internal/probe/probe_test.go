package probe

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/emulator"
)

const testToken = "probe-test-token-0123456789abcdef"

// Secrets the seeded objects hold; none may reach a report.
const (
	outSIPPassword = "out-sip-secret-4711"
	addrPassword   = "addr-sip-secret-0815"
	attrValue      = "attribute-value-not-printed"
)

// newEmulator serves an emulator with an object of every kind the probe
// looks at, so that no check is left unchecked for want of data. It
// returns the base URL and the secrets held by the objects.
func newEmulator(t *testing.T, opts emulator.Options) (string, []string) {
	t.Helper()
	opts.Token = testToken
	ts := httptest.NewServer(emulator.New(opts))
	t.Cleanup(ts.Close)
	ctl := ts.URL + "/_emulator"
	tr := []any{map[string]any{"action": "set_ani", "direction": "inbound", "operands": []any{"^1(.*)$", "\\1"}}}
	tg := seed(t, ctl, map[string]any{"collection": "trunk_groups", "count": 1,
		"object": map[string]any{"name": "tg", "transformations": tr}})
	seed(t, ctl, map[string]any{"collection": "trunk_groups.trunks", "count": 1, "parent_sid": tg[0],
		"object": map[string]any{"name": "trunk"}})
	seed(t, ctl, map[string]any{"collection": "phonenumber.dids", "count": 1,
		"object": map[string]any{"transformations": tr, "attributes": map[string]any{"k": attrValue}}})
	conf := seed(t, ctl, map[string]any{"collection": "endpoints", "count": 1,
		"object": map[string]any{"name": "conf", "type": "conference"}})
	seed(t, ctl, map[string]any{"collection": "endpoints", "count": 1, "object": map[string]any{
		"name": "pbx", "type": "third_party", "out_sip_username": "pbx-user", "out_sip_password": outSIPPassword,
		"addresses":  []any{map[string]any{"ip": "192.0.2.50", "sip_username": "u", "sip_password": addrPassword}},
		"attributes": map[string]any{"k": attrValue}, "transformations": tr}})

	secrets := []string{testToken, outSIPPassword, addrPassword, attrValue, "pbx-user"}
	var ep map[string]any
	control(t, http.MethodGet, ctl+"/objects/endpoints/"+conf[0], nil, &ep)
	props, _ := ep["properties"].(map[string]any)
	for _, k := range []string{"login", "password", "account_sid"} {
		if s, _ := props[k].(string); s != "" {
			secrets = append(secrets, s)
		}
	}
	var partner map[string]any
	control(t, http.MethodGet, ts.URL+"/core/v2/partners", nil, &partner)
	items, _ := partner["items"].([]any)
	if len(items) == 0 {
		t.Fatal("no seeded partner")
	}
	if login, _ := items[0].(map[string]any)["login"].(string); login != "" {
		secrets = append(secrets, login)
	}
	return ts.URL + "/core/v2", secrets
}

func seed(t *testing.T, ctl string, body map[string]any) []string {
	t.Helper()
	var out struct {
		SIDs []string `json:"sids"`
	}
	control(t, http.MethodPost, ctl+"/seed", body, &out)
	return out.SIDs
}

func control(t *testing.T, method, u string, body, out any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, u, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if strings.Contains(u, "/core/v2") {
		req.Header.Set("Authorization", "Bearer "+testToken)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = res.Body.Close() }()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %d %s", method, u, res.StatusCode, raw)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatal(err)
	}
}

func runProbe(t *testing.T, base string, write bool) (*Report, string) {
	t.Helper()
	rep, err := Run(context.Background(), Config{BaseURL: base, Token: testToken, Write: write})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	return rep, text.String() + "\n" + string(js)
}

func assertNoSecret(t *testing.T, out string, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("the report holds the secret %q", s)
		}
	}
}

// Against the emulator every check is confirmed: the probe and the
// assumptions table agree.
func TestEmulatorConfirmsEveryCheck(t *testing.T) {
	base, secrets := newEmulator(t, emulator.Options{})
	rep, out := runProbe(t, base, true)
	for _, r := range rep.Results {
		if r.Status != Confirmed {
			t.Errorf("%s: %s: %s", r.Name, r.Status, r.Detail)
		}
		if strings.Contains(r.Detail, "not checked") {
			t.Errorf("%s: part not checked: %s", r.Name, r.Detail)
		}
	}
	if len(rep.Results) < 40 || rep.Confirmed != len(rep.Results) || !rep.OK() || len(rep.Leftover) > 0 {
		t.Errorf("report: %d results, %d confirmed, leftover %v", len(rep.Results), rep.Confirmed, rep.Leftover)
	}
	assertNoSecret(t, out, secrets)
	if t.Failed() {
		t.Log(out)
	}
}

// An emulator that deviates on purpose (total always null) is caught by
// list.total, and by nothing else.
func TestDeviationIsContradicted(t *testing.T) {
	base, secrets := newEmulator(t, emulator.Options{TotalAlwaysNull: true})
	rep, out := runProbe(t, base, true)
	for _, r := range rep.Results {
		switch {
		case r.Name == "list.total" && r.Status != Contradicted:
			t.Errorf("list.total: %s: %s", r.Status, r.Detail)
		case r.Name == "list.total" && !strings.Contains(r.Detail, "/endpoints: total a number, got null"):
			t.Errorf("list.total does not say what it saw: %s", r.Detail)
		case r.Name != "list.total" && r.Status != Confirmed:
			t.Errorf("%s: %s: %s", r.Name, r.Status, r.Detail)
		}
	}
	if rep.Contradicted != 1 || rep.OK() {
		t.Errorf("%d contradicted, OK %v", rep.Contradicted, rep.OK())
	}
	assertNoSecret(t, out, secrets)
}

// Read-only, the write checks are reported as not checked and nothing is
// created.
func TestReadOnlyWritesNothing(t *testing.T) {
	base, _ := newEmulator(t, emulator.Options{})
	rep, _ := runProbe(t, base, false)
	for _, r := range rep.Results {
		want := Confirmed
		if strings.HasPrefix(r.Name, "write.") {
			want = NotChecked
		}
		if r.Status != want {
			t.Errorf("%s: %s, want %s: %s", r.Name, r.Status, want, r.Detail)
		}
	}
	var reqs struct {
		Requests []struct{ Method, Path string } `json:"requests"`
	}
	control(t, http.MethodGet, strings.TrimSuffix(base, "/core/v2")+"/_emulator/requests", nil, &reqs)
	for _, r := range reqs.Requests {
		if r.Method != http.MethodGet {
			t.Errorf("read-only probe sent %s %s", r.Method, r.Path)
		}
	}
}

// A check that fails midway still deletes the endpoint it created.
func TestWriteCleansUpAfterFailure(t *testing.T) {
	s := emulator.New(emulator.Options{Token: testToken})
	var sawDelete bool
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPatch {
			// A broken API: PATCH fails, so later checks cannot run.
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = io.WriteString(w, `{"message":"Internal Server Error","errors":[]}`)
			return
		}
		if r.Method == http.MethodDelete {
			sawDelete = true
		}
		s.ServeHTTP(w, r)
	}))
	defer ts.Close()
	rep, err := Run(context.Background(), Config{BaseURL: ts.URL + "/core/v2", Token: testToken, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	if !sawDelete || len(rep.Leftover) > 0 {
		t.Errorf("delete sent %v, leftover %v", sawDelete, rep.Leftover)
	}
	var list struct {
		Items []map[string]any `json:"items"`
	}
	control(t, http.MethodGet, ts.URL+"/core/v2/endpoints", nil, &list)
	for _, e := range list.Items {
		if n, _ := e["name"].(string); strings.HasPrefix(n, "carrierx-probe-") {
			t.Errorf("endpoint %s left behind", n)
		}
	}
}

// An endpoint that cannot be deleted is reported with its SID.
func TestLeftoverReported(t *testing.T) {
	s := emulator.New(emulator.Options{Token: testToken})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodDelete {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, `{"message":"Forbidden","errors":[]}`)
			return
		}
		s.ServeHTTP(w, r)
	}))
	defer ts.Close()
	rep, err := Run(context.Background(), Config{BaseURL: ts.URL + "/core/v2", Token: testToken, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	_ = rep.WriteText(&text)
	if len(rep.Leftover) != 1 || rep.OK() || !strings.Contains(text.String(), "NOT DELETED: endpoint ") {
		t.Errorf("leftover %v, OK %v\n%s", rep.Leftover, rep.OK(), text.String())
	}
}

func TestConnectionErrors(t *testing.T) {
	ts := httptest.NewServer(emulator.New(emulator.Options{Token: testToken}))
	defer ts.Close()
	for name, cfg := range map[string]Config{
		"bad token":   {BaseURL: ts.URL + "/core/v2", Token: "wrong-token"},
		"unreachable": {BaseURL: "http://127.0.0.1:1/core/v2", Token: testToken},
		"not the API": {BaseURL: ts.URL + "/nothing", Token: testToken},
	} {
		_, err := Run(context.Background(), cfg)
		var ce *ConnError
		if !errors.As(err, &ce) {
			t.Errorf("%s: %v, want a ConnError", name, err)
		}
		if err != nil && strings.Contains(err.Error(), testToken) {
			t.Errorf("%s: the error holds the token", name)
		}
	}
}

// A create whose answer is a 500 after the object was stored: the probe
// finds the endpoint by its name and deletes it.
func TestWriteCleansUpLostCreate(t *testing.T) {
	ts := httptest.NewServer(emulator.New(emulator.Options{Token: testToken}))
	defer ts.Close()
	var out map[string]any
	control(t, http.MethodPost, ts.URL+"/_emulator/faults", map[string]any{"method": "POST", "path": "/core/v2/endpoints",
		"count": 1, "status": 500, "when": "after"}, &out)
	rep, err := Run(context.Background(), Config{BaseURL: ts.URL + "/core/v2", Token: testToken, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Results[len(rep.Results)-4].Status != NotChecked || len(rep.Leftover) > 0 {
		t.Errorf("write.create %v, leftover %v", rep.Results[len(rep.Results)-4], rep.Leftover)
	}
	var list struct {
		Items []map[string]any `json:"items"`
	}
	control(t, http.MethodGet, ts.URL+"/core/v2/endpoints", nil, &list)
	if len(list.Items) != 1 {
		t.Errorf("%d endpoints, want only the system gateway", len(list.Items))
	}
}

// A create the API refuses as invalid contradicts the emulator, which
// accepts that body; the later write checks are then not checked.
func TestWriteCreateRefused(t *testing.T) {
	ts := httptest.NewServer(emulator.New(emulator.Options{Token: testToken}))
	defer ts.Close()
	var out map[string]any
	control(t, http.MethodPost, ts.URL+"/_emulator/faults", map[string]any{"method": "POST", "path": "/core/v2/endpoints",
		"count": 1, "status": 422, "message": "object validation error"}, &out)
	rep, err := Run(context.Background(), Config{BaseURL: ts.URL + "/core/v2", Token: testToken, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	w := rep.Results[len(rep.Results)-4:]
	if w[0].Name != "write.create" || w[0].Status != Contradicted || rep.Contradicted != 1 || len(rep.Leftover) > 0 {
		t.Errorf("write.create %+v, %d contradicted, leftover %v", w[0], rep.Contradicted, rep.Leftover)
	}
	for _, r := range w[1:] {
		if r.Status != NotChecked || !strings.Contains(r.Detail, "the create failed") {
			t.Errorf("%+v", r)
		}
	}
}
