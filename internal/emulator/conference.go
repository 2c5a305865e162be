package emulator

import (
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
)

// The Conference API v2 (CarrierX docs, Conference API v2): the account,
// the call flows CarrierX defines, DID groups, the DIDs routed to the
// endpoint and meeting rooms. Answers are not wrapped. Conference v1 is
// legacy and not served.

const (
	callFlowTable    = "conference.call_flows"
	confDIDGroupTbl  = "conference.did_groups"
	confDIDTable     = "conference.dids"
	meetingRoomTable = "conference.meeting_rooms"
)

// callFlowNames are the documented call flows, seeded per endpoint.
var callFlowNames = []string{"secured", "open", "direct_host", "direct_participant"}

// callFlowProperties are the base properties of the documented secured
// call flow (CarrierX docs, Conference API v2, Get Call Flow by SID); the
// other flows get the same ones (theirs are not documented).
var callFlowProperties = map[string]any{
	"call_mute_dtmf_binding": "*6", "call_rolepin_dtmf_binding": "99",
	"conference_announceparticipantcount_policy": "hpl", "conference_entrytones_enabled": "on",
	"conference_exittones_enabled": "on", "conference_hold_dtmf_binding": "*3",
	"conference_lock_dtmf_binding": "*7", "conference_moh": "default", "conference_moh_enabled": "on",
	"conference_mute_dtmf_binding": "*5", "conference_mute_menu_dtmf_binding": "95",
	"conference_mute_policy": "l", "conference_recording_dtmf_binding": "*9",
	"conference_recording_enabled": "on", "conference_start_how": "first", "conference_start_wait": "360",
	"conference_stop_how": "last", "conference_stop_wait": "180", "conference_welcomeprompt": "default",
	"conference_welcomeprompt_enabled": "on", "did_language": "en_US", "did_prompt_serial": "001",
	"did_welcomeprompt": "default",
}

var meetingRoles = []string{"host", "participant", "listener"}

// accessCodeRE: access codes are entered with the keypad.
var accessCodeRE = regexp.MustCompile(`^[0-9*#]+$`)

func conferenceCollections(ep *collection) []*collection {
	return []*collection{
		appCollection(conferenceAPI, ep, &collection{
			name: "accounts", sidField: "account_sid",
			attrs: []attrSpec{
				{"account_sid", readOnly}, {"call_flow_sid", rw}, {"date_created", readOnly}, {"login", readOnly},
				{"name", rw}, {"password", rwSparse}, {"properties", rw},
			},
			scopes: appOps(opList, opGet, opUpdate), noSeed: accountsNotSeeded,
			build: buildConferenceAccount,
		}),
		appCollection(conferenceAPI, ep, &collection{
			name: "call_flows", sidField: "call_flow_sid",
			attrs:  []attrSpec{{"call_flow_sid", readOnly}, {"name", readOnly}, {"properties", readOnly}},
			scopes: appOps(opList, opGet), noSeed: accountsNotSeeded,
		}),
		appCollection(conferenceAPI, ep, &collection{
			name: "did_groups", sidField: "did_group_sid",
			attrs: []attrSpec{
				{"account_sid", readOnly}, {"call_flow_sid", rw}, {"did_group_sid", readOnly}, {"name", rw}, {"properties", rw},
			},
			scopes: appOps(crudOps...),
			build: func(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
				c := newChecker(obj, old, changed)
				c.def("call_flow_sid", nil)
				conferenceObject(cx, c)
				c.appRef(cx, "call_flow_sid", callFlowTable, "call flow", true)
				return c.err()
			},
			guard: func(cx *callCtx, o op, obj map[string]any) *apiError {
				if o != opDelete {
					return nil
				}
				sid := obj["did_group_sid"].(string)
				var refs []fieldError
				for _, coll := range []string{confDIDTable, meetingRoomTable} {
					c := cx.s.collections[coll]
					for _, other := range cx.endpointObjects(coll) {
						if other["did_group_sid"] == sid {
							own := other[c.sidField].(string)
							refs = append(refs, fieldError{Field: strPtr("did_group_sid"), ReferenceSID: strPtr(own),
								Message: fmt.Sprintf("still referenced by %s %s (did_group_sid)", coll, own)})
						}
					}
				}
				if len(refs) > 0 {
					return inUse("did group", sid, refs)
				}
				return nil
			},
		}),
		appCollection(conferenceAPI, ep, &collection{
			name: "dids", sidField: "did_sid",
			attrs: appDIDAttrs(attrSpec{"call_flow_sid", rw}, attrSpec{"did_group_sid", rw},
				attrSpec{"properties", rw}),
			scopes: appOps(opList, opGet, opUpdate), noSeed: didsNotSeeded,
			build: func(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
				c := newChecker(obj, old, changed)
				c.stringMap("properties")
				c.appRef(cx, "call_flow_sid", callFlowTable, "call flow", true)
				c.appRef(cx, "did_group_sid", confDIDGroupTbl, "did group", true)
				return c.err()
			},
		}),
		appCollection(conferenceAPI, ep, &collection{
			name: "meeting_rooms", sidField: "meeting_room_sid",
			attrs: []attrSpec{
				{"access_codes", rw}, {"account_sid", readOnly}, {"did_group_sid", rw}, {"meeting_room_sid", readOnly},
				{"name", rw}, {"properties", rw},
			},
			scopes: appOps(crudOps...),
			build:  buildMeetingRoom,
		}),
	}
}

