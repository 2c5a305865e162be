package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*endpointResource)(nil)
	_ resource.ResourceWithConfigure   = (*endpointResource)(nil)
	_ resource.ResourceWithImportState = (*endpointResource)(nil)
)

func init() {
	registerResource("carrierx_endpoint", NewEndpointResource, func() any { return &endpointResourceModel{} })
}

// NewEndpointResource is the carrierx_endpoint resource.
func NewEndpointResource() resource.Resource { return &endpointResource{} }

type endpointResource struct {
	client *client.Client
}

type endpointResourceModel struct {
	endpointData
	OutSIPPasswordWO        types.String `tfsdk:"out_sip_password_wo"`
	OutSIPPasswordWOVersion types.Int64  `tfsdk:"out_sip_password_wo_version"`
}

func (r *endpointResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_endpoint"
}

func (r *endpointResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *endpointResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CarrierX endpoint: an external SIP device (`third_party`) or a hosted application " +
			"(conference, FlexML, Mediator, voicemail). Hosted endpoints get generated API credentials, exposed in " +
			"`credentials`. The `system_gateway` endpoint that CarrierX creates for every partner cannot be managed; " +
			"read it with the `carrierx_endpoint` data source.",
		Attributes: map[string]schema.Attribute{
			"endpoint_sid": schema.StringAttribute{
				MarkdownDescription: "Endpoint secure ID; also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Endpoint type. Known values: " + framework.QuoteList(endpointTypes) +
					". Changing it replaces the endpoint. `system_gateway` is created by CarrierX and cannot be managed.",
				Required:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					notSystemGateway{},
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Friendly name. CarrierX fills a default when it is left out. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:          []validator.String{framework.NameValidator{}},
			},
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: "Owning partner; defaults to the partner of the token. Changing it replaces the endpoint.",
				Optional:            true,
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
					stringplanmodifier.RequiresReplaceIfConfigured(),
				},
			},
			"capacity": schema.Int64Attribute{
				MarkdownDescription: "Maximum simultaneous inbound calls; `0` (the default) means no limit.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(0),
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"cps_limit": schema.Int64Attribute{
				MarkdownDescription: "Maximum outbound calls per second, set by CarrierX; null or `0` means no limit.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"auth_required": schema.BoolAttribute{
				MarkdownDescription: "Whether calls from this endpoint must authenticate. Defaults to `true`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
			},
			"out_sip_username": schema.StringAttribute{
				MarkdownDescription: "Username CarrierX uses when the far end asks for proxy authentication, unless the address has its own `sip_username`.",
				Optional:            true,
			},
			"out_sip_password": schema.StringAttribute{
				MarkdownDescription: "Password counterpart of `out_sip_username`. Stored in state; to keep it out of state use `out_sip_password_wo`.",
				Optional:            true,
				Sensitive:           true,
				Validators: []validator.String{
					stringvalidator.ConflictsWith(path.MatchRoot("out_sip_password_wo")),
				},
			},
			"out_sip_password_wo": schema.StringAttribute{
				MarkdownDescription: "Write-only `out_sip_password` (Terraform 1.11+): sent to CarrierX, never stored. " +
					"Change `out_sip_password_wo_version` to send a new value.",
				Optional:   true,
				Sensitive:  true,
				WriteOnly:  true,
				Validators: []validator.String{stringvalidator.AlsoRequires(path.MatchRoot("out_sip_password_wo_version"))},
			},
			"out_sip_password_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any number; changing it sends `out_sip_password_wo` again.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("out_sip_password_wo"))},
			},
			"voip_token": schema.StringAttribute{
				MarkdownDescription: "Authentication token CarrierX generates for `third_party` endpoints.",
				Computed:            true,
				Sensitive:           true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"addresses": schema.ListNestedAttribute{
				MarkdownDescription: "SIP addresses of the endpoint, mainly for `third_party`.",
				Optional:            true,
				Computed:            true,
				Default:             listdefault.StaticValue(types.ListValueMust(addressObjectType(), []attr.Value{})),
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"ip": schema.StringAttribute{
							MarkdownDescription: "IP address or FQDN of the far end. " + framework.IPOrHostnameRule,
							Required:            true,
							Validators:          []validator.String{framework.IPOrHostname{}},
						},
						"port": schema.Int64Attribute{
							MarkdownDescription: "Far-end port. Defaults to `5060`.",
							Optional:            true, Computed: true,
							Default:    int64default.StaticInt64(5060),
							Validators: []validator.Int64{int64validator.Between(1, 65535)},
						},
						"dst_port": schema.Int64Attribute{
							MarkdownDescription: "Only match calls arriving at CarrierX on this port. Defaults to `5060`.",
							Optional:            true, Computed: true,
							Default:    int64default.StaticInt64(5060),
							Validators: []validator.Int64{int64validator.Between(1, 65535)},
						},
						"transport": schema.StringAttribute{
							MarkdownDescription: "`udp` (default), `tcp` or `tls`.",
							Optional:            true, Computed: true,
							Default:    stringdefault.StaticString("udp"),
							Validators: []validator.String{stringvalidator.OneOf("udp", "tcp", "tls")},
						},
						"direction": schema.StringAttribute{
							MarkdownDescription: "Traffic the address is used for. Defaults to `any`; `inbound` and `outbound` are the other known values.",
							Optional:            true, Computed: true,
							Default: stringdefault.StaticString("any"),
						},
						"priority": schema.Int64Attribute{
							MarkdownDescription: "Priority among the addresses. Defaults to `0`.",
							Optional:            true, Computed: true,
							Default: int64default.StaticInt64(0),
						},
						"srtp": schema.BoolAttribute{
							MarkdownDescription: "Whether media to this address is SRTP-encrypted. Defaults to `false`.",
							Optional:            true, Computed: true,
							Default: booldefault.StaticBool(false),
						},
						"location_sid": schema.StringAttribute{
							MarkdownDescription: "Location secure ID.",
							Optional:            true,
						},
						"sip_username": schema.StringAttribute{
							MarkdownDescription: "Proxy-auth username for calls sent to this address; overrides `out_sip_username`.",
							Optional:            true,
						},
						"sip_password": schema.StringAttribute{
							MarkdownDescription: "Proxy-auth password for calls sent to this address; overrides `out_sip_password`.",
							Optional:            true,
							Sensitive:           true,
						},
					},
				},
			},
			"attributes": schema.MapAttribute{
				MarkdownDescription: "Free-form key/value attributes.",
				ElementType:         types.StringType,
				Optional:            true,
				Computed:            true,
				Default:             mapdefault.StaticValue(types.MapValueMust(types.StringType, map[string]attr.Value{})),
			},
			"properties": schema.MapAttribute{
				MarkdownDescription: "Type-specific settings (for example a voicemail endpoint's storage container). " +
					"The credentials CarrierX generates (" + framework.QuoteList(framework.SortedKeys(credentialKeys)) + ") are not here but in `credentials`.",
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				Default:     mapdefault.StaticValue(types.MapValueMust(types.StringType, map[string]attr.Value{})),
				Validators:  []validator.Map{noCredentialKeys{}},
			},
			"transformations": schema.ListNestedAttribute{
				MarkdownDescription: "Call-data rewrite rules applied at endpoint level, in order. Passed to CarrierX as written.",
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
			"credentials": schema.SingleNestedAttribute{
				MarkdownDescription: "API credentials CarrierX generates for hosted endpoints (conference, conference_v2, " +
					"conference_playback, flexml, mediator); null for other types.",
				Computed:      true,
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"account_sid": schema.StringAttribute{MarkdownDescription: "Account of the endpoint API.", Computed: true},
					"api_url":     schema.StringAttribute{MarkdownDescription: "Base URL of the endpoint API.", Computed: true},
					"login":       schema.StringAttribute{MarkdownDescription: "HTTP Basic login for the endpoint API.", Computed: true},
					"password": schema.StringAttribute{
						MarkdownDescription: "HTTP Basic password for the endpoint API.",
						Computed:            true,
						Sensitive:           true,
					},
				},
			},
		},
	}
}

