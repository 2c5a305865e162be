package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// accessControlRuleFields are the documented values of field: voice
// calling/called, SMS from/to/message, and the legacy SMS spellings.
var accessControlRuleFields = []string{"calling", "called", "from", "to", "message", "from_did", "to_did"}

// accessControlRuleLegacyFields maps a legacy spelling to the current one,
// which the API may answer with.
var accessControlRuleLegacyFields = map[string]string{"from_did": "from", "to_did": "to"}

var accessControlRuleOperations = []string{"exact", "prefix", "regexp"}

var accessControlRuleQuantifiers = []string{"all", "any", "none"}

// accessControlRuleModel is an access control rule (21-trunk-groups.md
// §4.1), shared by the resource and the data sources.
type accessControlRuleModel struct {
	RuleSID    types.String `tfsdk:"rule_sid"`
	Name       types.String `tfsdk:"name"`
	Field      types.String `tfsdk:"field"`
	Operation  types.String `tfsdk:"operation"`
	Quantifier types.String `tfsdk:"quantifier"`
	Entries    types.List   `tfsdk:"entries"`
	ReadOnly   types.Bool   `tfsdk:"read_only"`
}

// fill sets every attribute from the API answer. A configured legacy field
// spelling (from_did) that the API answers in its current form (from) is
// kept, so it never shows as a change.
func (m *accessControlRuleModel) fill(ctx context.Context, r *client.AccessControlRule, prior *accessControlRuleModel) diag.Diagnostics {
	if prior == nil {
		prior = &accessControlRuleModel{}
	}
	m.RuleSID = types.StringValue(r.RuleSID)
	m.Name = types.StringPointerValue(r.Name)
	m.Field = types.StringValue(r.Field)
	if framework.Known(prior.Field) && accessControlRuleLegacyFields[prior.Field.ValueString()] == r.Field {
		m.Field = prior.Field
	}
	m.Operation = types.StringValue(r.Operation)
	m.Quantifier = types.StringValue(r.Quantifier)
	m.ReadOnly = types.BoolValue(r.ReadOnly)
	var diags diag.Diagnostics
	m.Entries, diags = types.ListValueFrom(ctx, types.StringType, framework.NonNil(r.Entries))
	return diags
}

// body renders the writable attributes as API JSON values.
func (m *accessControlRuleModel) body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{
		"name":       framework.StringPtr(m.Name),
		"field":      framework.StringPtr(m.Field),
		"operation":  framework.StringPtr(m.Operation),
		"quantifier": framework.StringPtr(m.Quantifier),
	}
	if framework.Known(m.Entries) {
		var entries []string
		diags.Append(m.Entries.ElementsAs(ctx, &entries, false)...)
		b["entries"] = framework.NonNil(entries)
	}
	return b, diags
}
