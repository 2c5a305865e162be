package provider

import (
	"context"

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
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*shortenerLinkResource)(nil)
	_ resource.ResourceWithConfigure   = (*shortenerLinkResource)(nil)
	_ resource.ResourceWithImportState = (*shortenerLinkResource)(nil)
)

func init() {
	registerResource("carrierx_shortener_link", NewShortenerLinkResource, func() any { return &shortenerLinkModel{} })
}

// NewShortenerLinkResource is the carrierx_shortener_link resource.
func NewShortenerLinkResource() resource.Resource { return &shortenerLinkResource{} }

type shortenerLinkResource struct{ client *client.Client }

func (r *shortenerLinkResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shortener_link"
}

func (r *shortenerLinkResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *shortenerLinkResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	d := shortenerLinkDocs
	computed := func(name string, mods ...planmodifier.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d[name], Computed: true, PlanModifiers: mods}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A short link on a `carrierx_shortener_domain`. The provider never asks CarrierX to reuse " +
			"an existing link for the same destination (the `reuse` query argument): each resource owns its own link.",
		Attributes: map[string]schema.Attribute{
			"link_sid":    computed("link_sid", stringplanmodifier.UseStateForUnknown()),
			"partner_sid": computed("partner_sid", stringplanmodifier.UseStateForUnknown()),
			"domain_sid": schema.StringAttribute{
				MarkdownDescription: d["domain_sid"], Required: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{framework.SID{What: "shortener domain SID", Hint: "Use the domain_sid of a carrierx_shortener_domain."}},
			},
			"destination_url": schema.StringAttribute{
				MarkdownDescription: d["destination_url"] + " " + framework.NoUserinfoRule, Required: true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1), framework.URLWithoutUserinfo{}},
			},
			"date_accessed": computed("date_accessed"),
			"date_created":  computed("date_created", stringplanmodifier.UseStateForUnknown()),
			"hits":          schema.Int64Attribute{MarkdownDescription: d["hits"], Computed: true},
			"maximum_ttl": schema.Int64Attribute{
				MarkdownDescription: d["maximum_ttl"], Optional: true, Computed: true, Default: int64default.StaticInt64(-1),
			},
			"mode": schema.StringAttribute{
				MarkdownDescription: d["mode"], Optional: true, Computed: true, Default: stringdefault.StaticString("redirect_temporary"),
				Validators: []validator.String{stringvalidator.OneOf(shortenerModes...)},
			},
			"short_name": schema.StringAttribute{
				MarkdownDescription: d["short_name"], Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"url": computed("url", shortenerKeepUnless(path.Root("short_name"))),
		},
	}
}

// shortenerKeepUnless keeps a computed string from state unless p changes.
func shortenerKeepUnless(p ...path.Path) planmodifier.String { return framework.KeepUnless{Paths: p} }

func (r *shortenerLinkResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan shortenerLinkModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	l, err := r.client.CreateShortenerLink(ctx, framework.DropNil(plan.body()))
	if !framework.CreateResult(&resp.Diagnostics, "Unable to create carrierx_shortener_link", "carrierx_shortener_link", l, err, nil) {
		return
	}
	plan.fill(l)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *shortenerLinkResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readResource(ctx, req, resp, "carrierx_shortener_link", shortenerLinkSID, r.client.GetShortenerLink, plainFill(shortenerLinkFill))
}

func (r *shortenerLinkResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	updateResource(ctx, req, resp, "carrierx_shortener_link", shortenerLinkSID, plainBody((*shortenerLinkModel).body),
		r.client.UpdateShortenerLink, r.client.GetShortenerLink, plainFill(shortenerLinkFill))
}

func (r *shortenerLinkResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteResource(ctx, req, resp, "carrierx_shortener_link", shortenerLinkSID, r.client.DeleteShortenerLink)
}

func (r *shortenerLinkResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importBySID(ctx, req, resp, "carrierx_shortener_link", "link_sid", "a link SID", exampleSID)
}

func shortenerLinkSID(m *shortenerLinkModel) string { return m.LinkSID.ValueString() }

// shortenerLinkFill fits fill, which needs no prior, to the helpers.
func shortenerLinkFill(m *shortenerLinkModel, l *client.ShortenerLink, _ *shortenerLinkModel) {
	m.fill(l)
}
