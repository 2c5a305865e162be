package provider

import (
	"context"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// aclRegexpEntries applies framework.RegexpSyntax to every entry of an access control
// rule whose sibling `operation` is "regexp"; entries of exact and prefix
// rules are literal strings and are not checked.
type aclRegexpEntries struct{}

func (aclRegexpEntries) Description(context.Context) string {
	return "with operation \"regexp\", each entry must not be a regular expression that no dialect accepts"
}

func (v aclRegexpEntries) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (aclRegexpEntries) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if !framework.Known(req.ConfigValue) {
		return
	}
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
}
