package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

const sampleDID = `{
  "active_capabilities": 4,
  "attributes": {},
  "callback_url": null,
  "campaign_sid": null,
  "capabilities": 7,
  "classification_sid": "0b1c2d3e-0000-4000-8000-00000000c1a5",
  "country_code": "USA",
  "did_group_sid": null,
  "did_sid": "0b1c2d3e-0000-4000-8000-000000000d1d",
  "in_country_format": "(555) 010-0142",
  "international_format": "+1 555-010-0142",
  "lata": null,
  "locality": "SPRINGFIELD",
  "lrn_sid": null,
  "name": "N/A",
  "ocn": "0000",
  "partner_sid": "0b1c2d3e-0000-4000-8000-0000000000aa",
  "phonenumber": "15550100142",
  "porting_pin": null,
  "price": "0.5",
  "state": "IL",
  "status": "assigned",
  "string_key_1": null,
  "string_key_2": null,
  "transformations": [],
  "trunk_group_sid": null,
  "some_future_field": 1
}`

func TestDIDDecodeSample(t *testing.T) {
	var d DID
	if err := json.Unmarshal([]byte(sampleDID), &d); err != nil {
		t.Fatal(err)
	}
	if d.DIDSID != "0b1c2d3e-0000-4000-8000-000000000d1d" || d.PhoneNumber != "15550100142" || d.Status != DIDStatusAssigned ||
		d.Capabilities != 7 || d.ActiveCapabilities != 4 || d.CountryCode != "USA" || *d.State != "IL" ||
		*d.Locality != "SPRINGFIELD" || *d.Name != "N/A" || string(*d.Price) != "0.5" || d.TrunkGroupSID != nil ||
		*d.InternationalFormat != "+1 555-010-0142" || d.LATA != nil {
		t.Fatalf("decoded %+v", d)
	}
	// A number price decodes too.
	if err := json.Unmarshal([]byte(`{"price": 0.6}`), &d); err != nil || string(*d.Price) != "0.6" {
		t.Fatalf("numeric price: %v %v", err, d.Price)
	}
}

