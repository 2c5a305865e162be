package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*accountSettingsResource)(nil)
	_ resource.ResourceWithConfigure   = (*accountSettingsResource)(nil)
	_ resource.ResourceWithImportState = (*accountSettingsResource)(nil)
)

func init() {
	registerResource("carrierx_account_settings", NewAccountSettingsResource, func() any { return &accountSettingsModel{} })
}

// NewAccountSettingsResource is the carrierx_account_settings resource.
func NewAccountSettingsResource() resource.Resource { return &accountSettingsResource{} }

type accountSettingsResource struct{ client *client.Client }

// accountSettingsModel: each of the four settings is managed when it is
// set (non-null) and left alone when null.
type accountSettingsModel struct {
	PartnerSID      types.String `tfsdk:"partner_sid"`
	Callbacks       types.Object `tfsdk:"callbacks"`
	Attributes      types.Map    `tfsdk:"attributes"`
	ACLs            types.List   `tfsdk:"acls"`
	Transformations types.List   `tfsdk:"transformations"`
}

// accountSettingsImported marks, in private state, a resource just
// imported: its first read fills every setting that is not empty.
const accountSettingsImported = "imported"

func (r *accountSettingsResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_account_settings"
}

func (r *accountSettingsResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *accountSettingsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account-wide settings of a partner: callback URLs, attributes, access control lists and " +
			"transformations. The partner is the one that owns the provider's token, or a sub-partner named by `partner_sid`. " +
			"The partner itself is not created or deleted: creating this resource PATCHes the settings it manages, and " +
			"**destroying it clears them** (empty `callbacks`, `attributes`, `acls`, `transformations` for those set in the " +
			"configuration). A setting left out of the configuration is not managed: it is neither read nor changed. Removing " +
			"a setting from the configuration clears it in CarrierX. Use one `carrierx_account_settings` per partner, and do " +
			"not also set these attributes on that partner's `carrierx_partner`.",
		Attributes: map[string]schema.Attribute{
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: "Partner whose settings are managed; also the import ID. Defaults to the partner that owns " +
					"the provider's token, found through `GET /oauth/tokens` (needs the `oauth.read` or `oauth.manage` scope; " +
					"set `partner_sid` when the token lacks it). Changing it moves the settings to another partner (the old " +
					"partner's settings are cleared).",
				Optional: true,
				Computed: true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
					stringplanmodifier.RequiresReplaceIfConfigured(),
				},
				Validators: []validator.String{framework.SID{What: "partner SID", Hint: "Leave partner_sid out for the token's own partner."}},
			},
			"callbacks": schema.SingleNestedAttribute{
				MarkdownDescription: "Callback URLs, one per event; a key left out has no callback (CarrierX replaces the whole " +
					"object). The keys are the ones CarrierX documents; any other key is refused at plan time.",
				Optional:   true,
				Attributes: partnerCallbacksResourceAttributes(),
			},
			"attributes": schema.MapAttribute{
				MarkdownDescription: "Free-form key/value attributes of the partner (the whole map is replaced).",
				ElementType:         types.StringType,
				Optional:            true,
			},
			"acls": schema.ListNestedAttribute{
				MarkdownDescription: "Access control lists of the partner itself, in order.",
				Optional:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: partnerACLResourceAttributes()},
			},
			"transformations": schema.ListNestedAttribute{
				MarkdownDescription: "Account-level call transformations, in order; passed to CarrierX as written.",
				Optional:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: partnerTransformationResourceAttributes()},
			},
		},
	}
}

// body renders the managed settings; a null (unmanaged) one is absent.
func (m *accountSettingsModel) body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{}
	if framework.Known(m.Callbacks) {
		b["callbacks"] = partnerCallbacksBody(m.Callbacks)
	}
	if framework.Known(m.Attributes) {
		b["attributes"] = partnerAttributesBody(ctx, m.Attributes, &diags)
	}
	if framework.Known(m.ACLs) {
		b["acls"] = partnerACLsBody(ctx, m.ACLs, &diags)
	}
	if framework.Known(m.Transformations) {
		b["transformations"] = framework.TransformationsBody(ctx, m.Transformations, &diags)
	}
	return b, diags
}

// accountSettingsEmpty is the cleared value of each setting.
func accountSettingsEmpty(key string) any {
	switch key {
	case "callbacks", "attributes":
		return map[string]string{}
	default:
		return []any{}
	}
}

