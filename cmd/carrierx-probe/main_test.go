package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/emulator"
)

const token = "cmd-test-token-9f8e7d6c5b4a"

func runCmd(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut)
	if strings.Contains(out.String()+errOut.String(), token) {
		t.Errorf("the token was printed")
	}
	return code, out.String(), errOut.String()
}

func TestExitStatus(t *testing.T) {
	good := httptest.NewServer(emulator.New(emulator.Options{Token: token}))
	defer good.Close()
	bad := httptest.NewServer(emulator.New(emulator.Options{Token: token, TotalAlwaysNull: true}))
	defer bad.Close()
	env := func(base string) map[string]string {
		return map[string]string{"CARRIERX_TOKEN": token, "CARRIERX_BASE_URL": base + "/core/v2", "CARRIERX_REQUESTS_PER_SECOND": "0"}
	}

	code, out, errOut := runCmd(t, env(good.URL), "-write")
	if code != 0 || !strings.Contains(out, " 0 contradicted") {
		t.Errorf("emulator: exit %d, want 0\n%s%s", code, out, errOut)
	}
	code, out, _ = runCmd(t, env(bad.URL), "-json")
	var rep struct {
		Contradicted int `json:"contradicted"`
		Results      []struct{ Name, Status string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("-json: %v\n%s", err, out)
	}
	if code != 1 || rep.Contradicted != 1 {
		t.Errorf("total always null: exit %d, %d contradicted, want 1 and 1", code, rep.Contradicted)
	}
	for _, r := range rep.Results {
		if (r.Name == "list.total") != (r.Status == "contradicted") {
			t.Errorf("%s: %s", r.Name, r.Status)
		}
	}

	for name, c := range map[string]struct {
		env  map[string]string
		args []string
	}{
		"no token":     {map[string]string{}, nil},
		"bad flag":     {env(good.URL), []string{"-nope"}},
		"extra arg":    {env(good.URL), []string{"x"}},
		"wrong token":  {map[string]string{"CARRIERX_TOKEN": "wrong", "CARRIERX_BASE_URL": good.URL + "/core/v2"}, nil},
		"unreachable":  {map[string]string{"CARRIERX_TOKEN": token, "CARRIERX_BASE_URL": "http://127.0.0.1:1/core/v2"}, nil},
		"not a URL":    {map[string]string{"CARRIERX_TOKEN": token, "CARRIERX_BASE_URL": "api.carrierx.com"}, nil},
		"negative rps": {env(good.URL), []string{"-rps", "-1"}},
	} {
		if code, _, errOut := runCmd(t, c.env, c.args...); code != 2 || errOut == "" {
			t.Errorf("%s: exit %d, want 2 with a message", name, code)
		}
	}
}
