package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*partnerDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*partnerDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*partnersDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_partner", NewPartnerDataSource, func() any { return &partnerDataSourceModel{} })
	registerDataSource("carrierx_partners", NewPartnersDataSource, func() any { return &partnersDataSourceModel{} })
}

// partnerDataSourceAttributes is the computed shape of one partner.
func partnerDataSourceAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	money := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d + " A decimal string.", Computed: true, CustomType: partnerMoneyType{}}
	}
	cbs := map[string]schema.Attribute{}
	for _, k := range partnerCallbackKeys {
		cbs[k] = str(partnerCallbackDocs[k])
	}
	acl := func(d string) schema.ListNestedAttribute {
		return schema.ListNestedAttribute{
			MarkdownDescription: d,
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"access_control_rules": schema.ListAttribute{MarkdownDescription: "Access control rule SIDs.", ElementType: types.StringType, Computed: true},
				"direction":            str("Traffic direction."),
				"sms_action_true":      str("Action for messages when the rules match."),
				"sms_action_false":     str("Action for messages when the rules do not match."),
				"voice_action_true":    str("Action for calls when the rules match."),
				"voice_action_false":   str("Action for calls when the rules do not match."),
			}},
		}
	}
	return map[string]schema.Attribute{
		"partner_sid":          str("Partner secure ID."),
		"parent_sid":           str("Parent partner."),
		"display_id":           str("Human-facing account ID (`CX` and 8 digits)."),
		"login":                str("Login for the portal and HTTP Basic authentication."),
		"name":                 str("Contact person."),
		"company_name":         str("Company name."),
		"address1":             str("Street address, line 1."),
		"address2":             str("Street address, line 2."),
		"city":                 str("City."),
		"state":                str("State or region."),
		"zip":                  str("Postal code."),
		"country_code":         str("ISO 3166-1 alpha-3 country code."),
		"phonenumber":          str("Contact phone number."),
		"owner_email":          str("Primary e-mail address; null until verified."),
		"billing_email":        str("Billing e-mail address; null until verified."),
		"tech_email":           str("Technical contact e-mail address; null until verified."),
		"payment_type":         str("Billing mode (`prepay`, `postpay`)."),
		"charge_at":            money("Balance at which a prepay account is charged."),
		"prepay_amount":        money("Amount charged when the balance reaches `charge_at`."),
		"spending_limit":       money("Overall spending limit."),
		"daily_spending_limit": money("Maximum spend per day."),
		"balance":              str("Current balance (a decimal string)."),
		"daily_spent_amount":   str("Amount spent today (a decimal string)."),
		"status":               str("Account status (`unverified`, `active`, ...)."),
		"date_created":         str("Creation time (ISO 8601 UTC)."),
		"available_scopes":     schema.ListAttribute{MarkdownDescription: "Scopes the partner holds.", ElementType: types.StringType, Computed: true},
		"attributes":           schema.MapAttribute{MarkdownDescription: "Free-form attributes.", ElementType: types.StringType, Computed: true},
		"callbacks": schema.SingleNestedAttribute{
			MarkdownDescription: "Callback URLs, one per event (null when unset).",
			Computed:            true,
			Attributes:          cbs,
		},
		"acls":                 acl("Access control lists of the partner itself."),
		"parent_assigned_acls": acl("Access control lists assigned by the parent."),
		"transformations": schema.ListNestedAttribute{
			MarkdownDescription: "Account-level transformations.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"action": str("Transformation verb."), "direction": str("Direction."),
				"operands": schema.ListAttribute{MarkdownDescription: "Arguments.", ElementType: types.StringType, Computed: true},
			}},
		},
	}
}

// NewPartnerDataSource is the carrierx_partner data source.
func NewPartnerDataSource() datasource.DataSource { return &partnerDataSource{} }

type partnerDataSource struct{ client *client.Client }

type partnerDataSourceModel struct {
	partnerData
	Filter types.String `tfsdk:"filter"`
}

func (d *partnerDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_partner"
}

func (d *partnerDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *partnerDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := partnerDataSourceAttributes()
	attrs["partner_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the partner to read. With neither `partner_sid` nor `filter`, the partner that owns the " +
			"provider's token is read (found through `GET /oauth/tokens`, which needs the `oauth.read` or `oauth.manage` scope).",
		Optional: true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one partner. Unverified sub-partners are not listed by " +
			"CarrierX, so a filter cannot find them; read them by `partner_sid`.",
		Optional: true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one partner: the token's own (the default), one by SID, or the single partner a filter matches.",
		Attributes:          attrs,
	}
}

func (d *partnerDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.Conflicting(path.MatchRoot("partner_sid"), path.MatchRoot("filter")),
	}
}

func (d *partnerDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m partnerDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var p *client.Partner
	switch {
	case framework.Known(m.Filter):
		p = framework.FindOne(ctx, client.Objects[client.Partner](d.client, client.PartnerKind).Page, m.Filter.ValueString(), "partners", "carrierx_partners", &resp.Diagnostics)
		if p == nil {
			return
		}
	default:
		sid := m.PartnerSID.ValueString()
		if !framework.Known(m.PartnerSID) {
			var err error
			sid, err = d.client.PartnerSIDOfToken(ctx)
			if err != nil {
				framework.AddAPIError(&resp.Diagnostics, "Unable to find the partner of the provider's token; set partner_sid", err)
				return
			}
		}
		var err error
		p, err = d.client.GetPartner(ctx, sid)
		if err != nil {
			if client.IsNotFound(err) {
				resp.Diagnostics.AddAttributeError(path.Root("partner_sid"), "Partner not found",
					fmt.Sprintf("No partner has partner_sid %q among the token's partner and its sub-partners. Check the SID.", sid))
				return
			}
			framework.AddAPIError(&resp.Diagnostics, "Unable to read partner", err)
			return
		}
	}
	resp.Diagnostics.Append(m.fill(ctx, p, nil)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewPartnersDataSource is the carrierx_partners data source.
func NewPartnersDataSource() datasource.DataSource { return &partnersDataSource{} }

type partnersDataSource struct{ client *client.Client }

type partnersDataSourceModel struct {
	Filter   types.String  `tfsdk:"filter"`
	Order    types.String  `tfsdk:"order"`
	Partners []partnerData `tfsdk:"partners"`
}

func (d *partnersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_partners"
}

func (d *partnersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *partnersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the partners the token can see (its partner's tree, as CarrierX lists it), every page " +
			"fetched (1,000 per request). CarrierX leaves unverified sub-partners out of this list.",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `login desc`.",
				Optional:            true,
			},
			"partners": schema.ListNestedAttribute{
				MarkdownDescription: "The matching partners.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: partnerDataSourceAttributes()},
			},
		},
	}
}

func (d *partnersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m partnersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ps, err := d.client.ListPartners(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list partners", err)
		return
	}
	m.Partners = make([]partnerData, len(ps))
	for i := range ps {
		resp.Diagnostics.Append(m.Partners[i].fill(ctx, &ps[i], nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
