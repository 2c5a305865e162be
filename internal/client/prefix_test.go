package client

import (
	"context"
	"strings"
	"testing"
)

const prefixSample = `{"attributes": {}, "callback_url": null, "lrn_sid": null, "name": "N/A", "partner_sid": "0b1c2d3e-0000-4000-8000-0000000000aa", "prefix": "1555012", "prefix_sid": "0b1c2d3e-0000-4000-8000-0000000000f1", "source_trunk_group_sid": null, "string_key_1": null, "string_key_2": null, "transformations": [], "trunk_group_sid": null}`

func TestPrefixCRUD(t *testing.T) {
	const sid = "0b1c2d3e-0000-4000-8000-0000000000f1"
	const tg = "0b1c2d3e-0000-4000-8000-0000000000b1"
	p := "/core/v2/phonenumber/prefixes"
	updated := strings.NewReplacer(`"trunk_group_sid": null`, `"trunk_group_sid": "`+tg+`"`,
		`"attributes": {}`, `"attributes": {"team": "voice", "n": 3}`,
		`"transformations": []`, `"transformations": [{"action": "set_ani", "direction": "outbound", "operands": ["15550100"]}]`).Replace(prefixSample)
	rec := &didGroupRecorder{answers: map[string]string{
		"POST " + p:               prefixSample,
		"GET " + p + "/" + sid:    prefixSample,
		"PATCH " + p + "/" + sid:  updated,
		"DELETE " + p + "/" + sid: "",
		"GET " + p:                `{"count":1,"has_more":false,"items":[` + prefixSample + `],"limit":1000,"offset":0,"pagination":{},"total":1}`,
	}}
	c, _ := newTestClient(t, newServer(t, rec.handler(t)).URL, nil)
	ctx := context.Background()

	px, err := Objects[Prefix](c, PrefixKind).Create(ctx, map[string]any{"prefix": "1555012"})
	if err != nil || px.PrefixSID != sid || px.Prefix != "1555012" || *px.Name != "N/A" || px.TrunkGroupSID != nil ||
		px.LRNSID != nil || px.StringKey1 != nil || len(px.Attributes) != 0 || compactJSON(px.Transformations) != "[]" {
		t.Fatalf("CreatePrefix = %+v, %v", px, err)
	}
	if _, err := Objects[Prefix](c, PrefixKind).Get(ctx, sid); err != nil {
		t.Fatal(err)
	}
	px, err = Objects[Prefix](c, PrefixKind).Update(ctx, sid, map[string]any{"trunk_group_sid": tg})
	if err != nil || px.TrunkGroupSID == nil || *px.TrunkGroupSID != tg || px.Attributes["n"] != float64(3) ||
		compactJSON(px.Transformations) != `[{"action":"set_ani","direction":"outbound","operands":["15550100"]}]` {
		t.Fatalf("UpdatePrefix = %+v, %v", px, err)
	}
	if err := Objects[Prefix](c, PrefixKind).Delete(ctx, sid); err != nil {
		t.Fatal(err)
	}
	all, err := Objects[Prefix](c, PrefixKind).List(ctx, ListOptions{Order: "prefix desc"})
	if err != nil || len(all) != 1 {
		t.Fatalf("ListPrefixes = %+v, %v", all, err)
	}
	if err := Objects[Prefix](c, PrefixKind).Delete(ctx, "gone"); !IsNotFound(err) {
		t.Fatalf("DeletePrefix unknown = %v, want a 404", err)
	}
	want := strings.Join([]string{
		"POST " + p + ` {"prefix":"1555012"}`,
		"GET " + p + "/" + sid,
		"PATCH " + p + "/" + sid + ` {"trunk_group_sid":"` + tg + `"}`,
		"DELETE " + p + "/" + sid,
		"GET " + p + `?limit=1000&offset=0&order=prefix+desc`,
		"DELETE " + p + "/gone",
		"GET " + p + `?filter=prefix_sid+eq+%22gone%22&include_fields=prefix_sid&limit=1&offset=0`,
	}, "\n")
	if got := rec.all(); got != want {
		t.Fatalf("requests:\n%s\nwant:\n%s", got, want)
	}
}