// fill sets the managed settings from the API answer; with all, every
// setting that is not empty becomes managed (after an import).
func (m *accountSettingsModel) fill(ctx context.Context, p *client.Partner, all bool) diag.Diagnostics {
	var diags diag.Diagnostics
	var d diag.Diagnostics
	m.PartnerSID = types.StringValue(p.PartnerSID)
	if !m.Callbacks.IsNull() || (all && len(partnerCallbacksBody(partnerCallbacksValue(p.Callbacks))) > 0) {
		m.Callbacks = partnerCallbacksValue(p.Callbacks)
	}
	if !m.Attributes.IsNull() || (all && len(p.Attributes) > 0) {
		m.Attributes, d = types.MapValueFrom(ctx, types.StringType, framework.StringMap(p.Attributes, nil))
		diags.Append(d...)
	}
	if !m.ACLs.IsNull() || (all && len(p.ACLs) > 0) {
		m.ACLs, d = partnerACLsValue(ctx, p.ACLs)
		diags.Append(d...)
	}
	if !m.Transformations.IsNull() || (all && len(p.Transformations) > 0) {
		m.Transformations = framework.TransformationsValue(ctx, p.Transformations, &diags)
	}
	return diags
}

func (r *accountSettingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan accountSettingsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sid := plan.PartnerSID.ValueString()
	if !framework.Known(plan.PartnerSID) {
		var err error
		if sid, err = r.client.PartnerSIDOfToken(ctx); err != nil {
			framework.AddAPIError(&resp.Diagnostics, "Unable to find the partner of the provider's token; set partner_sid", err)
			return
		}
	}
	body, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	p, err := r.apply(ctx, sid, body)
	if err != nil {
		r.addError(&resp.Diagnostics, "Unable to create carrierx_account_settings", sid, err)
		return
	}
	resp.Diagnostics.Append(plan.fill(ctx, p, false)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// apply PATCHes body, or only reads the partner when there is nothing to send.
func (r *accountSettingsResource) apply(ctx context.Context, sid string, body map[string]any) (*client.Partner, error) {
	if len(body) == 0 {
		return r.client.GetPartner(ctx, sid)
	}
	return r.client.UpdatePartner(ctx, sid, body)
}

func (r *accountSettingsResource) addError(diags *diag.Diagnostics, summary, sid string, err error) {
	if client.IsNotFound(err) {
		diags.AddAttributeError(path.Root("partner_sid"), summary,
			fmt.Sprintf("No partner has partner_sid %q among the token's partner and its sub-partners (%s). Check the SID, "+
				"or leave partner_sid out for the token's own partner.", sid, err))
		return
	}
	framework.AddAPIError(diags, summary, err)
}

func (r *accountSettingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state accountSettingsModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	imported, diags := req.Private.GetKey(ctx, accountSettingsImported)
	resp.Diagnostics.Append(diags...)
	p, err := r.client.GetPartner(ctx, state.PartnerSID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to read carrierx_account_settings of partner "+state.PartnerSID.ValueString(), err)
		return
	}
	resp.Diagnostics.Append(state.fill(ctx, p, len(imported) > 0)...)
	if len(imported) > 0 {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, accountSettingsImported, nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *accountSettingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state accountSettingsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	planBody, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	stateBody, diags := state.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	patch := framework.Changed(planBody, stateBody)
	for k := range stateBody {
		if _, ok := planBody[k]; !ok {
			patch[k] = accountSettingsEmpty(k) // no longer managed: cleared
		}
	}
	sid := state.PartnerSID.ValueString()
	p, err := r.apply(ctx, sid, patch)
	if err != nil {
		r.addError(&resp.Diagnostics, "Unable to update carrierx_account_settings", sid, err)
		return
	}
	resp.Diagnostics.Append(plan.fill(ctx, p, false)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete clears the settings the resource managed; the partner stays.
func (r *accountSettingsResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state accountSettingsModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	stateBody, diags := state.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || len(stateBody) == 0 {
		return
	}
	patch := map[string]any{}
	for k := range stateBody {
		patch[k] = accountSettingsEmpty(k)
	}
	_, err := r.client.UpdatePartner(ctx, state.PartnerSID.ValueString(), patch)
	if err != nil && !client.IsNotFound(err) {
		framework.AddAPIError(&resp.Diagnostics, "Unable to clear carrierx_account_settings of partner "+state.PartnerSID.ValueString(), err)
	}
}

func (r *accountSettingsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !framework.IsSID(req.ID) {
		resp.Diagnostics.AddError("Invalid carrierx_account_settings import ID",
			fmt.Sprintf("%q is not a partner SID; import with the partner_sid whose settings to manage, a UUID such as 3c3c3c3c-0000-4111-8222-333333333333.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("partner_sid"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("callbacks"), types.ObjectNull(partnerCallbacksAttrTypes))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("attributes"), types.MapNull(types.StringType))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("acls"), types.ListNull(partnerACLObjectType()))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("transformations"), types.ListNull(framework.TransformationType))...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, accountSettingsImported, []byte(`true`))...)
}
