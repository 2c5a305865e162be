package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure = (*countryDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*countriesDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_country", NewCountryDataSource, func() any { return &countryDataSourceModel{} })
	registerDataSource("carrierx_countries", NewCountriesDataSource, func() any { return &countriesDataSourceModel{} })
}

// countryModel is one country; every attribute is read only.
type countryModel struct {
	Capital        types.String `tfsdk:"capital"`
	CommonName     types.String `tfsdk:"common_name"`
	DialingPrefix  types.String `tfsdk:"dialing_prefix"`
	Domain         types.String `tfsdk:"domain"`
	ISO3166Alpha2  types.String `tfsdk:"iso_3166_alpha_2"`
	ISO3166Alpha3  types.String `tfsdk:"iso_3166_alpha_3"`
	ISO3166Numeric types.Int64  `tfsdk:"iso_3166_numeric"`
	MCC            types.String `tfsdk:"mcc"`
	OfficialName   types.String `tfsdk:"official_name"`
	Region         types.String `tfsdk:"region"`
	Subregion      types.String `tfsdk:"subregion"`
}

func (m *countryModel) fill(c *client.Country) {
	m.Capital = types.StringPointerValue(c.Capital)
	m.CommonName = types.StringPointerValue(c.CommonName)
	m.DialingPrefix = types.StringPointerValue(c.DialingPrefix)
	m.Domain = types.StringPointerValue(c.Domain)
	m.ISO3166Alpha2 = types.StringPointerValue(c.ISO3166Alpha2)
	m.ISO3166Alpha3 = types.StringValue(c.ISO3166Alpha3)
	m.ISO3166Numeric = types.Int64PointerValue(c.ISO3166Numeric)
	m.MCC = types.StringPointerValue(c.MCC)
	m.OfficialName = types.StringPointerValue(c.OfficialName)
	m.Region = types.StringPointerValue(c.Region)
	m.Subregion = types.StringPointerValue(c.Subregion)
}

func countryAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"capital":          str("Capital city."),
		"common_name":      str("Everyday name, such as `Canada`."),
		"dialing_prefix":   str("International calling code, digits without `+` (`1`)."),
		"domain":           str("Country-code top-level domain, without the dot (`ca`)."),
		"iso_3166_alpha_2": str("ISO 3166-1 two-letter code (`CA`)."),
		"iso_3166_alpha_3": str("ISO 3166-1 three-letter code (`CAN`), the `country_code` used across the API."),
		"iso_3166_numeric": schema.Int64Attribute{MarkdownDescription: "ISO 3166-1 numeric code (`124`).", Computed: true},
		"mcc":              str("Mobile Country Code(s), comma-separated when several (`310,311,312`)."),
		"official_name":    str("Formal name."),
		"region":           str("Continent-level region (`Americas`)."),
		"subregion":        str("Sub-region (`Northern America`)."),
	}
}

// NewCountryDataSource is the carrierx_country data source.
func NewCountryDataSource() datasource.DataSource { return &countryDataSource{} }

type countryDataSource struct{ client *client.Client }

type countryDataSourceModel struct {
	countryModel
	CountryCode types.String `tfsdk:"country_code"`
}

func (d *countryDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_country"
}

func (d *countryDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *countryDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := countryAttributes()
	attrs["country_code"] = schema.StringAttribute{
		MarkdownDescription: "ISO 3166-1 alpha-3 code of the country to read, such as `USA` (any case).",
		Required:            true,
		Validators: []validator.String{stringvalidator.RegexMatches(countryAlpha3Pattern,
			"must be an ISO 3166-1 alpha-3 code, three letters such as USA or CAN")},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one country of CarrierX's reference data by its ISO 3166-1 alpha-3 code.",
		Attributes:          attrs,
	}
}

func (d *countryDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m countryDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	code := strings.ToUpper(m.CountryCode.ValueString())
	c, err := d.client.GetCountry(ctx, code)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("country_code"), "Country not found",
			fmt.Sprintf("CarrierX has no country %q. Use an ISO 3166-1 alpha-3 code such as USA, CAN or GBR; the carrierx_countries data source lists them.", code))
		return
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to read country "+code, err)
		return
	}
	m.fill(c)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewCountriesDataSource is the carrierx_countries data source.
func NewCountriesDataSource() datasource.DataSource { return &countriesDataSource{} }

type countriesDataSource struct{ client *client.Client }

type countriesDataSourceModel struct {
	Filter    types.String   `tfsdk:"filter"`
	Order     types.String   `tfsdk:"order"`
	Countries []countryModel `tfsdk:"countries"`
}

func (d *countriesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_countries"
}

func (d *countriesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *countriesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists CarrierX's countries, every page fetched (1,000 per request).",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{
				MarkdownDescription: framework.FilterDoc + " For example `region eq \"Americas\"`. Unset lists all.",
				Optional:            true,
			},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `common_name desc`.",
				Optional:            true,
			},
			"countries": schema.ListNestedAttribute{
				MarkdownDescription: "The matching countries.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: countryAttributes()},
			},
		},
	}
}

func (d *countriesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m countriesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cs, err := d.client.ListCountries(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list countries", err)
		return
	}
	m.Countries = make([]countryModel, len(cs))
	for i := range cs {
		m.Countries[i].fill(&cs[i])
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

var countryAlpha3Pattern = regexp.MustCompile(`^[A-Za-z]{3}$`)
