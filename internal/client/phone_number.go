package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// DID is a phone number (CarrierX docs, Core API, Phone Numbers). The same shape is
// returned for available (inventory) and rented numbers. Pointer fields are
// nullable in the API; unknown response fields are ignored.
type DID struct {
	ActiveCapabilities  int64           `json:"active_capabilities"`
	Attributes          map[string]any  `json:"attributes,omitempty"`
	CallbackURL         *string         `json:"callback_url,omitempty"`
	CampaignSID         *string         `json:"campaign_sid,omitempty"`
	Capabilities        int64           `json:"capabilities"`
	ClassificationSID   *string         `json:"classification_sid,omitempty"`
	CountryCode         string          `json:"country_code,omitempty"`
	DIDGroupSID         *string         `json:"did_group_sid,omitempty"`
	DIDSID              string          `json:"did_sid,omitempty"`
	InCountryFormat     *string         `json:"in_country_format,omitempty"`
	InternationalFormat *string         `json:"international_format,omitempty"`
	LATA                *string         `json:"lata,omitempty"`
	Locality            *string         `json:"locality,omitempty"`
	LRNSID              *string         `json:"lrn_sid,omitempty"`
	Name                *string         `json:"name,omitempty"`
	OCN                 *string         `json:"ocn,omitempty"`
	PartnerSID          *string         `json:"partner_sid,omitempty"`
	PhoneNumber         string          `json:"phonenumber,omitempty"`
	PortingPIN          *string         `json:"porting_pin,omitempty"`
	Price               *FlexString     `json:"price,omitempty"`
	State               *string         `json:"state,omitempty"`
	Status              string          `json:"status,omitempty"`
	StringKey1          *string         `json:"string_key_1,omitempty"`
	StringKey2          *string         `json:"string_key_2,omitempty"`
	Transformations     json.RawMessage `json:"transformations,omitempty"` // passed through: the shape is only partly documented
	TrunkGroupSID       *string         `json:"trunk_group_sid,omitempty"`
	Partner             map[string]any  `json:"partner,omitempty"`
}

// DID capability bits (CarrierX docs, Core API, Phone Numbers), summed in capabilities
// and active_capabilities.
const (
	DIDCapabilitySMSInbound  int64 = 1
	DIDCapabilitySMSOutbound int64 = 2
	DIDCapabilityVoice       int64 = 4
	DIDCapabilityMMSInbound  int64 = 8
	DIDCapabilityMMSOutbound int64 = 16
)

// DID statuses seen in the reference.
const (
	DIDStatusAvailable = "available"
	DIDStatusAssigned  = "assigned"
	DIDStatusAging     = "aging"
)

const (
	availableDIDsPath = "/phonenumber/available_dids"
	lookupDIDsPath    = "/lookup/dids"
)

// NormalizeDIDNumber reduces a phone number as people write it
// ("+1 (555) 010-0142", "1-555-010-0142") to the API's form: E.164 digits
// without "+". It fails when anything but digits, one leading "+", spaces,
// dashes, dots and parentheses is present, or when the result is not 7 to
// 15 digits.
func NormalizeDIDNumber(s string) (string, error) {
	in := strings.TrimSpace(s)
	var b strings.Builder
	for i, r := range in {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return "", fmt.Errorf("%q is not a phone number: only digits, a leading +, spaces, dashes, dots and parentheses are allowed", s)
		}
	}
	d := b.String()
	if len(d) < 7 || len(d) > 15 {
		return "", fmt.Errorf("%q is not a phone number: it has %d digits, an E.164 number has 7 to 15 (country code included)", s, len(d))
	}
	return d, nil
}

// RentDIDOptions are the query arguments of POST /phonenumber/dids.
type RentDIDOptions struct {
	// IncludeExternal asks CarrierX to consider external inventory too; nil
	// leaves the argument out (semantics only partly documented).
	IncludeExternal *bool
	// Available says the number was listed as available just before (a
	// search): none of the account's numbers was it, so a lost answer can
	// be resolved without listing the account's numbers first.
	Available bool
}

// RentDID rents a number: POST /phonenumber/dids with body (a map or *DID).
// An empty body rents whatever CarrierX picks; "phonenumber" rents exactly
// that available number.
func (c *Client) RentDID(ctx context.Context, body any, opts RentDIDOptions) (*DID, error) {
	var q url.Values
	if opts.IncludeExternal != nil {
		q = url.Values{"include_external": {strconv.FormatBool(*opts.IncludeExternal)}}
	}
	var before map[string]bool
	if opts.Available {
		before = map[string]bool{} // no number of the account was it
	}
	return Objects[DID](c, DIDKind).create(ctx, body, q, before)
}

