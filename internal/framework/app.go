package framework

import (
	"context"
	"fmt"
	"reflect"

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
			"Changing it replaces the %s.", api.EndpointType, api.Title, what, what),
		Required:      true,
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		Validators:    []validator.String{endpointSID(api)},
	}
}

// InApp is the Collection of an endpoint-API object: kind k in the API of
// the endpoint in the model's endpoint_sid.
func InApp[M, T any, P client.ObjectPtr[T]](api client.AppAPI, k client.Kind) func(*client.Client, *M) API[T] {
	return func(c *client.Client, m *M) API[T] {
		return client.AppObjects[T, P](c, api, endpointOf(m), k)
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
		Model:      func(m *M, sid string) { field(m, EndpointAttr).Set(reflect.ValueOf(types.StringValue(sid))) },
		Validators: []validator.String{endpointSID(api)},
		Noun:       "endpoint",
		Get: func(ctx context.Context, c *client.Client, sid string) error {
			_, err := c.App(ctx, api, sid)
			return err
		},
	}
}
