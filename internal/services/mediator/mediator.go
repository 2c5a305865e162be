// Package mediator is carrierx_mediator_binding and the Mediator data
// sources: call masking through the Mediator API of a mediator endpoint
// (CarrierX docs, Mediator API, Bindings and DIDs).
package mediator

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

type model struct {
	EndpointSID           types.String `tfsdk:"endpoint_sid"`
	BindingSID            types.String `tfsdk:"binding_sid"`
	AccountSID            types.String `tfsdk:"account_sid"`
	Name                  types.String `tfsdk:"name"`
	DestinationDID        types.String `tfsdk:"destination_did"`
	RedirectDID           types.String `tfsdk:"redirect_did"`
	OriginationDID        types.String `tfsdk:"origination_did"`
	DTMF                  types.String `tfsdk:"dtmf"`
	MaximumTTL            types.Int64  `tfsdk:"maximum_ttl"`
	WaitOriginationDIDTTL types.Int64  `tfsdk:"wait_origination_did_ttl"`
	Attributes            types.Map    `tfsdk:"attributes"`
	RedirectDIDInfo       types.Map    `tfsdk:"redirect_did_info"`
	DateCreated           types.String `tfsdk:"date_created"`
}

// ttl is a time in seconds, -1 for no limit, kept from state when left out.
func ttl(doc string) schema.Int64Attribute {
	return framework.KeptInt64(doc, int64validator.AtLeast(-1))
}

var bindingSchema = schema.Schema{
	MarkdownDescription: "A binding of a CarrierX Mediator endpoint (call masking): calls that reach the redirect number " +
		"(`redirect_did`, one of the numbers routed to the endpoint) are forwarded to `destination_did`, from any caller " +
		"or only from `origination_did`. A binding whose `maximum_ttl` has passed is gone from CarrierX; the next plan " +
		"shows it to be created again. Import with `<endpoint_sid>/<binding_sid>`.",
	Attributes: map[string]schema.Attribute{
		"endpoint_sid":    framework.EndpointSID(client.MediatorAPI, "the binding"),
		"binding_sid":     framework.StableString("Binding secure ID."),
		"account_sid":     framework.StableString("Mediator account of the endpoint."),
		"name":            framework.DefaultName("Binding name."),
		"destination_did": framework.RequiredString("Number the calls are forwarded to. "+framework.DIDRule, framework.DIDDigits),
		"redirect_did": schema.StringAttribute{
			MarkdownDescription: "Number callers dial: one of the numbers routed to the endpoint (see the " +
				"`carrierx_mediator_dids` data source). Left out, CarrierX assigns a free one, which is then kept. " + framework.DIDRule,
			Optional:      true,
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:    []validator.String{framework.DIDDigits},
		},
		"origination_did": schema.StringAttribute{
			MarkdownDescription: "Only calls from this number are forwarded. Unset means calls from any number. " + framework.DIDRule,
			Optional:            true,
			Validators:          []validator.String{framework.DIDDigits},
		},
		"dtmf": framework.OptionalString("Digits sent after the destination answers (to enter a meeting code, for example); "+
			"each `,` waits half a second. Unset means none.", framework.DTMF),
		"maximum_ttl": ttl("Lifetime of the binding in seconds; `-1` means it never expires. Left out, CarrierX's " +
			"default is kept."),
		"wait_origination_did_ttl": ttl("Seconds the binding waits for the origination number to call; `-1` means " +
			"no limit. Left out, CarrierX's default is kept."),
		"attributes": framework.EmptyStringMap("Call options of the binding, string values: built-in keys such as `ringback` (`moh`) and " +
			"`hide_origination_did` (`\"true\"`), and custom ones. Unset means none."),
		"redirect_did_info": schema.MapAttribute{
			MarkdownDescription: "The redirect number in other formats: `country_code`, `e164_format`, `in_country_format`, " +
				"`international_format`, `phonenumber`.",
			ElementType:   types.StringType,
			Computed:      true,
			PlanModifiers: []planmodifier.Map{framework.KeepUnless(path.Root("redirect_did"))},
		},
		"date_created": framework.StableString("When the binding was created (ISO 8601)."),
	},
}

