package trunkgroup

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// Trunk group enums whose members are all documented are validated;
// partly known ones are only described.
var (
	lastResorts  = []string{"first", "reject502", "reject503"}
	defaultCodes = "408;"
	// failureCodes validates the documented "<code>;" list form.
	failureCodes = stringvalidator.RegexMatches(regexp.MustCompile(`^(\d{3};)*$`),
		"must be SIP response codes, each followed by a semicolon, such as \"408;\" or \"408;503;\"")
)

// nonNegative checks the counts and durations of failure detection.
var nonNegative = int64validator.AtLeast(0)

var resourceSchema = schema.Schema{
	Version: 1, // transformations take any value (framework.Transformations)
	MarkdownDescription: "A CarrierX trunk group: the routing target of phone numbers (DIDs) and prefixes, " +
		"bundling trunks that lead to endpoints. The group decides how a trunk is picked for each call " +
		"(`routing_type`) and when a failing trunk is skipped (`hard_failure_*`, `soft_failure_codes`, SIP OPTIONS probes). " +
		"Its trunks are not managed here: each trunk is a `carrierx_trunk` resource, and the `trunks` array " +
		"CarrierX can return with a group is not part of this resource.",
	Attributes: map[string]schema.Attribute{
		"trunk_group_sid": framework.StableString("Trunk group secure ID; also the import ID."),
		"name":            framework.KeptName("Group name. CarrierX sets `N/A` when it is left out."),
		"partner_sid":     framework.StableString("Partner that owns the group (the partner of the token)."),
		"acls":            ACLs("trunk group"),
		"external_handlers": framework.OptionalString("External HTTP applications CarrierX consults for calls into the group, as a JSON array "+
			"(write it with `jsonencode([...])`). The object shape is not documented in detail, so it is passed "+
			"through as written; formatting differences never show as changes. Unset means none.", jsonArray),
		"hard_failure_codes": framework.DefaultString("SIP response codes that count as a hard failure of a trunk, each followed "+
			"by `;`. Defaults to `408;`.", defaultCodes, failureCodes),
		"hard_failure_cooldown": framework.DefaultInt64("Seconds a trunk marked dead is skipped before it is tried again. "+
			"Defaults to `120`.", 120, nonNegative),
		"hard_failure_interval": framework.DefaultInt64("Window in seconds in which hard failures are counted. Defaults to `60`.", 60, nonNegative),
		"hard_failure_last_resort": framework.DefaultString("What happens when every trunk is dead: `first` (the default) still "+
			"tries the first trunk, `reject502` and `reject503` reject the call with that SIP status.", "first",
			framework.Enum(lastResorts...)),
		"hard_failure_threshold": framework.DefaultInt64("Hard failures within `hard_failure_interval` that mark a trunk dead. "+
			"Defaults to `3`.", 3, nonNegative),
		"routing_data": framework.OptionalString("Extra parameter of some routing types. Null by default."),
		"routing_type": framework.DefaultString("How a trunk is chosen for each call. Defaults to `failover` (trunks in `priority` order), "+
			"the only value the CarrierX reference shows; other values are passed to CarrierX unchecked.", "failover",
			framework.KnownValues("failover")),
		"sip_options_locations": framework.EmptyStringList("Routing locations SIP OPTIONS health probes are sent from. Empty by default."),
		"sip_options_threshold": framework.DefaultInt64("Failed SIP OPTIONS probes after which a trunk is considered down. "+
			"Defaults to `3`.", 3, nonNegative),
		"soft_failure_codes": framework.DefaultString("SIP response codes on which the call moves on to the next trunk without "+
			"marking the trunk dead, each followed by `;`. Defaults to `408;`.", defaultCodes, failureCodes),
		"transformations": framework.Transformations("trunk group"),
	},
}
