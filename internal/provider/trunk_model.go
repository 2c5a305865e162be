package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// Fully documented trunk enums (validated); the others are only described.
var (
	trunkAllowForwardValues = []string{"direct", "direct_uri", "disabled", "protected", "reroute"}
	trunkASNModes           = []string{"disable", "read", "write", "read_write"}
	// trunkCodecs is the older docs' list; the newest docs call codec legacy
	// and may know more, so it is documented, not enforced.
	trunkCodecs = []string{"alaw", "g722", "g723", "g729", "gsm", "opus8", "opus12", "opus16", "opus24", "opus48", "ulaw"}
)

// trunkData is one trunk (resource and the items of carrierx_trunks).
type trunkData struct {
	TrunkSID         types.String `tfsdk:"trunk_sid"`
	TrunkGroupSID    types.String `tfsdk:"trunk_group_sid"`
	Name             types.String `tfsdk:"name"`
	EndpointSID      types.String `tfsdk:"endpoint_sid"`
	ACLs             types.List   `tfsdk:"acls"`
	AllowForward     types.String `tfsdk:"allow_forward"`
	AllowTransfer    types.String `tfsdk:"allow_transfer"`
	ASNMode          types.String `tfsdk:"asn_mode"`
	CallType         types.String `tfsdk:"call_type"`
	Codec            types.String `tfsdk:"codec"`
	InCodec          types.String `tfsdk:"in_codec"`
	OutCodec         types.String `tfsdk:"out_codec"`
	InCapacity       types.Int64  `tfsdk:"in_capacity"`
	OutCapacity      types.Int64  `tfsdk:"out_capacity"`
	InIdentityFormat types.String `tfsdk:"in_identity_format"`
	InIdentityMode   types.String `tfsdk:"in_identity_mode"`
	OutIdentityMode  types.String `tfsdk:"out_identity_mode"`
	InRFC4694Mode    types.String `tfsdk:"in_rfc_4694_mode"`
	OutRFC4694Mode   types.String `tfsdk:"out_rfc_4694_mode"`
	InIPProfileSID   types.String `tfsdk:"in_ip_profile_sid"`
	OutIPProfileSID  types.String `tfsdk:"out_ip_profile_sid"`
	LocationSID      types.String `tfsdk:"location_sid"`
	Priority         types.Int64  `tfsdk:"priority"`
	Weight           types.Int64  `tfsdk:"weight"`
	RelaySIPHeaders  types.List   `tfsdk:"relay_sip_headers"`
	Transformations  types.List   `tfsdk:"transformations"`
}

// fill sets every attribute from the API answer; trunkGroupSID is the group
// the trunk was read under (the trunk object does not carry it).
func (m *trunkData) fill(ctx context.Context, trunkGroupSID string, t *client.Trunk, prior *trunkData) diag.Diagnostics {
	var diags diag.Diagnostics
	if prior == nil {
		prior = &trunkData{}
	}
	m.TrunkSID = types.StringValue(t.TrunkSID)
	m.TrunkGroupSID = types.StringValue(trunkGroupSID)
	m.Name = types.StringPointerValue(t.Name)
	m.EndpointSID = framework.KeepEmpty(t.EndpointSID, prior.EndpointSID)
	m.AllowForward = types.StringPointerValue(t.AllowForward)
	m.AllowTransfer = trunkTransferValue(t.AllowTransfer, prior.AllowTransfer)
	m.ASNMode = types.StringPointerValue(t.ASNMode)
	m.CallType = types.StringPointerValue(t.CallType)
	m.Codec = framework.KeepEmpty(t.Codec, prior.Codec)
	m.InCodec = framework.KeepEmpty(t.InCodec, prior.InCodec)
	m.OutCodec = framework.KeepEmpty(t.OutCodec, prior.OutCodec)
	m.InCapacity = types.Int64PointerValue(t.InCapacity)
	m.OutCapacity = types.Int64PointerValue(t.OutCapacity)
	m.InIdentityFormat = types.StringPointerValue(t.InIdentityFormat)
	m.InIdentityMode = types.StringPointerValue(t.InIdentityMode)
	m.OutIdentityMode = types.StringPointerValue(t.OutIdentityMode)
	m.InRFC4694Mode = types.StringPointerValue(t.InRFC4694Mode)
	m.OutRFC4694Mode = types.StringPointerValue(t.OutRFC4694Mode)
	m.InIPProfileSID = framework.KeepEmpty(t.InIPProfileSID, prior.InIPProfileSID)
	m.OutIPProfileSID = framework.KeepEmpty(t.OutIPProfileSID, prior.OutIPProfileSID)
	m.LocationSID = framework.KeepEmpty(t.LocationSID, prior.LocationSID)
	m.Priority = types.Int64PointerValue(t.Priority)
	m.Weight = types.Int64PointerValue(t.Weight)

	var d diag.Diagnostics
	m.RelaySIPHeaders, d = types.ListValueFrom(ctx, types.StringType, framework.NonNil(t.RelaySIPHeaders))
	diags.Append(d...)
	m.ACLs, d = trunkGroupACLsValue(ctx, t.ACLs)
	diags.Append(d...)
	m.Transformations = framework.TransformationsValue(ctx, t.Transformations, &diags)
	return diags
}

