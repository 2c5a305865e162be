package endpoint

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// model is a whole endpoint, secrets and the write-only password included.
type model struct {
	EndpointSID             types.String  `tfsdk:"endpoint_sid"`
	Name                    types.String  `tfsdk:"name"`
	Type                    types.String  `tfsdk:"type"`
	PartnerSID              types.String  `tfsdk:"partner_sid"`
	Capacity                types.Int64   `tfsdk:"capacity"`
	CPSLimit                types.Int64   `tfsdk:"cps_limit"`
	AuthRequired            types.Bool    `tfsdk:"auth_required"`
	OutSIPUsername          types.String  `tfsdk:"out_sip_username"`
	OutSIPPassword          types.String  `tfsdk:"out_sip_password"`
	OutSIPPasswordWO        types.String  `tfsdk:"out_sip_password_wo"`
	OutSIPPasswordWOVersion types.Int64   `tfsdk:"out_sip_password_wo_version"`
	VoIPToken               types.String  `tfsdk:"voip_token"`
	Addresses               types.List    `tfsdk:"addresses"`
	Attributes              types.Map     `tfsdk:"attributes"`
	Properties              types.Map     `tfsdk:"properties"`
	Transformations         types.Dynamic `tfsdk:"transformations"`
	Credentials             types.Object  `tfsdk:"credentials"`
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

var addressType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"direction": types.StringType, "dst_port": types.Int64Type, "ip": types.StringType,
	"location_sid": types.StringType, "port": types.Int64Type, "priority": types.Int64Type,
	"sip_password": types.StringType, "sip_username": types.StringType, "srtp": types.BoolType,
	"transport": types.StringType,
}}

var credentialsAttrTypes = map[string]attr.Type{
	"account_sid": types.StringType, "api_url": types.StringType, "login": types.StringType, "password": types.StringType,
}

// Fill fills what is not converted by name. A write-only password stays
// null in state, so its value never lands there.
func (m *model) Fill(ctx context.Context, ep *client.Endpoint, prior *model) diag.Diagnostics {
	var diags diag.Diagnostics
	if framework.Known(prior.OutSIPPasswordWOVersion) {
		m.OutSIPPassword = types.StringNull()
	}
	m.OutSIPPasswordWO = types.StringNull()

	var priorAddrs []addressModel
	if framework.Known(prior.Addresses) {
		diags.Append(prior.Addresses.ElementsAs(ctx, &priorAddrs, false)...)
	}
	addrs := make([]addressModel, len(ep.Addresses))
	for i, a := range ep.Addresses {
		var p addressModel
		if i < len(priorAddrs) {
			p = priorAddrs[i]
		}
		framework.FillScalars(&addrs[i], &a, framework.KeepEmptyFrom(&p, "location_sid", "sip_password", "sip_username"))
	}
	var d diag.Diagnostics
	m.Addresses, d = types.ListValueFrom(ctx, addressType, addrs)
	diags.Append(d...)

	m.Properties, d = types.MapValueFrom(ctx, types.StringType, managedProperties(ep.Properties, prior.Properties))
	diags.Append(d...)
	if ep.AuthRequired == nil && framework.Known(prior.AuthRequired) {
		m.AuthRequired = prior.AuthRequired // an API that omits it changes nothing
	}

	m.Credentials = types.ObjectNull(credentialsAttrTypes)
	if login, ok := ep.Properties["login"]; ok && login != nil {
		props := framework.StringMap(ep.Properties, nil)
		m.Credentials, d = types.ObjectValue(credentialsAttrTypes, map[string]attr.Value{
			"account_sid": framework.OptString(props, "account_sid"),
			"api_url":     framework.OptString(props, "api_url"),
			"login":       framework.OptString(props, "login"),
			"password":    framework.OptString(props, "password"),
		})
		diags.Append(d...)
	}
	return diags
}

// Body sends the addresses and properties, and a configured write-only
// password as out_sip_password.
func (m *model) Body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{}
	if framework.Known(m.OutSIPPasswordWO) {
		b["out_sip_password"] = m.OutSIPPasswordWO.ValueString()
	}
	if framework.Known(m.Addresses) {
		var addrs []addressModel
		diags.Append(m.Addresses.ElementsAs(ctx, &addrs, false)...)
		out := make([]map[string]any, 0, len(addrs))
		for _, a := range addrs {
			out = append(out, framework.DropNil(framework.ScalarBody(&a, "direction", "dst_port", "ip", "location_sid",
				"port", "priority", "sip_password", "sip_username", "srtp", "transport")))
		}
		b["addresses"] = out
	}
	if framework.Known(m.Properties) {
		b["properties"] = framework.StringMapBody(ctx, m.Properties, &diags)
	}
	return b, diags
}

// patch sends the write-only password when its version changes (null
// clears it), and never otherwise: it is null in state by design.
// managedProperties are the keys of api that properties holds: every key
// but the credentials when prior has none (properties left to CarrierX, an
// import, a data source), else the keys of prior only, so a key the API adds
// (a conference endpoint's container_sid) never makes a plan inconsistent.
func managedProperties(api map[string]any, prior types.Map) map[string]string {
	all := framework.StringMap(api, credentialKeys)
	if !framework.Known(prior) {
		return all
	}
	out := make(map[string]string, len(prior.Elements()))
	for k := range prior.Elements() {
		if v, ok := all[k]; ok {
			out[k] = v
		}
	}
	return out
}

// patch sends properties with every managed key, so a change of one
// cannot drop another whether CarrierX merges or replaces the object, and
// a key removed from the configuration as null, so a merge removes it too.
// A generated key (generatedKeys) is never sent as null.
func patch(_ context.Context, plan, state *model, p map[string]any) {
	if props, ok := p["properties"].(map[string]string); ok {
		out := make(map[string]any, len(props))
		for k, v := range props {
			out[k] = v
		}
		for k := range state.Properties.Elements() {
			if _, kept := props[k]; !kept && !generatedKeys[k] {
				out[k] = nil
			}
		}
		p["properties"] = out
	}
	if !plan.OutSIPPasswordWOVersion.Equal(state.OutSIPPasswordWOVersion) {
		p["out_sip_password"] = framework.StringPtr(plan.OutSIPPasswordWO)
	} else if framework.Known(plan.OutSIPPasswordWOVersion) {
		delete(p, "out_sip_password")
	}
}