// conferenceAccount seeds the endpoint's call flows; the account starts on
// secured (the documented account's call_flow_sid is the SID the Get Call
// Flow by SID sample asks for, and that answers the secured flow).
func conferenceAccount(s *Server, epSID string, acc map[string]any) {
	t := s.st.table(callFlowTable)
	for _, name := range callFlowNames {
		sid := newUUID()
		t.insert(sid, map[string]any{"call_flow_sid": sid, "name": name, "properties": maps.Clone(callFlowProperties)})
		t.link[sid] = epSID
		if name == "secured" {
			acc["call_flow_sid"] = sid
		}
	}
	acc["properties"] = map[string]any{}
}

// conferenceDIDDefaults: a DID inherits its group's (or the account's)
// call flow and properties until it sets its own.
func conferenceDIDDefaults(d map[string]any) {
	d["call_flow_sid"] = nil
	d["did_group_sid"] = nil
	d["properties"] = map[string]any{}
}

// buildConferenceAccount: password is write-only; a new one becomes the
// endpoint's Basic-auth password, which the Core API shows
// (CarrierX docs, Conference API v2, Update Account).
func buildConferenceAccount(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	c.nullStr("name")
	c.stringMap("properties")
	c.appRef(cx, "call_flow_sid", callFlowTable, "call flow", false)
	pw, _ := obj["password"].(string)
	if c.has("password") && pw == "" {
		c.v.add("password", "password must be a non-empty string")
	}
	delete(obj, "password")
	if e := c.err(); e != nil {
		return e
	}
	if pw != "" {
		cx.s.setEndpointPassword(cx.parentSID, pw)
	}
	return nil
}

// conferenceObject: what DID groups and meeting rooms share: name "N/A"
// and properties {} by default, the endpoint's account.
func conferenceObject(cx *callCtx, c *checker) {
	c.def("name", "N/A")
	c.def("properties", map[string]any{})
	c.ownAccount(cx, conferenceAPI)
	c.str("name")
	c.stringMap("properties")
}

// buildMeetingRoom: no attribute is required (CarrierX docs, Conference
// API v2, Create Meeting Room); an access code may be used by one room of
// the endpoint only (409 naming the code and the room that has it).
func buildMeetingRoom(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	c.def("access_codes", []any{})
	c.def("did_group_sid", nil)
	conferenceObject(cx, c)
	c.appRef(cx, "did_group_sid", confDIDGroupTbl, "did group", true)
	var codes []string
	if c.has("access_codes") {
		obj["access_codes"], codes = normalizeAccessCodes(&c.v, obj["access_codes"])
	}
	if e := c.err(); e != nil {
		return e
	}
	var refs []fieldError
	for _, room := range cx.endpointObjects(meetingRoomTable) {
		if room["meeting_room_sid"] == obj["meeting_room_sid"] {
			continue
		}
		list, _ := room["access_codes"].([]any)
		for _, k := range list {
			code := k.(map[string]any)["access_code"]
			if i := slices.Index(codes, fmt.Sprint(code)); i >= 0 {
				sid := room["meeting_room_sid"].(string)
				refs = append(refs, fieldError{Field: strPtr(fmt.Sprintf("access_codes[%d].access_code", i)), ReferenceSID: strPtr(sid),
					Message: fmt.Sprintf("access code %s is already used by meeting room %s of this endpoint", code, sid)})
			}
		}
	}
	if len(refs) > 0 {
		return &apiError{Status: http.StatusConflict, Message: "access code already in use", Errors: refs}
	}
	return nil
}

// normalizeAccessCodes checks the Meeting Key objects: access_code (keypad
// digits) and role (host, participant, listener) are required, a code
// appears once.
func normalizeAccessCodes(v *validation, val any) (any, []string) {
	arr, ok := val.([]any)
	if !ok {
		v.add("access_codes", "access_codes must be an array of {access_code, role} objects")
		return val, nil
	}
	var codes []string
	out := make([]any, 0, len(arr))
	for i, el := range arr {
		prefix := fmt.Sprintf("access_codes[%d]", i)
		m, ok := el.(map[string]any)
		if !ok {
			v.add(prefix, "an access code must be an object {access_code, role}")
			continue
		}
		for _, k := range sortedKeys(m) {
			if k != "access_code" && k != "role" {
				v.add(prefix+"."+k, "unknown attribute "+k)
			}
		}
		code, ok := m["access_code"].(string)
		switch {
		case !ok || !accessCodeRE.MatchString(code):
			v.add(prefix+".access_code", "access_code must be a string of keypad digits (0-9, *, #)")
		case slices.Contains(codes, code):
			v.add(prefix+".access_code", fmt.Sprintf("access code %s appears twice", code))
		}
		enumAt(v, prefix+".role", m["role"], false, meetingRoles)
		codes = append(codes, code)
		out = append(out, map[string]any{"access_code": m["access_code"], "role": m["role"]})
	}
	return out, codes
}
