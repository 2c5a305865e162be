package shortener

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

type domainModel struct {
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

// mode is how a link, an expired link or an unknown short name answers.
func mode(doc string) schema.StringAttribute {
	return framework.DefaultString(doc, "redirect_temporary", framework.Enum(modes...))
}

// page is expired_page or not_found_page.
func page(doc string) schema.StringAttribute {
	return framework.OptionalString(doc+" "+framework.NoUserinfoRule, framework.URLWithoutUserinfo)
}

// Domain declares carrierx_shortener_domain.
var Domain = &framework.Object[client.ShortenerDomain, domainModel]{
	Type:       "carrierx_shortener_domain",
	SIDAttr:    "domain_sid",
	Collection: framework.Of[domainModel, client.ShortenerDomain](client.ShortenerDomainKind),
	Fields: framework.Fields{
		Write: []string{"domain_name", "expired_mode", "expired_page", "expired_status_code", "minimum_length",
			"not_found_mode", "not_found_page", "not_found_status_code", "scope", "secure", "suffix_pattern"},
		KeepEmpty: []string{"expired_page", "not_found_page", "suffix_pattern"},
	},
	Schema: schema.Schema{
		MarkdownDescription: "A URL shortener domain: the host name `carrierx_shortener_link` short links are served " +
			"under, and how expired and unknown links answer. The domain's DNS must point at CarrierX's shortener.",
		Attributes: map[string]schema.Attribute{
			"domain_sid": framework.StableString("Domain secure ID; also the import ID."),
			"domain_name": framework.RequiredString("Host name the short links are served under, for example `go.example.net`; "+
				"unique across CarrierX. Changed in place.", stringvalidator.LengthAtLeast(1)),
			"partner_sid": framework.StableString("Owning partner."),
			"expired_mode": mode("How an expired link answers: `redirect_temporary` (the default), `redirect_permanent`, or " +
				"`proxy_pass` (serve `expired_page` directly; the token needs the `shortener.allow_domain_mode_proxypass` scope)."),
			"expired_page": page("Page (or URL of the page) served or redirected to for an expired link. Unset means none."),
			"expired_status_code": framework.OptionalInt64("HTTP status for expired links with `expired_mode = \"proxy_pass\"`: "+
				"any 2xx, 4xx or 5xx code. Unset means none.", statusCode),
			"minimum_length": framework.DefaultInt64("Minimum length of generated short names. Defaults to `6`.", 6,
				int64validator.AtLeast(1)),
			"not_found_mode": mode("How an unknown short name answers; same values as `expired_mode`. Defaults to `redirect_temporary`."),
			"not_found_page": page("Page (or URL of the page) served or redirected to for an unknown short name. Unset means none."),
			"not_found_status_code": framework.OptionalInt64("HTTP status for unknown short names with `not_found_mode = "+
				"\"proxy_pass\"`: any 2xx, 4xx or 5xx code. Unset means none.", statusCode),
			"scope": framework.DefaultString("Which partners may create links on the domain. Defaults to `children`; the other "+
				"values are not documented, so they are not checked here.", "children", stringvalidator.LengthAtLeast(1),
				framework.KnownValues("children")),
			"secure": framework.DefaultString("Whether link URLs use https: `disabled` (the default) or `required` (the token "+
				"needs the `shortener.allow_domain_secure_required` scope); other values are not documented, so they are not "+
				"checked here.", "disabled", stringvalidator.LengthAtLeast(1), framework.KnownValues("disabled", "required")),
			"suffix_pattern": framework.OptionalString("Regular expression of file suffixes accepted after a short name, for "+
				"example `.(mp3|mp4)`. Unset means no suffixes. "+framework.RegexpRule, framework.RegexpSyntax),
		},
	},
}

// DomainResource is the carrierx_shortener_domain resource.
var DomainResource = framework.NewResource[client.ShortenerDomain](Domain)

// DomainDataSources are carrierx_shortener_domain and carrierx_shortener_domains.
var DomainDataSources = framework.NewDataSources[client.ShortenerDomain](&framework.Lookup[client.ShortenerDomain, domainModel]{
	Object: Domain, Noun: "shortener domain", Nouns: "shortener domains",
	Plural: "carrierx_shortener_domains", Items: "domains", Example: `domain_name eq "go.example.net"`,
})
