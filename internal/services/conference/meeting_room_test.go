package conference_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

const roomRes = "carrierx_conference_meeting_room.test"

// room is a meeting room labelled label of the endpoint ep, with these
// access codes ("112233:host") and more HCL lines.
func room(label, ep string, codes []string, lines ...string) string {
	list := make([]string, len(codes))
	for i, c := range codes {
		code, role, _ := strings.Cut(c, ":")
		list[i] = fmt.Sprintf("{ access_code = %q, role = %q }", code, role)
	}
	return acctest.Res("carrierx_conference_meeting_room", label, append([]string{fmt.Sprintf("endpoint_sid = %q", ep),
		"access_codes = [" + strings.Join(list, ", ") + "]"}, lines...)...)
}

// codesAre checks the room's access codes, in any order, through the API.
func codesAre(r *client.MeetingRoom, want ...string) bool {
	got := make([]string, len(r.AccessCodes))
	for i, c := range r.AccessCodes {
		got[i] = c.AccessCode + ":" + c.Role
	}
	slices.Sort(got)
	return slices.Equal(got, slices.Sorted(slices.Values(want)))
}

// TestAccConferenceMeetingRoom_lifecycle creates a room with access codes
// (one POST), imports it by "<endpoint_sid>/<meeting_room_sid>", updates its
// codes in one PATCH, moves it to another endpoint (replacement), puts back
// an out-of-band change, creates it again after an out-of-band delete, and
// deletes it.
func TestAccConferenceMeetingRoom_lifecycle(t *testing.T) {
	e, eps := start(t, 2)
	ep := eps[0]
	var sid string
	props := `properties = { conference_moh_enabled = "off" }`
	created := e.Config(room("test", eps[0], []string{"112233:host", "445566:participant"}, `name = "weekly"`, props))
	codes := []string{"112233:host", "445566:listener", "778899:participant"}
	updated := e.Config(room("test", eps[0], codes, `name = "weekly"`, props))
	moved := e.Config(room("test", eps[1], codes, `name = "weekly"`, props))
	rooms := func() client.AppCollection[client.MeetingRoom] {
		return conf[client.MeetingRoom](e, &ep, client.MeetingRoomKind)
	}
	obj := crud{res: roomRes, sidAttr: "meeting_room_sid", path: "/meeting_rooms", kind: client.MeetingRoomKind}
	e.Test(resource.TestCase{
		CheckDestroy: obj.deletedOnce(e),
		Steps: slices.Concat([]resource.TestStep{
			{
				PreConfig:        e.ClearRequests,
				Config:           created,
				ConfigPlanChecks: acctest.Plans(roomRes, plancheck.ResourceActionCreate),
				ConfigStateChecks: acctest.Known(roomRes, map[string]knownvalue.Check{
					"meeting_room_sid": knownvalue.StringRegexp(acctest.SIDRegexp),
					"account_sid":      knownvalue.StringRegexp(acctest.SIDRegexp),
					"name":             knownvalue.StringExact("weekly"),
					"did_group_sid":    knownvalue.Null(),
					"access_codes": knownvalue.SetExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"access_code": knownvalue.StringExact("112233"), "role": knownvalue.StringExact("host")}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"access_code": knownvalue.StringExact("445566"), "role": knownvalue.StringExact("participant")}),
					}),
				}),
				Check: resource.ComposeTestCheckFunc(
					acctest.SaveAttr(roomRes, "meeting_room_sid", &sid),
					acctest.Sent(e, &sid, map[string]int{"POST " + api + "/meeting_rooms": 1, "GET " + api + "/meeting_rooms/{sid}": 0},
						"POST", `{"access_codes":[{"access_code":"112233","role":"host"},{"access_code":"445566","role":"participant"}],`+
							`"name":"weekly","properties":{"conference_moh_enabled":"off"}}`),
				),
			},
		}, acctest.ImportStepsByID(created, roomRes, "meeting_room_sid", importID(roomRes, "meeting_room_sid")), []resource.TestStep{
			{
				// A role changed and a code added: one PATCH of the codes.
				PreConfig:        e.ClearRequests,
				Config:           updated,
				ConfigPlanChecks: acctest.Quiet(roomRes, "access_codes"),
				Check: resource.ComposeTestCheckFunc(
					acctest.SameAttr(roomRes, "meeting_room_sid", &sid),
					resource.TestCheckResourceAttr(roomRes, "access_codes.#", "3"),
					resource.TestCheckTypeSetElemNestedAttrs(roomRes, "access_codes.*", map[string]string{"access_code": "445566", "role": "listener"}),
					acctest.OnePatch(e, `{"access_codes":[{"access_code":"112233","role":"host"},{"access_code":"445566","role":"listener"},`+
						`{"access_code":"778899","role":"participant"}]}`),
				),
			},
		},
			obj.moveSteps(t, e, moved, eps[1], &ep, &sid,
				func() error {
					_, err := rooms().Update(context.Background(), sid, map[string]any{"name": "outside",
						"access_codes": []map[string]any{{"access_code": "112233", "role": "participant"}}})
					return err
				},
				func(*terraform.State) error {
					r, err := rooms().Get(context.Background(), sid)
					if err == nil && (*r.Name != "weekly" || !codesAre(r, codes...)) {
						err = fmt.Errorf("the apply did not put the room back: %+v", r)
					}
					return err
				})),
	})
}

// TestAccConferenceMeetingRoom_accessCodes: a code another room of the
// endpoint has is the provider's error on access_codes, on create and on
// update; a code listed twice and a role CarrierX does not have fail at
// plan time; a room with no codes has none. The last configuration is one
// the destroy after the test can use.
func TestAccConferenceMeetingRoom_accessCodes(t *testing.T) {
	e, eps := start(t, 1)
	ep := eps[0]
	base := room("a", ep, []string{"112233:host"})
	taken := regexp.MustCompile(`(?s)Access code already in use.*access codes are unique\s+across all rooms of an endpoint.*112233`)
	e.Test(resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:           e.Config(base + room("b", ep, nil)),
				ConfigPlanChecks: acctest.NoChangeAfter(),
				Check:            resource.TestCheckResourceAttr("carrierx_conference_meeting_room.b", "access_codes.#", "0"),
			},
			{
				// Not "already in use": the code is this room's, twice.
				Config:      e.Config(base + room("b", ep, []string{"445566:host", "445566:listener"})),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Access code listed twice.*Access code 445566 is listed more than once`),
			},
			{
				Config:      e.Config(base + room("b", ep, []string{"445566:admin"})),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)access_codes.*value must be one of: \["host" "participant" "listener"\]`),
			},
			{Config: e.Config(base + room("b", ep, nil) + room("c", ep, []string{"112233:participant"})), ExpectError: taken},
			{Config: e.Config(base + room("b", ep, []string{"445566:host", "112233:listener"})), ExpectError: taken},
		},
	})
}
