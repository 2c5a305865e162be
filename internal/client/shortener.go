package client

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
