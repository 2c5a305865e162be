package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// The helpers below are the Read / Update / Delete / ImportState plumbing
// shared by resources whose object is addressed by one SID. M is the
// resource model, T the client object; name is the resource type, as in
// every diagnostic summary. fill gets a copy of the model before the call
// as prior, so it can keep configured values the API answers differently.

// exampleSID is the UUID shown in import ID errors.
const exampleSID = "3c3c3c3c-0000-4111-8222-333333333333"

// readResource refreshes state; a 404 removes the resource from state, so
// Terraform plans to create it again.
func readResource[M, T any](ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, name string,
	sid func(*M) string, get func(context.Context, string) (*T, error),
	fill func(*M, context.Context, *T, *M) diag.Diagnostics) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := sid(&state)
	obj, err := get(ctx, id)
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to read "+name+" "+id, err)
		return
	}
	prior := state
	resp.Diagnostics.Append(fill(&state, ctx, obj, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// updateResource sends one PATCH with only the changed fields; when only
// Terraform-side attributes changed it reads the object instead.
func updateResource[M, T any](ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse, name string,
	sid func(*M) string, body func(*M, context.Context) (map[string]any, diag.Diagnostics),
	update func(context.Context, string, map[string]any) (*T, error), get func(context.Context, string) (*T, error),
	fill func(*M, context.Context, *T, *M) diag.Diagnostics) {
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	planBody, diags := body(&plan, ctx)
	resp.Diagnostics.Append(diags...)
	stateBody, diags := body(&state, ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := sid(&state)
	var obj *T
	var err error
	if patch := framework.Changed(planBody, stateBody); len(patch) > 0 {
		obj, err = update(ctx, id, patch)
	} else {
		obj, err = get(ctx, id)
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to update "+name+" "+id, err)
		return
	}
	prior := plan
	resp.Diagnostics.Append(fill(&plan, ctx, obj, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// deleteResource treats a 404 as already deleted.
func deleteResource[M any](ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse, name string,
	sid func(*M) string, del func(context.Context, string) error) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := sid(&state)
	if err := del(ctx, id); err != nil && !client.IsNotFound(err) {
		framework.AddAPIError(&resp.Diagnostics, "Unable to delete "+name+" "+id, err)
	}
}

// importBySID sets attr to the import ID after checking it is a SID, so a
// wrong ID fails with a clear message rather than a 404 on the first read.
// what names the ID in that message ("a prefix SID"), example is a UUID.
func importBySID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse,
	name, attr, what, example string) {
	if !framework.IsSID(req.ID) {
		resp.Diagnostics.AddError("Invalid "+name+" import ID",
			fmt.Sprintf("%q is not %s; import with the %s, a UUID such as %s.", req.ID, what, attr, example))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attr), req.ID)...)
}