// trunkTransferValue reads allow_transfer, a boolean in older API versions
// and a mode string in newer ones. A configured "True" or "FALSE" read back
// as a boolean keeps its spelling.
func trunkTransferValue(api *client.TrunkTransferMode, prior types.String) types.String {
	if api == nil {
		return types.StringNull()
	}
	v := string(*api)
	if framework.Known(prior) && (v == "true" || v == "false") && strings.EqualFold(prior.ValueString(), v) {
		return prior
	}
	return types.StringValue(v)
}

// trunkTransferBody sends "true"/"false" as a JSON boolean, anything else as
// the string written.
func trunkTransferBody(v types.String) any {
	if !framework.Known(v) {
		return nil
	}
	s := v.ValueString()
	if l := strings.ToLower(s); l == "true" || l == "false" {
		return client.TrunkTransferMode(l)
	}
	return client.TrunkTransferMode(s)
}

// body renders the writable attributes as API JSON values; a null attribute
// becomes a nil entry so an update can clear it. trunk_group_sid is the path,
// never the body.
func (m *trunkData) body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{
		"name":               framework.StringPtr(m.Name),
		"endpoint_sid":       framework.StringPtr(m.EndpointSID),
		"allow_forward":      framework.StringPtr(m.AllowForward),
		"allow_transfer":     trunkTransferBody(m.AllowTransfer),
		"asn_mode":           framework.StringPtr(m.ASNMode),
		"call_type":          framework.StringPtr(m.CallType),
		"codec":              framework.StringPtr(m.Codec),
		"in_codec":           framework.StringPtr(m.InCodec),
		"out_codec":          framework.StringPtr(m.OutCodec),
		"in_capacity":        framework.Int64Ptr(m.InCapacity),
		"out_capacity":       framework.Int64Ptr(m.OutCapacity),
		"in_identity_format": framework.StringPtr(m.InIdentityFormat),
		"in_identity_mode":   framework.StringPtr(m.InIdentityMode),
		"out_identity_mode":  framework.StringPtr(m.OutIdentityMode),
		"in_rfc_4694_mode":   framework.StringPtr(m.InRFC4694Mode),
		"out_rfc_4694_mode":  framework.StringPtr(m.OutRFC4694Mode),
		"in_ip_profile_sid":  framework.StringPtr(m.InIPProfileSID),
		"out_ip_profile_sid": framework.StringPtr(m.OutIPProfileSID),
		"location_sid":       framework.StringPtr(m.LocationSID),
		"priority":           framework.Int64Ptr(m.Priority),
		"weight":             framework.Int64Ptr(m.Weight),
	}
	if framework.Known(m.RelaySIPHeaders) {
		b["relay_sip_headers"] = trunkGroupStrings(ctx, m.RelaySIPHeaders, &diags)
	}
	if framework.Known(m.ACLs) {
		b["acls"] = trunkGroupACLsBody(ctx, m.ACLs, &diags)
	}
	if framework.Known(m.Transformations) {
		b["transformations"] = framework.TransformationsBody(ctx, m.Transformations, &diags)
	}
	return b, diags
}

// trunkParseImportID splits "<trunk_group_sid>/<trunk_sid>".
func trunkParseImportID(id string) (trunkGroupSID, trunkSID string, err error) {
	parts := strings.Split(id, "/")
	if len(parts) != 2 || !framework.IsSID(parts[0]) || !framework.IsSID(parts[1]) {
		return "", "", fmt.Errorf("import ID %q is not of the form <trunk_group_sid>/<trunk_sid> (two SIDs joined by a slash), "+
			"for example 0b1c2d3e-0000-4000-8000-0000000000b1/0b1c2d3e-0000-4000-8000-0000000000c1", id)
	}
	return parts[0], parts[1], nil
}
