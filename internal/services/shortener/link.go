package shortener

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

type linkModel struct {
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

// domainSID checks a shortener domain reference for form only.
var domainSID = framework.SID{What: "shortener domain SID", Hint: "Use the domain_sid of a carrierx_shortener_domain."}

// Link declares carrierx_shortener_link.
var Link = &framework.Object[client.ShortenerLink, linkModel]{
	Type:       "carrierx_shortener_link",
	SIDAttr:    "link_sid",
	Collection: framework.Of[linkModel, client.ShortenerLink](client.ShortenerLinkKind),
	// domain_sid forces a replacement, so only a create ever sends it.
	Fields: framework.Fields{Write: []string{"domain_sid", "destination_url", "maximum_ttl", "mode", "short_name"}},
	Schema: schema.Schema{
		MarkdownDescription: "A short link on a `carrierx_shortener_domain`. The provider never asks CarrierX to reuse " +
			"an existing link for the same destination (the `reuse` query argument): each resource owns its own link.",
		Attributes: map[string]schema.Attribute{
			"link_sid":    framework.StableString("Link secure ID; also the import ID."),
			"partner_sid": framework.StableString("Owning partner."),
			"domain_sid": framework.RequiredCreateOnly("Domain the link lives on (the `domain_sid` of a `carrierx_shortener_domain`, "+
				"or a domain shared with the partner). Changing it replaces the link.", domainSID),
			"destination_url": framework.RequiredString("Where visitors are sent, an absolute URL such as `https://example.com/offer`. "+
				"Changed in place. "+framework.NoUserinfoRule, stringvalidator.LengthAtLeast(1), framework.AbsoluteURL),
			"date_accessed": framework.ComputedString("Last time the link was followed; changes outside Terraform and never causes a diff.",
				framework.Volatile()),
			"date_created": framework.StableString("Creation time."),
			"hits": framework.ComputedInt64("Number of times the link was followed; changes outside Terraform and never causes a diff.",
				framework.Volatile()),
			"maximum_ttl": framework.DefaultInt64("Lifetime of the link in seconds; `-1` (the default) means it never expires.", -1),
			"mode": mode("How the link answers: `redirect_temporary` (the default), `redirect_permanent`, or " +
				"`proxy_pass` (the token needs the `shortener.allow_link_mode_proxypass` scope)."),
			"short_name": framework.KeptString("Path part of the short URL, unique within the domain. CarrierX generates one "+
				"(at least the domain's `minimum_length` characters) when it is left out.", stringvalidator.LengthAtLeast(1)),
			"url": framework.ComputedString("The full short link, `<scheme>://<domain_name>/<short_name>`.",
				framework.KeepUnless(path.Root("short_name"))),
		},
	},
}

// LinkResource is the carrierx_shortener_link resource.
var LinkResource = framework.NewResource[client.ShortenerLink](Link)

// LinkDataSources are carrierx_shortener_link and carrierx_shortener_links;
// the plural one can be narrowed to one domain.
var LinkDataSources = framework.NewDataSources[client.ShortenerLink](&framework.Lookup[client.ShortenerLink, linkModel]{
	Object: Link, Noun: "shortener link", Nouns: "shortener links",
	Plural: "carrierx_shortener_links", Items: "links", Example: `domain_sid eq "..." and short_name eq "spring"`,
	Parent: &framework.Parent[linkModel]{
		Attr:        "domain_sid",
		Description: "Only links of this domain (added to `filter` as `domain_sid eq \"...\"`). Unset lists the links of every domain.",
		Validators:  []validator.String{framework.SID{What: "shortener domain SID"}},
	},
})
