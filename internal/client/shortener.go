package client

import (
	"context"
)

// ShortenerDomain is a URL shortener domain (CarrierX docs, Core API, URL Shortener). Pointer
// fields are nullable in the API; unknown response fields are ignored.
type ShortenerDomain struct {
	DomainSID          string  `json:"domain_sid,omitempty"`
	DomainName         string  `json:"domain_name,omitempty"`
	PartnerSID         string  `json:"partner_sid,omitempty"`
	ExpiredMode        *string `json:"expired_mode,omitempty"`
	ExpiredPage        *string `json:"expired_page,omitempty"`
	ExpiredStatusCode  *int64  `json:"expired_status_code,omitempty"`
	MinimumLength      *int64  `json:"minimum_length,omitempty"`
	NotFoundMode       *string `json:"not_found_mode,omitempty"`
	NotFoundPage       *string `json:"not_found_page,omitempty"`
	NotFoundStatusCode *int64  `json:"not_found_status_code,omitempty"`
	Scope              *string `json:"scope,omitempty"`
	Secure             *string `json:"secure,omitempty"`
	SuffixPattern      *string `json:"suffix_pattern,omitempty"`
}

// ShortenerLink is a short link on a domain (CarrierX docs, Core API, URL Shortener).
type ShortenerLink struct {
	LinkSID        string  `json:"link_sid,omitempty"`
	DomainSID      string  `json:"domain_sid,omitempty"`
	PartnerSID     string  `json:"partner_sid,omitempty"`
	DestinationURL string  `json:"destination_url,omitempty"`
	DateAccessed   *string `json:"date_accessed,omitempty"`
	DateCreated    *string `json:"date_created,omitempty"`
	Hits           *int64  `json:"hits,omitempty"`
	MaximumTTL     *int64  `json:"maximum_ttl,omitempty"`
	Mode           *string `json:"mode,omitempty"`
	ShortName      *string `json:"short_name,omitempty"`
	URL            *string `json:"url,omitempty"`
}

// CreateShortenerDomain sends POST /shortener/domains; domain_name is required.
func (c *Client) CreateShortenerDomain(ctx context.Context, body any) (*ShortenerDomain, error) {
	return createObject[ShortenerDomain](ctx, c, ShortenerDomainKind, nil, body)
}

// GetShortenerDomain reads one domain by SID.
func (c *Client) GetShortenerDomain(ctx context.Context, sid string) (*ShortenerDomain, error) {
	return getObject[ShortenerDomain](ctx, c, ShortenerDomainKind, sid)
}

// UpdateShortenerDomain sends PATCH /shortener/domains/{sid} with only the given fields.
func (c *Client) UpdateShortenerDomain(ctx context.Context, sid string, patch map[string]any) (*ShortenerDomain, error) {
	return updateObject[ShortenerDomain](ctx, c, ShortenerDomainKind, sid, patch)
}

// DeleteShortenerDomain deletes a domain; callers decide what a 404 means.
func (c *Client) DeleteShortenerDomain(ctx context.Context, sid string) error {
	return deleteObject(ctx, c, ShortenerDomainKind, sid)
}

// ListShortenerDomains fetches every page of GET /shortener/domains.
func (c *Client) ListShortenerDomains(ctx context.Context, opts ListOptions) ([]ShortenerDomain, error) {
	return listObjects[ShortenerDomain](ctx, c, ShortenerDomainKind, opts)
}

// CreateShortenerLink sends POST /shortener/links; domain_sid and
// destination_url are required. The reuse query argument is never sent: a
// reused link would belong to someone else's configuration.
func (c *Client) CreateShortenerLink(ctx context.Context, body any) (*ShortenerLink, error) {
	return createObject[ShortenerLink](ctx, c, ShortenerLinkKind, nil, body)
}

// GetShortenerLink reads one link by SID.
func (c *Client) GetShortenerLink(ctx context.Context, sid string) (*ShortenerLink, error) {
	return getObject[ShortenerLink](ctx, c, ShortenerLinkKind, sid)
}

// UpdateShortenerLink sends PATCH /shortener/links/{sid} with only the given fields.
func (c *Client) UpdateShortenerLink(ctx context.Context, sid string, patch map[string]any) (*ShortenerLink, error) {
	return updateObject[ShortenerLink](ctx, c, ShortenerLinkKind, sid, patch)
}

// DeleteShortenerLink deletes a link; callers decide what a 404 means.
func (c *Client) DeleteShortenerLink(ctx context.Context, sid string) error {
	return deleteObject(ctx, c, ShortenerLinkKind, sid)
}

// ListShortenerLinks fetches every page of GET /shortener/links (its total is null).
func (c *Client) ListShortenerLinks(ctx context.Context, opts ListOptions) ([]ShortenerLink, error) {
	return listObjects[ShortenerLink](ctx, c, ShortenerLinkKind, opts)
}
