package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*phoneNumberDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*phoneNumberDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*phoneNumbersDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_phone_number", NewPhoneNumberDataSource, func() any { return &phoneNumberDataSourceModel{} })
	registerDataSource("carrierx_phone_numbers", NewPhoneNumbersDataSource, func() any { return &phoneNumbersDataSourceModel{} })
}

// phoneNumberDataSourceAttributes is the computed shape of one number; the
// lists leave porting_pin out (pin = false).
func phoneNumberDataSourceAttributes(pin bool) map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	num := func(d string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d, Computed: true}
	}
	flag := func(name string) schema.BoolAttribute {
		return schema.BoolAttribute{
			MarkdownDescription: fmt.Sprintf("Whether `capabilities` has the `%s` bit (%d).", name, phoneNumberCapabilityBits[name]),
			Computed:            true,
		}
	}
	attrs := map[string]schema.Attribute{
		"did_sid":              str("Secure ID of the number."),
		"phonenumber":          str("The number, E.164 digits without `+`."),
		"name":                 str("Friendly name (`N/A` when not set)."),
		"status":               str("Lifecycle status: `available`, `assigned` or `aging`."),
		"country_code":         str("ISO 3166-1 alpha-3 country."),
		"state":                str("State or province."),
		"locality":             str("City, upper case."),
		"lata":                 str("US Local Access and Transport Area."),
		"ocn":                  str("Operating Company Number of the underlying carrier."),
		"in_country_format":    str("National format."),
		"international_format": str("International format."),
		"price":                str("Price (a decimal string)."),
		"partner_sid":          str("Renting partner; null for available numbers."),
		"classification_sid":   str("DID classification."),
		"campaign_sid":         str("10DLC campaign."),
		"lrn_sid":              str("Location Routing Number."),
		"capabilities":         num("What the number can do, a bitmask. " + phoneNumberBitsDoc),
		"active_capabilities":  num("Capabilities switched on, same bits."),
		"active_capability_flags": schema.SingleNestedAttribute{
			MarkdownDescription: "`active_capabilities` as booleans.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"sms_inbound":  schema.BoolAttribute{MarkdownDescription: "Bit 1.", Computed: true},
				"sms_outbound": schema.BoolAttribute{MarkdownDescription: "Bit 2.", Computed: true},
				"voice":        schema.BoolAttribute{MarkdownDescription: "Bit 4.", Computed: true},
				"mms_inbound":  schema.BoolAttribute{MarkdownDescription: "Bit 8.", Computed: true},
				"mms_outbound": schema.BoolAttribute{MarkdownDescription: "Bit 16.", Computed: true},
			},
		},
		"voice":           flag("voice"),
		"sms_inbound":     flag("sms_inbound"),
		"sms_outbound":    flag("sms_outbound"),
		"mms_inbound":     flag("mms_inbound"),
		"mms_outbound":    flag("mms_outbound"),
		"callback_url":    str("SMS callback URL."),
		"trunk_group_sid": str("Trunk group inbound calls are routed to."),
		"did_group_sid":   str("DID group."),
		"string_key_1":    str("Free user-defined key."),
		"string_key_2":    str("Second free user-defined key."),
		"attributes":      schema.MapAttribute{MarkdownDescription: "Free-form attributes.", ElementType: types.StringType, Computed: true},
		"transformations": schema.ListNestedAttribute{
			MarkdownDescription: "Phone-number-level transformations.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"action": str("Transformation verb."), "direction": str("Direction."),
				"operands": schema.ListAttribute{MarkdownDescription: "Arguments.", ElementType: types.StringType, Computed: true},
			}},
		},
	}
	if pin {
		attrs["porting_pin"] = schema.StringAttribute{MarkdownDescription: "PIN used for porting the number.", Computed: true, Sensitive: true}
	}
	return attrs
}

// NewPhoneNumberDataSource is the carrierx_phone_number data source.
func NewPhoneNumberDataSource() datasource.DataSource { return &phoneNumberDataSource{} }

type phoneNumberDataSource struct{ client *client.Client }

