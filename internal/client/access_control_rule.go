package client

// AccessControlRule is a match criterion that ACLs on partners, trunk
// groups and trunks refer to by SID (CarrierX docs, Core API, Trunk Groups). The list
// also returns the parent partner's rules, with ReadOnly true.
type AccessControlRule struct {
	RuleSID    string   `json:"rule_sid,omitempty"`
	Name       *string  `json:"name,omitempty"`
	Field      string   `json:"field,omitempty"`
	Operation  string   `json:"operation,omitempty"`
	Quantifier string   `json:"quantifier,omitempty"`
	Entries    []string `json:"entries"`
	ReadOnly   bool     `json:"read_only"`
}
