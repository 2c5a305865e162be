package client

import (
	"context"
	"strings"
	"testing"
)

const shortenerDomainSample = `{"domain_name": "go.example.net", "domain_sid": "44444444-aaaa-4bbb-8ccc-000000000004", "expired_mode": "redirect_temporary", "expired_page": null, "expired_status_code": null, "minimum_length": 6, "not_found_mode": "redirect_temporary", "not_found_page": null, "not_found_status_code": null, "partner_sid": "22222222-aaaa-4bbb-8ccc-000000000002", "scope": "children", "secure": "disabled", "suffix_pattern": null}`

const shortenerLinkSample = `{"date_accessed": null, "date_created": "2025-01-01T00:00:00.000Z", "destination_url": "https://www.example.org/offer", "domain_sid": "44444444-aaaa-4bbb-8ccc-000000000004", "hits": 0, "link_sid": "55555555-aaaa-4bbb-8ccc-000000000005", "maximum_ttl": -1, "mode": "redirect_temporary", "partner_sid": "22222222-aaaa-4bbb-8ccc-000000000002", "short_name": "Ab3xYz", "url": "http://go.example.net/Ab3xYz"}`

func TestShortenerCRUD(t *testing.T) {
	const dsid = "44444444-aaaa-4bbb-8ccc-000000000004"
	const lsid = "55555555-aaaa-4bbb-8ccc-000000000005"
	dp, lp := "/core/v2/shortener/domains", "/core/v2/shortener/links"
	rec := &didGroupRecorder{answers: map[string]string{
		"POST " + dp:                shortenerDomainSample,
		"GET " + dp + "/" + dsid:    shortenerDomainSample,
		"PATCH " + dp + "/" + dsid:  strings.Replace(shortenerDomainSample, `"minimum_length": 6`, `"minimum_length": 8`, 1),
		"DELETE " + dp + "/" + dsid: "",
		"GET " + dp:                 `{"count":1,"has_more":false,"items":[` + shortenerDomainSample + `],"limit":1000,"offset":0,"pagination":{},"total":1}`,
		"POST " + lp:                shortenerLinkSample,
		"GET " + lp + "/" + lsid:    shortenerLinkSample,
		"PATCH " + lp + "/" + lsid:  strings.Replace(shortenerLinkSample, `"hits": 0`, `"hits": 7`, 1),
		"DELETE " + lp + "/" + lsid: "",
		"GET " + lp:                 `{"count":1,"has_more":false,"items":[` + shortenerLinkSample + `],"limit":1000,"offset":0,"pagination":{},"total":null}`,
	}}
	c, _ := newTestClient(t, newServer(t, rec.handler(t)).URL, nil)
	ctx := context.Background()
	d, err := Objects[ShortenerDomain](c, ShortenerDomainKind).Create(ctx, map[string]any{"domain_name": "go.example.net"})
	if err != nil || d.DomainSID != dsid || *d.MinimumLength != 6 || d.ExpiredPage != nil || *d.Scope != "children" {
		t.Fatalf("CreateShortenerDomain = %+v, %v", d, err)
	}
	if _, err := Objects[ShortenerDomain](c, ShortenerDomainKind).Get(ctx, dsid); err != nil {
		t.Fatal(err)
	}
	if d, err = Objects[ShortenerDomain](c, ShortenerDomainKind).Update(ctx, dsid, map[string]any{"minimum_length": 8}); err != nil || *d.MinimumLength != 8 {
		t.Fatalf("UpdateShortenerDomain = %+v, %v", d, err)
	}
	if ds, err := Objects[ShortenerDomain](c, ShortenerDomainKind).List(ctx, ListOptions{}); err != nil || len(ds) != 1 {
		t.Fatalf("ListShortenerDomains = %+v, %v", ds, err)
	}
	l, err := Objects[ShortenerLink](c, ShortenerLinkKind).Create(ctx, map[string]any{"domain_sid": dsid, "destination_url": "https://www.example.org/offer"})
	if err != nil || l.LinkSID != lsid || *l.ShortName != "Ab3xYz" || *l.URL != "http://go.example.net/Ab3xYz" || *l.MaximumTTL != -1 {
		t.Fatalf("CreateShortenerLink = %+v, %v", l, err)
	}
	if _, err := Objects[ShortenerLink](c, ShortenerLinkKind).Get(ctx, lsid); err != nil {
		t.Fatal(err)
	}
	if l, err = Objects[ShortenerLink](c, ShortenerLinkKind).Update(ctx, lsid, map[string]any{"mode": "redirect_permanent"}); err != nil || *l.Hits != 7 {
		t.Fatalf("UpdateShortenerLink = %+v, %v", l, err)
	}
	if ls, err := Objects[ShortenerLink](c, ShortenerLinkKind).List(ctx, ListOptions{Filter: Eq("domain_sid", dsid).String()}); err != nil || len(ls) != 1 {
		t.Fatalf("ListShortenerLinks = %+v, %v", ls, err)
	}
	if err := Objects[ShortenerLink](c, ShortenerLinkKind).Delete(ctx, lsid); err != nil {
		t.Fatal(err)
	}
	if err := Objects[ShortenerDomain](c, ShortenerDomainKind).Delete(ctx, dsid); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"POST " + dp + ` {"domain_name":"go.example.net"}`,
		"GET " + dp + "/" + dsid,
		"PATCH " + dp + "/" + dsid + ` {"minimum_length":8}`,
		"GET " + dp + "?limit=1000&offset=0",
		"POST " + lp + ` {"destination_url":"https://www.example.org/offer","domain_sid":"` + dsid + `"}`,
		"GET " + lp + "/" + lsid,
		"PATCH " + lp + "/" + lsid + ` {"mode":"redirect_permanent"}`,
		"GET " + lp + "?filter=domain_sid+eq+%22" + dsid + "%22&limit=1000&offset=0",
		"DELETE " + lp + "/" + lsid,
		"DELETE " + dp + "/" + dsid,
	}, "\n")
	if got := rec.all(); got != want {
		t.Fatalf("requests:\n%s\nwant:\n%s", got, want)
	}
}
