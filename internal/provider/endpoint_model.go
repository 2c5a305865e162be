package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// endpointTypes are the documented endpoint types. The list in the docs was
// cut, so it is documented, not enforced (except system_gateway).
var endpointTypes = []string{
	"third_party", "conference", "conference_v2", "conference_playback", "flexml", "mediator", "voicemail",
}

// credentialKeys are the properties CarrierX generates for hosted endpoints;
// they are exposed through `credentials`, not `properties`.
var credentialKeys = map[string]bool{"account_sid": true, "api_url": true, "login": true, "password": true}

// endpointCommon holds the attributes every endpoint view shares.
type endpointCommon struct {
	EndpointSID     types.String `tfsdk:"endpoint_sid"`
	Name            types.String `tfsdk:"name"`
	Type            types.String `tfsdk:"type"`
	PartnerSID      types.String `tfsdk:"partner_sid"`
	Capacity        types.Int64  `tfsdk:"capacity"`
	CPSLimit        types.Int64  `tfsdk:"cps_limit"`
	AuthRequired    types.Bool   `tfsdk:"auth_required"`
	OutSIPUsername  types.String `tfsdk:"out_sip_username"`
	Attributes      types.Map    `tfsdk:"attributes"`
	Properties      types.Map    `tfsdk:"properties"`
	Transformations types.List   `tfsdk:"transformations"`
}

// endpointData is a whole endpoint, secrets included (resource and singular
// data source).
type endpointData struct {
	endpointCommon
	OutSIPPassword types.String `tfsdk:"out_sip_password"`
	VoIPToken      types.String `tfsdk:"voip_token"`
	Addresses      types.List   `tfsdk:"addresses"`
	Credentials    types.Object `tfsdk:"credentials"`
}

type addressModel struct {
	Direction   types.String `tfsdk:"direction"`
	DstPort     types.Int64  `tfsdk:"dst_port"`
	IP          types.String `tfsdk:"ip"`
	LocationSID types.String `tfsdk:"location_sid"`
	Port        types.Int64  `tfsdk:"port"`
	Priority    types.Int64  `tfsdk:"priority"`
	SIPPassword types.String `tfsdk:"sip_password"`
	SIPUsername types.String `tfsdk:"sip_username"`
	SRTP        types.Bool   `tfsdk:"srtp"`
	Transport   types.String `tfsdk:"transport"`
}

var addressAttrTypes = map[string]attr.Type{
	"direction": types.StringType, "dst_port": types.Int64Type, "ip": types.StringType,
	"location_sid": types.StringType, "port": types.Int64Type, "priority": types.Int64Type,
	"sip_password": types.StringType, "sip_username": types.StringType, "srtp": types.BoolType,
	"transport": types.StringType,
}

var credentialsAttrTypes = map[string]attr.Type{
	"account_sid": types.StringType, "api_url": types.StringType, "login": types.StringType, "password": types.StringType,
}

// endpointSummary is an endpoint without its secrets (plural data source).
type endpointSummary struct {
	endpointCommon
	Addresses types.List `tfsdk:"addresses"`
}

func (m *endpointData) summary() endpointSummary {
	pub := map[string]attr.Type{}
	for k, v := range addressAttrTypes {
		if k != "sip_password" {
			pub[k] = v
		}
	}
	addrs := make([]attr.Value, 0, len(m.Addresses.Elements()))
	for _, el := range m.Addresses.Elements() {
		vals := map[string]attr.Value{}
		for k, v := range el.(types.Object).Attributes() {
			if k != "sip_password" {
				vals[k] = v
			}
		}
		addrs = append(addrs, types.ObjectValueMust(pub, vals))
	}
	return endpointSummary{
		endpointCommon: m.endpointCommon,
		Addresses:      types.ListValueMust(types.ObjectType{AttrTypes: pub}, addrs),
	}
}

func addressObjectType() types.ObjectType { return types.ObjectType{AttrTypes: addressAttrTypes} }

