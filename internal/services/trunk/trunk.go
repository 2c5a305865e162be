// Package trunk is carrierx_trunk and its data sources: the link from a
// trunk group to one endpoint, which exists only inside its group (CarrierX
// docs, Core API, Trunk Groups, Trunk Object). Everything is addressed
// under the group's trunk_group_sid.
package trunk

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/trunkgroup"
)

// model is one trunk (resource, and the data sources' items).
type model struct {
	TrunkSID         types.String  `tfsdk:"trunk_sid"`
	TrunkGroupSID    types.String  `tfsdk:"trunk_group_sid"`
	Name             types.String  `tfsdk:"name"`
	EndpointSID      types.String  `tfsdk:"endpoint_sid"`
	ACLs             types.List    `tfsdk:"acls"`
	AllowForward     types.String  `tfsdk:"allow_forward"`
	AllowTransfer    types.String  `tfsdk:"allow_transfer"`
	ASNMode          types.String  `tfsdk:"asn_mode"`
	CallType         types.String  `tfsdk:"call_type"`
	Codec            types.String  `tfsdk:"codec"`
	InCodec          types.String  `tfsdk:"in_codec"`
	OutCodec         types.String  `tfsdk:"out_codec"`
	InCapacity       types.Int64   `tfsdk:"in_capacity"`
	OutCapacity      types.Int64   `tfsdk:"out_capacity"`
	InIdentityFormat types.String  `tfsdk:"in_identity_format"`
	InIdentityMode   types.String  `tfsdk:"in_identity_mode"`
	OutIdentityMode  types.String  `tfsdk:"out_identity_mode"`
	InRFC4694Mode    types.String  `tfsdk:"in_rfc_4694_mode"`
	OutRFC4694Mode   types.String  `tfsdk:"out_rfc_4694_mode"`
	InIPProfileSID   types.String  `tfsdk:"in_ip_profile_sid"`
	OutIPProfileSID  types.String  `tfsdk:"out_ip_profile_sid"`
	LocationSID      types.String  `tfsdk:"location_sid"`
	Priority         types.Int64   `tfsdk:"priority"`
	Weight           types.Int64   `tfsdk:"weight"`
	RelaySIPHeaders  types.List    `tfsdk:"relay_sip_headers"`
	Transformations  types.Dynamic `tfsdk:"transformations"`
}

// Fill fills what is not converted by name. The trunk object does not
// carry its group: trunk_group_sid is the one it was read under (prior's).
func (m *model) Fill(ctx context.Context, t *client.Trunk, prior *model) diag.Diagnostics {
	var diags diag.Diagnostics
	m.AllowTransfer = transferValue(t.AllowTransfer, prior.AllowTransfer)
	m.ACLs = trunkgroup.ACLsValue(ctx, t.ACLs, &diags)
	return diags
}

// Body sends allow_transfer and the ACLs. trunk_group_sid is the path,
// never the body.
func (m *model) Body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{"allow_transfer": transferBody(m.AllowTransfer)}
	if framework.Known(m.ACLs) {
		b["acls"] = trunkgroup.ACLsBody(ctx, m.ACLs, &diags)
	}
	return b, diags
}

// transferValue reads allow_transfer, a boolean in older API versions and
// a mode string in newer ones. A configured "True" or "FALSE" read back as
// a boolean keeps its spelling.
func transferValue(api *client.TrunkTransferMode, prior types.String) types.String {
	if api == nil {
		return types.StringNull()
	}
	v := string(*api)
	if framework.Known(prior) && (v == "true" || v == "false") && strings.EqualFold(prior.ValueString(), v) {
		return prior
	}
	return types.StringValue(v)
}

// transferBody sends "true"/"false" as a JSON boolean, anything else as the
// string written.
func transferBody(v types.String) any {
	if !framework.Known(v) {
		return nil
	}
	s := v.ValueString()
	if l := strings.ToLower(s); l == "true" || l == "false" {
		return client.TrunkTransferMode(l)
	}
	return client.TrunkTransferMode(s)
}

// groupSID is the trunk_group_sid validator of the resource and the data sources.
var groupSID = framework.SID{Hint: "Use the trunk_group_sid of a carrierx_trunk_group."}

// Object declares carrierx_trunk: the trunks sub-collection of its group.
var Object = &framework.Object[client.Trunk, model]{
	Type:    "carrierx_trunk",
	SIDAttr: "trunk_sid",
	Schema:  resourceSchema,
	Fields: framework.Fields{
		Write: []string{"name", "endpoint_sid", "allow_forward", "asn_mode", "call_type", "codec", "in_codec",
			"out_codec", "in_capacity", "out_capacity", "in_identity_format", "in_identity_mode", "out_identity_mode",
			"in_rfc_4694_mode", "out_rfc_4694_mode", "in_ip_profile_sid", "out_ip_profile_sid", "location_sid", "priority",
			"weight", "relay_sip_headers", "transformations"},
		KeepEmpty: []string{"endpoint_sid", "codec", "in_codec", "out_codec", "in_ip_profile_sid", "out_ip_profile_sid",
			"location_sid"},
		Read: []string{"relay_sip_headers", "transformations"},
	},
	Collection: func(c *client.Client, m *model) framework.API[client.Trunk] {
		return client.Objects[client.Trunk](c, client.TrunkKind(m.TrunkGroupSID.ValueString()))
	},
	Parent: "trunk_group_sid", // the trunk object does not carry it
	// A 404 on create means the group is not there.
	CreateError: func(plan *model, err error, diags *diag.Diagnostics) bool {
		if !client.IsNotFound(err) {
			return false
		}
		diags.AddAttributeError(path.Root("trunk_group_sid"), "Unable to create carrierx_trunk: trunk group not found",
			fmt.Sprintf("No trunk group has trunk_group_sid %q for this token's partner; check the SID, or create the group "+
				"with carrierx_trunk_group and use its trunk_group_sid.\n\n%s", plan.TrunkGroupSID.ValueString(), err))
		return true
	},
}

// Resource is the carrierx_trunk resource.
var Resource = framework.NewResource[client.Trunk](Object)

// DataSources are carrierx_trunk and carrierx_trunks, both under the
// trunk group the configuration names.
var DataSources = framework.NewDataSources[client.Trunk](&framework.Lookup[client.Trunk, model]{
	Object: Object, Noun: "trunk", Nouns: "trunks",
	Plural: "carrierx_trunks", Items: "trunks", Example: `name eq "primary"`,
	Parent: &framework.Parent[model]{
		Attr:        "trunk_group_sid",
		Description: "Trunk group whose trunks are read.",
		Required:    true,
		Model:       func(m *model, sid string) { m.TrunkGroupSID = types.StringValue(sid) },
		Validators:  []validator.String{groupSID},
		Noun:        "trunk group",
		Get: func(ctx context.Context, c *client.Client, sid string) error {
			_, err := client.Objects[client.TrunkGroup](c, client.TrunkGroupKind).Get(ctx, sid)
			return err
		},
	},
})
