package framework

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Objects of the endpoint APIs (Mediator, FlexML, Conference v2) live
// under the endpoint named by their endpoint_sid: the provider reaches the
// endpoint's API with the credentials it reads from the endpoint (see
// client.App), so no endpoint password is ever configured.

// EndpointAttr is the attribute that names an endpoint-API object's endpoint.
const EndpointAttr = "endpoint_sid"

// endpointSID is the validator of every endpoint_sid of an endpoint API.
func endpointSID(api client.AppAPI) SID {
	return SID{What: "endpoint SID", Hint: fmt.Sprintf("Use the endpoint_sid of a carrierx_endpoint of type %q.", api.EndpointType)}
}

// EndpointSID is the endpoint_sid of an endpoint-API resource: required,
// and changing it replaces the object (it lives in that endpoint's API).
func EndpointSID(api client.AppAPI, what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Endpoint (of type `%s`) whose %s holds %s, usually "+
			"`carrierx_endpoint.<name>.endpoint_sid`. The provider reads the endpoint's API URL and credentials "+
			"through the Core API (the token needs `endpoints.read`); no endpoint password is configured. "+
			"Changing it replaces %s.", api.EndpointType, api.Title, what, what),
		Required:      true,
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		Validators:    []validator.String{endpointSID(api)},
	}
}

// InApp is the Collection of an endpoint-API object: kind k in the API of
// the endpoint in the model's endpoint_sid.
func InApp[M, T any](api client.AppAPI, k client.Kind) func(*client.Client, *M) API[T] {
	return func(c *client.Client, m *M) API[T] {
		return client.AppObjects[T](c, api, endpointOf(m), k)
	}
}

func endpointOf(m any) string {
	return field(m, EndpointAttr).Interface().(types.String).ValueString()
}

// EndpointParent scopes the data sources of an endpoint-API object to the
// endpoint the configuration names.
func EndpointParent[M any](api client.AppAPI, nouns string) *Parent[M] {
	return &Parent[M]{
		Attr: EndpointAttr,
		Description: fmt.Sprintf("Endpoint (of type `%s`) whose %s are read; the provider reads its %s "+
			"credentials through the Core API.", api.EndpointType, nouns, api.Title),
		Required:   true,
		Model:      func(m *M, sid string) { setString(m, EndpointAttr, sid) },
		Validators: []validator.String{endpointSID(api)},
		Noun:       "endpoint",
		Get: func(ctx context.Context, c *client.Client, sid string) error {
			_, err := c.App(ctx, api, sid)
			return err
		},
	}
}

// DIDRule says how a number is written in the endpoint APIs.
const DIDRule = "Digits with the country code, without `+` or spaces, for example `15550001111`."

// RoutingRule says how a number reaches a hosted endpoint.
const RoutingRule = "A number reaches an endpoint through its trunk group: the number's `trunk_group_sid` names a " +
	"`carrierx_trunk_group` that has a `carrierx_trunk` whose `endpoint_sid` is the endpoint."

// DIDDigits checks a phone number of an endpoint API (E.164 digits).
var DIDDigits = stringvalidator.RegexMatches(regexp.MustCompile(`^[1-9][0-9]{6,14}$`),
	"must be a phone number in digits with its country code, without + or spaces (E.164 without the +), for example 15550001111")

// DTMF checks digits sent as tones: digits, * and #, and "," for a pause.
var DTMF = stringvalidator.RegexMatches(regexp.MustCompile(`^[0-9*#,]*$`),
	"must be DTMF digits (0-9, * and #), with , for a half-second pause, for example 1234#")

// RoutedNumber is the model of AppDIDAttributes, embedded by the models of
// the numbers of every endpoint API.
type RoutedNumber struct {
	EndpointSID         types.String `tfsdk:"endpoint_sid"`
	DIDSID              types.String `tfsdk:"did_sid"`
	PhoneNumber         types.String `tfsdk:"phonenumber"`
	AccountSID          types.String `tfsdk:"account_sid"`
	CountryCode         types.String `tfsdk:"country_code"`
	InCountryFormat     types.String `tfsdk:"in_country_format"`
	InternationalFormat types.String `tfsdk:"international_format"`
}

// AppDIDAttributes are the attributes of a number routed to a hosted
// endpoint, as every endpoint API shows it; all read only.
func AppDIDAttributes(api client.AppAPI) map[string]schema.Attribute {
	str := func(doc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: doc, Computed: true}
	}
	return map[string]schema.Attribute{
		EndpointAttr:           EndpointSID(api, "the number"),
		"did_sid":              str("The number's SID in the endpoint's API (not the Core API's `did_sid`)."),
		"account_sid":          str("Account of the endpoint."),
		"phonenumber":          str("The number, digits with the country code."),
		"country_code":         str("ISO 3166-1 alpha-3 country code."),
		"in_country_format":    str("The number as dialled in its country."),
		"international_format": str("The number in international format."),
	}
}

// AdoptedDIDAttributes are those of a resource that configures a number
// routed to a hosted endpoint (see Adopt and RoutedDID): the number is
// named by phonenumber or did_sid, and the rest is read.
func AdoptedDIDAttributes(api client.AppAPI) map[string]schema.Attribute {
	attrs := AppDIDAttributes(api)
	named := func(doc string, v validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: doc, Optional: true, Computed: true, Validators: []validator.String{v},
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}}
	}
	attrs["phonenumber"] = named("The number, one of those routed to the endpoint. "+DIDRule+" At least one of `phonenumber` "+
		"and `did_sid` is required; with both (as a generated configuration has them) they must name the same number. "+
		"Changing it configures another number (replacement).", DIDDigits)
	attrs["did_sid"] = named("The number's SID in the "+api.Title+" (not the Core API's `did_sid`), as its DIDs data "+
		"source lists it. At least one of `phonenumber` and `did_sid` is required; with both, they must name the same number.", SID{What: "DID SID"})
	for _, name := range []string{"account_sid", "country_code", "in_country_format", "international_format"} {
		a := attrs[name].(schema.StringAttribute)
		a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
		attrs[name] = a
	}
	return attrs
}