type phoneNumberDataSourceModel struct {
	phoneNumberData
	Filter types.String `tfsdk:"filter"`
}

func (d *phoneNumberDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_phone_number"
}

func (d *phoneNumberDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *phoneNumberDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := phoneNumberDataSourceAttributes(true)
	attrs["did_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the rented number to read. Exactly one of `did_sid`, `phonenumber` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["phonenumber"] = schema.StringAttribute{
		MarkdownDescription: "The rented number to read: `+15550100142`, `15550100142` or a spaced or dashed form. Kept as written.",
		Optional:            true, Computed: true,
		Validators: []validator.String{phoneNumberFormat{}},
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one rented number.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one phone number rented by the account: by SID, by the number, or the single number a filter matches.",
		Attributes:          attrs,
	}
}

func (d *phoneNumberDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("did_sid"), path.MatchRoot("phonenumber"), path.MatchRoot("filter")),
	}
}

func (d *phoneNumberDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m phoneNumberDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var did *client.DID
	switch {
	case framework.Known(m.DIDSID):
		var err error
		did, err = d.client.GetDID(ctx, m.DIDSID.ValueString())
		if client.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("did_sid"), "Phone number not found",
				fmt.Sprintf("No phone number rented by this account has did_sid %q. Check the SID.", m.DIDSID.ValueString()))
			return
		}
		if err != nil {
			framework.AddAPIError(&resp.Diagnostics, "Unable to read phone number", err)
			return
		}
	case framework.Known(m.PhoneNumber):
		var err error
		did, err = d.client.FindRentedDID(ctx, m.PhoneNumber.ValueString())
		if err != nil {
			framework.AddAPIError(&resp.Diagnostics, "Unable to look up phone number", err)
			return
		}
		if did == nil {
			resp.Diagnostics.AddAttributeError(path.Root("phonenumber"), "Phone number not rented by this account",
				fmt.Sprintf("%s is not rented by this account. Rent it with carrierx_phone_number, or look numbers up with carrierx_available_phone_numbers.", m.PhoneNumber.ValueString()))
			return
		}
	default:
		did = framework.FindOne(ctx, client.Objects[client.DID](d.client, client.DIDKind).Page, m.Filter.ValueString(), "rented phone numbers", "carrierx_phone_numbers", &resp.Diagnostics)
		if did == nil {
			return
		}
	}
	prior := m.phoneNumberData
	resp.Diagnostics.Append(m.fill(ctx, did, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewPhoneNumbersDataSource is the carrierx_phone_numbers data source.
func NewPhoneNumbersDataSource() datasource.DataSource { return &phoneNumbersDataSource{} }

type phoneNumbersDataSource struct{ client *client.Client }

type phoneNumbersDataSourceModel struct {
	Filter       types.String        `tfsdk:"filter"`
	Order        types.String        `tfsdk:"order"`
	PhoneNumbers []phoneNumberCommon `tfsdk:"phone_numbers"`
}

func (d *phoneNumbersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_phone_numbers"
}

func (d *phoneNumbersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *phoneNumbersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the phone numbers the account rents, every page fetched (1,000 per request). " +
			"`porting_pin` is left out; read one number with `carrierx_phone_number` to get it. " +
			"For numbers that can be rented, use `carrierx_available_phone_numbers`.",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{
				MarkdownDescription: framework.FilterDoc + " For example `state eq \"NY\" and capabilities bit 4`. Unset lists all.",
				Optional:            true,
			},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `phonenumber desc`.",
				Optional:            true,
			},
			"phone_numbers": schema.ListNestedAttribute{
				MarkdownDescription: "The matching rented numbers.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: phoneNumberDataSourceAttributes(false)},
			},
		},
	}
}

func (d *phoneNumbersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m phoneNumbersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	dids, err := d.client.ListDIDs(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list phone numbers", err)
		return
	}
	m.PhoneNumbers = make([]phoneNumberCommon, len(dids))
	for i := range dids {
		resp.Diagnostics.Append(m.PhoneNumbers[i].fill(ctx, &dids[i], nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
