package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

var (
	_ resource.Resource                = (*didGroupResource)(nil)
	_ resource.ResourceWithConfigure   = (*didGroupResource)(nil)
	_ resource.ResourceWithImportState = (*didGroupResource)(nil)
)

func init() {
	registerResource("carrierx_did_group", NewDIDGroupResource, func() any { return &didGroupModel{} })
}

// NewDIDGroupResource is the carrierx_did_group resource.
func NewDIDGroupResource() resource.Resource { return &didGroupResource{} }

type didGroupResource struct{ client *client.Client }

func (r *didGroupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_did_group"
}

func (r *didGroupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *didGroupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CarrierX DID group: a set of rented phone numbers that share an SMS callback URL. " +
			"A number joins a group through its own `did_group_sid` (see `carrierx_phone_number`). For an SMS " +
			"event CarrierX uses the first non-empty of the number's `callback_url`, its group's `callback_url` " +
			"and the partner's `sms` callback.",
		Attributes: map[string]schema.Attribute{
			"did_group_sid": schema.StringAttribute{
				MarkdownDescription: "DID group secure ID; also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Group name. Defaults to `N/A`, CarrierX's default. " + nameRule,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("N/A"),
				Validators:          []validator.String{nameValidator{}},
			},
			"callback_url": schema.StringAttribute{
				MarkdownDescription: "URL CarrierX calls for SMS events of the group's numbers that have no `callback_url` of their own. Unset means none. " + callbackURLRule,
				Optional:            true,
				Validators:          []validator.String{httpURL{allowEmpty: true}},
			},
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: "Owning partner: the partner of the provider's token.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *didGroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan didGroupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	g, err := r.client.CreateDIDGroup(ctx, dropNil(plan.body()))
	if !createResult(&resp.Diagnostics, "Unable to create carrierx_did_group", "carrierx_did_group", g, err, nil) {
		return
	}
	plan.fill(g, &plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *didGroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readResource(ctx, req, resp, "carrierx_did_group", didGroupSID, r.client.GetDIDGroup, plainFill((*didGroupModel).fill))
}

func (r *didGroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	updateResource(ctx, req, resp, "carrierx_did_group", didGroupSID, plainBody((*didGroupModel).body),
		r.client.UpdateDIDGroup, r.client.GetDIDGroup, plainFill((*didGroupModel).fill))
}

func (r *didGroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteResource(ctx, req, resp, "carrierx_did_group", didGroupSID, r.client.DeleteDIDGroup)
}

func (r *didGroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importBySID(ctx, req, resp, "carrierx_did_group", "did_group_sid", "a DID group SID", exampleSID)
}

func didGroupSID(m *didGroupModel) string { return m.DIDGroupSID.ValueString() }
