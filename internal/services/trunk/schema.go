package trunk

import (
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
	"github.com/carrierx/terraform-provider-carrierx/internal/services/trunkgroup"
)

// Fully documented trunk enums (validated); the others are only described.
var (
	allowForwardValues = []string{"direct", "direct_uri", "disabled", "protected", "reroute"}
	asnModes           = []string{"disable", "read", "write", "read_write"}
	// codecs is the older docs' list; the newest docs call codec legacy and
	// may know more, so it is documented, not enforced.
	codecs = []string{"alaw", "g722", "g723", "g729", "gsm", "opus8", "opus12", "opus16", "opus24", "opus48", "ulaw"}
)

// str is an optional string with a CarrierX default.
func str(desc, def string, v ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc + " Defaults to `" + def + "`.",
		Optional:            true, Computed: true,
		Default:    stringdefault.StaticString(def),
		Validators: v,
	}
}

// num is an optional number with a CarrierX default.
func num(desc string, def int64, v ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: desc, Optional: true, Computed: true,
		Default:    int64default.StaticInt64(def),
		Validators: v,
	}
}

// computedStr is for values a newer or admin API may fill by itself: left
// out, whatever CarrierX reports is kept without a diff.
func computedStr(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc, Optional: true, Computed: true,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

var resourceSchema = schema.Schema{
	Version: 1, // transformations take any value (framework.Transformations)
	MarkdownDescription: "A trunk of a CarrierX trunk group: the link from the group to one endpoint, with its own " +
		"capacity, priority and weight, SIP handling and ACLs. A trunk cannot exist outside its group; moving it to " +
		"another group (`trunk_group_sid`) replaces it. Import with `<trunk_group_sid>/<trunk_sid>`.",
	Attributes: map[string]schema.Attribute{
		"trunk_sid": framework.ComputedSID("Trunk secure ID."),
		"trunk_group_sid": schema.StringAttribute{
			MarkdownDescription: "Trunk group the trunk belongs to, usually `carrierx_trunk_group.<name>.trunk_group_sid`. Changing it replaces the trunk.",
			Required:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			Validators:          []validator.String{groupSID},
		},
		"name": schema.StringAttribute{
			MarkdownDescription: "Trunk name. CarrierX sets `N/A` when it is left out. " + framework.NameRule,
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:          []validator.String{framework.NameValidator},
		},
		"endpoint_sid": schema.StringAttribute{
			MarkdownDescription: "Endpoint the trunk delivers calls to and receives them from, usually " +
				"`carrierx_endpoint.<name>.endpoint_sid`. Unset (or `\"\"`) leaves the trunk without an endpoint.",
			Optional:   true,
			Validators: []validator.String{framework.SID{Hint: "Use the endpoint_sid of a carrierx_endpoint.", AllowEmpty: true}},
		},
		"acls": trunkgroup.ACLs("trunk"),
		"allow_forward": str("How a SIP 302 redirect from the called side is handled: `disabled` rejects it; `direct_uri` calls the "+
			"SIP URI of the Contact header; `direct` does that when the Contact has `user@host` and otherwise acts like `reroute`; "+
			"`protected` follows it only to an `inbound` address of one of the partner's `third_party` endpoints; `reroute` routes "+
			"the number in the Contact as a new outbound call.", "disabled", stringvalidator.OneOf(allowForwardValues...)),
		"allow_transfer": computedStr("Whether or how call transfer is allowed. Older API versions take `true` or `false` " +
			"(CarrierX's default is `false`); newer ones document a transfer mode whose values are not all known " +
			"(default `disabled`). `true`/`false` are sent as booleans, anything else as written. Left out, the value CarrierX has is kept."),
		"asn_mode": str("Access to the ASN-proxy variables PASSCALLERCSRC/PASSCALLEECSRC: `disable`, `read`, `write` or `read_write`.",
			"disable", stringvalidator.OneOf(asnModes...)),
		"call_type": str("Call type of the trunk. Only `regular` is documented; other values are passed to CarrierX unchecked.",
			"regular"),
		"codec": schema.StringAttribute{
			MarkdownDescription: "Legacy codec preference, put in front of both `in_codec` and `out_codec`. Known values: " +
				framework.QuoteList(codecs) + ". Null (the default) uses a codec the calling side offers.",
			Optional: true,
		},
		"in_codec":  computedStr("Codec preference for calls the trunk receives (newer API versions)."),
		"out_codec": computedStr("Codec preference for calls the trunk sends (newer API versions)."),
		"in_capacity": num("Maximum concurrent calls the trunk receives: `0` (the default) means no limit, `-1` that the trunk takes no calls in this direction.",
			0, int64validator.AtLeast(-1)),
		"out_capacity": num("Maximum concurrent calls the trunk sends: `0` (the default) means no limit; `-1` presumably blocks this direction, as for `in_capacity`.", 0),
		"in_identity_format": str("Format of the identity data (Remote-Party-ID, P-Asserted-Identity) sent to the called side. "+
			"Only `passthrough` is documented; other values are passed unchecked.", "passthrough"),
		"in_identity_mode": str("How Remote-Party-ID and P-Asserted-Identity are handled for calls the trunk receives. "+
			"Only `passthrough` is documented; other values are passed unchecked.", "passthrough"),
		"out_identity_mode": str("How Remote-Party-ID and P-Asserted-Identity are handled for calls the trunk sends. "+
			"Only `passthrough` is documented; other values are passed unchecked.", "passthrough"),
		"in_rfc_4694_mode": str("Handling of RFC 4694 number-portability parameters (`rn`, `npdi`) for calls the trunk receives. "+
			"Only `cut_all` is documented; other values are passed unchecked.", "cut_all"),
		"out_rfc_4694_mode": str("Handling of RFC 4694 number-portability parameters for calls the trunk sends. "+
			"Only `cut_all` is documented; other values are passed unchecked.", "cut_all"),
		"in_ip_profile_sid":  computedStr("Routing IP profile choosing the egress IP towards the called side (an administrator feature)."),
		"out_ip_profile_sid": computedStr("Routing IP profile for the other direction (an administrator feature)."),
		"location_sid": schema.StringAttribute{
			MarkdownDescription: "Routing location (CarrierX switch site) the trunk is pinned to. Null by default.",
			Optional:            true,
		},
		"priority": num("Order of the trunk in its group for `failover` routing. Defaults to `0`.", 0),
		"weight":   num("Share of traffic for weight-based distribution. Defaults to `0`.", 0),
		"relay_sip_headers": schema.ListAttribute{
			MarkdownDescription: "SIP headers copied from the calling side to the called side. Empty by default.",
			ElementType:         types.StringType,
			Optional:            true,
			Computed:            true,
			Default:             listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
		},
		"transformations": framework.Transformations("trunk"),
	},
}
