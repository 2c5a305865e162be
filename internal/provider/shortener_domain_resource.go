package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
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
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
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
			"expired_page":        schema.StringAttribute{MarkdownDescription: d["expired_page"] + " " + framework.NoUserinfoRule, Optional: true, Validators: []validator.String{framework.URLWithoutUserinfo{}}},
			"expired_status_code": status("expired_status_code"),
			"minimum_length": schema.Int64Attribute{
				MarkdownDescription: d["minimum_length"], Optional: true, Computed: true, Default: int64default.StaticInt64(6),
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"not_found_mode":        mode("not_found_mode"),
			"not_found_page":        schema.StringAttribute{MarkdownDescription: d["not_found_page"] + " " + framework.NoUserinfoRule, Optional: true, Validators: []validator.String{framework.URLWithoutUserinfo{}}},
			"not_found_status_code": status("not_found_status_code"),
			"scope": schema.StringAttribute{
				MarkdownDescription: d["scope"], Optional: true, Computed: true, Default: stringdefault.StaticString("children"),
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"secure": schema.StringAttribute{
				MarkdownDescription: d["secure"], Optional: true, Computed: true, Default: stringdefault.StaticString("disabled"),
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"suffix_pattern": schema.StringAttribute{MarkdownDescription: d["suffix_pattern"] + " " + framework.RegexpRule, Optional: true, Validators: []validator.String{framework.RegexpSyntax{}}},
		},
	}
}

func (r *shortenerDomainResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan shortenerDomainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	dom, err := r.client.CreateShortenerDomain(ctx, framework.DropNil(plan.body()))
	if !framework.CreateResult(&resp.Diagnostics, "Unable to create carrierx_shortener_domain", "carrierx_shortener_domain", dom, err, nil) {
		return
	}
	prior := plan
	plan.fill(dom, &prior)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *shortenerDomainResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readResource(ctx, req, resp, "carrierx_shortener_domain", shortenerDomainSID, r.client.GetShortenerDomain, plainFill((*shortenerDomainModel).fill))
}

func (r *shortenerDomainResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	updateResource(ctx, req, resp, "carrierx_shortener_domain", shortenerDomainSID, plainBody((*shortenerDomainModel).body),
		r.client.UpdateShortenerDomain, r.client.GetShortenerDomain, plainFill((*shortenerDomainModel).fill))
}

func (r *shortenerDomainResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteResource(ctx, req, resp, "carrierx_shortener_domain", shortenerDomainSID, r.client.DeleteShortenerDomain)
}

func (r *shortenerDomainResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importBySID(ctx, req, resp, "carrierx_shortener_domain", "domain_sid", "a domain SID", exampleSID)
}

func shortenerDomainSID(m *shortenerDomainModel) string { return m.DomainSID.ValueString() }
