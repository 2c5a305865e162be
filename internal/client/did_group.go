package client

// DIDGroup is a group of rented DIDs sharing an SMS callback URL
// (CarrierX docs, Core API, Phone Numbers). Pointer fields are nullable in the API;
// unknown response fields are ignored.
type DIDGroup struct {
	DIDGroupSID string         `json:"did_group_sid,omitempty"`
	Name        *string        `json:"name,omitempty"`
	CallbackURL *string        `json:"callback_url,omitempty"`
	PartnerSID  string         `json:"partner_sid,omitempty"`
	Partner     map[string]any `json:"partner,omitempty"` // only with with_related=true
}
