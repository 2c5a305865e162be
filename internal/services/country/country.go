// Package country is carrierx_country and carrierx_countries, CarrierX's
// reference list of countries (CarrierX docs, Core API, Countries).
package country

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// model is one country; every attribute is read only.
type model struct {
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

func attributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"capital":          framework.ResultString("Capital city."),
		"common_name":      framework.ResultString("Everyday name, such as `Canada`."),
		"dialing_prefix":   framework.ResultString("International calling code, digits without `+` (`1`)."),
		"domain":           framework.ResultString("Country-code top-level domain, without the dot (`ca`)."),
		"iso_3166_alpha_2": framework.ResultString("ISO 3166-1 two-letter code (`CA`)."),
		"iso_3166_alpha_3": framework.ResultString("ISO 3166-1 three-letter code (`CAN`), the `country_code` used across the API."),
		"iso_3166_numeric": schema.Int64Attribute{MarkdownDescription: "ISO 3166-1 numeric code (`124`).", Computed: true},
		"mcc":              framework.ResultString("Mobile Country Code(s), comma-separated when several (`310,311,312`)."),
		"official_name":    framework.ResultString("Formal name."),
		"region":           framework.ResultString("Continent-level region (`Americas`)."),
		"subregion":        framework.ResultString("Sub-region (`Northern America`)."),
	}
}

// DataSources are carrierx_country and carrierx_countries.
var DataSources = []func() datasource.DataSource{
	framework.NewQuery(&framework.Query[singularModel]{Type: "carrierx_country", Schema: singularSchema(), Read: readCountry}),
	framework.NewQuery(&framework.Query[pluralModel]{Type: "carrierx_countries", Schema: pluralSchema(), Read: readCountries}),
}

type singularModel struct {
	model
	CountryCode types.String `tfsdk:"country_code"`
}

func singularSchema() schema.Schema {
	attrs := attributes()
	attrs["country_code"] = schema.StringAttribute{
		MarkdownDescription: "ISO 3166-1 alpha-3 code of the country to read, such as `USA` (any case).",
		Required:            true,
		Validators: []validator.String{stringvalidator.RegexMatches(alpha3,
			"must be an ISO 3166-1 alpha-3 code, three letters such as USA or CAN")},
	}
	return schema.Schema{
		MarkdownDescription: "Reads one country of CarrierX's reference data by its ISO 3166-1 alpha-3 code.",
		Attributes:          attrs,
	}
}

func readCountry(ctx context.Context, api *client.Client, m *singularModel, diags *diag.Diagnostics) {
	code := strings.ToUpper(m.CountryCode.ValueString())
	c, err := api.GetCountry(ctx, code)
	if client.IsNotFound(err) {
		diags.AddAttributeError(path.Root("country_code"), "Country not found",
			fmt.Sprintf("CarrierX has no country %q. Use an ISO 3166-1 alpha-3 code such as USA, CAN or GBR; the carrierx_countries data source lists them.", code))
		return
	}
	if err != nil {
		framework.AddAPIError(diags, "Unable to read country "+code, err)
		return
	}
	framework.FillScalars(&m.model, c)
}

type pluralModel struct {
	Filter    types.String `tfsdk:"filter"`
	Order     types.String `tfsdk:"order"`
	Countries []model      `tfsdk:"countries"`
}

func pluralSchema() schema.Schema {
	attrs := framework.ListArguments("`region eq \"Americas\"`", "`common_name desc`")
	attrs["countries"] = schema.ListNestedAttribute{
		MarkdownDescription: "The matching countries.",
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: attributes()},
	}
	return schema.Schema{
		MarkdownDescription: "Lists CarrierX's countries, every page fetched (1,000 per request).",
		Attributes:          attrs,
	}
}

func readCountries(ctx context.Context, api *client.Client, m *pluralModel, diags *diag.Diagnostics) {
	cs, err := api.ListCountries(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(diags, "Unable to list countries", err)
		return
	}
	m.Countries = make([]model, len(cs))
	for i := range cs {
		framework.FillScalars(&m.Countries[i], &cs[i])
	}
}

var alpha3 = regexp.MustCompile(`^[A-Za-z]{3}$`)
