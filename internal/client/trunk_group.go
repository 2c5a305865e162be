package client

import (
	"encoding/json"
	"fmt"
)

// TrunkGroup is a CarrierX trunk group (CarrierX docs, Core API, Trunk Groups). Pointer
// fields are nullable in the API; unknown response fields are ignored.
// Trunks is filled only when the group is read with with_trunks=true, which
// this client never asks for: trunks are managed through the trunk methods.
type TrunkGroup struct {
	TrunkGroupSID         string          `json:"trunk_group_sid,omitempty"`
	PartnerSID            string          `json:"partner_sid,omitempty"`
	Name                  *string         `json:"name,omitempty"`
	ACLs                  []TrunkGroupACL `json:"acls,omitempty"`
	ExternalHandlers      json.RawMessage `json:"external_handlers,omitempty"` // shape undocumented; kept verbatim
	HardFailureCodes      *string         `json:"hard_failure_codes,omitempty"`
	HardFailureCooldown   *int64          `json:"hard_failure_cooldown,omitempty"`
	HardFailureInterval   *int64          `json:"hard_failure_interval,omitempty"`
	HardFailureLastResort *string         `json:"hard_failure_last_resort,omitempty"`
	HardFailureThreshold  *int64          `json:"hard_failure_threshold,omitempty"`
	RoutingData           *string         `json:"routing_data,omitempty"`
	RoutingType           *string         `json:"routing_type,omitempty"`
	SIPOptionsLocations   []string        `json:"sip_options_locations,omitempty"`
	SIPOptionsThreshold   *int64          `json:"sip_options_threshold,omitempty"`
	SoftFailureCodes      *string         `json:"soft_failure_codes,omitempty"`
	Transformations       json.RawMessage `json:"transformations,omitempty"` // passed through: the shape is only partly documented
	Trunks                []Trunk         `json:"trunks,omitempty"`
	Partner               map[string]any  `json:"partner,omitempty"`
}

// TrunkGroupACL is one element of the acls array of a trunk group or a
// trunk (CarrierX docs, Core API, Trunk Groups). It has the same shape as a partner's ACL;
// the SMS actions are always null on trunk groups and trunks.
type TrunkGroupACL = ACL

// Trunk is one trunk of a trunk group (CarrierX docs, Core API, Trunk Groups). It has no
// trunk_group_sid of its own: the group is the path it lives under.
type Trunk struct {
	TrunkSID         string             `json:"trunk_sid,omitempty"`
	Name             *string            `json:"name,omitempty"`
	ACLs             []TrunkGroupACL    `json:"acls,omitempty"`
	AllowForward     *string            `json:"allow_forward,omitempty"`
	AllowTransfer    *TrunkTransferMode `json:"allow_transfer,omitempty"`
	ASNMode          *string            `json:"asn_mode,omitempty"`
	CallType         *string            `json:"call_type,omitempty"`
	Codec            *string            `json:"codec,omitempty"`
	InCodec          *string            `json:"in_codec,omitempty"`
	OutCodec         *string            `json:"out_codec,omitempty"`
	EndpointSID      *string            `json:"endpoint_sid,omitempty"`
	InCapacity       *int64             `json:"in_capacity,omitempty"`
	OutCapacity      *int64             `json:"out_capacity,omitempty"`
	InIdentityFormat *string            `json:"in_identity_format,omitempty"`
	InIdentityMode   *string            `json:"in_identity_mode,omitempty"`
	OutIdentityMode  *string            `json:"out_identity_mode,omitempty"`
	InRFC4694Mode    *string            `json:"in_rfc_4694_mode,omitempty"`
	OutRFC4694Mode   *string            `json:"out_rfc_4694_mode,omitempty"`
	InIPProfileSID   *string            `json:"in_ip_profile_sid,omitempty"`
	OutIPProfileSID  *string            `json:"out_ip_profile_sid,omitempty"`
	LocationSID      *string            `json:"location_sid,omitempty"`
	Priority         *int64             `json:"priority,omitempty"`
	Weight           *int64             `json:"weight,omitempty"`
	RelaySIPHeaders  []string           `json:"relay_sip_headers,omitempty"`
	Transformations  json.RawMessage    `json:"transformations,omitempty"` // passed through: the shape is only partly documented
}

// TrunkTransferMode is a trunk's allow_transfer. Older docs and every sample
// show a boolean, the newest docs a string enum (default "disabled"); both
// decode, a boolean to "true"/"false". "true" and "false" marshal back as
// JSON booleans, anything else as a string.
type TrunkTransferMode string

func (m *TrunkTransferMode) UnmarshalJSON(b []byte) error {
	var bv bool
	if err := json.Unmarshal(b, &bv); err == nil {
		*m = TrunkTransferMode(fmt.Sprint(bv))
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("allow_transfer: want a boolean or a string, got %s", b)
	}
	*m = TrunkTransferMode(s)
	return nil
}

func (m TrunkTransferMode) MarshalJSON() ([]byte, error) {
	if m == "true" || m == "false" {
		return []byte(m), nil
	}
	return json.Marshal(string(m))
}

// TrunkGroupTrunksPath is the trunks sub-collection of a trunk group.
func TrunkGroupTrunksPath(trunkGroupSID string) string {
	return TrunkGroupKind.item(trunkGroupSID) + "/trunks"
}
