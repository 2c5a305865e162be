package framework

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// API is a collection of objects of type T: client.Collection, or an
// object's own where its API differs.
type API[T any] interface {
	Get(ctx context.Context, sid string) (*T, error)
	Create(ctx context.Context, body any) (*T, error)
	Update(ctx context.Context, sid string, patch map[string]any) (*T, error)
	Delete(ctx context.Context, sid string) error
	List(ctx context.Context, opts client.ListOptions) ([]T, error)
	Page(ctx context.Context, opts client.ListOptions, offset int) (*client.Page[T], error)
}

// Of returns the collection of kind k for an object that has no parent.
func Of[M, T any](k client.Kind) func(*client.Client, *M) API[T] {
	return func(c *client.Client, _ *M) API[T] { return client.Objects[T](c, k) }
}

// Object declares one resource addressed by a SID: its name, its schema,
// its collection, and hooks for what it does differently. The generic
// Resource does the rest: Create, Read, Update, Delete and ImportState.
type Object[T, M any] struct {
	codecOnce sync.Once
	codec     *codec // see codec.go

	Type    string // "carrierx_did_group"
	SIDAttr string // "did_group_sid": the SID attribute, also the import ID
	Schema  schema.Schema
	// Fields are the attributes converted by name; the model's Fill and
	// Body (Filler, Bodier), where it has them, do the rest.
	Fields Fields

	// Collection is where the object lives; m is the model at hand, for
	// objects under a parent (a trunk in its trunk group).
	Collection func(c *client.Client, m *M) API[T]
	// Parent names the attribute of an object that lives under another
	// (a trunk's trunk_group_sid, a binding's endpoint_sid): it is kept
	// from state (the object need not carry it), and the import ID is
	// "<parent SID>/<SID>".
	Parent string

	// Adopt, when set, declares an object that exists without Terraform
	// (an endpoint's account, a number routed to an endpoint): create finds
	// it and applies the configuration, destroy restores the defaults.
	Adopt *Adopt[T, M]
	// Create replaces the default POST of the body (nil entries dropped).
	Create func(ctx context.Context, c *client.Client, plan *M, body map[string]any) (*T, error)
	// Read replaces the GET of Read, where state needs more than the object
	// (a file's content hash after an import); a 404 still removes it.
	Read func(ctx context.Context, c *client.Client, state *M, diags *diag.Diagnostics) (*T, error)
	// ImportID turns a SID found after a lost create into the import ID,
	// where that is not the SID itself (a trunk's "<trunk_group_sid>/<trunk_sid>").
	ImportID func(plan *M, sid string) string
	// CreateError explains a failed create itself (a parent that does not
	// exist) and reports whether it did; otherwise the API error is shown.
	CreateError func(plan *M, err error, diags *diag.Diagnostics) bool
	// UpdateError is CreateError for a failed update (a value another
	// object already has).
	UpdateError func(plan *M, err error, diags *diag.Diagnostics) bool
	// Patch adjusts an update's changed fields before they are sent.
	Patch func(ctx context.Context, plan, state *M, patch map[string]any)
	// Delete replaces the default DELETE, where destroying is something else
	// (releasing a number, restoring defaults); a 404 is success.
	Delete func(ctx context.Context, c *client.Client, state *M) error
	// Import replaces the default import by SID.
	Import func(ctx context.Context, c *client.Client, id string, state *tfsdk.State) diag.Diagnostics
	// AfterImport adjusts the model filled by the first read after an
	// import (settings that are managed only when configured become
	// managed when the imported object has them).
	AfterImport func(ctx context.Context, obj *T, m *M) diag.Diagnostics
	// Gone reports whether an object read back no longer belongs to the
	// resource although it still exists (a released number); Read then
	// removes the resource from state, as for a 404.
	Gone func(obj *T) bool
	// CreateVerb and DeleteVerb name the operations in error summaries
	// ("rent", "release"); "create" and "delete" when empty.
	CreateVerb, DeleteVerb string
	// DestroyWarning, for an object whose destroy surprises (a number
	// released for good, a partner only forgotten), is the warning of every
	// plan that would destroy or replace the object in state, or nil where
	// this one's destroy does not (a number kept on destroy).
	DestroyWarning func(state *M) *Warning
	// ModifyPlan and ConfigValidators are the framework's, where needed.
	ModifyPlan       func(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse)
	ConfigValidators []resource.ConfigValidator
}

