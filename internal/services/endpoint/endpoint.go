// Package endpoint is carrierx_endpoint and its data sources: an external
// SIP device or a hosted application that calls are routed to (CarrierX
// docs, Core API, Endpoints).
package endpoint

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// endpointTypes are the documented endpoint types. The list in the docs was
// cut (CarrierX docs, Core API, Endpoints), so only system_gateway and a
// listed type written differently ("third-party") are refused.
var endpointTypes = []string{
	"third_party", "conference", "conference_v2", "conference_playback", "flexml", "mediator", "voicemail",
}

// credentialKeys are the properties CarrierX generates for hosted endpoints;
// they are exposed through `credentials`, not `properties`.
var credentialKeys = map[string]bool{"account_sid": true, "api_url": true, "login": true, "password": true}

// generatedKeys are the properties CarrierX sets itself: the credentials,
// and a conference endpoint's container_sid (CarrierX docs, Core API,
// Endpoints, Create Endpoint sample). An update never clears one.
var generatedKeys = map[string]bool{"account_sid": true, "api_url": true, "login": true, "password": true, "container_sid": true}

// Object declares carrierx_endpoint.
var Object = &framework.Object[client.Endpoint, model]{
	Type:       "carrierx_endpoint",
	SIDAttr:    "endpoint_sid",
	Collection: framework.Of[model, client.Endpoint](client.EndpointKind),
	Fields: framework.Fields{
		Write: []string{"name", "type", "partner_sid", "capacity", "auth_required", "out_sip_username", "out_sip_password",
			"transformations", "attributes"},
		KeepEmpty: []string{"out_sip_username", "out_sip_password"},
		Read:      []string{"transformations", "attributes"},
	},
	Patch: patch,
	Schema: schema.Schema{
		Version: 1, // transformations take any value (framework.Transformations)
		MarkdownDescription: "A CarrierX endpoint: an external SIP device (`third_party`) or a hosted application " +
			"(conference, FlexML, Mediator, voicemail). Hosted endpoints get generated API credentials, exposed in " +
			"`credentials`. The `system_gateway` endpoint that CarrierX creates for every partner cannot be managed; " +
			"read it with the `carrierx_endpoint` data source.",
		Attributes: map[string]schema.Attribute{
			"endpoint_sid": framework.StableString("Endpoint secure ID; also the import ID."),
			"type": framework.RequiredCreateOnly("Endpoint type. Known values: "+framework.QuoteList(endpointTypes)+
				". Changing it replaces the endpoint. `system_gateway` is created by CarrierX and cannot be managed.",
				stringvalidator.LengthAtLeast(1), notSystemGateway, framework.KnownValues(endpointTypes...)),
			"name": framework.KeptName("Friendly name. CarrierX fills a default when it is left out."),
			"partner_sid": framework.KeptCreateOnly("Owning partner; defaults to the partner of the token. Changing it replaces the endpoint.",
				framework.SID{What: "partner SID",
					Hint: "Use the partner_sid of a carrierx_partner, or leave partner_sid out for the token's partner."}),
			"capacity": framework.DefaultInt64("Maximum simultaneous inbound calls; `0` (the default) means no limit.", 0,
				int64validator.AtLeast(0)),
			"cps_limit": framework.StableInt64("Maximum outbound calls per second, set by CarrierX; null or `0` means no limit."),
			// Not in the documented attribute table and missing from some
			// samples (CarrierX docs, Core API, Endpoints): sent only when
			// configured.
			"auth_required": framework.KeptBool("Whether calls from this endpoint must authenticate. Sent only when set; " +
				"CarrierX's own value (`true` in its samples) is kept otherwise."),
			"out_sip_username": framework.OptionalString("Username CarrierX uses when the far end asks for proxy authentication, " +
				"unless the address has its own `sip_username`."),
			"out_sip_password": framework.StoredSecret("out_sip_password", "Password counterpart of `out_sip_username`. Stored in state; "+
				"to keep it out of state use `out_sip_password_wo`."),
			"out_sip_password_wo":         framework.WriteOnlySecret("out_sip_password"),
			"out_sip_password_wo_version": framework.SecretVersion("out_sip_password"),
			"voip_token":                  framework.Secret("Authentication token CarrierX generates for `third_party` endpoints."),
			"addresses": schema.ListNestedAttribute{
				MarkdownDescription: "SIP addresses of the endpoint, mainly for `third_party`.",
				Optional:            true,
				Computed:            true,
				Default:             listdefault.StaticValue(types.ListValueMust(addressType, []attr.Value{})),
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"ip": framework.RequiredString("IP address or FQDN of the far end. "+framework.IPOrHostnameRule,
							framework.IPOrHostname),
						"port": framework.DefaultInt64("Far-end port. Defaults to `5060`.", 5060, int64validator.Between(1, 65535)),
						"dst_port": framework.DefaultInt64("Only match calls arriving at CarrierX on this port. Defaults to `5060`.", 5060,
							int64validator.Between(1, 65535)),
						"transport": framework.DefaultString("`udp` (default), `tcp` or `tls`.", "udp",
							framework.Enum("udp", "tcp", "tls")),
						"direction": framework.DefaultString("Traffic the address is used for. Defaults to `any`; `inbound` and `outbound` "+
							"are the other known values.", "any", framework.KnownValues("any", "inbound", "outbound")),
						"priority": framework.DefaultInt64("Priority among the addresses. Defaults to `0`.", 0),
						"srtp":     framework.DefaultBool("Whether media to this address is SRTP-encrypted. Defaults to `false`.", false),
						"location_sid": framework.OptionalString("Location secure ID.",
							framework.SID{What: "location SID", AllowEmpty: true}),
						"sip_username": framework.OptionalString("Proxy-auth username for calls sent to this address; overrides `out_sip_username`."),
						"sip_password": schema.StringAttribute{
							MarkdownDescription: "Proxy-auth password for calls sent to this address; overrides `out_sip_password`.",
							Optional:            true,
							Sensitive:           true,
						},
					},
				},
			},
			"attributes": framework.EmptyStringMap("Free-form key/value attributes."),
			"properties": schema.MapAttribute{
				MarkdownDescription: "Type-specific settings (for example a voicemail endpoint's storage container). " +
					"The credentials CarrierX generates (" + framework.QuoteList(framework.SortedKeys(credentialKeys)) + ") are not here but in `credentials`. " +
					"Left out, it holds what CarrierX set (such as a conference endpoint's `container_sid`). Set, it manages " +
					"exactly the keys written: other keys CarrierX adds are not tracked, and `properties = {}` removes every key " +
					"Terraform set.",
				ElementType:   types.StringType,
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.UseStateForUnknown()},
				Validators:    []validator.Map{noCredentialKeys},
			},
			"transformations": framework.Transformations("endpoint"),
			"credentials": schema.SingleNestedAttribute{
				MarkdownDescription: "API credentials CarrierX generates for hosted endpoints (conference, conference_v2, " +
					"conference_playback, flexml, mediator); null for other types.",
				Computed:      true,
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"account_sid": framework.ComputedString("Account of the endpoint API."),
					"api_url":     framework.ComputedString("Base URL of the endpoint API."),
					"login":       framework.ComputedString("HTTP Basic login for the endpoint API."),
					"password": schema.StringAttribute{
						MarkdownDescription: "HTTP Basic password for the endpoint API.",
						Computed:            true,
						Sensitive:           true,
					},
				},
			},
		},
	},
}

// Resource is the carrierx_endpoint resource.
var Resource = framework.NewResource[client.Endpoint](Object)

// DataSources are carrierx_endpoint (such as the partner's `system_gateway`,
// by filter) and carrierx_endpoints, whose items leave the secrets out: they
// stay out of its state, and Terraform slows down sharply on thousands of
// sensitive values.
var DataSources = framework.NewDataSources[client.Endpoint](&framework.Lookup[client.Endpoint, model]{
	Object: Object, Noun: "endpoint", Nouns: "endpoints",
	Plural: "carrierx_endpoints", Items: "endpoints", Example: `type eq "system_gateway"`,
	Omit:       []string{"out_sip_password_wo", "out_sip_password_wo_version"},
	PluralOmit: []string{"out_sip_password", "voip_token", "credentials", "addresses.sip_password"},
})
