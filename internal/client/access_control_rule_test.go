package client

import (
	"context"
	"strings"
	"testing"
)

const accessControlRuleSample = `{"entries": ["1900"], "field": "called", "name": "N/A", "operation": "prefix", "quantifier": "any", "read_only": false, "rule_sid": "0b1c2d3e-0000-4000-8000-0000000000e1"}`

func TestAccessControlRuleCRUD(t *testing.T) {
	const sid = "0b1c2d3e-0000-4000-8000-0000000000e1"
	p := "/core/v2/accesscontrol/rules"
	parent := strings.NewReplacer(`"read_only": false`, `"read_only": true`, "e1\"", "e2\"").Replace(accessControlRuleSample)
	rec := &didGroupRecorder{answers: map[string]string{
		"POST " + p:               accessControlRuleSample,
		"GET " + p + "/" + sid:    accessControlRuleSample,
		"PATCH " + p + "/" + sid:  strings.Replace(accessControlRuleSample, `["1900"]`, `["1900", "1976"]`, 1),
		"DELETE " + p + "/" + sid: "",
		"GET " + p:                `{"count":2,"has_more":false,"items":[` + accessControlRuleSample + `,` + parent + `],"limit":1000,"offset":0,"pagination":{},"total":2}`,
	}}
	c, _ := newTestClient(t, newServer(t, rec.handler(t)).URL, nil)
	ctx := context.Background()

	r, err := Objects[AccessControlRule](c, AccessControlRuleKind).Create(ctx, map[string]any{"field": "called", "quantifier": "any", "entries": []string{"1900"}, "operation": "prefix"})
	if err != nil || r.RuleSID != sid || r.Field != "called" || r.Operation != "prefix" || r.Quantifier != "any" ||
		*r.Name != "N/A" || r.ReadOnly || len(r.Entries) != 1 {
		t.Fatalf("CreateAccessControlRule = %+v, %v", r, err)
	}
	if _, err := Objects[AccessControlRule](c, AccessControlRuleKind).Get(ctx, sid); err != nil {
		t.Fatal(err)
	}
	r, err = Objects[AccessControlRule](c, AccessControlRuleKind).Update(ctx, sid, map[string]any{"entries": []string{"1900", "1976"}})
	if err != nil || len(r.Entries) != 2 {
		t.Fatalf("UpdateAccessControlRule = %+v, %v", r, err)
	}
	if err := Objects[AccessControlRule](c, AccessControlRuleKind).Delete(ctx, sid); err != nil {
		t.Fatal(err)
	}
	all, err := Objects[AccessControlRule](c, AccessControlRuleKind).List(ctx, ListOptions{})
	if err != nil || len(all) != 2 || all[0].ReadOnly || !all[1].ReadOnly {
		t.Fatalf("ListAccessControlRules = %+v, %v", all, err)
	}
	if _, err := Objects[AccessControlRule](c, AccessControlRuleKind).Get(ctx, "x"); !IsNotFound(err) {
		t.Fatalf("GetAccessControlRule unknown = %v, want a 404", err)
	}
	want := strings.Join([]string{
		"POST " + p + ` {"entries":["1900"],"field":"called","operation":"prefix","quantifier":"any"}`,
		"GET " + p + "/" + sid,
		"PATCH " + p + "/" + sid + ` {"entries":["1900","1976"]}`,
		"DELETE " + p + "/" + sid,
		"GET " + p + `?limit=1000&offset=0`,
		"GET " + p + "/x",
		// A 404 is believed only once the collection answers without it.
		"GET " + p + `?filter=rule_sid+eq+%22x%22&include_fields=rule_sid&limit=1&offset=0`,
	}, "\n")
	if got := rec.all(); got != want {
		t.Fatalf("requests:\n%s\nwant:\n%s", got, want)
	}
}