// Resource is the generic resource of an Object.
type Resource[T, M any] struct {
	o      *Object[T, M]
	client *client.Client
}

var (
	_ resource.ResourceWithConfigure        = (*Resource[struct{}, struct{}])(nil)
	_ resource.ResourceWithImportState      = (*Resource[struct{}, struct{}])(nil)
	_ resource.ResourceWithModifyPlan       = (*Resource[struct{}, struct{}])(nil)
	_ resource.ResourceWithConfigValidators = (*Resource[struct{}, struct{}])(nil)
	_ resource.ResourceWithUpgradeState     = (*Resource[struct{}, struct{}])(nil)
)

// NewResource returns the constructor the provider registers.
func NewResource[T, M any](o *Object[T, M]) func() resource.Resource {
	o.check()
	if o.Adopt != nil {
		o.CreateVerb, o.DeleteVerb = or(o.CreateVerb, "configure"), or(o.DeleteVerb, "restore the defaults of")
	}
	return func() resource.Resource { return &Resource[T, M]{o: o} }
}

// NewModel returns an empty model, for tests that check it against the schema.
func (r *Resource[T, M]) NewModel() any { return new(M) }

// ReadsModelDirectly reports whether the model is read and written without
// tfsdk's reflection (codec.go), for a test that every model is.
func (r *Resource[T, M]) ReadsModelDirectly(ctx context.Context) bool {
	return r.o.modelCodec(ctx) != nil
}

// Metadata names the resource.
func (r *Resource[T, M]) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.o.Type
}

// Schema is the declared schema.
func (r *Resource[T, M]) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.o.Schema
}

