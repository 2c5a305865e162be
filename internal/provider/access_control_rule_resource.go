package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*accessControlRuleResource)(nil)
	_ resource.ResourceWithConfigure   = (*accessControlRuleResource)(nil)
	_ resource.ResourceWithImportState = (*accessControlRuleResource)(nil)
)

func init() {
	registerResource("carrierx_access_control_rule", NewAccessControlRuleResource, func() any { return &accessControlRuleModel{} })
}

// NewAccessControlRuleResource is the carrierx_access_control_rule resource.
func NewAccessControlRuleResource() resource.Resource { return &accessControlRuleResource{} }

type accessControlRuleResource struct{ client *client.Client }

func (r *accessControlRuleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_control_rule"
}

func (r *accessControlRuleResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *accessControlRuleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CarrierX access control rule: a test of one part of a call or message (`field`) " +
			"against a list of `entries`. Rules decide nothing on their own: the ACLs (`acls`) of the partner, a trunk " +
			"group or a trunk list rule SIDs in `access_control_rules` and say what to do when they apply or not. " +
			"Rules inherited from the parent partner are visible (`read_only = true`) but cannot be managed.",
		Attributes: map[string]schema.Attribute{
			"rule_sid": schema.StringAttribute{
				MarkdownDescription: "Rule secure ID; also the import ID. Use it in an ACL's `access_control_rules`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Rule name. Defaults to `N/A`, CarrierX's default. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("N/A"),
				Validators:          []validator.String{framework.NameValidator{}},
			},
			"field": schema.StringAttribute{
				MarkdownDescription: "Part of the call or message that is checked: for calls `calling` or `called`; " +
					"for SMS `from`, `to` or `message` (`from_did` and `to_did` are the legacy spellings of `from` and `to`).",
				Required:   true,
				Validators: []validator.String{stringvalidator.OneOf(accessControlRuleFields...)},
			},
			"operation": schema.StringAttribute{
				MarkdownDescription: "How `entries` are compared with the field: " + framework.QuoteList(accessControlRuleOperations) + ".",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(accessControlRuleOperations...)},
			},
			"quantifier": schema.StringAttribute{
				MarkdownDescription: "How many entries must match for the rule to apply: `all`, `any` or `none`.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(accessControlRuleQuantifiers...)},
			},
			"entries": schema.ListAttribute{
				MarkdownDescription: "Values compared with the field: literal strings for `exact` and `prefix` " +
					"(for example `1516`), regular expressions for `regexp` (for example `.*516`). " + framework.RegexpRule,
				ElementType: types.StringType,
				Required:    true,
				Validators:  []validator.List{aclRegexpEntries{}},
			},
			"read_only": schema.BoolAttribute{
				MarkdownDescription: "Whether the rule is inherited from the parent partner and cannot be changed; `false` for rules this resource creates.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *accessControlRuleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan accessControlRuleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	rule, err := r.client.CreateAccessControlRule(ctx, framework.DropNil(body))
	if !framework.CreateResult(&resp.Diagnostics, "Unable to create carrierx_access_control_rule", "carrierx_access_control_rule", rule, err, nil) {
		return
	}
	prior := plan
	resp.Diagnostics.Append(plan.fill(ctx, rule, &prior)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *accessControlRuleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readResource(ctx, req, resp, "carrierx_access_control_rule", accessControlRuleSID, r.client.GetAccessControlRule, (*accessControlRuleModel).fill)
}

func (r *accessControlRuleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	updateResource(ctx, req, resp, "carrierx_access_control_rule", accessControlRuleSID, (*accessControlRuleModel).body,
		r.client.UpdateAccessControlRule, r.client.GetAccessControlRule, (*accessControlRuleModel).fill)
}

func (r *accessControlRuleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteResource(ctx, req, resp, "carrierx_access_control_rule", accessControlRuleSID, r.client.DeleteAccessControlRule)
}

func (r *accessControlRuleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importBySID(ctx, req, resp, "carrierx_access_control_rule", "rule_sid", "a rule SID", exampleSID)
}

func accessControlRuleSID(m *accessControlRuleModel) string { return m.RuleSID.ValueString() }
