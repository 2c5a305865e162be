// Package didgroup is carrierx_did_group and its data sources: a set of
// rented numbers that share an SMS callback URL (CarrierX docs, Core API,
// Phone Numbers, DID Group Object).
package didgroup

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

type model struct {
	DIDGroupSID types.String `tfsdk:"did_group_sid"`
	Name        types.String `tfsdk:"name"`
	CallbackURL types.String `tfsdk:"callback_url"`
	PartnerSID  types.String `tfsdk:"partner_sid"`
}

// Object declares carrierx_did_group.
var Object = &framework.Object[client.DIDGroup, model]{
	Type:       "carrierx_did_group",
	SIDAttr:    "did_group_sid",
	Collection: framework.Of[model, client.DIDGroup](client.DIDGroupKind),
	Fields:     framework.Fields{Write: []string{"name", "callback_url"}, KeepEmpty: []string{"callback_url"}},
	Schema: schema.Schema{
		MarkdownDescription: "A CarrierX DID group: a set of rented phone numbers that share an SMS callback URL. " +
			"A number joins a group through its own `did_group_sid` (see `carrierx_phone_number`). For an SMS " +
			"event CarrierX uses the first non-empty of the number's `callback_url`, its group's `callback_url` " +
			"and the partner's `sms` callback.",
		Attributes: map[string]schema.Attribute{
			"did_group_sid": framework.StableString("DID group secure ID; also the import ID."),
			"name":          framework.DefaultName("Group name."),
			"callback_url": framework.OptionalString("URL CarrierX calls for SMS events of the group's numbers that have no "+
				"`callback_url` of their own. Unset means none. "+framework.CallbackURLRule, framework.HTTPURL{AllowEmpty: true}),
			"partner_sid": framework.StableString("Owning partner: the partner of the provider's token."),
		},
	},
}

// Resource is the carrierx_did_group resource.
var Resource = framework.NewResource[client.DIDGroup](Object)

// DataSources are carrierx_did_group and carrierx_did_groups.
var DataSources = framework.NewDataSources[client.DIDGroup](&framework.Lookup[client.DIDGroup, model]{
	Object: Object, Noun: "DID group", Nouns: "DID groups",
	Plural: "carrierx_did_groups", Items: "did_groups", Example: `name eq "sales-lines"`,
})
