package phonenumber

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// defaultLimit is how many numbers are returned when limit is not set;
// maxLimit the most one read returns.
const (
	defaultLimit = 10
	maxLimit     = 10000
)

// NewAvailableDataSource is carrierx_available_phone_numbers, a search of
// the rentable inventory with the resource's criteria; its items are the
// lists' numbers.
func NewAvailableDataSource() datasource.DataSource { return &available{} }

type available struct{ client *client.Client }

type availableModel struct {
	CountryCode          types.String `tfsdk:"country_code"`
	State                types.String `tfsdk:"state"`
	Locality             types.String `tfsdk:"locality"`
	PhoneNumberPrefix    types.String `tfsdk:"phonenumber_prefix"`
	RequiredCapabilities types.Set    `tfsdk:"required_capabilities"`
	Filter               types.String `tfsdk:"filter"`
	Order                types.String `tfsdk:"order"`
	Limit                types.Int64  `tfsdk:"limit"`
	PhoneNumbers         []item       `tfsdk:"phone_numbers"`
}

// NewModel returns an empty model, for tests that check it against the schema.
func (d *available) NewModel() any { return &availableModel{} }

func (d *available) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "carrierx_available_phone_numbers"
}

func (d *available) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *available) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Searches CarrierX's inventory of numbers that can be rented (`/phonenumber/available_dids`), " +
			"with the same criteria as the `carrierx_phone_number` resource. Availability changes all the time: a number listed " +
			"here may be rented by someone else before you rent it.",
		Attributes: map[string]schema.Attribute{
			"country_code": schema.StringAttribute{
				MarkdownDescription: "ISO 3166-1 alpha-3 country, such as `USA`.",
				Optional:            true,
				Validators:          []validator.String{countryCodeValidator},
			},
			"state": schema.StringAttribute{
				MarkdownDescription: "State or province, such as `NY` (any case).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"locality": schema.StringAttribute{
				MarkdownDescription: "City, any case (CarrierX stores it upper case).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"phonenumber_prefix": schema.StringAttribute{
				MarkdownDescription: "Digits the number starts with, country code included (`1516` for US area code 516).",
				Optional:            true,
				Validators:          []validator.String{prefixValidator},
			},
			"required_capabilities": schema.SetAttribute{
				MarkdownDescription: "Capabilities the numbers must have, any of " + framework.QuoteList(capabilityNames) + ".",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          capabilityValidators,
			},
			"filter": schema.StringAttribute{
				MarkdownDescription: "A further condition, joined with `and` to the criteria above. " + framework.FilterDoc,
				Optional:            true,
			},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc`, `<attribute> desc` or `shuffle`.",
				Optional:            true,
			},
			"limit": schema.Int64Attribute{
				MarkdownDescription: "At most this many numbers are returned (default 10, at most 10000; fetched 1,000 a request).",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, maxLimit)},
			},
			"phone_numbers": schema.ListNestedAttribute{
				MarkdownDescription: "The available numbers, in the API's order (or `order`).",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: framework.DataSourceAttributes(resourceSchema, append([]string{"porting_pin"}, resourceOnly...)...),
				},
			},
		},
	}
}

func (d *available) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m availableModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	crit := criteria{
		CountryCode: m.CountryCode, State: m.State, Locality: m.Locality,
		PhoneNumberPrefix: m.PhoneNumberPrefix, RequiredCapabilities: m.RequiredCapabilities,
	}
	search, diags := crit.search(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	search.Filter = m.Filter.ValueString()
	search.Order = m.Order.ValueString()
	limit := defaultLimit
	if framework.Known(m.Limit) {
		limit = int(m.Limit.ValueInt64())
	}
	dids, err := d.client.ListAvailableDIDs(ctx, search, limit)
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to search available phone numbers", err)
		return
	}
	m.PhoneNumbers = make([]item, len(dids))
	for i := range dids {
		resp.Diagnostics.Append(m.PhoneNumbers[i].fill(ctx, &dids[i], &item{})...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