func TestNormalizeDIDNumber(t *testing.T) {
	for in, want := range map[string]string{
		"15550100142":        "15550100142",
		"+15550100142":       "15550100142",
		" +1 555 010 0142 ":  "15550100142",
		"1-555-010-0142":     "15550100142",
		"+1 (555) 010-0142":  "15550100142",
		"1.555.010.0142":     "15550100142",
		"+442079460000":      "442079460000",
		"+123456789012345":   "123456789012345",
		"1234567":            "1234567",
		"+1 555 010 01420xx": "",
		"555-CALL-NOW":       "",
		"1+5550100142":       "",
		"123456":             "",
		"1234567890123456":   "",
		"":                   "",
	} {
		got, err := NormalizeDIDNumber(in)
		if want == "" {
			if err == nil {
				t.Errorf("NormalizeDIDNumber(%q) = %q, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("NormalizeDIDNumber(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestAvailableDIDSearchFilter(t *testing.T) {
	s := AvailableDIDSearch{CountryCode: "USA", State: "NY", Locality: "New York", Prefix: "1516",
		Capabilities: DIDCapabilityVoice | DIDCapabilitySMSInbound, Filter: `ocn eq "251F"`}
	want := `country_code eq "USA" and state eq "NY" and locality eq "NEW YORK" and phonenumber like "1516%" and capabilities bit 1 and capabilities bit 4 and ocn eq "251F"`
	if got := s.FilterString(); got != want {
		t.Fatalf("filter\n got %s\nwant %s", got, want)
	}
	if got := (AvailableDIDSearch{}).FilterString(); got != "" {
		t.Fatalf("empty search gives filter %q", got)
	}
	if got := (AvailableDIDSearch{NearLatLng: "40.7, -74.0"}).FilterString(); got != "phonenumber nearby latlng:40.7,-74.0" {
		t.Fatalf("latlng filter %q", got)
	}
}

func TestRentDID(t *testing.T) {
	var gotBody map[string]any
	var gotQuery string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/core/v2/phonenumber/dids" {
			writeJSON(w, 404, `{"message":"Not Found"}`)
			return
		}
		gotQuery = r.URL.RawQuery
		b, _ := io.ReadAll(r.Body)
		gotBody = nil
		_ = json.Unmarshal(b, &gotBody)
		writeJSON(w, 200, sampleDID)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	d, err := c.RentDID(context.Background(), map[string]any{"phonenumber": "15550100142"}, RentDIDOptions{})
	if err != nil || d.DIDSID == "" {
		t.Fatalf("rent: %v %+v", err, d)
	}
	if gotBody["phonenumber"] != "15550100142" || gotQuery != "" {
		t.Fatalf("sent body %v query %q", gotBody, gotQuery)
	}
	yes := true
	if _, err := c.RentDID(context.Background(), nil, RentDIDOptions{IncludeExternal: &yes}); err != nil {
		t.Fatal(err)
	}
	if len(gotBody) != 0 || gotQuery != "include_external=true" {
		t.Fatalf("nil body sent %v, query %q; want {} and include_external=true", gotBody, gotQuery)
	}
}

func TestRentDIDNotAvailable(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusUnprocessableEntity, `{"message":"object validation error","errors":[{"field":"phonenumber","message":"number is not available","reference_sid":null}]}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := c.RentDID(context.Background(), map[string]any{"phonenumber": "15550100142"}, RentDIDOptions{})
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnprocessableEntity || apiErr.Errors[0].Field != "phonenumber" ||
		!strings.Contains(err.Error(), "number is not available") {
		t.Fatalf("got %v", err)
	}
}

func TestDIDCRUDPaths(t *testing.T) {
	var seen []string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		seen = append(seen, r.Method+" "+r.URL.Path+" "+strings.TrimSpace(string(b)))
		switch r.Method {
		case http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		default:
			writeJSON(w, 200, sampleDID)
		}
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()
	sid := "0b1c2d3e-0000-4000-8000-000000000d1d"
	if _, err := Objects[DID](c, DIDKind).Get(ctx, sid); err != nil {
		t.Fatal(err)
	}
	if _, err := Objects[DID](c, DIDKind).Update(ctx, sid, map[string]any{"name": "main"}); err != nil {
		t.Fatal(err)
	}
	if err := Objects[DID](c, DIDKind).Delete(ctx, sid); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetAvailableDID(ctx, sid); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"GET /core/v2/phonenumber/dids/" + sid + " ",
		"PATCH /core/v2/phonenumber/dids/" + sid + ` {"name":"main"}`,
		"DELETE /core/v2/phonenumber/dids/" + sid + " ",
		"GET /core/v2/phonenumber/available_dids/" + sid + " ",
	}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Fatalf("requests\n got %q\nwant %q", seen, want)
	}
}

// didListServer serves n numbers at path, with total null as the
// available-DIDs list does, and records the query of every request.
func didListServer(t *testing.T, path string, n int, queries *[]string) *Client {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			writeJSON(w, 404, `{"message":"Not Found"}`)
			return
		}
		*queries = append(*queries, r.URL.RawQuery)
		q := r.URL.Query()
		limit, _ := strconv.Atoi(q.Get("limit"))
		offset, _ := strconv.Atoi(q.Get("offset"))
		items := []string{}
		for i := offset; i < n && i < offset+limit; i++ {
			items = append(items, fmt.Sprintf(`{"did_sid":"sid-%d","phonenumber":"1555%07d","status":"available","capabilities":4}`, i, i))
		}
		writeJSON(w, 200, fmt.Sprintf(`{"count":%d,"has_more":%v,"items":[%s],"limit":%d,"offset":%d,"pagination":{},"total":null}`,
			len(items), offset+len(items) < n, strings.Join(items, ","), limit, offset))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	return c
}

func TestListAvailableDIDsLimit(t *testing.T) {
	var queries []string
	c := didListServer(t, "/core/v2/phonenumber/available_dids", 2500, &queries)
	ctx := context.Background()

	got, err := c.ListAvailableDIDs(ctx, AvailableDIDSearch{State: "NY", Order: "phonenumber desc"}, 1500)
	if err != nil || len(got) != 1500 || got[1499].DIDSID != "sid-1499" {
		t.Fatalf("1500: %d items, err %v", len(got), err)
	}
	if len(queries) != 2 || !strings.Contains(queries[0], "limit=1000") || !strings.Contains(queries[1], "limit=500") ||
		!strings.Contains(queries[1], "offset=1000") || !strings.Contains(queries[0], "filter=state+eq+%22NY%22") ||
		!strings.Contains(queries[0], "order=phonenumber+desc") {
		t.Fatalf("queries %q", queries)
	}

	queries = nil
	got, err = c.ListAvailableDIDs(ctx, AvailableDIDSearch{}, 0)
	if err != nil || len(got) != 10 || len(queries) != 1 || strings.Contains(queries[0], "filter") {
		t.Fatalf("default limit: %d items, queries %q, err %v", len(got), queries, err)
	}

	// Fewer numbers than the limit: stops on has_more false.
	queries = nil
	c = didListServer(t, "/core/v2/phonenumber/available_dids", 3, &queries)
	got, err = c.ListAvailableDIDs(ctx, AvailableDIDSearch{}, 100)
	if err != nil || len(got) != 3 || len(queries) != 1 {
		t.Fatalf("short inventory: %d items, %d requests, err %v", len(got), len(queries), err)
	}
}

func TestListAndFindRentedDIDs(t *testing.T) {
	var queries []string
	c := didListServer(t, "/core/v2/phonenumber/dids", 1200, &queries)
	ctx := context.Background()
	all, err := Objects[DID](c, DIDKind).List(ctx, ListOptions{})
	if err != nil || len(all) != 1200 || len(queries) != 2 {
		t.Fatalf("ListDIDs: %d items in %d requests, err %v", len(all), len(queries), err)
	}

	queries = nil
	// The fake server ignores the filter: FindRentedDID still picks the
	// item whose number matches (sid-1 is 15550000001).
	d, err := c.FindRentedDID(ctx, "+1 555 000 0001")
	if err != nil || d == nil || d.DIDSID != "sid-1" {
		t.Fatalf("FindRentedDID: %+v %v", d, err)
	}
	if len(queries) != 1 || !strings.Contains(queries[0], "filter=phonenumber+eq+%2215550000001%22") || !strings.Contains(queries[0], "limit=2") {
		t.Fatalf("find query %q", queries)
	}
	d, err = c.FindRentedDID(ctx, "19995550000")
	if err != nil || d != nil {
		t.Fatalf("unknown number: %+v %v, want nil, nil", d, err)
	}
	if _, err := c.FindRentedDID(ctx, "not a number"); err == nil {
		t.Fatal("malformed number: no error")
	}
}

func TestLookupDID(t *testing.T) {
	var gotPath, gotQuery string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotQuery = r.URL.EscapedPath(), r.URL.RawQuery
		writeJSON(w, 200, `{"country_code": "USA", "details": {"carrier": {"mcc": "310", "mnc": "000", "name": "EXAMPLE WIRELESS", "type": "mobile"}, "cnam": null, "lrn": null}, "e164_format": "+15550100142", "in_country_format": "(555) 010-0142", "international_format": "+1 555-010-0142", "phonenumber": "15550100142", "state": "IL"}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ttl := int64(60)
	l, err := c.LookupDID(context.Background(), "+15550100142", DIDLookupOptions{Carrier: true, CNAMTTL: &ttl, CountryCode: "USA"})
	if err != nil {
		t.Fatal(err)
	}
	if gotPath != "/core/v2/lookup/dids/+15550100142" || gotQuery != "carrier=true&cnam_ttl=60&country_code=USA" {
		t.Fatalf("path %s query %s", gotPath, gotQuery)
	}
	if l.PhoneNumber != "15550100142" || *l.E164Format != "+15550100142" || l.Details.Carrier == nil ||
		*l.Details.Carrier.Name != "EXAMPLE WIRELESS" || l.Details.CNAM != nil || *l.State != "IL" {
		t.Fatalf("decoded %+v", l)
	}
	if _, err := c.LookupDID(context.Background(), " ", DIDLookupOptions{}); err == nil {
		t.Fatal("empty number: no error")
	}
}

// TestRentAvailableDID rents the first match still available: a number
// another buyer took is skipped, a number this process claimed is not
// tried again, an empty search is ErrNoAvailableDID and a failed search an
// *AvailableDIDSearchError.
func TestRentAvailableDID(t *testing.T) {
	var rents []map[string]any
	var listStatus int
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/core/v2/phonenumber/available_dids":
			if listStatus != 0 {
				writeJSON(w, listStatus, `{"message":"bad filter","errors":[{"field":"filter","message":"invalid"}]}`)
				return
			}
			writeJSON(w, 200, `{"count":3,"has_more":false,"items":[{"did_sid":"a","phonenumber":"15550000001"},`+
				`{"did_sid":"b","phonenumber":"15550000002"},{"did_sid":"c","phonenumber":"15550000003"}],"limit":21,"offset":0,"pagination":{},"total":null}`)
		case r.Method == http.MethodPost && r.URL.Path == "/core/v2/phonenumber/dids":
			var body map[string]any
			b, _ := io.ReadAll(r.Body)
			_ = json.Unmarshal(b, &body)
			rents = append(rents, body)
			if body["phonenumber"] == "15550000001" {
				writeJSON(w, http.StatusUnprocessableEntity, `{"message":"object validation error","errors":[{"field":"phonenumber","message":"number is not available"}]}`)
				return
			}
			writeJSON(w, 200, fmt.Sprintf(`{"did_sid":"rented-%v","phonenumber":%q,"status":"assigned"}`, body["phonenumber"], body["phonenumber"]))
		default:
			writeJSON(w, 404, `{"message":"Not Found"}`)
		}
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()

	d, err := c.RentAvailableDID(ctx, AvailableDIDSearch{State: "NY"}, map[string]any{"name": "main"})
	if err != nil || d.PhoneNumber != "15550000002" || len(rents) != 2 || rents[1]["name"] != "main" {
		t.Fatalf("first rent: %+v, %v; rents %v", d, err, rents)
	}
	d, err = c.RentAvailableDID(ctx, AvailableDIDSearch{State: "NY"}, nil)
	if err != nil || d.PhoneNumber != "15550000003" || len(rents) != 3 {
		t.Fatalf("second rent, claimed numbers skipped: %+v, %v; rents %v", d, err, rents)
	}
	if _, err = c.RentAvailableDID(ctx, AvailableDIDSearch{State: "NY"}, nil); !errors.Is(err, ErrNoAvailableDID) || len(rents) != 3 {
		t.Fatalf("every match claimed: %v; rents %v", err, rents)
	}
	listStatus = http.StatusBadRequest
	var searchErr *AvailableDIDSearchError
	if _, err = c.RentAvailableDID(ctx, AvailableDIDSearch{State: "NY"}, nil); !errors.As(err, &searchErr) {
		t.Fatalf("failed search: %v", err)
	}
}