// FindRentedDID returns the rented DID with this number (any spelling
// NormalizeDIDNumber accepts), or nil and no error when this account does
// not rent it. It sends one filtered list request.
func (c *Client) FindRentedDID(ctx context.Context, number string) (*DID, error) {
	digits, err := NormalizeDIDNumber(number)
	if err != nil {
		return nil, err
	}
	page, err := ListPage[DID](ctx, c, DIDKind.Path, ListOptions{Filter: Eq("phonenumber", digits).String(), PageSize: 2}, 0)
	if err != nil {
		return nil, err
	}
	for i := range page.Items {
		if page.Items[i].PhoneNumber == digits {
			return &page.Items[i], nil
		}
	}
	return nil, nil
}

// AvailableDIDSearch is a search of the rentable inventory. Every set field
// is one condition of the filter; all must hold.
type AvailableDIDSearch struct {
	CountryCode  string // ISO 3166-1 alpha-3: country_code eq
	State        string // state eq; upper-cased like the API's 2-letter codes
	Locality     string // locality eq; CarrierX stores localities upper case, so the value is upper-cased
	Prefix       string // digits the number starts with, country code included: phonenumber like "<prefix>%"
	Capabilities int64  // bits that must all be set: capabilities bit N
	NearLatLng   string // "<latitude>,<longitude>": phonenumber nearby latlng:...
	Filter       string // any further raw condition, joined with and
	Order        string // e.g. "phonenumber asc" or "shuffle"
}

// FilterString renders the search as a filter expression.
func (s AvailableDIDSearch) FilterString() string {
	var f Filter
	if s.CountryCode != "" {
		f = f.And(Eq("country_code", s.CountryCode))
	}
	if s.State != "" {
		f = f.And(Eq("state", strings.ToUpper(s.State)))
	}
	if s.Locality != "" {
		f = f.And(Eq("locality", strings.ToUpper(s.Locality)))
	}
	if s.Prefix != "" {
		f = f.And(Like("phonenumber", s.Prefix+"%"))
	}
	// One condition per bit, as the documented example filters
	// (capabilities bit 4); a combined mask's meaning is not documented
	// (CarrierX docs, Core API, Phone Numbers, Get Available DIDs).
	for bit := int64(1); bit > 0 && bit <= s.Capabilities; bit <<= 1 {
		if s.Capabilities&bit != 0 {
			f = f.And(Bit("capabilities", bit))
		}
	}
	if s.NearLatLng != "" {
		f = f.And(Raw("phonenumber nearby latlng:" + strings.ReplaceAll(s.NearLatLng, " ", "")))
	}
	return f.And(Raw(s.Filter)).String()
}

// ListAvailableDIDs returns at most limit rentable numbers matching the
// search (limit <= 0 means 10, the API's default page). Total is null for
// this list: has_more says when it ends.
func (c *Client) ListAvailableDIDs(ctx context.Context, s AvailableDIDSearch, limit int) ([]DID, error) {
	if limit <= 0 {
		limit = 10
	}
	return listAll[DID](ctx, c, availableDIDsPath, ListOptions{Filter: s.FilterString(), Order: s.Order}, limit)
}

// GetAvailableDID reads one rentable number by SID.
func (c *Client) GetAvailableDID(ctx context.Context, sid string) (*DID, error) {
	return call[DID](ctx, c, http.MethodGet, availableDIDsPath+"/"+url.PathEscape(sid), nil, nil)
}

// DIDLookupOptions are the query arguments of GET /lookup/dids/{phonenumber}
// (CarrierX docs, Core API, Countries and Lookup). Each option needs its own scope.
type DIDLookupOptions struct {
	Carrier     bool   // lookup.dids.allow_carrier
	CNAM        bool   // lookup.dids.allow_cnam
	CNAMTTL     *int64 // cache TTL override of the CNAM answer
	LRN         bool   // lookup.dids.allow_lrn
	CountryCode string // alpha-3 hint
	Guess       string // steers the lookup together with CountryCode (values undocumented)
}

// DIDLookup is the Phone Number Lookup answer.
type DIDLookup struct {
	CountryCode         *string          `json:"country_code"`
	Details             DIDLookupDetails `json:"details"`
	E164Format          *string          `json:"e164_format"`
	InCountryFormat     *string          `json:"in_country_format"`
	InternationalFormat *string          `json:"international_format"`
	PhoneNumber         string           `json:"phonenumber"`
	State               *string          `json:"state"`
}

// DIDLookupDetails holds the optional parts; each is nil unless requested
// and permitted. CNAM and LRN structures are undocumented.
type DIDLookupDetails struct {
	Carrier *DIDLookupCarrier `json:"carrier"`
	CNAM    map[string]any    `json:"cnam"`
	LRN     map[string]any    `json:"lrn"`
}

// DIDLookupCarrier is details.carrier of a lookup.
type DIDLookupCarrier struct {
	MCC  *string `json:"mcc"`
	MNC  *string `json:"mnc"`
	Name *string `json:"name"`
	Type *string `json:"type"`
}

