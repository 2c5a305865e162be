package client

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// Partner is a CarrierX account (CarrierX docs, Core API, Partners). Pointer fields are
// nullable in the API (e-mails stay null until verified).
type Partner struct {
	PartnerSID         string            `json:"partner_sid,omitempty"`
	ParentSID          string            `json:"parent_sid,omitempty"`
	DisplayID          string            `json:"display_id,omitempty"`
	Login              string            `json:"login,omitempty"`
	Password           *string           `json:"password,omitempty"` // sent on create, never returned
	Name               string            `json:"name,omitempty"`
	CompanyName        string            `json:"company_name,omitempty"`
	Address1           *string           `json:"address1,omitempty"`
	Address2           *string           `json:"address2,omitempty"`
	City               *string           `json:"city,omitempty"`
	State              *string           `json:"state,omitempty"`
	Zip                *string           `json:"zip,omitempty"`
	CountryCode        string            `json:"country_code,omitempty"`
	PhoneNumber        *string           `json:"phonenumber,omitempty"`
	OwnerEmail         *string           `json:"owner_email,omitempty"`
	BillingEmail       *string           `json:"billing_email,omitempty"`
	TechEmail          *string           `json:"tech_email,omitempty"`
	PaymentType        string            `json:"payment_type,omitempty"`
	Balance            FlexString        `json:"balance,omitempty"`
	ChargeAt           *FlexString       `json:"charge_at,omitempty"`
	PrepayAmount       *FlexString       `json:"prepay_amount,omitempty"`
	SpendingLimit      *FlexString       `json:"spending_limit,omitempty"`
	DailySpendingLimit *FlexString       `json:"daily_spending_limit,omitempty"`
	DailySpentAmount   FlexString        `json:"daily_spent_amount,omitempty"`
	Status             string            `json:"status,omitempty"`
	DateCreated        string            `json:"date_created,omitempty"`
	AvailableScopes    StringList        `json:"available_scopes,omitempty"`
	Attributes         map[string]any    `json:"attributes,omitempty"`
	Callbacks          map[string]string `json:"callbacks,omitempty"`
	ACLs               []ACL             `json:"acls,omitempty"`
	ParentAssignedACLs []ACL             `json:"parent_assigned_acls,omitempty"`
	Transformations    json.RawMessage   `json:"transformations,omitempty"` // passed through: the shape is only partly documented
}

// ACL is an access control list item of a partner, trunk group or trunk.
type ACL struct {
	AccessControlRules []string `json:"access_control_rules"`
	Direction          string   `json:"direction,omitempty"`
	SMSActionTrue      *string  `json:"sms_action_true"`
	SMSActionFalse     *string  `json:"sms_action_false"`
	VoiceActionTrue    *string  `json:"voice_action_true"`
	VoiceActionFalse   *string  `json:"voice_action_false"`
}

// FlexString holds an API number that the API serialises as a string
// ("351.52") but might send as a JSON number; either decodes to its text.
// null decodes to "". It marshals as a JSON string.
type FlexString string

func (s *FlexString) UnmarshalJSON(b []byte) error {
	var v string
	if json.Unmarshal(b, &v) == nil { // a string, or null
		*s = FlexString(v)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("FlexString: want a string or number, got %s", b)
	}
	*s = FlexString(n.String())
	return nil
}

// StringList is documented as a string but returned as an array of
// strings; it accepts both (a string splits on commas/semicolons) and null.
type StringList []string

func (l *StringList) UnmarshalJSON(b []byte) error {
	var arr []string
	if err := json.Unmarshal(b, &arr); err == nil {
		*l = arr
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("StringList: want an array of strings or a string, got %s", b)
	}
	*l = nil
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

// partnerTokenItem is the part of an OAuth token (CarrierX docs, Core API, OAuth) needed to
// tell which partner owns it.
type partnerTokenItem struct {
	AccessToken string `json:"access_token"`
	PartnerSID  string `json:"partner_sid"`
}

// PartnerSIDOfToken returns the SID of the partner that owns the client's
// token. The reference has no "whoami" call, so it lists GET /oauth/tokens
// (the calling partner's tokens, scope oauth.read or oauth.manage) and takes
// the partner_sid of the item whose access_token is the client's own; the
// token itself is never sent as a filter. When no item carries it (the live
// API might not return access_token in lists) and every item names the same
// partner, that partner is the answer.
func (c *Client) PartnerSIDOfToken(ctx context.Context) (string, error) {
	items, err := ListAll[partnerTokenItem](ctx, c, "/oauth/tokens", ListOptions{})
	if err != nil {
		return "", err
	}
	owners := map[string]bool{}
	for _, it := range items {
		if it.AccessToken != "" && it.AccessToken == c.cfg.Token && it.PartnerSID != "" {
			return it.PartnerSID, nil
		}
		if it.PartnerSID != "" {
			owners[it.PartnerSID] = true
		}
	}
	if len(owners) == 1 {
		for sid := range owners {
			return sid, nil
		}
	}
	return "", fmt.Errorf("CarrierX API: GET /oauth/tokens: cannot tell which partner owns this token "+
		"(%d tokens listed, %d partners among them)", len(items), len(owners))
}
