package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*endpointDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*endpointDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*endpointsDataSource)(nil)
)

// endpointDataSourceAttributes is the computed shape of one endpoint. The
// plural data source leaves the secrets out: they stay out of its state, and
// Terraform slows down sharply on thousands of sensitive values.
func endpointDataSourceAttributes(secrets bool) map[string]schema.Attribute {
	attrs := endpointAttributes()
	if !secrets {
		for k := range endpointSecretAttrs {
			delete(attrs, k)
		}
		addrs := attrs["addresses"].(schema.ListNestedAttribute)
		delete(addrs.NestedObject.Attributes, "sip_password")
	}
	return attrs
}

// endpointSecretAttrs are the top-level secrets the plural data source omits.
var endpointSecretAttrs = map[string]bool{"out_sip_password": true, "voip_token": true, "credentials": true}

func endpointAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	secret := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true, Sensitive: true}
	}
	num := func(d string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"endpoint_sid":     str("Endpoint secure ID."),
		"name":             str("Friendly name."),
		"type":             str("Endpoint type, including `system_gateway`."),
		"partner_sid":      str("Owning partner."),
		"capacity":         num("Maximum simultaneous inbound calls; `0` means no limit."),
		"cps_limit":        num("Maximum outbound calls per second."),
		"auth_required":    schema.BoolAttribute{MarkdownDescription: "Whether calls from the endpoint must authenticate.", Computed: true},
		"out_sip_username": str("Outbound proxy-auth username."),
		"out_sip_password": secret("Outbound proxy-auth password."),
		"voip_token":       secret("Authentication token of `third_party` endpoints."),
		"addresses": schema.ListNestedAttribute{
			MarkdownDescription: "SIP addresses.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"ip": str("IP address or FQDN."), "port": num("Far-end port."), "dst_port": num("CarrierX port matched."),
				"transport": str("`udp`, `tcp` or `tls`."), "direction": str("Traffic direction."),
				"priority": num("Priority."), "srtp": schema.BoolAttribute{MarkdownDescription: "SRTP media.", Computed: true},
				"location_sid": str("Location secure ID."), "sip_username": str("Proxy-auth username."),
				"sip_password": secret("Proxy-auth password."),
			}},
		},
		"attributes": schema.MapAttribute{MarkdownDescription: "Free-form attributes.", ElementType: types.StringType, Computed: true},
		"properties": schema.MapAttribute{
			MarkdownDescription: "Type-specific settings, without the generated credentials.",
			ElementType:         types.StringType, Computed: true,
		},
		"transformations": schema.ListNestedAttribute{
			MarkdownDescription: "Endpoint-level transformations.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"action": str("Transformation verb."), "direction": str("Direction."),
				"operands": schema.ListAttribute{MarkdownDescription: "Arguments.", ElementType: types.StringType, Computed: true},
			}},
		},
		"credentials": schema.SingleNestedAttribute{
			MarkdownDescription: "Generated API credentials of hosted endpoints; null for other types.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"account_sid": str("Account of the endpoint API."), "api_url": str("Base URL of the endpoint API."),
				"login": str("HTTP Basic login."), "password": secret("HTTP Basic password."),
			},
		},
	}
}

func init() {
	registerDataSource("carrierx_endpoint", NewEndpointDataSource, func() any { return &endpointDataSourceModel{} })
	registerDataSource("carrierx_endpoints", NewEndpointsDataSource, func() any { return &endpointsDataSourceModel{} })
}

// NewEndpointDataSource is the carrierx_endpoint data source.
func NewEndpointDataSource() datasource.DataSource { return &endpointDataSource{} }

type endpointDataSource struct{ client *client.Client }

type endpointDataSourceModel struct {
	endpointData
	Filter types.String `tfsdk:"filter"`
}

func (d *endpointDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_endpoint"
}

func (d *endpointDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *endpointDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := endpointDataSourceAttributes(true)
	attrs["endpoint_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the endpoint to read. Exactly one of `endpoint_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one endpoint.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one endpoint by SID, or the single endpoint a filter matches (such as the partner's `system_gateway`).",
		Attributes:          attrs,
	}
}

func (d *endpointDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("endpoint_sid"), path.MatchRoot("filter")),
	}
}

func (d *endpointDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m endpointDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ep := framework.LookupOne(ctx, d.client, m.EndpointSID, m.Filter, framework.OneOf[client.Endpoint]{
		SIDAttr: "endpoint_sid", Noun: "endpoint", Get: d.client.GetEndpoint,
		ListPath: "/endpoints", Nouns: "endpoints", ListDS: "carrierx_endpoints",
	}, &resp.Diagnostics)
	if ep == nil {
		return
	}
	resp.Diagnostics.Append(m.fill(ctx, ep, nil)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewEndpointsDataSource is the carrierx_endpoints data source.
func NewEndpointsDataSource() datasource.DataSource { return &endpointsDataSource{} }

type endpointsDataSource struct{ client *client.Client }

type endpointsDataSourceModel struct {
	Filter    types.String      `tfsdk:"filter"`
	Order     types.String      `tfsdk:"order"`
	Endpoints []endpointSummary `tfsdk:"endpoints"`
}

func (d *endpointsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_endpoints"
}

func (d *endpointsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *endpointsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the endpoints of the token's partner, every page fetched (1,000 per request). " +
			"Secrets are left out of the list; read one endpoint with `carrierx_endpoint` to get them.",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `name desc`.",
				Optional:            true,
			},
			"endpoints": schema.ListNestedAttribute{
				MarkdownDescription: "The matching endpoints. Secrets (`out_sip_password`, `voip_token`, `credentials`, the addresses' `sip_password`) are left out; read them with the `carrierx_endpoint` data source.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: endpointDataSourceAttributes(false)},
			},
		},
	}
}

func (d *endpointsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m endpointsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	eps, err := d.client.ListEndpoints(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list endpoints", err)
		return
	}
	m.Endpoints = make([]endpointSummary, len(eps))
	for i := range eps {
		var full endpointData
		resp.Diagnostics.Append(full.fill(ctx, &eps[i], nil)...)
		m.Endpoints[i] = full.summary()
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
