package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

var (
	_ resource.Resource                = (*shortenerDomainResource)(nil)
	_ resource.ResourceWithConfigure   = (*shortenerDomainResource)(nil)
	_ resource.ResourceWithImportState = (*shortenerDomainResource)(nil)
)

func init() {
	registerResource("carrierx_shortener_domain", NewShortenerDomainResource, func() any { return &shortenerDomainModel{} })
}

// NewShortenerDomainResource is the carrierx_shortener_domain resource.
func NewShortenerDomainResource() resource.Resource { return &shortenerDomainResource{} }

type shortenerDomainResource struct{ client *client.Client }

func (r *shortenerDomainResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shortener_domain"
}

func (r *shortenerDomainResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *shortenerDomainResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	d := shortenerDomainDocs
	mode := func(name string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d[name], Optional: true, Computed: true,
			Default:    stringdefault.StaticString("redirect_temporary"),
			Validators: []validator.String{stringvalidator.OneOf(shortenerModes...)}}
	}
	status := func(name string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d[name], Optional: true, Validators: []validator.Int64{shortenerStatusCode{}}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A URL shortener domain: the host name `carrierx_shortener_link` short links are served " +
			"under, and how expired and unknown links answer. The domain's DNS must point at CarrierX's shortener.",
		Attributes: map[string]schema.Attribute{
			"domain_sid": schema.StringAttribute{
				MarkdownDescription: d["domain_sid"], Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_name": schema.StringAttribute{
				MarkdownDescription: d["domain_name"], Required: true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: d["partner_sid"], Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"expired_mode":        mode("expired_mode"),
			"expired_page":        schema.StringAttribute{MarkdownDescription: d["expired_page"], Optional: true},
			"expired_status_code": status("expired_status_code"),
			"minimum_length": schema.Int64Attribute{
				MarkdownDescription: d["minimum_length"], Optional: true, Computed: true, Default: int64default.StaticInt64(6),
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"not_found_mode":        mode("not_found_mode"),
			"not_found_page":        schema.StringAttribute{MarkdownDescription: d["not_found_page"], Optional: true},
			"not_found_status_code": status("not_found_status_code"),
			"scope": schema.StringAttribute{
				MarkdownDescription: d["scope"], Optional: true, Computed: true, Default: stringdefault.StaticString("children"),
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"secure": schema.StringAttribute{
				MarkdownDescription: d["secure"], Optional: true, Computed: true, Default: stringdefault.StaticString("disabled"),
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"suffix_pattern": schema.StringAttribute{MarkdownDescription: d["suffix_pattern"], Optional: true},
		},
	}
}

func (r *shortenerDomainResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan shortenerDomainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	dom, err := r.client.CreateShortenerDomain(ctx, dropNil(plan.body()))
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to create carrierx_shortener_domain", err)
		return
	}
	prior := plan
	plan.fill(dom, &prior)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *shortenerDomainResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state shortenerDomainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	dom, err := r.client.GetShortenerDomain(ctx, state.DomainSID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to read carrierx_shortener_domain "+state.DomainSID.ValueString(), err)
		return
	}
	prior := state
	state.fill(dom, &prior)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *shortenerDomainResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state shortenerDomainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sid := state.DomainSID.ValueString()
	var dom *client.ShortenerDomain
	var err error
	if patch := changed(plan.body(), state.body()); len(patch) > 0 {
		dom, err = r.client.UpdateShortenerDomain(ctx, sid, patch)
	} else {
		dom, err = r.client.GetShortenerDomain(ctx, sid)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to update carrierx_shortener_domain "+sid, err)
		return
	}
	prior := plan
	plan.fill(dom, &prior)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *shortenerDomainResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state shortenerDomainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteShortenerDomain(ctx, state.DomainSID.ValueString()); err != nil && !client.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, "Unable to delete carrierx_shortener_domain "+state.DomainSID.ValueString(), err)
	}
}

func (r *shortenerDomainResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !isSID(req.ID) {
		resp.Diagnostics.AddError("Invalid carrierx_shortener_domain import ID",
			fmt.Sprintf("%q is not a domain SID; import with the domain_sid, a UUID such as 3c3c3c3c-0000-4111-8222-333333333333.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("domain_sid"), req.ID)...)
}