// LookupDID looks a phone number up. The number goes into the path as
// given (CarrierX ignores everything but digits and "+"); an empty number is
// an error.
func (c *Client) LookupDID(ctx context.Context, number string, opts DIDLookupOptions) (*DIDLookup, error) {
	if strings.TrimSpace(number) == "" {
		return nil, errors.New("carrierx client: LookupDID needs a phone number")
	}
	q := url.Values{}
	if opts.Carrier {
		q.Set("carrier", "true")
	}
	if opts.CNAM {
		q.Set("cnam", "true")
	}
	if opts.CNAMTTL != nil {
		q.Set("cnam_ttl", strconv.FormatInt(*opts.CNAMTTL, 10))
	}
	if opts.LRN {
		q.Set("lrn", "true")
	}
	setIf(q, "country_code", opts.CountryCode)
	setIf(q, "guess", opts.Guess)
	return call[DIDLookup](ctx, c, http.MethodGet, lookupDIDsPath+"/"+url.PathEscape(strings.TrimSpace(number)), q, nil)
}

// didClaims are the numbers this process has rented or is renting, per API
// base URL, so that numbers rented in parallel from the same search (a
// Terraform for_each or count) do not all try the first match: a search
// made while another rent was under way may still list that number. One
// process serves one Terraform operation, so the set stays small. It is
// shared by every Client of the process, as they may reach the same API.
var didClaims sync.Map

func claimedDIDs() int {
	n := 0
	didClaims.Range(func(_, _ any) bool { n++; return true })
	return n
}

// availableDIDCandidates is how many matches beyond those claimed in this
// process a search asks for (at most 1,000, one page), and
// availableDIDRentAttempts how many of them are tried when renting fails
// because another buyer was faster.
const (
	availableDIDCandidates   = 20
	availableDIDRentAttempts = 5
)

// ErrNoAvailableDID is RentAvailableDID's answer when the search matches
// no number that this process has not already claimed.
var ErrNoAvailableDID = errors.New("no available phone number matches the search")

// AvailableDIDSearchError is a failure of the search itself, before any
// number was rented.
type AvailableDIDSearchError struct{ Err error }

func (e *AvailableDIDSearchError) Error() string {
	return "search available phone numbers: " + e.Err.Error()
}
func (e *AvailableDIDSearchError) Unwrap() error { return e.Err }

// didTaken reports whether a rent failed because that number is no longer
// available (so the next candidate may succeed), as opposed to a problem
// with the request itself.
func didTaken(err error) bool {
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		return false
	}
	switch apiErr.StatusCode {
	case http.StatusConflict, http.StatusNotFound:
		return true
	case http.StatusBadRequest, http.StatusUnprocessableEntity:
		for _, d := range apiErr.Errors {
			if d.Field != "" && d.Field != "phonenumber" {
				return false
			}
		}
		return true
	}
	return false
}

// RentAvailableDID searches the inventory and rents, with the fields of
// body, the first match that is still available and not claimed by another
// rent of this process. When another buyer was faster it tries the next
// match, a few times. Errors: *AvailableDIDSearchError when the search
// fails, ErrNoAvailableDID when nothing is left to try, else the rent's.
func (c *Client) RentAvailableDID(ctx context.Context, s AvailableDIDSearch, body map[string]any) (*DID, error) {
	cands, err := c.ListAvailableDIDs(ctx, s, min(claimedDIDs()+availableDIDCandidates, maxPageSize))
	if err != nil {
		return nil, &AvailableDIDSearchError{Err: err}
	}
	var lastErr error
	tried := 0
	for _, cand := range cands {
		key := c.BaseURL() + " " + cand.PhoneNumber
		if _, taken := didClaims.LoadOrStore(key, true); taken {
			continue
		}
		tried++
		rent := map[string]any{"phonenumber": cand.PhoneNumber}
		maps.Copy(rent, body)
		// The search just listed it as available, so a lost answer can be resolved.
		did, err := c.RentDID(ctx, rent, RentDIDOptions{Available: true})
		if _, found := AdoptedAfterLostAnswer(err); err == nil || found {
			// The claim stays: searches made before this rent may still list the number.
			return did, err
		}
		lastErr = err
		if !didTaken(err) {
			didClaims.Delete(key)
			return nil, err
		}
		if tried >= availableDIDRentAttempts {
			return nil, err
		}
		if c.cfg.Log != nil {
			c.cfg.Log(ctx, LevelDebug, "phone number taken meanwhile, trying the next match",
				map[string]any{"phonenumber": cand.PhoneNumber, "error": err.Error()})
		}
	}
	if lastErr != nil {
		return nil, lastErr
	}
	return nil, ErrNoAvailableDID
}