// Configure takes the provider's client.
func (r *Resource[T, M]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

// ConfigValidators are the declared ones.
func (r *Resource[T, M]) ConfigValidators(context.Context) []resource.ConfigValidator {
	return r.o.ConfigValidators
}

// ModifyPlan runs the declared hook, if any, then warns of an
// irreversible destroy (DestroyWarning).
func (r *Resource[T, M]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.o.ModifyPlan != nil {
		r.o.ModifyPlan(ctx, req, resp)
	}
	r.warnIrreversible(ctx, req, resp)
}

func (r *Resource[T, M]) sid(ctx context.Context, s tfsdk.State, diags *diag.Diagnostics) string {
	var sid string
	diags.Append(s.GetAttribute(ctx, path.Root(r.o.SIDAttr), &sid)...)
	return sid
}

// Create sends the plan's body; an object found after a lost answer is
// used with a warning, candidates are named with import blocks.
func (r *Resource[T, M]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	r.planned(ctx, req.Plan, req.Config, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := r.o.body(ctx, &plan)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	var obj *T
	var err error
	switch {
	case r.o.Adopt != nil:
		obj, err = r.o.adopt(ctx, r.client, &plan, body)
	case r.o.Create != nil:
		obj, err = r.o.Create(ctx, r.client, &plan, body)
	default:
		obj, err = r.o.Collection(r.client, &plan).Create(ctx, DropNil(body))
	}
	if err != nil && r.o.CreateError != nil && r.o.CreateError(&plan, err, &resp.Diagnostics) {
		return
	}
	var importID func(string) string
	switch {
	case r.o.ImportID != nil:
		importID = func(sid string) string { return r.o.ImportID(&plan, sid) }
	case r.o.Parent != "":
		importID = func(sid string) string { return r.o.parentSID(&plan) + "/" + sid }
	}
	if !CreateResult(&resp.Diagnostics, "Unable to "+or(r.o.CreateVerb, "create")+" "+r.o.Type, r.o.Type, obj, err, importID) {
		return
	}
	r.fillAndSet(ctx, obj, plan, &resp.State, &resp.Diagnostics, false)
}

// planned reads the plan into m with the configuration's write-only
// values, which a plan never holds, so Body and the hooks see what to send;
// Terraform keeps them out of state.
func (r *Resource[T, M]) planned(ctx context.Context, plan tfsdk.Plan, cfg tfsdk.Config, m *M, diags *diag.Diagnostics) {
	for name, a := range r.o.Schema.Attributes {
		if a.IsWriteOnly() {
			var v attr.Value
			diags.Append(cfg.GetAttribute(ctx, path.Root(name), &v)...)
			diags.Append(plan.SetAttribute(ctx, path.Root(name), v)...)
		}
	}
	diags.Append(r.o.get(ctx, plan.Raw, plan, m)...)
}

// importedKey marks, in private state, an object just imported whose
// Object has AfterImport.
const importedKey = "framework.imported"

// fillAndSet fills a copy of prior from obj and stores it; after an
// import, AfterImport adjusts it first.
func (r *Resource[T, M]) fillAndSet(ctx context.Context, obj *T, prior M, state *tfsdk.State, diags *diag.Diagnostics, imported bool) {
	m := prior
	diags.Append(r.o.fill(ctx, &m, obj, &prior)...)
	if imported {
		diags.Append(r.o.AfterImport(ctx, obj, &m)...)
	}
	if diags.HasError() {
		return
	}
	diags.Append(r.o.set(ctx, state, &m)...)
}

// Read refreshes state; a confirmed 404 removes the resource from state,
// so Terraform plans to create it again.
func (r *Resource[T, M]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(r.o.get(ctx, req.State.Raw, req.State, &state)...)
	sid := r.sid(ctx, req.State, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	var obj *T
	var err error
	if r.o.Read != nil {
		obj, err = r.o.Read(ctx, r.client, &state, &resp.Diagnostics)
	} else {
		obj, err = r.o.Collection(r.client, &state).Get(ctx, sid)
	}
	if client.IsNotFound(err) {
		if a := r.o.Adopt; a != nil && a.Lost != "" {
			resp.Diagnostics.AddWarning(r.o.Type+" "+sid+" is gone", a.Lost)
		}
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		AddAPIError(&resp.Diagnostics, "Unable to read "+r.o.Type+" "+sid, err)
		return
	}
	if r.o.Gone != nil && r.o.Gone(obj) {
		resp.State.RemoveResource(ctx)
		return
	}
	var imported []byte
	if r.o.AfterImport != nil {
		var diags diag.Diagnostics
		imported, diags = req.Private.GetKey(ctx, importedKey)
		resp.Diagnostics.Append(diags...)
		if len(imported) > 0 {
			resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
		}
	}
	r.fillAndSet(ctx, obj, state, &resp.State, &resp.Diagnostics, len(imported) > 0)
}

// Update sends one PATCH with only the changed fields; when only
// Terraform-side attributes changed it reads the object instead.
func (r *Resource[T, M]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	r.planned(ctx, req.Plan, req.Config, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(r.o.get(ctx, req.State.Raw, req.State, &state)...)
	sid := r.sid(ctx, req.State, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	planBody, diags := r.o.body(ctx, &plan)
	resp.Diagnostics.Append(diags...)
	stateBody, diags := r.o.body(ctx, &state)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	patch := Changed(planBody, stateBody)
	if r.o.Patch != nil {
		r.o.Patch(ctx, &plan, &state, patch)
	}
	col := r.o.Collection(r.client, &state)
	var obj *T
	var err error
	if len(patch) > 0 {
		obj, err = col.Update(ctx, sid, patch)
	} else {
		obj, err = col.Get(ctx, sid)
	}
	if err != nil && r.o.UpdateError != nil && r.o.UpdateError(&plan, err, &resp.Diagnostics) {
		return
	}
	if err != nil {
		AddAPIError(&resp.Diagnostics, "Unable to update "+r.o.Type+" "+sid, err)
		return
	}
	r.fillAndSet(ctx, obj, plan, &resp.State, &resp.Diagnostics, false)
	keepVolatile(ctx, r.o.Schema, req.Plan, &resp.State, &resp.Diagnostics)
}

// keepVolatile stores the planned value of every Volatile attribute the
// plan kept from state: CarrierX may have moved it since the plan, and
// Terraform refuses an applied value that differs from a planned one.
func keepVolatile(ctx context.Context, s schema.Schema, plan tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics) {
	for name, a := range s.Attributes {
		if !isVolatile(a) {
			continue
		}
		var v attr.Value
		diags.Append(plan.GetAttribute(ctx, path.Root(name), &v)...)
		if v != nil && !v.IsUnknown() {
			diags.Append(state.SetAttribute(ctx, path.Root(name), v)...)
		}
	}
}

// isVolatile reports whether a has the Volatile plan modifier.
func isVolatile(a schema.Attribute) bool {
	mods := reflect.ValueOf(a).FieldByName("PlanModifiers")
	for i := 0; mods.IsValid() && i < mods.Len(); i++ {
		if _, ok := mods.Index(i).Interface().(VolatileModifier); ok {
			return true
		}
	}
	return false
}

// Delete treats a confirmed 404 as already deleted.
func (r *Resource[T, M]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(r.o.get(ctx, req.State.Raw, req.State, &state)...)
	sid := r.sid(ctx, req.State, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	var err error
	switch {
	case r.o.Delete != nil:
		err = r.o.Delete(ctx, r.client, &state)
	case r.o.Adopt != nil:
		_, err = r.o.Collection(r.client, &state).Update(ctx, sid, maps.Clone(r.o.Adopt.Defaults))
	default:
		err = r.o.Collection(r.client, &state).Delete(ctx, sid)
	}
	var w *Warning
	switch {
	case errors.As(err, &w):
		resp.Diagnostics.AddWarning(w.Summary, w.Detail)
	case err != nil && !client.IsNotFound(err):
		AddAPIError(&resp.Diagnostics, "Unable to "+or(r.o.DeleteVerb, "delete")+" "+r.o.Type+" "+sid, err)
	}
}

// ImportState takes a SID, checked first so a wrong ID fails with a clear
// message rather than a 404 on the first read.
func (r *Resource[T, M]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if r.o.Import != nil {
		resp.Diagnostics.Append(r.o.Import(ctx, r.client, req.ID, &resp.State)...)
		return
	}
	sid := req.ID
	if a := r.o.Adopt; a != nil && a.Singleton && IsSID(req.ID) {
		r.o.importSingleton(ctx, r.client, req.ID, resp)
		return
	}
	if r.o.Parent != "" {
		parent, own, err := ParseChildID(req.ID, r.o.Parent, r.o.SIDAttr)
		if err != nil {
			msg := err.Error()
			if a := r.o.Adopt; a != nil && a.Singleton {
				msg += fmt.Sprintf("; <%s> alone imports the %s's one %s", r.o.Parent, strings.TrimSuffix(r.o.Parent, "_sid"), r.o.Type)
			}
			resp.Diagnostics.AddError("Invalid "+r.o.Type+" import ID", msg)
			return
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(r.o.Parent), parent)...)
		sid = own
	}
	if CheckImportSID(r.o.Type, r.o.SIDAttr, sid, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(r.o.SIDAttr), sid)...)
		if r.o.AfterImport != nil {
			resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte(`true`))...)
		}
	}
}

// ParseChildID splits the import ID "<parent SID>/<SID>" of an object
// under a parent; parentAttr and sidAttr name the two in the error.
func ParseChildID(id, parentAttr, sidAttr string) (parent, sid string, err error) {
	parent, sid, ok := strings.Cut(id, "/")
	if !ok || !IsSID(parent) || !IsSID(sid) {
		return "", "", fmt.Errorf("import ID %q is not of the form <%s>/<%s> (two SIDs joined by a slash), "+
			"for example %s/%s", id, parentAttr, sidAttr, ExampleSID, ExampleSID)
	}
	return parent, sid, nil
}

// Warning is what a Delete hook returns when destroying only forgets the
// object: the resource leaves state with this warning, not an error.
type Warning struct{ Summary, Detail string }

func (w *Warning) Error() string { return w.Summary + ": " + w.Detail }

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// UpgradeState moves state written before schema version 1, where
// transformations were a list of {action, direction, operands} objects, to
// version 1, where they take any value (see Transformations): the same
// rules, as HCL would write them.
func (r *Resource[T, M]) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	if r.o.Schema.Version < 1 {
		return nil
	}
	prior := r.o.Schema
	prior.Version = 0
	prior.Attributes = maps.Clone(prior.Attributes)
	var dynamic []string
	for name, a := range prior.Attributes {
		if _, ok := a.(schema.DynamicAttribute); ok {
			dynamic = append(dynamic, name)
			prior.Attributes[name] = schema.ListAttribute{Optional: true, Computed: true, ElementType: TransformationsV0.ElemType}
		}
	}
	return map[int64]resource.StateUpgrader{0: {
		PriorSchema: &prior,
		StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
			var vals map[string]tftypes.Value
			if err := req.State.Raw.As(&vals); err != nil {
				resp.Diagnostics.AddError("Unable to upgrade "+r.o.Type+" state", err.Error())
				return
			}
			for _, name := range dynamic {
				v, err := upgradeDynamic(ctx, vals[name])
				if err != nil {
					resp.Diagnostics.AddError("Unable to upgrade "+r.o.Type+" state", name+": "+err.Error())
					return
				}
				vals[name] = v
			}
			resp.State.Raw = tftypes.NewValue(r.o.Schema.Type().TerraformType(ctx), vals)
		},
	}}
}

