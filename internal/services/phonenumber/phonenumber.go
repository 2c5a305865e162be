// Package phonenumber is carrierx_phone_number, a number rented from
// CarrierX, with its data sources, the search of the rentable inventory
// (carrierx_available_phone_numbers) and the lookup of any number
// (carrierx_phone_number_lookup) (CarrierX docs, Core API, Phone Numbers,
// DID Object; Lookup, Phone Number Lookup).
package phonenumber

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// Object declares carrierx_phone_number: renting is its create, releasing
// its delete, and a released number (aging or back in the inventory) is
// gone from the account.
var Object = &framework.Object[client.DID, model]{
	Type:       "carrierx_phone_number",
	SIDAttr:    "did_sid",
	Schema:     resourceSchema,
	Collection: framework.Of[model, client.DID](client.DIDKind),
	// What CarrierX lets a renter change.
	Fields: framework.Fields{Write: []string{"name", "callback_url", "trunk_group_sid", "did_group_sid", "string_key_1",
		"string_key_2", "transformations"}, Read: []string{"transformations"}},
	Create: rent,
	Delete: release,
	Import: importNumber,
	Gone: func(d *client.DID) bool {
		return d.Status == client.DIDStatusAging || d.Status == client.DIDStatusAvailable
	},
	CreateVerb:     "rent",
	DeleteVerb:     "release",
	DestroyWarning: releaseWarning,
}

// Resource is the carrierx_phone_number resource.
var Resource = framework.NewResource[client.DID](Object)

// DataSources are carrierx_phone_number (by SID, number or filter) and
// carrierx_phone_numbers (the list leaves the porting PIN out),
// carrierx_available_phone_numbers and carrierx_phone_number_lookup.
var DataSources = append(framework.NewDataSources[client.DID](lookupRented), NewAvailableDataSource, NewLookupDataSource)

var lookupRented = &framework.Lookup[client.DID, model]{
	Object: Object, Noun: "rented phone number", Nouns: "rented phone numbers",
	Plural: "carrierx_phone_numbers", Items: "phone_numbers", Example: `state eq "NY"`,
	Omit: resourceOnly, PluralOmit: []string{"porting_pin"}, Listing: "phone numbers",
	Key: &framework.Key[client.DID]{
		Attr: "phonenumber",
		Description: "The rented number to read: `+15550100142`, `15550100142` or a spaced or dashed form. " +
			"Kept as written.",
		Validators: []validator.String{numberFormat},
		Find:       findRented,
	},
}

// rent rents the configured number, the first available one matching the
// search criteria, or, with neither, one CarrierX picks.
func rent(ctx context.Context, c *client.Client, plan *model, body map[string]any) (*client.DID, error) {
	body = framework.DropNil(body)
	crit := plan.criteria()
	switch {
	case framework.Known(plan.PhoneNumber) && !crit.configured():
		body["phonenumber"], _ = client.NormalizeDIDNumber(plan.PhoneNumber.ValueString())
	case crit.configured():
		search, diags := crit.search(ctx)
		if framework.Known(plan.PhoneNumber) {
			// country_code, state or locality beside the number: they must be
			// its own, so the number is rented only if the search finds it.
			number, _ := client.NormalizeDIDNumber(plan.PhoneNumber.ValueString())
			search.Filter = client.Eq("phonenumber", number).String()
			crit.number = "+" + number
		}
		if diags.HasError() {
			return nil, &framework.Failed{Summary: "Invalid required_capabilities", Err: fmt.Errorf("%v", diags)}
		}
		did, err := c.RentAvailableDID(ctx, search, body)
		var searchErr *client.AvailableDIDSearchError
		switch {
		case errors.Is(err, client.ErrNoAvailableDID) && crit.number != "":
			return nil, &framework.Failed{Summary: "Phone number not available as described", Err: fmt.Errorf(
				"CarrierX has no available number with %s: the number is taken, or country_code, state or locality "+
					"is not its own. Look it up with the carrierx_available_phone_numbers data source, or remove those lines",
				crit.describe(ctx))}
		case errors.Is(err, client.ErrNoAvailableDID):
			return nil, &framework.Failed{Summary: "No available phone number matches", Err: fmt.Errorf(
				"CarrierX has no available number with %s. Widen the criteria, or list what is available with the "+
					"carrierx_available_phone_numbers data source", crit.describe(ctx))}
		case errors.As(err, &searchErr):
			return nil, &framework.Failed{Summary: "Unable to search available phone numbers", Err: searchErr.Err}
		}
		return did, err
	}
	return c.RentDID(ctx, body, client.RentDIDOptions{})
}

// release releases the number, unless release_on_destroy is false: then
// the number is kept, detached (see keep), and only Terraform state forgets it.
func release(ctx context.Context, c *client.Client, state *model) error {
	if keeps(state) {
		return keep(ctx, c, state)
	}
	return client.Objects[client.DID](c, client.DIDKind).Delete(ctx, state.DIDSID.ValueString())
}

// keeps reports whether destroying the resource keeps the number rented.
func keeps(state *model) bool {
	return !state.ReleaseOnDestroy.IsNull() && !state.ReleaseOnDestroy.ValueBool()
}

