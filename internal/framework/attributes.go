package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Attributes that most objects declare the same way.

// ComputedSID is a SID CarrierX assigns (the object's own, its owner's):
// computed, and kept from state so it never shows as a change.
func ComputedSID(doc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: doc, Computed: true,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
}

// DefaultName is an object's friendly name: optional, `N/A` (CarrierX's
// name of an unnamed object) by default. doc says what is named ("Rule name.").
func DefaultName(doc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: doc + " Defaults to `N/A`, CarrierX's default. " + NameRule,
		Optional:            true,
		Computed:            true,
		Default:             stringdefault.StaticString("N/A"),
		Validators:          []validator.String{NameValidator},
	}
}

// StringMapValue renders a JSON object (free-form `attributes`) as a
// map(string) attribute; see StringMap.
func StringMapValue(ctx context.Context, in map[string]any, diags *diag.Diagnostics) types.Map {
	m, d := types.MapValueFrom(ctx, types.StringType, StringMap(in, nil))
	diags.Append(d...)
	return m
}

// KeptString is a writable attribute CarrierX fills when it is left out:
// optional and computed, kept from state so leaving it out never shows as
// a change; mods are further plan modifiers.
func KeptString(doc string, mods ...planmodifier.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: doc, Optional: true, Computed: true,
		PlanModifiers: append([]planmodifier.String{stringplanmodifier.UseStateForUnknown()}, mods...)}
}

// KeptInt64 is KeptString for a number.
func KeptInt64(doc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: doc, Optional: true, Computed: true,
		PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}}
}

// KeptBool is KeptString for a boolean.
func KeptBool(doc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: doc, Optional: true, Computed: true,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
}

// OptionalString is a nullable writable attribute: unset means null.
func OptionalString(doc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: doc, Optional: true}
}

// OptionalInt64 is OptionalString for a number.
func OptionalInt64(doc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: doc, Optional: true}
}
