// Package accesscontrolrule is carrierx_access_control_rule and its data
// sources: a test of one part of a call or message against a list of
// entries, which ACLs refer to by SID (CarrierX docs, Core API, Trunk
// Groups, Access Control Rule Object).
package accesscontrolrule

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// fields are the documented values of field: voice calling/called, SMS
// from/to/message, and the legacy SMS spellings.
var fields = []string{"calling", "called", "from", "to", "message", "from_did", "to_did"}

// legacyFields maps a legacy spelling to the current one, which the API
// may answer with.
var legacyFields = map[string]string{"from_did": "from", "to_did": "to"}

var operations = []string{"exact", "prefix", "regexp"}

var quantifiers = []string{"all", "any", "none"}

type model struct {
	RuleSID    types.String `tfsdk:"rule_sid"`
	Name       types.String `tfsdk:"name"`
	Field      types.String `tfsdk:"field"`
	Operation  types.String `tfsdk:"operation"`
	Quantifier types.String `tfsdk:"quantifier"`
	Entries    types.List   `tfsdk:"entries"`
	ReadOnly   types.Bool   `tfsdk:"read_only"`
}

// Fill keeps a configured legacy field spelling (from_did) that the API
// answers in its current form (from), so it never shows as a change.
func (m *model) Fill(_ context.Context, r *client.AccessControlRule, prior *model) diag.Diagnostics {
	if framework.Known(prior.Field) && legacyFields[prior.Field.ValueString()] == r.Field {
		m.Field = prior.Field
	}
	return nil
}

// Object declares carrierx_access_control_rule.
var Object = &framework.Object[client.AccessControlRule, model]{
	Type:       "carrierx_access_control_rule",
	SIDAttr:    "rule_sid",
	Collection: framework.Of[model, client.AccessControlRule](client.AccessControlRuleKind),
	Fields:     framework.Fields{Write: []string{"name", "field", "operation", "quantifier", "entries"}, Read: []string{"entries"}},
	Schema: schema.Schema{
		MarkdownDescription: "A CarrierX access control rule: a test of one part of a call or message (`field`) " +
			"against a list of `entries`. Rules decide nothing on their own: the ACLs (`acls`) of the partner, a trunk " +
			"group or a trunk list rule SIDs in `access_control_rules` and say what to do when they apply or not. " +
			"Rules inherited from the parent partner are visible (`read_only = true`) but cannot be managed.",
		Attributes: map[string]schema.Attribute{
			"rule_sid": framework.StableString("Rule secure ID; also the import ID. Use it in an ACL's `access_control_rules`."),
			"name":     framework.DefaultName("Rule name."),
			"field": framework.RequiredString("Part of the call or message that is checked: for calls `calling` or `called`; "+
				"for SMS `from`, `to` or `message` (`from_did` and `to_did` are the legacy spellings of `from` and `to`).",
				framework.Enum(fields...)),
			"operation": framework.RequiredString("How `entries` are compared with the field: "+framework.QuoteList(operations)+".",
				framework.Enum(operations...)),
			"quantifier": framework.RequiredString("How many entries must match for the rule to apply: `all`, `any` or `none`.",
				framework.Enum(quantifiers...)),
			"entries": schema.ListAttribute{
				MarkdownDescription: "Values compared with the field: literal strings for `exact` and `prefix` " +
					"(for example `1516`), regular expressions for `regexp` (for example `.*516`). " + framework.RegexpRule,
				ElementType: types.StringType,
				Required:    true,
				Validators:  []validator.List{regexpEntries},
			},
			"read_only": framework.StableBool("Whether the rule is inherited from the parent partner and cannot be changed; " +
				"`false` for rules this resource creates."),
		},
	},
}

// Resource is the carrierx_access_control_rule resource.
var Resource = framework.NewResource[client.AccessControlRule](Object)

// DataSources are carrierx_access_control_rule and
// carrierx_access_control_rules; the parent partner's rules
// (`read_only = true`) are read too.
var DataSources = framework.NewDataSources[client.AccessControlRule](&framework.Lookup[client.AccessControlRule, model]{
	Object: Object, Noun: "access control rule", Nouns: "access control rules",
	Plural: "carrierx_access_control_rules", Items: "rules", Example: `name eq "block-premium"`,
})
