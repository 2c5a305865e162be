package conference_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
)

// lookupErrors are the errors of a singular data source of the endpoint's
// objects of type typ: a filter matching none, one matching several
// (many), and an unknown SID, which the error says the endpoint lacks.
func lookupErrors(typ, sidAttr, noun, none, many string) []acctest.ErrorCase {
	l := acctest.Lookup{Type: typ, Noun: noun, SIDAttr: sidAttr, In: "endpoint_sid = " + endpoint}
	nouns, words := noun+"s", strings.ReplaceAll(noun, " ", `\s+`)
	return []acctest.ErrorCase{
		{Config: l.Config("filter = " + none), Want: acctest.NoneMatchedError(nouns)},
		{Config: l.Config("filter = " + many), Want: acctest.ManyMatchedError("", nouns, typ+"s")},
		{Config: l.Config(sidAttr + ` = "` + acctest.TrunkGroupMissingSID + `"`),
			Want: `(?s)` + strings.ToUpper(words[:1]) + words[1:] + `\s+not\s+found.*Endpoint\s+"[^"]+"\s+has\s+no\s+` + words +
				`\s+with\s+` + sidAttr + `\s+"` + regexp.QuoteMeta(acctest.TrunkGroupMissingSID) + `"`},
	}
}

// descending checks that attr of the first n items of the list items of
// the data source ds are in descending order.
func descending(ds, items, attr string, n int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		var prev string
		for i := range n {
			v, err := acctest.Attr(ds, fmt.Sprintf("%s.%d.%s", items, i, attr))(s)
			if err != nil {
				return err
			}
			if i > 0 && v >= prev {
				return fmt.Errorf("%s: %s.%d.%s %q is not below %q", ds, items, i, attr, v, prev)
			}
			prev = v
		}
		return nil
	}
}

