// Package flexml is carrierx_flexml_account, carrierx_flexml_did and
// carrierx_flexml_dids: where a FlexML endpoint fetches the FlexML
// instructions of its calls (CarrierX docs, FlexML API, Accounts and DIDs).
package flexml

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// callbackMethods are the documented status_callback_method values.
var callbackMethods = []string{"GET", "POST", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE", "TRACE"}

// instructions are the attributes an account and a number share: where
// FlexML is fetched and where the end of a call is reported, with
// CarrierX's defaults (CarrierX docs, FlexML API, Account and DID objects).
func instructions(whose string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"url": framework.OptionalString("URL CarrierX fetches the FlexML instructions from for calls "+whose+
			". Unset means none. "+framework.CallbackURLRule, framework.HTTPURL{What: "FlexML URL"}),
		"method": enum("HTTP method of the requests to `url`: `POST` (the request as JSON) or `GET` (as query "+
			"arguments).", "POST", "POST", "GET"),
		"status_callback_url": framework.OptionalString("URL CarrierX calls when a call "+whose+" ends. Unset means none. "+
			framework.CallbackURLRule, framework.HTTPURL{}),
		"status_callback_method": enum("HTTP method of the requests to `status_callback_url`.", "POST", callbackMethods...),
	}
}

// instructionsModel is the model of instructions.
type instructionsModel struct {
	URL                  types.String `tfsdk:"url"`
	Method               types.String `tfsdk:"method"`
	StatusCallbackURL    types.String `tfsdk:"status_callback_url"`
	StatusCallbackMethod types.String `tfsdk:"status_callback_method"`
}

// enum is an optional string with CarrierX's default, one of values.
func enum(doc, def string, values ...string) schema.StringAttribute {
	return framework.DefaultString(fmt.Sprintf("%s One of %s; defaults to `%s`.", doc, framework.QuoteList(values), def),
		def, framework.Enum(values...))
}

// defaults are what the instructions are when nothing is configured, and
// what destroy restores.
var defaults = map[string]any{"url": nil, "method": "POST", "status_callback_url": nil, "status_callback_method": "POST"}

type accountModel struct {
	EndpointSID  types.String `tfsdk:"endpoint_sid"`
	AccountSID   types.String `tfsdk:"account_sid"`
	Name         types.String `tfsdk:"name"`
	Login        types.String `tfsdk:"login"`
	ErrorHandler types.String `tfsdk:"error_handler"`
	instructionsModel
}

// Account declares carrierx_flexml_account.
var Account = &framework.Object[client.AppAccount, accountModel]{
	Type:       "carrierx_flexml_account",
	SIDAttr:    "account_sid",
	Parent:     framework.EndpointAttr,
	Collection: framework.InApp[accountModel, client.AppAccount](client.FlexMLAPI, client.AppAccountKind),
	Fields: framework.Fields{Write: []string{"name", "error_handler", "url", "method", "status_callback_url",
		"status_callback_method"}},
	Adopt: &framework.Adopt[client.AppAccount, accountModel]{
		Find:      framework.TheAccount[accountModel],
		Defaults:  framework.With(defaults, map[string]any{"error_handler": "basic"}),
		Singleton: true,
	},
	Schema: schema.Schema{
		MarkdownDescription: "The account of a CarrierX FlexML endpoint: the FlexML URL of the endpoint's calls when their " +
			"number has none, and what happens when that application fails. Every FlexML endpoint has exactly one " +
			"account, made by CarrierX: this resource configures it, and destroy restores CarrierX's defaults. Import " +
			"with the `endpoint_sid`.",
		Attributes: framework.With(instructions("on the endpoint's numbers that have no `url` of their own (see "+
			"`carrierx_flexml_did`), and for outbound calls without one"), map[string]schema.Attribute{
			"endpoint_sid": framework.EndpointSID(client.FlexMLAPI, "the account"),
			"account_sid":  framework.StableString("FlexML account secure ID."),
			"login":        framework.StableString("Login of the account (the endpoint's `properties.login`)."),
			"name":         framework.KeptString("Name of the account. Left out, CarrierX's is kept."),
			"error_handler": enum("What a caller hears when the FlexML application fails: `basic` plays a recording, "+
				"`none` leaves the call to the carrier.", "basic", "basic", "none"),
		}),
	},
}

type didModel struct {
	framework.RoutedNumber
	instructionsModel
}

// DID declares carrierx_flexml_did.
var DID = &framework.Object[client.AppDID, didModel]{
	Type:       "carrierx_flexml_did",
	SIDAttr:    "did_sid",
	Parent:     framework.EndpointAttr,
	Collection: framework.InApp[didModel, client.AppDID](client.FlexMLAPI, client.AppDIDKind),
	Fields:     framework.Fields{Write: []string{"url", "method", "status_callback_url", "status_callback_method"}},
	Adopt: &framework.Adopt[client.AppDID, didModel]{
		Find:     framework.RoutedDID[didModel],
		Lost:     framework.Unrouted,
		Defaults: defaults,
	},
	ConfigValidators: []resource.ConfigValidator{
		// Both may be set, naming one number (framework.RoutedDID checks):
		// a generated configuration has both.
		resourcevalidator.AtLeastOneOf(path.MatchRoot("phonenumber"), path.MatchRoot("did_sid")),
	},
	Schema: schema.Schema{
		MarkdownDescription: "A number routed to a CarrierX FlexML endpoint, with the FlexML URL of its inbound calls. " +
			"The number is rented and routed in the Core API (`carrierx_phone_number` → `carrierx_trunk_group` → " +
			"`carrierx_trunk` → the endpoint); the FlexML API lists it by itself, and this resource configures it, found " +
			"by `phonenumber` or `did_sid`. Destroy restores CarrierX's defaults (the account's `url` applies again). " +
			"Import with `<endpoint_sid>/<did_sid>`.",
		Attributes: framework.With(instructions("to this number"), framework.AdoptedDIDAttributes(client.FlexMLAPI)),
	},
}

// Resources are carrierx_flexml_account and carrierx_flexml_did.
var Resources = []func() resource.Resource{
	framework.NewResource[client.AppAccount](Account),
	framework.NewResource[client.AppDID](DID),
}

// DataSources are carrierx_flexml_did and carrierx_flexml_dids.
var DataSources = framework.NewDataSources[client.AppDID](&framework.Lookup[client.AppDID, didModel]{
	Object: DID, Noun: "FlexML number", Nouns: "FlexML numbers",
	Plural: "carrierx_flexml_dids", Items: "dids", Example: `phonenumber eq "15550002222"`,
	Parent: framework.EndpointParent[didModel](client.FlexMLAPI, "numbers"),
})