// upgradeDynamic turns a version 0 list of transformations into the
// dynamic value that the same HCL gives.
func upgradeDynamic(ctx context.Context, old tftypes.Value) (tftypes.Value, error) {
	l, err := TransformationsV0.ValueFromTerraform(ctx, old)
	if err != nil {
		return tftypes.Value{}, err
	}
	d := types.DynamicNull()
	if !l.IsNull() {
		j, err := ValueJSON(l)
		if err != nil {
			return tftypes.Value{}, err
		}
		v, err := JSONValue(j)
		if err != nil {
			return tftypes.Value{}, err
		}
		d = types.DynamicValue(v)
	}
	return d.ToTerraformValue(ctx)
}

// Decode reads an API answer as the resource would after an import (no
// prior value), and renders the request body it would send from it: for
// tests that feed CarrierX's documented samples through the model.
func (r *Resource[T, M]) Decode(ctx context.Context, answer []byte) (state map[string]attr.Value, body map[string]any, diags diag.Diagnostics) {
	var obj T
	if err := json.Unmarshal(answer, &obj); err != nil {
		diags.AddError("Undecodable answer", err.Error())
		return nil, nil, diags
	}
	var m, prior M
	diags.Append(r.o.fill(ctx, &m, &obj, &prior)...)
	st := tfsdk.State{Schema: r.o.Schema}
	diags.Append(st.Set(ctx, &m)...)
	var all types.Object
	diags.Append(st.Get(ctx, &all)...)
	b, d := r.o.body(ctx, &m)
	diags.Append(d...)
	return all.Attributes(), b, diags
}
