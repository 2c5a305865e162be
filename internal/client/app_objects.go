package client

// MediatorBinding forwards calls to a redirect number, rented and routed to
// the Mediator endpoint, on to a destination number (CarrierX docs,
// Mediator API, Bindings). Pointer fields are nullable in the API.
type MediatorBinding struct {
	AccountSID            string         `json:"account_sid,omitempty"`
	Attributes            map[string]any `json:"attributes,omitempty"`
	BindingSID            string         `json:"binding_sid,omitempty"`
	DateCreated           *string        `json:"date_created,omitempty"`
	DestinationDID        *string        `json:"destination_did,omitempty"`
	DTMF                  *string        `json:"dtmf,omitempty"`
	MaximumTTL            *int64         `json:"maximum_ttl,omitempty"`
	Name                  *string        `json:"name,omitempty"`
	OriginationDID        *string        `json:"origination_did,omitempty"`
	RedirectDID           *string        `json:"redirect_did,omitempty"`
	RedirectDIDInfo       map[string]any `json:"redirect_did_info,omitempty"`
	WaitOriginationDIDTTL *int64         `json:"wait_origination_did_ttl,omitempty"`
}

// AppDID is a number routed to a hosted endpoint as its endpoint API
// shows it (CarrierX docs, Mediator, FlexML and Conference API, DIDs): the
// API lists the numbers whose trunk group has a trunk to the endpoint. Its
// did_sid is the endpoint API's own. The FlexML and Conference APIs add
// writable settings.
type AppDID struct {
	AccountSID          string  `json:"account_sid,omitempty"`
	CountryCode         *string `json:"country_code,omitempty"`
	DIDSID              string  `json:"did_sid,omitempty"`
	InCountryFormat     *string `json:"in_country_format,omitempty"`
	InternationalFormat *string `json:"international_format,omitempty"`
	PhoneNumber         *string `json:"phonenumber,omitempty"`

	// FlexML (CarrierX docs, FlexML API, DIDs).
	URL                  *string `json:"url,omitempty"`
	Method               *string `json:"method,omitempty"`
	StatusCallbackURL    *string `json:"status_callback_url,omitempty"`
	StatusCallbackMethod *string `json:"status_callback_method,omitempty"`

	// Conference v2 (CarrierX docs, Conference API v2, DIDs).
	CallFlowSID *string        `json:"call_flow_sid,omitempty"`
	DIDGroupSID *string        `json:"did_group_sid,omitempty"`
	Properties  map[string]any `json:"properties,omitempty"`
}

// AppAccount is the one account of a hosted endpoint in its endpoint API
// (CarrierX docs, FlexML API and Conference API v2, Accounts). The
// password is write only (Conference) and never read back.
type AppAccount struct {
	AccountSID  string  `json:"account_sid,omitempty"`
	DateCreated *string `json:"date_created,omitempty"`
	Login       *string `json:"login,omitempty"`
	Name        *string `json:"name,omitempty"`

	// FlexML.
	URL                  *string `json:"url,omitempty"`
	Method               *string `json:"method,omitempty"`
	ErrorHandler         *string `json:"error_handler,omitempty"`
	StatusCallbackURL    *string `json:"status_callback_url,omitempty"`
	StatusCallbackMethod *string `json:"status_callback_method,omitempty"`

	// Conference v2.
	CallFlowSID *string        `json:"call_flow_sid,omitempty"`
	Properties  map[string]any `json:"properties,omitempty"`
}

// ConferenceDIDGroup groups conference numbers under one call flow and
// properties (CarrierX docs, Conference API v2, DID Groups).
type ConferenceDIDGroup struct {
	AccountSID  string         `json:"account_sid,omitempty"`
	CallFlowSID *string        `json:"call_flow_sid,omitempty"`
	DIDGroupSID string         `json:"did_group_sid,omitempty"`
	Name        *string        `json:"name,omitempty"`
	Properties  map[string]any `json:"properties,omitempty"`
}

// ConferenceCallFlow is one of the platform's call flows, read only
// (CarrierX docs, Conference API v2, Call Flows).
type ConferenceCallFlow struct {
	CallFlowSID string         `json:"call_flow_sid,omitempty"`
	Name        *string        `json:"name,omitempty"`
	Properties  map[string]any `json:"properties,omitempty"`
}

// MeetingRoom is a conference room with its access codes (CarrierX docs,
// Conference API v2, Meeting Rooms).
type MeetingRoom struct {
	AccessCodes    []AccessCode   `json:"access_codes,omitempty"`
	AccountSID     string         `json:"account_sid,omitempty"`
	DIDGroupSID    *string        `json:"did_group_sid,omitempty"`
	MeetingRoomSID string         `json:"meeting_room_sid,omitempty"`
	Name           *string        `json:"name,omitempty"`
	Properties     map[string]any `json:"properties,omitempty"`
}

// AccessCode is a code callers enter and the role it grants: host,
// participant or listener.
type AccessCode struct {
	AccessCode string `json:"access_code"`
	Role       string `json:"role"`
}

// Kinds of the endpoint APIs' collections (paths below the API's base URL).
var (
	MediatorBindingKind = Kind{Name: "Mediator binding", Path: "/bindings", SIDKey: "binding_sid",
		Identity: []string{"destination_did", "redirect_did", "origination_did"}, CreatedAt: "date_created"}
	AppDIDKind             = Kind{Name: "DID", Path: "/dids", SIDKey: "did_sid"}
	AppAccountKind         = Kind{Name: "account", Path: "/accounts", SIDKey: "account_sid"}
	ConferenceCallFlowKind = Kind{Name: "call flow", Path: "/call_flows", SIDKey: "call_flow_sid"}
	ConferenceDIDGroupKind = Kind{Name: "conference DID group", Path: "/did_groups", SIDKey: "did_group_sid",
		Identity: []string{"name"}}
	MeetingRoomKind = Kind{Name: "meeting room", Path: "/meeting_rooms", SIDKey: "meeting_room_sid",
		Identity: []string{"name"}}
)
