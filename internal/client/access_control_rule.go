package client

import (
	"context"
)

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

// CreateAccessControlRule sends POST /accesscontrol/rules with body (a map
// or *AccessControlRule); the API requires entries, field, operation and
// quantifier.
func (c *Client) CreateAccessControlRule(ctx context.Context, body any) (*AccessControlRule, error) {
	return createObject[AccessControlRule](ctx, c, AccessControlRuleKind, nil, body)
}

// GetAccessControlRule reads one rule by SID.
func (c *Client) GetAccessControlRule(ctx context.Context, sid string) (*AccessControlRule, error) {
	return getObject[AccessControlRule](ctx, c, AccessControlRuleKind, sid)
}

// UpdateAccessControlRule sends PATCH /accesscontrol/rules/{sid} with only
// the given fields.
func (c *Client) UpdateAccessControlRule(ctx context.Context, sid string, patch map[string]any) (*AccessControlRule, error) {
	return updateObject[AccessControlRule](ctx, c, AccessControlRuleKind, sid, patch)
}

// DeleteAccessControlRule deletes a rule; callers decide what a 404 means.
func (c *Client) DeleteAccessControlRule(ctx context.Context, sid string) error {
	return deleteObject(ctx, c, AccessControlRuleKind, sid)
}

// ListAccessControlRules fetches every page of GET /accesscontrol/rules:
// the caller's rules and its parent partner's (read only).
func (c *Client) ListAccessControlRules(ctx context.Context, opts ListOptions) ([]AccessControlRule, error) {
	return listObjects[AccessControlRule](ctx, c, AccessControlRuleKind, opts)
}
