package client

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestCountryGetAndList(t *testing.T) {
	var paths []string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path+"?"+r.URL.RawQuery)
		switch r.URL.Path {
		case "/core/v2/countries/CAN":
			writeJSON(w, 200, `{"capital": "Ottawa", "common_name": "Canada", "dialing_prefix": "1", "domain": "ca", "iso_3166_alpha_2": "CA", "iso_3166_alpha_3": "CAN", "iso_3166_numeric": 124, "mcc": "302", "official_name": "Canada", "region": "Americas", "subregion": "Northern America"}`)
		case "/core/v2/countries":
			writeJSON(w, 200, `{"count":2,"has_more":false,"items":[{"iso_3166_alpha_3":"CAN","common_name":"Canada"},{"iso_3166_alpha_3":"USA","common_name":"United States","iso_3166_numeric":840}],"limit":1000,"offset":0,"pagination":{},"total":2}`)
		default:
			writeJSON(w, 404, `{"message":"no item error","errors":[{"field":null,"message":"cannot find item by sid","reference_sid":null}]}`)
		}
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()
	ca, err := c.GetCountry(ctx, "CAN")
	if err != nil || ca.ISO3166Alpha3 != "CAN" || *ca.ISO3166Numeric != 124 || *ca.DialingPrefix != "1" || *ca.Subregion != "Northern America" {
		t.Fatalf("GetCountry: %+v %v", ca, err)
	}
	all, err := c.ListCountries(ctx, ListOptions{Filter: `region eq "Americas"`, Order: "common_name desc"})
	if err != nil || len(all) != 2 || all[1].ISO3166Alpha3 != "USA" {
		t.Fatalf("ListCountries: %+v %v", all, err)
	}
	if !strings.Contains(paths[1], "order=common_name+desc") || !strings.Contains(paths[1], "filter=region+eq+%22Americas%22") {
		t.Fatalf("list query %s", paths[1])
	}
	if _, err := c.GetCountry(ctx, "ZZZ"); !IsNotFound(err) {
		t.Fatalf("unknown country: %v", err)
	}
	if fmt.Sprint(len(paths)) != "3" {
		t.Fatalf("requests %v", paths)
	}
}
