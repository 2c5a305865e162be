package phonenumber

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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
var NewAvailableDataSource = framework.NewQuery(&framework.Query[availableModel]{
	Type: "carrierx_available_phone_numbers", Schema: availableSchema(), Read: readAvailable,
})

type availableModel struct {
	CountryCode          types.String `tfsdk:"country_code"`
	State                types.String `tfsdk:"state"`
	Locality             types.String `tfsdk:"locality"`
	PhoneNumberPrefix    types.String `tfsdk:"phonenumber_prefix"`
	RequiredCapabilities types.Set    `tfsdk:"required_capabilities"`
	Filter               types.String `tfsdk:"filter"`
	Order                types.String `tfsdk:"order"`
	Limit                types.Int64  `tfsdk:"limit"`
	PhoneNumbers         []listItem   `tfsdk:"phone_numbers"`
}

func availableSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Searches CarrierX's inventory of numbers that can be rented (`/phonenumber/available_dids`), " +
			"with the same criteria as the `carrierx_phone_number` resource. Availability changes all the time: a number listed " +
			"here may be rented by someone else before you rent it.",
		Attributes: map[string]schema.Attribute{
			"country_code": framework.ArgString("ISO 3166-1 alpha-3 country, such as `USA`.", countryCodeValidator),
			"state":        framework.ArgString("State or province, such as `NY` (any case).", stringvalidator.LengthAtLeast(1)),
			"locality":     framework.ArgString("City, any case (CarrierX stores it upper case).", stringvalidator.LengthAtLeast(1)),
			"phonenumber_prefix": framework.ArgString("Digits the number starts with, country code included (`1516` for US area code 516).",
				prefixValidator),
			"required_capabilities": schema.SetAttribute{
				MarkdownDescription: "Capabilities the numbers must have, any of " + framework.QuoteList(capabilityNames) + ".",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          capabilityValidators,
			},
			"filter": framework.ArgString("A further condition, joined with `and` to the criteria above. " + framework.FilterDoc +
				" For example `npa_nxx eq \"516206\"`."),
			"order": framework.ArgString("Sort order, `<attribute> asc`, `<attribute> desc` or `shuffle`."),
			"limit": framework.ArgInt64("At most this many numbers are returned (default 10, at most 10000; fetched 1,000 a request).",
				int64validator.Between(1, maxLimit)),
			"phone_numbers": schema.ListNestedAttribute{
				MarkdownDescription: "The available numbers, in the API's order (or `order`).",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: framework.InList(framework.DataSourceAttributes(resourceSchema, append([]string{"porting_pin"}, resourceOnly...)...)),
				},
			},
		},
	}
}

// listItem is a number in a list, where transformations are JSON text.
type listItem struct {
	item
	Transformations types.String `tfsdk:"transformations"`
}

func readAvailable(ctx context.Context, api *client.Client, m *availableModel, diags *diag.Diagnostics) {
	crit := criteria{
		CountryCode: m.CountryCode, State: m.State, Locality: m.Locality,
		PhoneNumberPrefix: m.PhoneNumberPrefix, RequiredCapabilities: m.RequiredCapabilities,
	}
	search, d := crit.search(ctx)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	search.Filter = m.Filter.ValueString()
	search.Order = m.Order.ValueString()
	limit := defaultLimit
	if framework.Known(m.Limit) {
		limit = int(m.Limit.ValueInt64())
	}
	dids, err := api.ListAvailableDIDs(ctx, search, limit)
	if err != nil {
		framework.AddAPIError(diags, "Unable to search available phone numbers", err)
		return
	}
	m.PhoneNumbers = make([]listItem, len(dids))
	for i := range dids {
		diags.Append(m.PhoneNumbers[i].fill(ctx, &dids[i], &item{})...)
		m.PhoneNumbers[i].Transformations = framework.JSONText(framework.TransformationsValue(dids[i].Transformations, types.DynamicNull(), diags))
	}
}
