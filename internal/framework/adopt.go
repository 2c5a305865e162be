package framework

import (
	"context"
	"fmt"
	"maps"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Adopt declares an object that CarrierX makes and Terraform configures:
// an endpoint's account in its endpoint API, a number routed to an
// endpoint. Nothing is created or deleted: create finds the object and
// sends the configuration over Defaults (so what is left out is the
// default), destroy sends Defaults.
type Adopt[T, M any] struct {
	// Find returns the object the plan names. Its error says why there is
	// none (a number not routed to the endpoint).
	Find func(ctx context.Context, api API[T], plan *M) (*T, error)
	// Defaults are CarrierX's documented values of the attributes the
	// resource manages.
	Defaults map[string]any
	// Singleton: the parent has one such object (an endpoint's account),
	// so the import ID may be the parent's SID alone.
	Singleton bool
	// Lost says, as a warning of the plan, why the object can vanish
	// without a destroy (a number no longer routed): Terraform then plans
	// to configure it again.
	Lost string
}

// Unrouted is Adopt.Lost of a number routed to an endpoint.
const Unrouted = "The number is no longer listed by the endpoint's API: it is not routed to the endpoint any more. " +
	RoutingRule + " Terraform plans to configure it again, which fails until the number is routed again; remove " +
	"the resource from the configuration if the route was removed on purpose."

// adopt finds the object and applies the configuration to it in one PATCH.
func (o *Object[T, M]) adopt(ctx context.Context, c *client.Client, plan *M, body map[string]any) (*T, error) {
	api := o.Collection(c, plan)
	obj, err := o.Adopt.Find(ctx, api, plan)
	if err != nil {
		return nil, err
	}
	patch := maps.Clone(o.Adopt.Defaults)
	maps.Copy(patch, DropNil(body))
	return api.Update(ctx, o.sidOf(obj), patch)
}

// importSingleton imports the one object of the parent whose SID is id.
func (o *Object[T, M]) importSingleton(ctx context.Context, c *client.Client, id string, resp *resource.ImportStateResponse) {
	var m M
	setString(&m, o.Parent, id)
	obj, err := o.Adopt.Find(ctx, o.Collection(c, &m), &m)
	if err != nil {
		AddAPIError(&resp.Diagnostics, "Unable to import "+o.Type, err)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(o.Parent), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(o.SIDAttr), o.sidOf(obj))...)
}

// sidOf is the SID of an API object: its field named like the SID attribute.
func (o *Object[T, M]) sidOf(obj *T) string {
	return tagged(reflect.ValueOf(obj).Elem(), "json")[o.SIDAttr].String()
}

// setString sets the string attribute name of model m.
func setString(m any, name, v string) { field(m, name).Set(reflect.ValueOf(types.StringValue(v))) }

// TheAccount finds the one account of the endpoint in its endpoint API.
func TheAccount[M any](ctx context.Context, api API[client.AppAccount], _ *M) (*client.AppAccount, error) {
	accounts, err := api.List(ctx, client.ListOptions{})
	if err != nil {
		return nil, err
	}
	if len(accounts) != 1 {
		return nil, fmt.Errorf("the endpoint API lists %d accounts, where every endpoint has exactly one", len(accounts))
	}
	return &accounts[0], nil
}

// RoutedDID finds the number the plan names (did_sid, or else phonenumber)
// among those routed to the endpoint; none is an error that says how a
// number is routed.
func RoutedDID[M any](ctx context.Context, api API[client.AppDID], plan *M) (*client.AppDID, error) {
	sid, number := stringOf(plan, "did_sid"), stringOf(plan, "phonenumber")
	if sid != "" {
		d, err := api.Get(ctx, sid)
		if client.IsNotFound(err) {
			return nil, fmt.Errorf("no number with did_sid %q is routed to endpoint %q. %s Check the did_sid (it is "+
				"the endpoint API's own, see its DIDs data source), or name the number by phonenumber.\n\n%w",
				sid, stringOf(plan, EndpointAttr), RoutingRule, err)
		}
		// Both set (a generated configuration has both): they must name one number.
		if err == nil && number != "" && !sameNumber(d.PhoneNumber, number) {
			return nil, fmt.Errorf("did_sid %q is the number %s, not phonenumber %q. Set one of them, or both to the "+
				"same number", sid, types.StringPointerValue(d.PhoneNumber).ValueString(), number)
		}
		return d, err
	}
	dids, err := api.List(ctx, client.ListOptions{Filter: client.Eq("phonenumber", number).String()})
	if err != nil {
		return nil, err
	}
	if len(dids) == 0 {
		return nil, fmt.Errorf("number %s is not routed to endpoint %q, so its API does not list it. %s Route it "+
			"first (in the same configuration, make this resource depend on the trunk and the number)",
			number, stringOf(plan, EndpointAttr), RoutingRule)
	}
	return &dids[0], nil
}

// sameNumber reports whether two spellings are one phone number.
func sameNumber(a *string, b string) bool {
	if a == nil {
		return false
	}
	da, errA := client.NormalizeDIDNumber(*a)
	db, errB := client.NormalizeDIDNumber(b)
	return errA == nil && errB == nil && da == db
}

// stringOf is the string attribute name of model m ("" when null or unknown).
func stringOf(m any, name string) string {
	return field(m, name).Interface().(types.String).ValueString()
}
