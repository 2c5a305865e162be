package phonenumber

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// NewLookupDataSource is carrierx_phone_number_lookup, the lookup of any
// number, rented or not (CarrierX docs, Core API, Lookup, Phone Number Lookup).
var NewLookupDataSource = framework.NewQuery(&framework.Query[lookupModel]{
	Type: "carrierx_phone_number_lookup", Schema: lookupSchema(), Read: readLookup,
})

type lookupModel struct {
	PhoneNumber         types.String `tfsdk:"phonenumber"`
	Carrier             types.Bool   `tfsdk:"carrier"`
	CNAM                types.Bool   `tfsdk:"cnam"`
	CNAMTTL             types.Int64  `tfsdk:"cnam_ttl"`
	LRN                 types.Bool   `tfsdk:"lrn"`
	CountryCode         types.String `tfsdk:"country_code"`
	Guess               types.String `tfsdk:"guess"`
	E164Format          types.String `tfsdk:"e164_format"`
	InCountryFormat     types.String `tfsdk:"in_country_format"`
	InternationalFormat types.String `tfsdk:"international_format"`
	State               types.String `tfsdk:"state"`
	Details             types.Object `tfsdk:"details"`
}

var carrierAttrTypes = map[string]attr.Type{
	"mcc": types.StringType, "mnc": types.StringType, "name": types.StringType, "type": types.StringType,
}

var detailsAttrTypes = map[string]attr.Type{
	"carrier": types.ObjectType{AttrTypes: carrierAttrTypes},
	"cnam":    types.MapType{ElemType: types.StringType},
	"lrn":     types.MapType{ElemType: types.StringType},
}

func lookupSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up any phone number (`GET /lookup/dids/{phonenumber}`): its country, formats and state, and, " +
			"when requested and permitted by the token's scopes, its carrier, caller name (CNAM) and Location Routing Number. " +
			"Needs the `lookup.dids.read` scope; each option needs its own scope and may be billed.",
		Attributes: map[string]schema.Attribute{
			"phonenumber": schema.StringAttribute{
				MarkdownDescription: "The number to look up, with its country code; `+`, spaces, dashes and parentheses are ignored. " +
					"Kept as written; the normalised number is `e164_format`.",
				Required:   true,
				Validators: []validator.String{numberFormat},
			},
			"carrier": framework.ArgBool("Also return the carrier (`details.carrier`); needs the `lookup.dids.allow_carrier` scope."),
			"cnam":    framework.ArgBool("Also return the caller name (`details.cnam`); needs the `lookup.dids.allow_cnam` scope."),
			"cnam_ttl": framework.ArgInt64("Override of how long CarrierX may answer the CNAM from its cache (unit undocumented, "+
				"presumably seconds).", int64validator.AtLeast(0)),
			"lrn": framework.ArgBool("Also return the Location Routing Number (`details.lrn`); needs the `lookup.dids.allow_lrn` scope."),
			"country_code": schema.StringAttribute{
				MarkdownDescription: "Set: an ISO 3166-1 alpha-3 hint of the number's country, sent to CarrierX. " +
					"Read: the country CarrierX found.",
				Optional: true,
				Computed: true,
				Validators: []validator.String{stringvalidator.RegexMatches(alpha3,
					"must be an ISO 3166-1 alpha-3 country code in upper case, such as USA")},
			},
			"guess": framework.ArgString("Passed to CarrierX as the `guess` argument, which steers the lookup together with " +
				"`country_code` (its values are not documented)."),
			"e164_format":          framework.ResultString("The number in E.164, with `+`."),
			"in_country_format":    framework.ResultString("National format."),
			"international_format": framework.ResultString("International format."),
			"state":                framework.ResultString("US or Canadian state of the number, when known."),
			"details": schema.SingleNestedAttribute{
				MarkdownDescription: "Optional parts; each is null unless requested and permitted.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"carrier": schema.SingleNestedAttribute{
						MarkdownDescription: "Carrier of the number.",
						Computed:            true,
						Attributes: map[string]schema.Attribute{
							"mcc":  framework.ResultString("Mobile Country Code."),
							"mnc":  framework.ResultString("Mobile Network Code."),
							"name": framework.ResultString("Carrier name."),
							"type": framework.ResultString("Line type, such as `mobile`."),
						},
					},
					"cnam": schema.MapAttribute{
						MarkdownDescription: "Caller-name answer as CarrierX returns it (its structure is undocumented; non-string values as JSON text).",
						ElementType:         types.StringType,
						Computed:            true,
					},
					"lrn": schema.MapAttribute{
						MarkdownDescription: "Location Routing Number answer as CarrierX returns it (structure undocumented; non-string values as JSON text).",
						ElementType:         types.StringType,
						Computed:            true,
					},
				},
			},
		},
	}
}

func readLookup(ctx context.Context, api *client.Client, m *lookupModel, diags *diag.Diagnostics) {
	opts := client.DIDLookupOptions{
		Carrier:     m.Carrier.ValueBool(),
		CNAM:        m.CNAM.ValueBool(),
		LRN:         m.LRN.ValueBool(),
		CountryCode: m.CountryCode.ValueString(),
		Guess:       m.Guess.ValueString(),
	}
	if framework.Known(m.CNAMTTL) {
		v := m.CNAMTTL.ValueInt64()
		opts.CNAMTTL = &v
	}
	// The path gets the digits, and the "+" when one was written (it tells
	// an international number from a national one); spaces and dashes in a
	// URL path are easy to mangle.
	number, _ := client.NormalizeDIDNumber(m.PhoneNumber.ValueString())
	if strings.HasPrefix(strings.TrimSpace(m.PhoneNumber.ValueString()), "+") {
		number = "+" + number
	}
	l, err := api.LookupDID(ctx, number, opts)
	if err != nil {
		framework.AddAPIError(diags, "Unable to look up phone number "+m.PhoneNumber.ValueString(), err)
		return
	}
	if l.CountryCode != nil || !framework.Known(m.CountryCode) {
		m.CountryCode = types.StringPointerValue(l.CountryCode)
	}
	m.E164Format = types.StringPointerValue(l.E164Format)
	m.InCountryFormat = types.StringPointerValue(l.InCountryFormat)
	m.InternationalFormat = types.StringPointerValue(l.InternationalFormat)
	m.State = types.StringPointerValue(l.State)

	carrier := types.ObjectNull(carrierAttrTypes)
	if c := l.Details.Carrier; c != nil {
		carrier = types.ObjectValueMust(carrierAttrTypes, map[string]attr.Value{
			"mcc": types.StringPointerValue(c.MCC), "mnc": types.StringPointerValue(c.MNC),
			"name": types.StringPointerValue(c.Name), "type": types.StringPointerValue(c.Type),
		})
	}
	optMap := func(v map[string]any) types.Map {
		if v == nil {
			return types.MapNull(types.StringType)
		}
		out, dd := types.MapValueFrom(ctx, types.StringType, framework.StringMap(v, nil))
		diags.Append(dd...)
		return out
	}
	details, dd := types.ObjectValue(detailsAttrTypes, map[string]attr.Value{
		"carrier": carrier, "cnam": optMap(l.Details.CNAM), "lrn": optMap(l.Details.LRN),
	})
	diags.Append(dd...)
	m.Details = details
}