func (r *endpointResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan endpointResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	var wo types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("out_sip_password_wo"), &wo)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if framework.Known(wo) {
		body["out_sip_password"] = wo.ValueString()
	}
	ep, err := r.client.CreateEndpoint(ctx, framework.DropNil(body))
	if !framework.CreateResult(&resp.Diagnostics, "Unable to create carrierx_endpoint", "carrierx_endpoint", ep, err, nil) {
		return
	}
	r.setState(ctx, ep, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *endpointResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readResource(ctx, req, resp, "carrierx_endpoint", endpointSID, r.client.GetEndpoint, r.fill)
}

func (r *endpointResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state endpointResourceModel
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
	if !plan.OutSIPPasswordWOVersion.Equal(state.OutSIPPasswordWOVersion) {
		var wo types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("out_sip_password_wo"), &wo)...)
		patch["out_sip_password"] = framework.StringPtr(wo)
	} else if framework.Known(plan.OutSIPPasswordWOVersion) {
		delete(patch, "out_sip_password") // managed write-only; null in state by design
	}
	if resp.Diagnostics.HasError() {
		return
	}
	var ep *client.Endpoint
	var err error
	if len(patch) > 0 {
		ep, err = r.client.UpdateEndpoint(ctx, state.EndpointSID.ValueString(), patch)
	} else {
		// Only Terraform-side attributes changed (e.g. the write-only version with no value).
		ep, err = r.client.GetEndpoint(ctx, state.EndpointSID.ValueString())
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to update carrierx_endpoint "+state.EndpointSID.ValueString(), err)
		return
	}
	r.setState(ctx, ep, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *endpointResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteResource(ctx, req, resp, "carrierx_endpoint", endpointSID, r.client.DeleteEndpoint)
}

func (r *endpointResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importBySID(ctx, req, resp, "carrierx_endpoint", "endpoint_sid", "an endpoint SID", exampleSID)
}

// setState fills m from the API answer. A write-only password stays null in
// state, so its value never lands there.
func (r *endpointResource) setState(ctx context.Context, ep *client.Endpoint, m *endpointResourceModel, diags *diag.Diagnostics) {
	prior := m.endpointData
	diags.Append(m.fill(ctx, ep, &prior)...)
	if framework.Known(m.OutSIPPasswordWOVersion) {
		m.OutSIPPassword = types.StringNull()
	}
	m.OutSIPPasswordWO = types.StringNull()
}

func endpointSID(m *endpointResourceModel) string { return m.EndpointSID.ValueString() }

// fill fits setState to readResource; setState takes its own prior.
func (r *endpointResource) fill(m *endpointResourceModel, ctx context.Context, ep *client.Endpoint, _ *endpointResourceModel) (diags diag.Diagnostics) {
	r.setState(ctx, ep, m, &diags)
	return diags
}
