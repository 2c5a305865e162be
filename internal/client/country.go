package client

import (
	"context"
	"net/http"
	"net/url"
)

// Country is a CarrierX country (CarrierX docs, Core API, Countries and Lookup); all read only.
type Country struct {
	Capital        *string `json:"capital"`
	CommonName     *string `json:"common_name"`
	DialingPrefix  *string `json:"dialing_prefix"`
	Domain         *string `json:"domain"`
	ISO3166Alpha2  *string `json:"iso_3166_alpha_2"`
	ISO3166Alpha3  string  `json:"iso_3166_alpha_3"`
	ISO3166Numeric *int64  `json:"iso_3166_numeric"`
	MCC            *string `json:"mcc"`
	OfficialName   *string `json:"official_name"`
	Region         *string `json:"region"`
	Subregion      *string `json:"subregion"`
}

const countriesPath = "/countries"

// GetCountry reads one country by its ISO 3166-1 alpha-3 code.
func (c *Client) GetCountry(ctx context.Context, code string) (*Country, error) {
	return call[Country](ctx, c, http.MethodGet, countriesPath+"/"+url.PathEscape(code), nil, nil)
}

// ListCountries fetches every page of GET /countries.
func (c *Client) ListCountries(ctx context.Context, opts ListOptions) ([]Country, error) {
	return ListAll[Country](ctx, c, countriesPath, opts)
}
