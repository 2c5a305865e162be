package provider

import (
	"context"
	"fmt"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// shortenerModes are the documented, complete values of a domain's
// expired_mode/not_found_mode and a link's mode (31-shortener.md).
var shortenerModes = []string{"proxy_pass", "redirect_permanent", "redirect_temporary"}

// shortenerDomainModel is a shortener domain (31-shortener.md §1).
type shortenerDomainModel struct {
	DomainSID          types.String `tfsdk:"domain_sid"`
	DomainName         types.String `tfsdk:"domain_name"`
	PartnerSID         types.String `tfsdk:"partner_sid"`
	ExpiredMode        types.String `tfsdk:"expired_mode"`
	ExpiredPage        types.String `tfsdk:"expired_page"`
	ExpiredStatusCode  types.Int64  `tfsdk:"expired_status_code"`
	MinimumLength      types.Int64  `tfsdk:"minimum_length"`
	NotFoundMode       types.String `tfsdk:"not_found_mode"`
	NotFoundPage       types.String `tfsdk:"not_found_page"`
	NotFoundStatusCode types.Int64  `tfsdk:"not_found_status_code"`
	Scope              types.String `tfsdk:"scope"`
	Secure             types.String `tfsdk:"secure"`
	SuffixPattern      types.String `tfsdk:"suffix_pattern"`
}

var shortenerDomainDocs = map[string]string{
	"domain_sid":            "Domain secure ID; also the import ID.",
	"domain_name":           "Host name the short links are served under, for example `go.example.net`; unique across CarrierX. Changed in place.",
	"partner_sid":           "Owning partner.",
	"expired_mode":          "How an expired link answers: `redirect_temporary` (the default), `redirect_permanent`, or `proxy_pass` (serve `expired_page` directly; the token needs the `shortener.allow_domain_mode_proxypass` scope).",
	"expired_page":          "Page (or URL of the page) served or redirected to for an expired link. Unset means none.",
	"expired_status_code":   "HTTP status for expired links with `expired_mode = \"proxy_pass\"`: any 2xx, 4xx or 5xx code. Unset means none.",
	"minimum_length":        "Minimum length of generated short names. Defaults to `6`.",
	"not_found_mode":        "How an unknown short name answers; same values as `expired_mode`. Defaults to `redirect_temporary`.",
	"not_found_page":        "Page (or URL of the page) served or redirected to for an unknown short name. Unset means none.",
	"not_found_status_code": "HTTP status for unknown short names with `not_found_mode = \"proxy_pass\"`: any 2xx, 4xx or 5xx code. Unset means none.",
	"scope":                 "Which partners may create links on the domain. Defaults to `children`; the other values are not documented, so they are not checked here.",
	"secure":                "Whether link URLs use https: `disabled` (the default) or `required` (the token needs the `shortener.allow_domain_secure_required` scope); other values are not documented, so they are not checked here.",
	"suffix_pattern":        "Regular expression of file suffixes accepted after a short name, for example `.(mp3|mp4)`. Unset means no suffixes.",
}

// shortenerLinkModel is a short link (31-shortener.md §2).
type shortenerLinkModel struct {
	LinkSID        types.String `tfsdk:"link_sid"`
	DomainSID      types.String `tfsdk:"domain_sid"`
	PartnerSID     types.String `tfsdk:"partner_sid"`
	DestinationURL types.String `tfsdk:"destination_url"`
	DateAccessed   types.String `tfsdk:"date_accessed"`
	DateCreated    types.String `tfsdk:"date_created"`
	Hits           types.Int64  `tfsdk:"hits"`
	MaximumTTL     types.Int64  `tfsdk:"maximum_ttl"`
	Mode           types.String `tfsdk:"mode"`
	ShortName      types.String `tfsdk:"short_name"`
	URL            types.String `tfsdk:"url"`
}

var shortenerLinkDocs = map[string]string{
	"link_sid":        "Link secure ID; also the import ID.",
	"domain_sid":      "Domain the link lives on (the `domain_sid` of a `carrierx_shortener_domain`, or a domain shared with the partner). Changing it replaces the link.",
	"partner_sid":     "Owning partner.",
	"destination_url": "Where visitors are sent. Changed in place.",
	"date_accessed":   "Last time the link was followed; changes outside Terraform and never causes a diff.",
	"date_created":    "Creation time.",
	"hits":            "Number of times the link was followed; changes outside Terraform and never causes a diff.",
	"maximum_ttl":     "Lifetime of the link in seconds; `-1` (the default) means it never expires.",
	"mode":            "How the link answers: `redirect_temporary` (the default), `redirect_permanent`, or `proxy_pass` (the token needs the `shortener.allow_link_mode_proxypass` scope).",
	"short_name":      "Path part of the short URL, unique within the domain. CarrierX generates one (at least the domain's `minimum_length` characters) when it is left out.",
	"url":             "The full short link, `<scheme>://<domain_name>/<short_name>`.",
}

func shortenerDataSourceAttributes(docs map[string]string) map[string]dschema.Attribute {
	out := map[string]dschema.Attribute{}
	for name, doc := range docs {
		switch name {
		case "expired_status_code", "minimum_length", "not_found_status_code", "hits", "maximum_ttl":
			out[name] = dschema.Int64Attribute{MarkdownDescription: doc, Computed: true}
		default:
			out[name] = dschema.StringAttribute{MarkdownDescription: doc, Computed: true}
		}
	}
	return out
}

func (m *shortenerDomainModel) fill(d *client.ShortenerDomain, prior *shortenerDomainModel) {
	if prior == nil {
		prior = &shortenerDomainModel{}
	}
	m.DomainSID = types.StringValue(d.DomainSID)
	m.DomainName = types.StringValue(d.DomainName)
	m.PartnerSID = types.StringValue(d.PartnerSID)
	m.ExpiredMode = types.StringPointerValue(d.ExpiredMode)
	m.ExpiredPage = framework.KeepEmpty(d.ExpiredPage, prior.ExpiredPage)
	m.ExpiredStatusCode = types.Int64PointerValue(d.ExpiredStatusCode)
	m.MinimumLength = types.Int64PointerValue(d.MinimumLength)
	m.NotFoundMode = types.StringPointerValue(d.NotFoundMode)
	m.NotFoundPage = framework.KeepEmpty(d.NotFoundPage, prior.NotFoundPage)
	m.NotFoundStatusCode = types.Int64PointerValue(d.NotFoundStatusCode)
	m.Scope = types.StringPointerValue(d.Scope)
	m.Secure = types.StringPointerValue(d.Secure)
	m.SuffixPattern = framework.KeepEmpty(d.SuffixPattern, prior.SuffixPattern)
}

func (m *shortenerDomainModel) body() map[string]any {
	return map[string]any{
		"domain_name":           framework.StringPtr(m.DomainName),
		"expired_mode":          framework.StringPtr(m.ExpiredMode),
		"expired_page":          framework.StringPtr(m.ExpiredPage),
		"expired_status_code":   framework.Int64Ptr(m.ExpiredStatusCode),
		"minimum_length":        framework.Int64Ptr(m.MinimumLength),
		"not_found_mode":        framework.StringPtr(m.NotFoundMode),
		"not_found_page":        framework.StringPtr(m.NotFoundPage),
		"not_found_status_code": framework.Int64Ptr(m.NotFoundStatusCode),
		"scope":                 framework.StringPtr(m.Scope),
		"secure":                framework.StringPtr(m.Secure),
		"suffix_pattern":        framework.StringPtr(m.SuffixPattern),
	}
}

func (m *shortenerLinkModel) fill(l *client.ShortenerLink) {
	m.LinkSID = types.StringValue(l.LinkSID)
	m.DomainSID = types.StringValue(l.DomainSID)
	m.PartnerSID = types.StringValue(l.PartnerSID)
	m.DestinationURL = types.StringValue(l.DestinationURL)
	m.DateAccessed = types.StringPointerValue(l.DateAccessed)
	m.DateCreated = types.StringPointerValue(l.DateCreated)
	m.Hits = types.Int64PointerValue(l.Hits)
	m.MaximumTTL = types.Int64PointerValue(l.MaximumTTL)
	m.Mode = types.StringPointerValue(l.Mode)
	m.ShortName = types.StringPointerValue(l.ShortName)
	m.URL = types.StringPointerValue(l.URL)
}

func (m *shortenerLinkModel) body() map[string]any {
	return map[string]any{
		"domain_sid":      framework.StringPtr(m.DomainSID),
		"destination_url": framework.StringPtr(m.DestinationURL),
		"maximum_ttl":     framework.Int64Ptr(m.MaximumTTL),
		"mode":            framework.StringPtr(m.Mode),
		"short_name":      framework.StringPtr(m.ShortName),
	}
}

// shortenerStatusCode accepts the 2xx, 4xx and 5xx codes the docs allow.
type shortenerStatusCode struct{}

func (shortenerStatusCode) Description(context.Context) string {
	return "must be an HTTP status code 200-299, 400-499 or 500-599"
}

func (v shortenerStatusCode) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (shortenerStatusCode) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if !framework.Known(req.ConfigValue) {
		return
	}
	c := req.ConfigValue.ValueInt64()
	if (c >= 200 && c <= 299) || (c >= 400 && c <= 599) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid HTTP status code",
		fmt.Sprintf("%s = %d is not allowed: CarrierX accepts a 2xx, 4xx or 5xx status (for example 200, 404 or 410), used with the proxy_pass mode.", req.Path, c))
}
