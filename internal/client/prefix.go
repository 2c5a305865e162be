package client

import "encoding/json"

// Prefix routes outbound calls whose dialed number starts with Prefix to a
// trunk group (CarrierX docs, Core API, Phone Numbers). Pointer fields are nullable in the
// API; unknown response fields are ignored.
type Prefix struct {
	PrefixSID           string          `json:"prefix_sid,omitempty"`
	Prefix              string          `json:"prefix,omitempty"`
	Name                *string         `json:"name,omitempty"`
	PartnerSID          string          `json:"partner_sid,omitempty"`
	TrunkGroupSID       *string         `json:"trunk_group_sid,omitempty"`
	SourceTrunkGroupSID *string         `json:"source_trunk_group_sid,omitempty"`
	CallbackURL         *string         `json:"callback_url,omitempty"`
	LRNSID              *string         `json:"lrn_sid,omitempty"`
	StringKey1          *string         `json:"string_key_1,omitempty"`
	StringKey2          *string         `json:"string_key_2,omitempty"`
	Attributes          map[string]any  `json:"attributes,omitempty"`
	Transformations     json.RawMessage `json:"transformations,omitempty"` // passed through: the shape is only partly documented
	Partner             map[string]any  `json:"partner,omitempty"`         // only with with_related=true
}