// TestAccConferenceDataSources reads the endpoint's call flows (all four,
// and secured by a filter, with its properties), DID groups, numbers and
// meeting rooms: one by SID, one by a filter, and filtered, ordered lists;
// a filter that matches none or several and an unknown SID are clear
// errors.
func TestAccConferenceDataSources(t *testing.T) {
	e, _ := start(t, 0)
	in := "endpoint_sid = " + endpoint
	routed := "depends_on = [carrierx_trunk.conf, carrierx_phone_number.conf]"
	seed := bridge(e, 3, `
resource "carrierx_conference_did_group" "g" {
  count        = 3
  endpoint_sid = carrierx_endpoint.conf.endpoint_sid
  name         = "ds-${["a", "b", "c"][count.index]}"
  properties   = { did_language = "fr_FR" }
}
resource "carrierx_conference_did_group" "other" {
  endpoint_sid = carrierx_endpoint.conf.endpoint_sid
  name         = "unrelated"
}
resource "carrierx_conference_meeting_room" "r" {
  count         = 2
  endpoint_sid  = carrierx_endpoint.conf.endpoint_sid
  name          = "room-${["a", "b"][count.index]}"
  did_group_sid = carrierx_conference_did_group.g[count.index].did_group_sid
  access_codes  = [{ access_code = "1000${count.index}", role = "host" }]
}
`)
	rooms := "depends_on = [carrierx_conference_meeting_room.r]"
	groups := "depends_on = [carrierx_conference_did_group.g, carrierx_conference_did_group.other]"
	reads := acctest.Data("carrierx_conference_call_flows", "all", in) +
		acctest.Data("carrierx_conference_call_flows", "secured", in, `filter = "name eq \"secured\""`) +
		acctest.Data("carrierx_conference_did_group", "by_sid", in, "did_group_sid = carrierx_conference_did_group.g[1].did_group_sid") +
		acctest.Data("carrierx_conference_did_group", "by_filter", in, `filter = "name eq \"ds-c\""`, groups) +
		acctest.Data("carrierx_conference_did_groups", "ds", in, `filter = "name like \"ds-%\""`, `order = "name desc"`, groups) +
		acctest.Data("carrierx_conference_dids", "all", in, `order = "phonenumber desc"`, routed) +
		acctest.Data("carrierx_conference_dids", "others", in,
			`filter = "phonenumber ne \"${carrierx_phone_number.conf[1].phonenumber}\""`, `order = "phonenumber asc"`, routed) +
		acctest.Data("carrierx_conference_did", "by_sid", in, "did_sid = data.carrierx_conference_dids.all.dids[2].did_sid") +
		acctest.Data("carrierx_conference_did", "by_filter", in,
			`filter = "phonenumber eq \"${carrierx_phone_number.conf[1].phonenumber}\""`, routed) +
		acctest.Data("carrierx_conference_meeting_room", "by_sid", in, "meeting_room_sid = carrierx_conference_meeting_room.r[0].meeting_room_sid") +
		acctest.Data("carrierx_conference_meeting_room", "by_filter", in, `filter = "name eq \"room-b\""`, rooms) +
		acctest.Data("carrierx_conference_meeting_rooms", "rooms", in, `filter = "name like \"room-%\""`, `order = "name desc"`, rooms)
	errs := append(lookupErrors("carrierx_conference_did_group", "did_group_sid", "conference DID group",
		`"name eq \"nothing-has-this\""`, `"name like \"ds-%\""`),
		lookupErrors("carrierx_conference_meeting_room", "meeting_room_sid", "meeting room",
			`"name eq \"nothing-has-this\""`, `"name like \"room-%\""`)...)
	errs = append(errs, lookupErrors("carrierx_conference_did", "did_sid", "conference number",
		`"phonenumber eq \"10000000000\""`, `"phonenumber like \"1%\""`)...)
	e.Test(resource.TestCase{
		Steps: acctest.DataSourceSteps(seed, reads, resource.ComposeAggregateTestCheckFunc(
			acctest.Expect(acctest.Want{
				"data.carrierx_conference_call_flows.all": {"call_flows.#": "4"},
				"data.carrierx_conference_call_flows.secured": {"call_flows.#": "1", "call_flows.0.name": "secured",
					"call_flows.0.properties.did_language": "en_US", "call_flows.0.properties.conference_start_how": "first"},
				"data.carrierx_conference_did_group.by_sid": {"name": "ds-b", "properties.did_language": "fr_FR"},
				"data.carrierx_conference_did_groups.ds": {"did_groups.#": "3", "did_groups.0.name": "ds-c", "did_groups.2.name": "ds-a",
					"did_groups.1.properties.did_language": "fr_FR"},
				"data.carrierx_conference_dids.all":               {"dids.#": "3", "dids.0.country_code": "USA"},
				"data.carrierx_conference_meeting_room.by_sid":    {"name": "room-a", "access_codes.#": "1", "access_codes.0.access_code": "10000"},
				"data.carrierx_conference_meeting_rooms.rooms":    {"meeting_rooms.#": "2", "meeting_rooms.0.name": "room-b"},
				"data.carrierx_conference_meeting_room.by_filter": {"access_codes.0.role": "host"},
			}),
			resource.TestMatchResourceAttr("data.carrierx_conference_call_flows.secured", "call_flows.0.call_flow_sid", acctest.SIDRegexp),
			acctest.Paired(acctest.Want{
				"data.carrierx_conference_did_group.by_sid":    {"did_group_sid": "carrierx_conference_did_group.g.1", "account_sid": "carrierx_conference_did_group.g.1"},
				"data.carrierx_conference_did_group.by_filter": {"did_group_sid": "carrierx_conference_did_group.g.2"},
				"data.carrierx_conference_did_groups.ds":       {"did_groups.2.did_group_sid": "carrierx_conference_did_group.g.0"},
				"data.carrierx_conference_did.by_filter":       {"phonenumber": "carrierx_phone_number.conf.1"},
				"data.carrierx_conference_meeting_room.by_sid": {"meeting_room_sid": "carrierx_conference_meeting_room.r.0",
					"did_group_sid": "carrierx_conference_did_group.g.0"},
				"data.carrierx_conference_meeting_room.by_filter": {"meeting_room_sid": "carrierx_conference_meeting_room.r.1"},
				"data.carrierx_conference_meeting_rooms.rooms":    {"meeting_rooms.1.meeting_room_sid": "carrierx_conference_meeting_room.r.0"},
			}),
			resource.TestCheckResourceAttrPair("data.carrierx_conference_did.by_sid", "did_sid", "data.carrierx_conference_dids.all", "dids.2.did_sid"),
			resource.TestCheckResourceAttrPair("data.carrierx_conference_did.by_sid", "phonenumber", "data.carrierx_conference_dids.all", "dids.2.phonenumber"),
			descending("data.carrierx_conference_dids.all", "dids", "phonenumber", 3),
			resource.TestCheckResourceAttr("data.carrierx_conference_dids.others", "dids.#", "2"),
			func(s *terraform.State) error {
				// The numbers but conf[1], ascending.
				var want, got []string
				skip, err := acctest.Attr("carrierx_phone_number.conf.1", "phonenumber")(s)
				for i := range 3 {
					n, _ := acctest.Attr("data.carrierx_conference_dids.all", fmt.Sprintf("dids.%d.phonenumber", i))(s)
					if n != skip {
						want = append([]string{n}, want...)
					}
				}
				for i := range 2 {
					n, _ := acctest.Attr("data.carrierx_conference_dids.others", fmt.Sprintf("dids.%d.phonenumber", i))(s)
					got = append(got, n)
				}
				if err == nil && !slices.Equal(got, want) {
					err = fmt.Errorf("dids filtered and ascending: %v, want %v", got, want)
				}
				return err
			},
		), errs...),
	})
}
