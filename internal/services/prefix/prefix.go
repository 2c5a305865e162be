// Package prefix is carrierx_prefix and its data sources: prefix-based
// outbound routing of the partner's calls to a trunk group (CarrierX docs,
// Core API, Phone Numbers, Prefix Object).
package prefix

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

type model struct {
	PrefixSID           types.String  `tfsdk:"prefix_sid"`
	Prefix              types.String  `tfsdk:"prefix"`
	Name                types.String  `tfsdk:"name"`
	PartnerSID          types.String  `tfsdk:"partner_sid"`
	TrunkGroupSID       types.String  `tfsdk:"trunk_group_sid"`
	SourceTrunkGroupSID types.String  `tfsdk:"source_trunk_group_sid"`
	CallbackURL         types.String  `tfsdk:"callback_url"`
	LRNSID              types.String  `tfsdk:"lrn_sid"`
	StringKey1          types.String  `tfsdk:"string_key_1"`
	StringKey2          types.String  `tfsdk:"string_key_2"`
	Attributes          types.Map     `tfsdk:"attributes"`
	Transformations     types.Dynamic `tfsdk:"transformations"`
}

var digits = regexp.MustCompile(`^[0-9]+$`)

// trunkGroupSID checks a trunk group reference for form only; whether the
// trunk group exists and belongs to the partner is CarrierX's to say.
var trunkGroupSID = framework.SID{What: "trunk group SID",
	Hint: "Use the trunk_group_sid of a carrierx_trunk_group; leave the attribute out for none."}

// Object declares carrierx_prefix.
var Object = &framework.Object[client.Prefix, model]{
	Type:       "carrierx_prefix",
	SIDAttr:    "prefix_sid",
	Collection: framework.Of[model, client.Prefix](client.PrefixKind),
	Fields: framework.Fields{
		Write: []string{"prefix", "name", "partner_sid", "trunk_group_sid", "source_trunk_group_sid", "callback_url",
			"string_key_1", "string_key_2", "attributes", "transformations"},
		KeepEmpty: []string{"trunk_group_sid", "source_trunk_group_sid", "callback_url", "string_key_1", "string_key_2"},
		Read:      []string{"attributes", "transformations"},
	},
	Schema: schema.Schema{
		Version: 1, // transformations take any value (framework.Transformations)
		MarkdownDescription: "A CarrierX prefix: prefix-based outbound routing. When one of the partner's endpoints " +
			"places an outbound call whose dialed number starts with `prefix`, the call goes to the trunk group " +
			"`trunk_group_sid`. Without `source_trunk_group_sid` the prefix applies to all of the partner's outbound " +
			"calls; with it, only to calls arriving through that trunk group. Both trunk groups must belong to the " +
			"same partner, and the destination group needs at least one trunk bound to an endpoint.",
		Attributes: map[string]schema.Attribute{
			"prefix_sid": framework.StableString("Prefix secure ID; also the import ID."),
			"prefix": framework.RequiredString("The digits that trigger this routing: the start of the dialed number, digits only "+
				"(for example `1555012`). Changing it updates the prefix in place.", stringvalidator.RegexMatches(digits,
				"must be digits only: the start of the dialed number in international format without + or spaces, for example 1555012")),
			"name": framework.DefaultName("Name."),
			"partner_sid": framework.KeptString("Owning partner; defaults to the partner of the provider's token. CarrierX documents "+
				"it as writable, so a change is sent as an update.", stringvalidator.LengthAtLeast(1)),
			"trunk_group_sid": framework.OptionalString("Destination trunk group of the matched calls. Unset means none.", trunkGroupSID),
			"source_trunk_group_sid": framework.OptionalString("Restricts the prefix to calls that arrive through this trunk group. "+
				"Unset means calls from anywhere.", trunkGroupSID),
			"callback_url": framework.OptionalString("Callback URL of the prefix. Unset means none. "+framework.CallbackURLRule,
				framework.HTTPURL{AllowEmpty: true}),
			// CarrierX assigns the LRN to the digits (CarrierX docs, Core API, Prefixes): new digits may get another.
			"lrn_sid": framework.ComputedString("Location Routing Number CarrierX assigned to the prefix; null when none.",
				framework.KeepUnless(path.Root("prefix"))),
			"string_key_1":    framework.OptionalString("Free user-defined key."),
			"string_key_2":    framework.OptionalString("Second free user-defined key."),
			"attributes":      framework.EmptyStringMap("Free-form key/value attributes."),
			"transformations": framework.Transformations("prefix"),
		},
	},
}

// Resource is the carrierx_prefix resource.
var Resource = framework.NewResource[client.Prefix](Object)

// DataSources are carrierx_prefix and carrierx_prefixes.
var DataSources = framework.NewDataSources[client.Prefix](&framework.Lookup[client.Prefix, model]{
	Object: Object, Noun: "prefix", Nouns: "prefixes",
	Plural: "carrierx_prefixes", Items: "prefixes", Example: `prefix eq "1555012"`,
})
