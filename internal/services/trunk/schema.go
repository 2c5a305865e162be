package trunk

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/trunkgroup"
)

// Fully documented trunk enums (validated); the others are only described.
var (
	allowForwardValues = []string{"direct", "direct_uri", "disabled", "protected", "reroute"}
	asnModes           = []string{"disable", "read", "write", "read_write"}
	// codecs is the older docs' list; the newest docs call codec legacy and
	// may know more, so only a listed codec written differently ("G722") and
	// G.711, which the list names by its two laws, are refused (CarrierX docs,
	// Core API, Trunk Groups, Trunk Object).
	codecs   = []string{"alaw", "g722", "g723", "g729", "gsm", "opus8", "opus12", "opus16", "opus24", "opus48", "ulaw"}
	g711     = `G.711 is written "ulaw" (μ-law, North America and Japan) or "alaw" (A-law, elsewhere).`
	codecChk = framework.KnownValues(codecs...).WithHints(map[string]string{
		"g711": g711, "g711u": g711, "g711a": g711, "g711ulaw": g711, "g711alaw": g711, "pcmu": g711, "pcma": g711,
	})
)

// Partly documented trunk enums: only a documented value written
// differently is refused (framework.KnownValues).
var (
	passthrough = framework.KnownValues("passthrough")
	cutAll      = framework.KnownValues("cut_all")
)

var resourceSchema = schema.Schema{
	Version: 1, // transformations take any value (framework.Transformations)
	MarkdownDescription: "A trunk of a CarrierX trunk group: the link from the group to one endpoint, with its own " +
		"capacity, priority and weight, SIP handling and ACLs. A trunk cannot exist outside its group; moving it to " +
		"another group (`trunk_group_sid`) replaces it. Import with `<trunk_group_sid>/<trunk_sid>`.",
	Attributes: map[string]schema.Attribute{
		"trunk_sid": framework.StableString("Trunk secure ID."),
		"trunk_group_sid": framework.RequiredCreateOnly("Trunk group the trunk belongs to, usually "+
			"`carrierx_trunk_group.<name>.trunk_group_sid`. Changing it replaces the trunk.", groupSID),
		"name": framework.KeptName("Trunk name. CarrierX sets `N/A` when it is left out."),
		"endpoint_sid": framework.OptionalString("Endpoint the trunk delivers calls to and receives them from, usually "+
			"`carrierx_endpoint.<name>.endpoint_sid`. Unset (or `\"\"`) leaves the trunk without an endpoint.",
			framework.SID{Hint: "Use the endpoint_sid of a carrierx_endpoint.", AllowEmpty: true}),
		"acls": trunkgroup.ACLs("trunk"),
		"allow_forward": framework.DefaultString("How a SIP 302 redirect from the called side is handled: `disabled` rejects it; "+
			"`direct_uri` calls the SIP URI of the Contact header; `direct` does that when the Contact has `user@host` and otherwise "+
			"acts like `reroute`; `protected` follows it only to an `inbound` address of one of the partner's `third_party` endpoints; "+
			"`reroute` routes the number in the Contact as a new outbound call. Defaults to `disabled`.",
			"disabled", framework.Enum(allowForwardValues...)),
		// allow_transfer, the codecs and the IP profiles are kept: a newer
		// or admin API may fill them by itself.
		"allow_transfer": framework.KeptString("Whether or how call transfer is allowed. Older API versions take `true` or `false` "+
			"(CarrierX's default is `false`); newer ones document a transfer mode whose values are not all known "+
			"(default `disabled`). `true`/`false` are sent as booleans, anything else as written. Left out, the value CarrierX has is kept.",
			// true and false in any case are the older booleans (trunk.go).
			framework.KnownValues("disabled")),
		"asn_mode": framework.DefaultString("Access to the ASN-proxy variables PASSCALLERCSRC/PASSCALLEECSRC: `disable`, `read`, "+
			"`write` or `read_write`. Defaults to `disable`.", "disable", framework.Enum(asnModes...)),
		"call_type": framework.DefaultString("Call type of the trunk. Only `regular` is documented; other values are passed to "+
			"CarrierX unchecked. Defaults to `regular`.", "regular", framework.KnownValues("regular")),
		"codec": framework.OptionalString("Legacy codec preference, put in front of both `in_codec` and `out_codec`. Known values: "+
			framework.QuoteList(codecs)+". Null (the default) uses a codec the calling side offers.", codecChk),
		"in_codec":  framework.KeptString("Codec preference for calls the trunk receives (newer API versions)."),
		"out_codec": framework.KeptString("Codec preference for calls the trunk sends (newer API versions)."),
		"in_capacity": framework.DefaultInt64("Maximum concurrent calls the trunk receives: `0` (the default) means no limit, "+
			"`-1` that the trunk takes no calls in this direction.", 0, int64validator.AtLeast(-1)),
		"out_capacity": framework.DefaultInt64("Maximum concurrent calls the trunk sends: `0` (the default) means no limit; "+
			"`-1` presumably blocks this direction, as for `in_capacity`.", 0),
		"in_identity_format": framework.DefaultString("Format of the identity data (Remote-Party-ID, P-Asserted-Identity) sent to "+
			"the called side. Only `passthrough` is documented; other values are passed unchecked. Defaults to `passthrough`.", "passthrough",
			passthrough),
		"in_identity_mode": framework.DefaultString("How Remote-Party-ID and P-Asserted-Identity are handled for calls the trunk receives. "+
			"Only `passthrough` is documented; other values are passed unchecked. Defaults to `passthrough`.", "passthrough",
			passthrough),
		"out_identity_mode": framework.DefaultString("How Remote-Party-ID and P-Asserted-Identity are handled for calls the trunk sends. "+
			"Only `passthrough` is documented; other values are passed unchecked. Defaults to `passthrough`.", "passthrough",
			passthrough),
		"in_rfc_4694_mode": framework.DefaultString("Handling of RFC 4694 number-portability parameters (`rn`, `npdi`) for calls "+
			"the trunk receives. Only `cut_all` is documented; other values are passed unchecked. Defaults to `cut_all`.", "cut_all", cutAll),
		"out_rfc_4694_mode": framework.DefaultString("Handling of RFC 4694 number-portability parameters for calls the trunk sends. "+
			"Only `cut_all` is documented; other values are passed unchecked. Defaults to `cut_all`.", "cut_all", cutAll),
		"in_ip_profile_sid": framework.KeptString("Routing IP profile choosing the egress IP towards the called side " +
			"(an administrator feature)."),
		"out_ip_profile_sid": framework.KeptString("Routing IP profile for the other direction (an administrator feature)."),
		"location_sid":       framework.OptionalString("Routing location (CarrierX switch site) the trunk is pinned to. Null by default."),
		"priority":           framework.DefaultInt64("Order of the trunk in its group for `failover` routing. Defaults to `0`.", 0),
		"weight":             framework.DefaultInt64("Share of traffic for weight-based distribution. Defaults to `0`.", 0),
		"relay_sip_headers":  framework.EmptyStringList("SIP headers copied from the calling side to the called side. Empty by default."),
		"transformations":    framework.Transformations("trunk"),
	},
}