// Object declares carrierx_mediator_binding.
var Object = &framework.Object[client.MediatorBinding, model]{
	Type:    "carrierx_mediator_binding",
	SIDAttr: "binding_sid",
	Parent:  framework.EndpointAttr,
	Schema:  bindingSchema,
	Fields: framework.Fields{
		Write: []string{"name", "destination_did", "redirect_did", "origination_did", "dtmf", "maximum_ttl",
			"wait_origination_did_ttl", "attributes"},
		KeepEmpty: []string{"origination_did", "dtmf"},
		Read:      []string{"attributes", "redirect_did_info"},
	},
	Collection: bindings,
	Create: func(ctx context.Context, c *client.Client, plan *model, body map[string]any) (*client.MediatorBinding, error) {
		b, err := bindings(c, plan).Create(ctx, framework.DropNil(body))
		if client.StatusCode(err) != http.StatusConflict {
			return b, err
		}
		return nil, noRedirect(ctx, c, plan.EndpointSID.ValueString(), err)
	},
}

func bindings(c *client.Client, m *model) framework.API[client.MediatorBinding] {
	return framework.InApp[model, client.MediatorBinding](client.MediatorAPI, client.MediatorBindingKind)(c, m)
}

// noRedirect explains a 409: no number routed to the endpoint could serve
// as the redirect number (CarrierX docs, Mediator API, Create a Binding).
func noRedirect(ctx context.Context, c *client.Client, endpoint string, err error) error {
	dids, lerr := client.AppObjects[client.AppDID](c, client.MediatorAPI, endpoint, client.AppDIDKind).List(ctx, client.ListOptions{})
	routed := "none"
	if lerr == nil && len(dids) > 0 {
		var nums []string
		for _, d := range dids {
			if d.PhoneNumber != nil {
				nums = append(nums, *d.PhoneNumber)
			}
		}
		routed = strings.Join(nums, ", ")
	}
	return fmt.Errorf("CarrierX found no redirect number for the binding among the numbers routed to endpoint %q "+
		"(routed now: %s). %s Route one more number to the endpoint, or set redirect_did to a routed number.\n\n%w",
		endpoint, routed, framework.RoutingRule, err)
}

// Resource is the carrierx_mediator_binding resource.
var Resource = framework.NewResource[client.MediatorBinding](Object)

var didObject = &framework.Object[client.AppDID, framework.RoutedNumber]{
	Type:       "carrierx_mediator_did",
	SIDAttr:    "did_sid",
	Parent:     framework.EndpointAttr,
	Collection: framework.InApp[framework.RoutedNumber, client.AppDID](client.MediatorAPI, client.AppDIDKind),
	Schema: schema.Schema{
		MarkdownDescription: "Numbers routed to a Mediator endpoint (number → trunk group → trunk → endpoint): the redirect numbers its bindings can use.",
		Attributes:          framework.AppDIDAttributes(client.MediatorAPI),
	},
}

// DataSources are carrierx_mediator_binding, carrierx_mediator_bindings
// and carrierx_mediator_dids.
var DataSources = append(framework.NewDataSources[client.MediatorBinding](&framework.Lookup[client.MediatorBinding, model]{
	Object: Object, Noun: "Mediator binding", Nouns: "Mediator bindings",
	Plural: "carrierx_mediator_bindings", Items: "bindings", Example: `destination_did eq "15550001111"`,
	Parent: framework.EndpointParent[model](client.MediatorAPI, "bindings"),
}), framework.NewPluralDataSource[client.AppDID](&framework.Lookup[client.AppDID, framework.RoutedNumber]{
	Object: didObject, Noun: "Mediator number", Nouns: "Mediator numbers",
	Plural: "carrierx_mediator_dids", Items: "dids", Example: `phonenumber eq "15550002222"`,
	Parent: framework.EndpointParent[framework.RoutedNumber](client.MediatorAPI, "numbers"),
}))
