package provider

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// prefixModel is a prefix (20-phone-numbers.md §11), shared by the
// resource and the data sources.
type prefixModel struct {
	PrefixSID           types.String `tfsdk:"prefix_sid"`
	Prefix              types.String `tfsdk:"prefix"`
	Name                types.String `tfsdk:"name"`
	PartnerSID          types.String `tfsdk:"partner_sid"`
	TrunkGroupSID       types.String `tfsdk:"trunk_group_sid"`
	SourceTrunkGroupSID types.String `tfsdk:"source_trunk_group_sid"`
	CallbackURL         types.String `tfsdk:"callback_url"`
	LRNSID              types.String `tfsdk:"lrn_sid"`
	StringKey1          types.String `tfsdk:"string_key_1"`
	StringKey2          types.String `tfsdk:"string_key_2"`
	Attributes          types.Map    `tfsdk:"attributes"`
	Transformations     types.List   `tfsdk:"transformations"`
}

var prefixDigits = regexp.MustCompile(`^[0-9]+$`)

// prefixValidators check the dialed-digit string at plan time.
func prefixValidators() []validator.String {
	return []validator.String{stringvalidator.RegexMatches(prefixDigits,
		"must be digits only: the start of the dialed number in international format without + or spaces, for example 1555012")}
}

// prefixSIDValidators check a trunk group reference for form only; whether
// the trunk group exists and belongs to the partner is CarrierX's to say.
func prefixSIDValidators() []validator.String {
	return []validator.String{framework.SID{What: "trunk group SID", Hint: "Use the trunk_group_sid of a carrierx_trunk_group; leave the attribute out for none."}}
}

// fill sets every attribute from the API answer; prior keeps a configured
// "" that the API reads back as null.
func (m *prefixModel) fill(ctx context.Context, p *client.Prefix, prior *prefixModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if prior == nil {
		prior = &prefixModel{}
	}
	m.PrefixSID = types.StringValue(p.PrefixSID)
	m.Prefix = types.StringValue(p.Prefix)
	m.Name = types.StringPointerValue(p.Name)
	m.PartnerSID = types.StringValue(p.PartnerSID)
	m.TrunkGroupSID = framework.KeepEmpty(p.TrunkGroupSID, prior.TrunkGroupSID)
	m.SourceTrunkGroupSID = framework.KeepEmpty(p.SourceTrunkGroupSID, prior.SourceTrunkGroupSID)
	m.CallbackURL = framework.KeepEmpty(p.CallbackURL, prior.CallbackURL)
	m.LRNSID = types.StringPointerValue(p.LRNSID)
	m.StringKey1 = framework.KeepEmpty(p.StringKey1, prior.StringKey1)
	m.StringKey2 = framework.KeepEmpty(p.StringKey2, prior.StringKey2)

	var d diag.Diagnostics
	m.Attributes, d = types.MapValueFrom(ctx, types.StringType, framework.StringMap(p.Attributes, nil))
	diags.Append(d...)
	m.Transformations = framework.TransformationsValue(ctx, p.Transformations, &diags)
	return diags
}

// body renders the writable attributes as API JSON values; a null
// attribute becomes a nil entry so an update can clear it.
func (m *prefixModel) body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{
		"prefix":                 framework.StringPtr(m.Prefix),
		"name":                   framework.StringPtr(m.Name),
		"partner_sid":            framework.StringPtr(m.PartnerSID),
		"trunk_group_sid":        framework.StringPtr(m.TrunkGroupSID),
		"source_trunk_group_sid": framework.StringPtr(m.SourceTrunkGroupSID),
		"callback_url":           framework.StringPtr(m.CallbackURL),
		"string_key_1":           framework.StringPtr(m.StringKey1),
		"string_key_2":           framework.StringPtr(m.StringKey2),
	}
	if framework.Known(m.Attributes) {
		attrs := map[string]string{}
		diags.Append(m.Attributes.ElementsAs(ctx, &attrs, false)...)
		b["attributes"] = attrs
	}
	if framework.Known(m.Transformations) {
		b["transformations"] = framework.TransformationsBody(ctx, m.Transformations, &diags)
	}
	return b, diags
}
