package client

import "encoding/json"

// Endpoint is a CarrierX endpoint (CarrierX docs, Core API, Endpoints). Pointer fields are
// nullable in the API; unknown response fields are ignored.
type Endpoint struct {
	EndpointSID     string          `json:"endpoint_sid,omitempty"`
	Name            *string         `json:"name,omitempty"`
	Type            string          `json:"type,omitempty"`
	PartnerSID      string          `json:"partner_sid,omitempty"`
	Capacity        *int64          `json:"capacity,omitempty"`
	CPSLimit        *int64          `json:"cps_limit,omitempty"`
	AuthRequired    *bool           `json:"auth_required,omitempty"`
	OutSIPUsername  *string         `json:"out_sip_username,omitempty"`
	OutSIPPassword  *string         `json:"out_sip_password,omitempty"`
	VoIPToken       *string         `json:"voip_token,omitempty"`
	Addresses       []Address       `json:"addresses,omitempty"`
	Attributes      map[string]any  `json:"attributes,omitempty"`
	Properties      map[string]any  `json:"properties,omitempty"`
	Transformations json.RawMessage `json:"transformations,omitempty"` // passed through: the shape is only partly documented
	Partner         map[string]any  `json:"partner,omitempty"`
}

// Address is one SIP address of an endpoint.
type Address struct {
	Direction   *string `json:"direction,omitempty"`
	DstPort     *int64  `json:"dst_port,omitempty"`
	IP          string  `json:"ip"`
	LocationSID *string `json:"location_sid,omitempty"`
	Port        *int64  `json:"port,omitempty"`
	Priority    *int64  `json:"priority,omitempty"`
	SIPPassword *string `json:"sip_password,omitempty"`
	SIPUsername *string `json:"sip_username,omitempty"`
	SRTP        *bool   `json:"srtp,omitempty"`
	Transport   *string `json:"transport,omitempty"`
}
