package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*prefixResource)(nil)
	_ resource.ResourceWithConfigure   = (*prefixResource)(nil)
	_ resource.ResourceWithImportState = (*prefixResource)(nil)
)

func init() {
	registerResource("carrierx_prefix", NewPrefixResource, func() any { return &prefixModel{} })
}

// NewPrefixResource is the carrierx_prefix resource.
func NewPrefixResource() resource.Resource { return &prefixResource{} }

type prefixResource struct{ client *client.Client }

func (r *prefixResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_prefix"
}

func (r *prefixResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *prefixResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CarrierX prefix: prefix-based outbound routing. When one of the partner's endpoints " +
			"places an outbound call whose dialed number starts with `prefix`, the call goes to the trunk group " +
			"`trunk_group_sid`. Without `source_trunk_group_sid` the prefix applies to all of the partner's outbound " +
			"calls; with it, only to calls arriving through that trunk group. Both trunk groups must belong to the " +
			"same partner, and the destination group needs at least one trunk bound to an endpoint.",
		Attributes: map[string]schema.Attribute{
			"prefix_sid": schema.StringAttribute{
				MarkdownDescription: "Prefix secure ID; also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"prefix": schema.StringAttribute{
				MarkdownDescription: "The digits that trigger this routing: the start of the dialed number, digits only (for example `1555012`). Changing it updates the prefix in place.",
				Required:            true,
				Validators:          prefixValidators(),
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name. Defaults to `N/A`, CarrierX's default. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("N/A"),
				Validators:          []validator.String{framework.NameValidator{}},
			},
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: "Owning partner; defaults to the partner of the provider's token. CarrierX documents it as writable, so a change is sent as an update.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"trunk_group_sid": schema.StringAttribute{
				MarkdownDescription: "Destination trunk group of the matched calls. Unset means none.",
				Optional:            true,
				Validators:          prefixSIDValidators(),
			},
			"source_trunk_group_sid": schema.StringAttribute{
				MarkdownDescription: "Restricts the prefix to calls that arrive through this trunk group. Unset means calls from anywhere.",
				Optional:            true,
				Validators:          prefixSIDValidators(),
			},
			"callback_url": schema.StringAttribute{
				MarkdownDescription: "Callback URL of the prefix. Unset means none. " + framework.CallbackURLRule,
				Optional:            true,
				Validators:          []validator.String{framework.HTTPURL{AllowEmpty: true}},
			},
			"lrn_sid": schema.StringAttribute{
				MarkdownDescription: "Location Routing Number CarrierX assigned to the prefix; null when none.",
				Computed:            true,
			},
			"string_key_1": schema.StringAttribute{
				MarkdownDescription: "Free user-defined key.",
				Optional:            true,
			},
			"string_key_2": schema.StringAttribute{
				MarkdownDescription: "Second free user-defined key.",
				Optional:            true,
			},
			"attributes": schema.MapAttribute{
				MarkdownDescription: "Free-form key/value attributes.",
				ElementType:         types.StringType,
				Optional:            true,
				Computed:            true,
				Default:             mapdefault.StaticValue(types.MapValueMust(types.StringType, map[string]attr.Value{})),
			},
			"transformations": schema.ListNestedAttribute{
				MarkdownDescription: "Call-data rewrite rules applied at prefix level, in order. Passed to CarrierX as written.",
				Optional:            true,
				Computed:            true,
				Default:             listdefault.StaticValue(types.ListValueMust(framework.TransformationType, []attr.Value{})),
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"action":    schema.StringAttribute{MarkdownDescription: "Transformation verb.", Required: true},
						"direction": schema.StringAttribute{MarkdownDescription: "`inbound`, `outbound` or `any`.", Required: true},
						"operands": schema.ListAttribute{
							MarkdownDescription: "Arguments of the action.",
							ElementType:         types.StringType,
							Required:            true,
						},
					},
				},
			},
		},
	}
}

func (r *prefixResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan prefixModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	p, err := r.client.CreatePrefix(ctx, framework.DropNil(body))
	if !framework.CreateResult(&resp.Diagnostics, "Unable to create carrierx_prefix", "carrierx_prefix", p, err, nil) {
		return
	}
	resp.Diagnostics.Append(plan.fill(ctx, p, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *prefixResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readResource(ctx, req, resp, "carrierx_prefix", prefixSID, r.client.GetPrefix, (*prefixModel).fill)
}

func (r *prefixResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	updateResource(ctx, req, resp, "carrierx_prefix", prefixSID, (*prefixModel).body,
		r.client.UpdatePrefix, r.client.GetPrefix, (*prefixModel).fill)
}

func (r *prefixResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteResource(ctx, req, resp, "carrierx_prefix", prefixSID, r.client.DeletePrefix)
}

func (r *prefixResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importBySID(ctx, req, resp, "carrierx_prefix", "prefix_sid", "a prefix SID", exampleSID)
}

func prefixSID(m *prefixModel) string { return m.PrefixSID.ValueString() }