// fill sets every attribute from the API answer. prior supplies values the
// API rewrites ("" read back as null) so they do not show as drift.
func (m *endpointData) fill(ctx context.Context, ep *client.Endpoint, prior *endpointData) diag.Diagnostics {
	var diags diag.Diagnostics
	if prior == nil {
		prior = &endpointData{}
	}
	m.EndpointSID = types.StringValue(ep.EndpointSID)
	m.Name = types.StringPointerValue(ep.Name)
	m.Type = types.StringValue(ep.Type)
	m.PartnerSID = types.StringValue(ep.PartnerSID)
	m.Capacity = types.Int64PointerValue(ep.Capacity)
	m.CPSLimit = types.Int64PointerValue(ep.CPSLimit)
	m.AuthRequired = types.BoolPointerValue(ep.AuthRequired)
	m.OutSIPUsername = framework.KeepEmpty(ep.OutSIPUsername, prior.OutSIPUsername)
	m.OutSIPPassword = framework.KeepEmpty(ep.OutSIPPassword, prior.OutSIPPassword)
	m.VoIPToken = types.StringPointerValue(ep.VoIPToken)

	var priorAddrs []addressModel
	if !prior.Addresses.IsNull() && !prior.Addresses.IsUnknown() {
		diags.Append(prior.Addresses.ElementsAs(ctx, &priorAddrs, false)...)
	}
	addrs := make([]addressModel, len(ep.Addresses))
	for i, a := range ep.Addresses {
		var p addressModel
		if i < len(priorAddrs) {
			p = priorAddrs[i]
		}
		addrs[i] = addressModel{
			Direction:   types.StringPointerValue(a.Direction),
			DstPort:     types.Int64PointerValue(a.DstPort),
			IP:          types.StringValue(a.IP),
			LocationSID: framework.KeepEmpty(a.LocationSID, p.LocationSID),
			Port:        types.Int64PointerValue(a.Port),
			Priority:    types.Int64PointerValue(a.Priority),
			SIPPassword: framework.KeepEmpty(a.SIPPassword, p.SIPPassword),
			SIPUsername: framework.KeepEmpty(a.SIPUsername, p.SIPUsername),
			SRTP:        types.BoolPointerValue(a.SRTP),
			Transport:   types.StringPointerValue(a.Transport),
		}
	}
	var d diag.Diagnostics
	m.Addresses, d = types.ListValueFrom(ctx, addressObjectType(), addrs)
	diags.Append(d...)

	m.Transformations = framework.TransformationsValue(ctx, ep.Transformations, &diags)

	m.Attributes, d = types.MapValueFrom(ctx, types.StringType, framework.StringMap(ep.Attributes, nil))
	diags.Append(d...)
	m.Properties, d = types.MapValueFrom(ctx, types.StringType, framework.StringMap(ep.Properties, credentialKeys))
	diags.Append(d...)

	if login, ok := ep.Properties["login"]; ok && login != nil {
		props := framework.StringMap(ep.Properties, nil)
		m.Credentials, d = types.ObjectValue(credentialsAttrTypes, map[string]attr.Value{
			"account_sid": framework.OptString(props, "account_sid"),
			"api_url":     framework.OptString(props, "api_url"),
			"login":       framework.OptString(props, "login"),
			"password":    framework.OptString(props, "password"),
		})
		diags.Append(d...)
	} else {
		m.Credentials = types.ObjectNull(credentialsAttrTypes)
	}
	return diags
}

// body renders the writable attributes as API JSON values; a null attribute
// becomes a nil entry so an update can clear it.
func (m *endpointData) body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{
		"name":             framework.StringPtr(m.Name),
		"type":             framework.StringPtr(m.Type),
		"partner_sid":      framework.StringPtr(m.PartnerSID),
		"capacity":         framework.Int64Ptr(m.Capacity),
		"auth_required":    framework.BoolPtr(m.AuthRequired),
		"out_sip_username": framework.StringPtr(m.OutSIPUsername),
		"out_sip_password": framework.StringPtr(m.OutSIPPassword),
	}
	if framework.Known(m.Addresses) {
		var addrs []addressModel
		diags.Append(m.Addresses.ElementsAs(ctx, &addrs, false)...)
		out := make([]map[string]any, 0, len(addrs))
		for _, a := range addrs {
			out = append(out, framework.DropNil(map[string]any{
				"direction":    framework.StringPtr(a.Direction),
				"dst_port":     framework.Int64Ptr(a.DstPort),
				"ip":           framework.StringPtr(a.IP),
				"location_sid": framework.StringPtr(a.LocationSID),
				"port":         framework.Int64Ptr(a.Port),
				"priority":     framework.Int64Ptr(a.Priority),
				"sip_password": framework.StringPtr(a.SIPPassword),
				"sip_username": framework.StringPtr(a.SIPUsername),
				"srtp":         framework.BoolPtr(a.SRTP),
				"transport":    framework.StringPtr(a.Transport),
			}))
		}
		b["addresses"] = out
	}
	if framework.Known(m.Transformations) {
		b["transformations"] = framework.TransformationsBody(ctx, m.Transformations, &diags)
	}
	if framework.Known(m.Attributes) {
		attrs := map[string]string{}
		diags.Append(m.Attributes.ElementsAs(ctx, &attrs, false)...)
		b["attributes"] = attrs
	}
	if framework.Known(m.Properties) {
		props := map[string]string{}
		diags.Append(m.Properties.ElementsAs(ctx, &props, false)...)
		b["properties"] = props
	}
	return b, diags
}
