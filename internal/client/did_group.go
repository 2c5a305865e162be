package client

import (
	"context"
)

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

// CreateDIDGroup sends POST /phonenumber/did_groups with body (a map or
// *DIDGroup); nothing is required, an empty object is allowed.
func (c *Client) CreateDIDGroup(ctx context.Context, body any) (*DIDGroup, error) {
	if body == nil {
		body = map[string]any{}
	}
	return createObject[DIDGroup](ctx, c, DIDGroupKind, nil, body)
}

// GetDIDGroup reads one DID group by SID.
func (c *Client) GetDIDGroup(ctx context.Context, sid string) (*DIDGroup, error) {
	return getObject[DIDGroup](ctx, c, DIDGroupKind, sid)
}

// UpdateDIDGroup sends PATCH /phonenumber/did_groups/{sid} with only the
// given fields (callback_url, name).
func (c *Client) UpdateDIDGroup(ctx context.Context, sid string, patch map[string]any) (*DIDGroup, error) {
	return updateObject[DIDGroup](ctx, c, DIDGroupKind, sid, patch)
}

// DeleteDIDGroup deletes a DID group; callers decide what a 404 means.
func (c *Client) DeleteDIDGroup(ctx context.Context, sid string) error {
	return deleteObject(ctx, c, DIDGroupKind, sid)
}

// ListDIDGroups fetches every page of GET /phonenumber/did_groups.
func (c *Client) ListDIDGroups(ctx context.Context, opts ListOptions) ([]DIDGroup, error) {
	return listObjects[DIDGroup](ctx, c, DIDGroupKind, opts)
}
