package client

import (
	"context"
)

// Prefix routes outbound calls whose dialed number starts with Prefix to a
// trunk group (CarrierX docs, Core API, Phone Numbers). Pointer fields are nullable in the
// API; unknown response fields are ignored.
type Prefix struct {
	PrefixSID           string           `json:"prefix_sid,omitempty"`
	Prefix              string           `json:"prefix,omitempty"`
	Name                *string          `json:"name,omitempty"`
	PartnerSID          string           `json:"partner_sid,omitempty"`
	TrunkGroupSID       *string          `json:"trunk_group_sid,omitempty"`
	SourceTrunkGroupSID *string          `json:"source_trunk_group_sid,omitempty"`
	CallbackURL         *string          `json:"callback_url,omitempty"`
	LRNSID              *string          `json:"lrn_sid,omitempty"`
	StringKey1          *string          `json:"string_key_1,omitempty"`
	StringKey2          *string          `json:"string_key_2,omitempty"`
	Attributes          map[string]any   `json:"attributes,omitempty"`
	Transformations     []Transformation `json:"transformations,omitempty"`
	Partner             map[string]any   `json:"partner,omitempty"` // only with with_related=true
}

// CreatePrefix sends POST /phonenumber/prefixes with body (a map or
// *Prefix); the API requires prefix.
func (c *Client) CreatePrefix(ctx context.Context, body any) (*Prefix, error) {
	return createObject[Prefix](ctx, c, PrefixKind, nil, body)
}

// GetPrefix reads one prefix by SID.
func (c *Client) GetPrefix(ctx context.Context, sid string) (*Prefix, error) {
	return getObject[Prefix](ctx, c, PrefixKind, sid)
}

// UpdatePrefix sends PATCH /phonenumber/prefixes/{sid} with only the given
// fields.
func (c *Client) UpdatePrefix(ctx context.Context, sid string, patch map[string]any) (*Prefix, error) {
	return updateObject[Prefix](ctx, c, PrefixKind, sid, patch)
}

// DeletePrefix deletes a prefix; callers decide what a 404 means.
func (c *Client) DeletePrefix(ctx context.Context, sid string) error {
	return deleteObject(ctx, c, PrefixKind, sid)
}

// ListPrefixes fetches every page of GET /phonenumber/prefixes.
func (c *Client) ListPrefixes(ctx context.Context, opts ListOptions) ([]Prefix, error) {
	return listObjects[Prefix](ctx, c, PrefixKind, opts)
}