// display names a number in messages: +digits and its did_sid.
func display(state *model) string {
	number := state.PhoneNumber.ValueString()
	if d, err := client.NormalizeDIDNumber(number); err == nil {
		number = "+" + d
	}
	return fmt.Sprintf("%s (did_sid %s)", number, state.DIDSID.ValueString())
}

// releaseWarning is the plan's warning before a number is released: the
// only destroy Terraform cannot undo (CarrierX docs, Core API, Phone
// Numbers, Release a DID: a released number goes into aging).
func releaseWarning(state *model) *framework.Warning {
	if keeps(state) {
		return nil
	}
	return &framework.Warning{
		Summary: "This plan releases phone number " + display(state) + " for good",
		Detail: "A released number goes into aging and can never be rented back (only CarrierX support can recover " +
			"it). To keep it: set release_on_destroy = false and apply that change on its own first (a destroy or a " +
			"replacement uses the value in state), or add lifecycle { prevent_destroy = true } so that no plan can " +
			"destroy it, or stop managing it with a removed block and lifecycle { destroy = false }. A phonenumber " +
			"taken from carrierx_available_phone_numbers changes once the number is rented: give the search criteria " +
			"to the resource itself instead (see the carrierx_phone_number documentation, \"Renting from a search\").",
	}
}

// keep detaches a number that stays rented from the trunk group and DID
// group it points at (null clears a reference: CarrierX docs, Core API,
// Phone Numbers, DID Object), so that Terraform can destroy them after it:
// CarrierX refuses to delete a group a number still references. A failed
// PATCH is an error, so the resource stays in state and the destroy can be
// retried.
func keep(ctx context.Context, c *client.Client, state *model) error {
	sid := state.DIDSID.ValueString()
	patch := map[string]any{}
	var refs []string
	for name, v := range map[string]types.String{"trunk_group_sid": state.TrunkGroupSID, "did_group_sid": state.DIDGroupSID} {
		if v.ValueString() != "" {
			patch[name] = nil
			refs = append(refs, name)
		}
	}
	sort.Strings(refs)
	detached := ""
	if len(patch) > 0 {
		_, err := client.Objects[client.DID](c, client.DIDKind).Update(ctx, sid, patch)
		if client.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return &framework.Failed{Summary: "Unable to detach phone number " + display(state), Err: fmt.Errorf(
				"release_on_destroy is false, so the number stays rented, but first %s must be set to null so that "+
					"Terraform can destroy what the number points at, and that failed: %w. The number is still rented "+
					"and still in Terraform state; run the destroy again", strings.Join(refs, " and "), err)}
		}
		detached = " It was detached (" + strings.Join(refs, " and ") + " set to null)."
	}
	tflog.Info(ctx, "release_on_destroy is false: the phone number stays rented, only Terraform state forgets it",
		map[string]any{"did_sid": sid, "phonenumber": state.PhoneNumber.ValueString()})
	return &framework.Warning{Summary: "Phone number " + display(state) + " kept rented",
		Detail: "release_on_destroy is false, so the number was not released: it stays rented (and billed) in the " +
			"account and Terraform no longer manages it." + detached + " To manage it again, import it by its " +
			"number or its did_sid (an import block with id = \"" + sid + "\")."}
}

// importNumber accepts the did_sid or the number itself (+15550100142,
// 15550100142 or a spaced form), resolved with one filtered list request.
func importNumber(ctx context.Context, c *client.Client, id string, state *tfsdk.State) diag.Diagnostics {
	var diags diag.Diagnostics
	sid := strings.TrimSpace(id)
	if !framework.IsSID(sid) {
		digits, err := client.NormalizeDIDNumber(sid)
		if err != nil {
			diags.AddError("Invalid carrierx_phone_number import ID", fmt.Sprintf(
				"%q is neither a did_sid (a UUID such as %s) nor a phone number such as +15550100142 or 15550100142.", id, framework.ExampleSID))
			return diags
		}
		did, err := c.FindRentedDID(ctx, digits)
		if err != nil {
			framework.AddAPIError(&diags, "Unable to look up phone number "+digits, err)
			return diags
		}
		if did == nil {
			diags.AddError("Phone number not rented by this account",
				fmt.Sprintf("+%s is not rented by this account (the token's partner), so it cannot be imported. "+
					"Rent it with a carrierx_phone_number resource instead, or check the number and the token.", digits))
			return diags
		}
		sid = did.DIDSID
	}
	diags.Append(state.SetAttribute(ctx, path.Root("did_sid"), sid)...)
	diags.Append(state.SetAttribute(ctx, path.Root("release_on_destroy"), true)...)
	return diags
}

// findRented is the data source's lookup by number: the account's number
// written as number, or a *framework.Failed when the account does not rent it.
func findRented(ctx context.Context, c *client.Client, number string) (*client.DID, error) {
	did, err := c.FindRentedDID(ctx, number)
	if err != nil || did != nil {
		return did, err
	}
	return nil, &framework.Failed{Summary: "Phone number not rented by this account", Err: fmt.Errorf(
		"%s is not rented by this account. Rent it with carrierx_phone_number, or look numbers up with carrierx_available_phone_numbers", number)}
}
