package trunkgroup

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// Trunk group enums whose members are all documented are validated;
// partly known ones are only described.
var (
	lastResorts  = []string{"first", "reject502", "reject503"}
	defaultCodes = "408;"
	// failureCodes validates the documented "<code>;" list form.
	failureCodes = []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^(\d{3};)*$`),
		"must be SIP response codes, each followed by a semicolon, such as \"408;\" or \"408;503;\"")}
)

// count is a non-negative number with a default.
func count(desc string, def int64) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: desc,
		Optional:            true,
		Computed:            true,
		Default:             int64default.StaticInt64(def),
		Validators:          []validator.Int64{int64validator.AtLeast(0)},
	}
}

var resourceSchema = schema.Schema{
	Version: 1, // transformations take any value (framework.Transformations)
	MarkdownDescription: "A CarrierX trunk group: the routing target of phone numbers (DIDs) and prefixes, " +
		"bundling trunks that lead to endpoints. The group decides how a trunk is picked for each call " +
		"(`routing_type`) and when a failing trunk is skipped (`hard_failure_*`, `soft_failure_codes`, SIP OPTIONS probes). " +
		"Its trunks are not managed here: each trunk is a `carrierx_trunk` resource, and the `trunks` array " +
		"CarrierX can return with a group is not part of this resource.",
	Attributes: map[string]schema.Attribute{
		"trunk_group_sid": framework.ComputedSID("Trunk group secure ID; also the import ID."),
		"name": schema.StringAttribute{
			MarkdownDescription: "Group name. CarrierX sets `N/A` when it is left out. " + framework.NameRule,
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:          []validator.String{framework.NameValidator},
		},
		"partner_sid": framework.ComputedSID("Partner that owns the group (the partner of the token)."),
		"acls":        ACLs("trunk group"),
		"external_handlers": schema.StringAttribute{
			MarkdownDescription: "External HTTP applications CarrierX consults for calls into the group, as a JSON array " +
				"(write it with `jsonencode([...])`). The object shape is not documented in detail, so it is passed " +
				"through as written; formatting differences never show as changes. Unset means none.",
			Optional:   true,
			Validators: []validator.String{jsonArray},
		},
		"hard_failure_codes": schema.StringAttribute{
			MarkdownDescription: "SIP response codes that count as a hard failure of a trunk, each followed by `;`. Defaults to `408;`.",
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString(defaultCodes),
			Validators:          failureCodes,
		},
		"hard_failure_cooldown": count("Seconds a trunk marked dead is skipped before it is tried again. Defaults to `120`.", 120),
		"hard_failure_interval": count("Window in seconds in which hard failures are counted. Defaults to `60`.", 60),
		"hard_failure_last_resort": schema.StringAttribute{
			MarkdownDescription: "What happens when every trunk is dead: `first` (the default) still tries the first trunk, " +
				"`reject502` and `reject503` reject the call with that SIP status.",
			Optional:   true,
			Computed:   true,
			Default:    stringdefault.StaticString("first"),
			Validators: []validator.String{stringvalidator.OneOf(lastResorts...)},
		},
		"hard_failure_threshold": count("Hard failures within `hard_failure_interval` that mark a trunk dead. Defaults to `3`.", 3),
		"routing_data": schema.StringAttribute{
			MarkdownDescription: "Extra parameter of some routing types. Null by default.",
			Optional:            true,
		},
		"routing_type": schema.StringAttribute{
			MarkdownDescription: "How a trunk is chosen for each call. Defaults to `failover` (trunks in `priority` order), " +
				"the only value the CarrierX reference shows; other values are passed to CarrierX unchecked.",
			Optional: true,
			Computed: true,
			Default:  stringdefault.StaticString("failover"),
		},
		"sip_options_locations": schema.ListAttribute{
			MarkdownDescription: "Routing locations SIP OPTIONS health probes are sent from. Empty by default.",
			ElementType:         types.StringType,
			Optional:            true,
			Computed:            true,
			Default:             listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
		},
		"sip_options_threshold": count("Failed SIP OPTIONS probes after which a trunk is considered down. Defaults to `3`.", 3),
		"soft_failure_codes": schema.StringAttribute{
			MarkdownDescription: "SIP response codes on which the call moves on to the next trunk without marking the trunk dead, " +
				"each followed by `;`. Defaults to `408;`.",
			Optional:   true,
			Computed:   true,
			Default:    stringdefault.StaticString(defaultCodes),
			Validators: failureCodes,
		},
		"transformations": framework.Transformations("trunk group"),
	},
}
