package client

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

const samplePartner = `{
  "acls": [{"access_control_rules": ["r1"], "direction": "outbound", "sms_action_false": null, "sms_action_true": "accept", "voice_action_false": null, "voice_action_true": "reject403"}],
  "address1": "1 Example Street",
  "address2": null,
  "attributes": {"k": "v"},
  "available_scopes": ["endpoints.manage", "oauth.manage", "partners.read", "partners.update"],
  "balance": "125.40",
  "billing_email": "billing@example.org",
  "callbacks": {"sms": "https://example.org/cx/sms"},
  "charge_at": "20",
  "city": "Springfield",
  "company_name": "Example Co",
  "country_code": "USA",
  "daily_spending_limit": "500",
  "daily_spent_amount": "0",
  "date_created": "2025-02-01T12:00:00.000Z",
  "display_id": "CX12345678",
  "login": "exampleco",
  "name": "Jane Doe",
  "owner_email": "owner@example.org",
  "parent_assigned_acls": [],
  "parent_sid": "99999999-8888-4777-8666-555555555555",
  "partner_sid": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  "payment_type": "prepay",
  "phonenumber": "15550001111",
  "prepay_amount": "100",
  "spending_limit": "0",
  "state": null,
  "status": "active",
  "tech_email": "tech@example.org",
  "transformations": [{"action": "set", "direction": "inbound", "operands": ["a", "b"]}],
  "zip": "12345",
  "brand_sid": "future-field-ignored"
}`

func TestPartnerDecodeSample(t *testing.T) {
	var p Partner
	if err := json.Unmarshal([]byte(samplePartner), &p); err != nil {
		t.Fatal(err)
	}
	str := func(s *string) string {
		if s == nil {
			return "<nil>"
		}
		return *s
	}
	checks := map[string][2]string{
		"partner_sid":          {p.PartnerSID, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"},
		"parent_sid":           {p.ParentSID, "99999999-8888-4777-8666-555555555555"},
		"display_id":           {p.DisplayID, "CX12345678"},
		"login":                {p.Login, "exampleco"},
		"name":                 {p.Name, "Jane Doe"},
		"company_name":         {p.CompanyName, "Example Co"},
		"address1":             {str(p.Address1), "1 Example Street"},
		"address2":             {str(p.Address2), "<nil>"},
		"city":                 {str(p.City), "Springfield"},
		"state":                {str(p.State), "<nil>"},
		"zip":                  {str(p.Zip), "12345"},
		"country_code":         {p.CountryCode, "USA"},
		"phonenumber":          {str(p.PhoneNumber), "15550001111"},
		"owner_email":          {str(p.OwnerEmail), "owner@example.org"},
		"billing_email":        {str(p.BillingEmail), "billing@example.org"},
		"tech_email":           {str(p.TechEmail), "tech@example.org"},
		"payment_type":         {p.PaymentType, "prepay"},
		"balance":              {string(p.Balance), "125.40"},
		"charge_at":            {string(*p.ChargeAt), "20"},
		"prepay_amount":        {string(*p.PrepayAmount), "100"},
		"spending_limit":       {string(*p.SpendingLimit), "0"},
		"daily_spending_limit": {string(*p.DailySpendingLimit), "500"},
		"daily_spent_amount":   {string(p.DailySpentAmount), "0"},
		"status":               {p.Status, "active"},
		"date_created":         {p.DateCreated, "2025-02-01T12:00:00.000Z"},
		"callbacks.sms":        {p.Callbacks["sms"], "https://example.org/cx/sms"},
		"attributes.k":         {p.Attributes["k"].(string), "v"},
		"acls.0.direction":     {p.ACLs[0].Direction, "outbound"},
		"acls.0.voice_true":    {str(p.ACLs[0].VoiceActionTrue), "reject403"},
		"acls.0.voice_false":   {str(p.ACLs[0].VoiceActionFalse), "<nil>"},
		"transformations":      {compactJSON(p.Transformations), `[{"action":"set","direction":"inbound","operands":["a","b"]}]`},
	}
	for k, v := range checks {
		if v[0] != v[1] {
			t.Errorf("%s = %q, want %q", k, v[0], v[1])
		}
	}
	if len(p.AvailableScopes) != 4 || p.ParentAssignedACLs == nil || len(p.ACLs[0].AccessControlRules) != 1 {
		t.Errorf("lists: %+v", p)
	}
}

func TestFlexStringAndStringList(t *testing.T) {
	var v struct {
		A FlexString  `json:"a"`
		B FlexString  `json:"b"`
		C *FlexString `json:"c"`
		D FlexString  `json:"d"`
		S StringList  `json:"s"`
		T StringList  `json:"t"`
		U StringList  `json:"u"`
	}
	in := `{"a": 351.52, "b": "20", "c": null, "d": null, "s": "a.read; b.manage,c", "t": [], "u": null}`
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	if v.A != "351.52" || v.B != "20" || v.C != nil || v.D != "" || len(v.S) != 3 || v.S[1] != "b.manage" || v.T == nil || v.U != nil {
		t.Errorf("decoded %+v", v)
	}
	if b, _ := json.Marshal(v.A); string(b) != `"351.52"` {
		t.Errorf("marshal = %s", b)
	}
	if err := json.Unmarshal([]byte(`{"a": true}`), &v); err == nil {
		t.Error("bool accepted as FlexString")
	}
	if err := json.Unmarshal([]byte(`{"s": 5}`), &v); err == nil {
		t.Error("number accepted as StringList")
	}
}

func TestGetAndListPartners(t *testing.T) {
	var paths []string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.EscapedPath()+"?"+r.URL.RawQuery)
		if r.URL.Path == "/core/v2/partners" {
			writeJSON(w, 200, `{"count":1,"has_more":false,"items":[`+samplePartner+`],"limit":1000,"offset":0,"pagination":{},"total":1}`)
			return
		}
		if r.URL.Path == "/core/v2/partners/missing" {
			writeJSON(w, 404, `{"message":"no item error","errors":[{"field":null,"message":"cannot find item by sid","reference_sid":null}]}`)
			return
		}
		writeJSON(w, 200, samplePartner)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()
	p, err := Objects[Partner](c, PartnerKind).Get(ctx, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
	if err != nil || p.DisplayID != "CX12345678" {
		t.Fatalf("GetPartner = %+v, %v", p, err)
	}
	if _, err := Objects[Partner](c, PartnerKind).Get(ctx, "missing"); !IsNotFound(err) {
		t.Errorf("missing partner: %v", err)
	}
	ps, err := Objects[Partner](c, PartnerKind).List(ctx, ListOptions{Filter: Eq("status", "active").String()})
	if err != nil || len(ps) != 1 || ps[0].Login != "exampleco" {
		t.Fatalf("ListPartners = %+v, %v", ps, err)
	}
	want := []string{
		"/core/v2/partners/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee?",
		"/core/v2/partners/missing?",
		"/core/v2/partners?filter=partner_sid+eq+%22missing%22&include_fields=partner_sid&limit=1&offset=0",
		"/core/v2/partners?filter=status+eq+%22active%22&limit=1000&offset=0",
	}
	for i, w := range want {
		if paths[i] != w {
			t.Errorf("request %d = %s, want %s", i, paths[i], w)
		}
	}
}

func TestCreateUpdatePartner(t *testing.T) {
	var got []string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		b, _ := json.Marshal(body)
		got = append(got, r.Method+" "+r.URL.Path+" "+string(b))
		writeJSON(w, 200, samplePartner)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()
	if p, err := Objects[Partner](c, PartnerKind).Create(ctx, map[string]any{"login": "exampleco", "charge_at": "20"}); err != nil || p.PartnerSID == "" {
		t.Fatalf("CreatePartner = %+v, %v", p, err)
	}
	if _, err := Objects[Partner](c, PartnerKind).Update(ctx, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", map[string]any{"name": "x"}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`POST /core/v2/partners {"charge_at":"20","login":"exampleco"}`,
		`PATCH /core/v2/partners/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee {"name":"x"}`,
	}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("request %d = %v, want %s", i, got, want[i])
		}
	}
}

