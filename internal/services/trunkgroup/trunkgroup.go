// Package trunkgroup is carrierx_trunk_group and its data sources: the
// routing target of phone numbers and prefixes, bundling trunks that lead
// to endpoints (CarrierX docs, Core API, Trunk Groups, Trunk Group Object).
// Its acls block is shared with carrierx_trunk.
package trunkgroup

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// model is a whole trunk group. Trunks are not part of it: they are the
// carrierx_trunk resource.
type model struct {
	TrunkGroupSID         types.String  `tfsdk:"trunk_group_sid"`
	Name                  types.String  `tfsdk:"name"`
	PartnerSID            types.String  `tfsdk:"partner_sid"`
	ACLs                  types.List    `tfsdk:"acls"`
	ExternalHandlers      types.String  `tfsdk:"external_handlers"`
	HardFailureCodes      types.String  `tfsdk:"hard_failure_codes"`
	HardFailureCooldown   types.Int64   `tfsdk:"hard_failure_cooldown"`
	HardFailureInterval   types.Int64   `tfsdk:"hard_failure_interval"`
	HardFailureLastResort types.String  `tfsdk:"hard_failure_last_resort"`
	HardFailureThreshold  types.Int64   `tfsdk:"hard_failure_threshold"`
	RoutingData           types.String  `tfsdk:"routing_data"`
	RoutingType           types.String  `tfsdk:"routing_type"`
	SIPOptionsLocations   types.List    `tfsdk:"sip_options_locations"`
	SIPOptionsThreshold   types.Int64   `tfsdk:"sip_options_threshold"`
	SoftFailureCodes      types.String  `tfsdk:"soft_failure_codes"`
	Transformations       types.Dynamic `tfsdk:"transformations"`
}

// Fill keeps the configured form of external_handlers, which the API
// reformats, and fills the ACLs.
func (m *model) Fill(ctx context.Context, g *client.TrunkGroup, prior *model) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ExternalHandlers = jsonValue(g.ExternalHandlers, prior.ExternalHandlers)
	m.ACLs = ACLsValue(ctx, g.ACLs, &diags)
	return diags
}

// Body sends external_handlers as written (null clears them) and the ACLs.
func (m *model) Body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{"external_handlers": nil}
	if framework.Known(m.ExternalHandlers) {
		b["external_handlers"] = json.RawMessage(m.ExternalHandlers.ValueString())
	}
	if framework.Known(m.ACLs) {
		b["acls"] = ACLsBody(ctx, m.ACLs, &diags)
	}
	return b, diags
}

// Object declares carrierx_trunk_group.
var Object = &framework.Object[client.TrunkGroup, model]{
	Type:       "carrierx_trunk_group",
	SIDAttr:    "trunk_group_sid",
	Collection: framework.Of[model, client.TrunkGroup](client.TrunkGroupKind),
	Fields: framework.Fields{
		Write: []string{"name", "hard_failure_codes", "hard_failure_cooldown", "hard_failure_interval",
			"hard_failure_last_resort", "hard_failure_threshold", "routing_data", "routing_type", "sip_options_threshold",
			"soft_failure_codes", "sip_options_locations", "transformations"},
		KeepEmpty: []string{"routing_data"},
		Read:      []string{"sip_options_locations", "transformations"},
	},
	Schema: resourceSchema,
	// Removing the attribute removes the handlers.
	Patch: func(_ context.Context, _, _ *model, patch map[string]any) {
		if v, ok := patch["external_handlers"]; ok && v == nil {
			patch["external_handlers"] = []any{}
		}
	},
}

// Resource is the carrierx_trunk_group resource.
var Resource = framework.NewResource[client.TrunkGroup](Object)

// DataSources are carrierx_trunk_group and carrierx_trunk_groups.
var DataSources = framework.NewDataSources[client.TrunkGroup](&framework.Lookup[client.TrunkGroup, model]{
	Object: Object, Noun: "trunk group", Nouns: "trunk groups",
	Plural: "carrierx_trunk_groups", Items: "trunk_groups", Example: `name eq "sip-east"`,
})
