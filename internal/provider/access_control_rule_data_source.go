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
	_ datasource.DataSourceWithConfigure        = (*accessControlRuleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*accessControlRuleDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*accessControlRulesDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_access_control_rule", NewAccessControlRuleDataSource, func() any { return &accessControlRuleDataSourceModel{} })
	registerDataSource("carrierx_access_control_rules", NewAccessControlRulesDataSource, func() any { return &accessControlRulesDataSourceModel{} })
}

func accessControlRuleDataSourceAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"rule_sid":   str("Rule secure ID."),
		"name":       str("Rule name."),
		"field":      str("Part of the call or message that is checked (`calling`, `called`, `from`, `to`, `message`)."),
		"operation":  str("How entries are compared: `exact`, `prefix` or `regexp`."),
		"quantifier": str("How many entries must match: `all`, `any` or `none`."),
		"entries": schema.ListAttribute{
			MarkdownDescription: "Values compared with the field.", ElementType: types.StringType, Computed: true,
		},
		"read_only": schema.BoolAttribute{
			MarkdownDescription: "`true` for rules inherited from the parent partner, which cannot be changed.", Computed: true,
		},
	}
}

// NewAccessControlRuleDataSource is the carrierx_access_control_rule data source.
func NewAccessControlRuleDataSource() datasource.DataSource { return &accessControlRuleDataSource{} }

type accessControlRuleDataSource struct{ client *client.Client }

type accessControlRuleDataSourceModel struct {
	accessControlRuleModel
	Filter types.String `tfsdk:"filter"`
}

func (d *accessControlRuleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_control_rule"
}

func (d *accessControlRuleDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *accessControlRuleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := accessControlRuleDataSourceAttributes()
	attrs["rule_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the rule to read. Exactly one of `rule_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one rule, for example `name eq \"block-premium\"`.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one access control rule by SID, or the single rule a filter matches; " +
			"the parent partner's rules (`read_only = true`) can be read too.",
		Attributes: attrs,
	}
}

func (d *accessControlRuleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("rule_sid"), path.MatchRoot("filter")),
	}
}

func (d *accessControlRuleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m accessControlRuleDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	rule := framework.LookupOne(ctx, d.client, m.RuleSID, m.Filter, framework.OneOf[client.AccessControlRule]{
		SIDAttr: "rule_sid", Noun: "access control rule", Get: d.client.GetAccessControlRule,
		ListPath: "/accesscontrol/rules", Nouns: "access control rules", ListDS: "carrierx_access_control_rules",
	}, &resp.Diagnostics)
	if rule == nil {
		return
	}
	resp.Diagnostics.Append(m.fill(ctx, rule, nil)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewAccessControlRulesDataSource is the carrierx_access_control_rules data source.
func NewAccessControlRulesDataSource() datasource.DataSource { return &accessControlRulesDataSource{} }

type accessControlRulesDataSource struct{ client *client.Client }

type accessControlRulesDataSourceModel struct {
	Filter types.String             `tfsdk:"filter"`
	Order  types.String             `tfsdk:"order"`
	Rules  []accessControlRuleModel `tfsdk:"rules"`
}

func (d *accessControlRulesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_control_rules"
}

func (d *accessControlRulesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *accessControlRulesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the access control rules the token's partner sees: its own and its parent partner's " +
			"(`read_only = true`), every page fetched (1,000 per request).",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `name desc`.",
				Optional:            true,
			},
			"rules": schema.ListNestedAttribute{
				MarkdownDescription: "The matching rules.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: accessControlRuleDataSourceAttributes()},
			},
		},
	}
}

func (d *accessControlRulesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m accessControlRulesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	rules, err := d.client.ListAccessControlRules(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list access control rules", err)
		return
	}
	m.Rules = make([]accessControlRuleModel, len(rules))
	for i := range rules {
		resp.Diagnostics.Append(m.Rules[i].fill(ctx, &rules[i], nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