func TestPartnerSIDOfToken(t *testing.T) {
	var items string
	var queries []string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		if r.URL.Path != "/core/v2/oauth/tokens" {
			t.Errorf("unexpected %s", r.URL.Path)
		}
		writeJSON(w, 200, `{"count":2,"has_more":false,"items":[`+items+`],"limit":1000,"offset":0,"pagination":{},"total":null}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx := context.Background()
	// The caller's own token wins, even among a sub-partner's tokens.
	items = `{"access_token":"other","partner_sid":"sub"},{"access_token":"` + testToken + `","partner_sid":"own"}`
	if sid, err := c.PartnerSIDOfToken(ctx); err != nil || sid != "own" {
		t.Errorf("PartnerSIDOfToken = %q, %v", sid, err)
	}
	for _, q := range queries {
		if strings.Contains(q, testToken) {
			t.Errorf("the token was sent in the query: %s", q)
		}
	}
	// Without access tokens in the list, one owner is enough.
	items = `{"partner_sid":"own"},{"partner_sid":"own"}`
	if sid, err := c.PartnerSIDOfToken(ctx); err != nil || sid != "own" {
		t.Errorf("PartnerSIDOfToken (one owner) = %q, %v", sid, err)
	}
	items = `{"partner_sid":"a"},{"partner_sid":"b"}`
	if _, err := c.PartnerSIDOfToken(ctx); err == nil || !strings.Contains(err.Error(), "cannot tell which partner") {
		t.Errorf("two owners: %v", err)
	}
	items = ``
	if _, err := c.PartnerSIDOfToken(ctx); err == nil {
		t.Error("no tokens: no error")
	}
}
