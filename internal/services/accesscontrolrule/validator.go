package accesscontrolrule

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// regexpEntries applies framework.RegexpSyntax to every entry of a rule
// whose sibling `operation` is "regexp"; entries of exact and prefix rules
// are literal strings and are not checked.
var regexpEntries = framework.ListCheck{Desc: "with operation \"regexp\", each entry must not be a regular expression that no dialect accepts",
	Check: func(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
		var op types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, req.Path.ParentPath().AtName("operation"), &op)...)
		if !framework.Known(op) || op.ValueString() != "regexp" {
			return
		}
		for i, el := range req.ConfigValue.Elements() {
			if s, ok := el.(types.String); ok && framework.Known(s) {
				framework.CheckRegexp(req.Path.AtListIndex(i), s.ValueString(), &resp.Diagnostics)
			}
		}
	}}
