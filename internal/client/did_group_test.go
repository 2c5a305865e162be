package client

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// didGroupRecorder records the method, path, query and body of each request
// and answers with the canned body for "METHOD path".
type didGroupRecorder struct {
	mu      sync.Mutex
	calls   []string
	answers map[string]string
}

func (rec *didGroupRecorder) handler(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		key := r.Method + " " + r.URL.Path
		rec.mu.Lock()
		call := key
		if r.URL.RawQuery != "" {
			call += "?" + r.URL.RawQuery
		}
		if len(raw) > 0 {
			if r.Header.Get("Content-Type") != "application/json" {
				t.Errorf("%s: Content-Type %q", key, r.Header.Get("Content-Type"))
			}
			call += " " + string(raw)
		}
		rec.calls = append(rec.calls, call)
		rec.mu.Unlock()
		body, ok := rec.answers[key]
		switch {
		case !ok:
			writeJSON(w, 404, `{"message":"no item error","errors":[{"field":null,"message":"cannot find item by sid","reference_sid":null}]}`)
		case body == "":
			w.WriteHeader(http.StatusNoContent)
		default:
			writeJSON(w, 200, body)
		}
	}
}

func (rec *didGroupRecorder) all() string {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return strings.Join(rec.calls, "\n")
}

const didGroupSample = `{"callback_url": null, "did_group_sid": "0b1c2d3e-0000-4000-8000-0000000000d9", "name": "sales-lines", "partner_sid": "0b1c2d3e-0000-4000-8000-0000000000aa", "brand_new_field": 1}`

func TestDIDGroupCRUD(t *testing.T) {
	const sid = "0b1c2d3e-0000-4000-8000-0000000000d9"
	p := "/core/v2/phonenumber/did_groups"
	rec := &didGroupRecorder{answers: map[string]string{
		"POST " + p:               didGroupSample,
		"GET " + p + "/" + sid:    didGroupSample,
		"PATCH " + p + "/" + sid:  strings.Replace(didGroupSample, `"callback_url": null`, `"callback_url": "https://example.org/sms"`, 1),
		"DELETE " + p + "/" + sid: "",
		"GET " + p:                `{"count":1,"has_more":false,"items":[` + didGroupSample + `],"limit":1000,"offset":0,"pagination":{},"total":1}`,
	}}
	c, _ := newTestClient(t, newServer(t, rec.handler(t)).URL, nil)
	ctx := context.Background()

	g, err := Objects[DIDGroup](c, DIDGroupKind).Create(ctx, nil)
	if err != nil || g.DIDGroupSID != sid || g.Name == nil || *g.Name != "sales-lines" || g.CallbackURL != nil || g.PartnerSID == "" {
		t.Fatalf("CreateDIDGroup = %+v, %v", g, err)
	}
	if _, err := Objects[DIDGroup](c, DIDGroupKind).Get(ctx, sid); err != nil {
		t.Fatal(err)
	}
	g, err = Objects[DIDGroup](c, DIDGroupKind).Update(ctx, sid, map[string]any{"callback_url": "https://example.org/sms"})
	if err != nil || g.CallbackURL == nil || *g.CallbackURL != "https://example.org/sms" {
		t.Fatalf("UpdateDIDGroup = %+v, %v", g, err)
	}
	if err := Objects[DIDGroup](c, DIDGroupKind).Delete(ctx, sid); err != nil {
		t.Fatal(err)
	}
	all, err := Objects[DIDGroup](c, DIDGroupKind).List(ctx, ListOptions{Filter: Eq("name", "sales-lines").String()})
	if err != nil || len(all) != 1 || all[0].DIDGroupSID != sid {
		t.Fatalf("ListDIDGroups = %+v, %v", all, err)
	}
	if _, err := Objects[DIDGroup](c, DIDGroupKind).Get(ctx, "00000000-0000-4000-8000-000000000000"); !IsNotFound(err) {
		t.Fatalf("GetDIDGroup unknown = %v, want a 404", err)
	}
	want := strings.Join([]string{
		"POST " + p + " {}",
		"GET " + p + "/" + sid,
		"PATCH " + p + "/" + sid + ` {"callback_url":"https://example.org/sms"}`,
		"DELETE " + p + "/" + sid,
		"GET " + p + `?filter=name+eq+%22sales-lines%22&limit=1000&offset=0`,
		"GET " + p + "/00000000-0000-4000-8000-000000000000",
		"GET " + p + `?filter=did_group_sid+eq+%2200000000-0000-4000-8000-000000000000%22&include_fields=did_group_sid&limit=1&offset=0`,
	}, "\n")
	if got := rec.all(); got != want {
		t.Fatalf("requests:\n%s\nwant:\n%s", got, want)
	}
}

func TestDIDGroupEncodeOmitsUnset(t *testing.T) {
	name := "n"
	b, _ := json.Marshal(DIDGroup{Name: &name})
	if string(b) != `{"name":"n"}` {
		t.Fatalf("encoded %s", b)
	}
}
