package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// didGroupModel is a DID group (20-phone-numbers.md §10), shared by the
// resource and the data sources.
type didGroupModel struct {
	DIDGroupSID types.String `tfsdk:"did_group_sid"`
	Name        types.String `tfsdk:"name"`
	CallbackURL types.String `tfsdk:"callback_url"`
	PartnerSID  types.String `tfsdk:"partner_sid"`
}

// fill sets every attribute from the API answer; prior keeps a configured
// "" that the API reads back as null.
func (m *didGroupModel) fill(g *client.DIDGroup, prior *didGroupModel) {
	if prior == nil {
		prior = &didGroupModel{}
	}
	m.DIDGroupSID = types.StringValue(g.DIDGroupSID)
	m.Name = types.StringPointerValue(g.Name)
	m.CallbackURL = keepEmpty(g.CallbackURL, prior.CallbackURL)
	m.PartnerSID = types.StringValue(g.PartnerSID)
}

// body renders the writable attributes (callback_url, name); null becomes
// a nil entry so an update can clear it.
func (m *didGroupModel) body() map[string]any {
	return map[string]any{
		"name":         stringPtr(m.Name),
		"callback_url": stringPtr(m.CallbackURL),
	}
}
