package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Attributes by what they mean, one constructor a recurring kind, so the
// access flags of CarrierX's reference become schema the same way in every
// object (CONTRIBUTING.md, Schema rules). doc is the whole description; v
// are validators, mods the object's own plan modifiers.

// StableString is a read-only value set once (a SID, the owner): kept from state, never "known after apply".
func StableString(doc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: doc, Computed: true,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
}

// StableInt64 is StableString for a number.
func StableInt64(doc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: doc, Computed: true,
		PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}}
}

// StableBool is StableString for a boolean.
func StableBool(doc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: doc, Computed: true,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
}

// Secret is a StableString CarrierX generates (a token, a PIN), sensitive so plans never show it.
func Secret(doc string) schema.StringAttribute {
	a := StableString(doc)
	a.Sensitive = true
	return a
}

// ComputedString is a read-only value CarrierX changes by itself (a counter, a last use); mods say what an
// update plans for it: Volatile (kept), KeepUnless (kept unless its sources change), none (unknown).
func ComputedString(doc string, mods ...planmodifier.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: doc, Computed: true, PlanModifiers: mods}
}

// ComputedInt64 is ComputedString for a number.
func ComputedInt64(doc string, mods ...planmodifier.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: doc, Computed: true, PlanModifiers: mods}
}

// RequiredString is a value CarrierX requires on creation and takes on update.
func RequiredString(doc string, v ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: doc, Required: true, Validators: v}
}

// RequiredCreateOnly is a required value CarrierX takes on creation only (the parent, the type): a change replaces.
func RequiredCreateOnly(doc string, v ...validator.String) schema.StringAttribute {
	a := RequiredString(doc, v...)
	a.PlanModifiers = []planmodifier.String{stringplanmodifier.RequiresReplace()}
	return a
}

// OptionalString is a writable value without a CarrierX default: unset means null (none, no callback).
func OptionalString(doc string, v ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: doc, Optional: true, Validators: v}
}

// OptionalInt64 is OptionalString for a number.
func OptionalInt64(doc string, v ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: doc, Optional: true, Validators: v}
}

// KeptString is a writable value CarrierX fills when left out: kept from state, so leaving it out is no change.
func KeptString(doc string, v ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: doc, Optional: true, Computed: true, Validators: v,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
}

// KeptInt64 is KeptString for a number.
func KeptInt64(doc string, v ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: doc, Optional: true, Computed: true, Validators: v,
		PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}}
}

// KeptBool is KeptString for a boolean.
func KeptBool(doc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: doc, Optional: true, Computed: true,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
}

// KeptName is a friendly name CarrierX fills when left out: a KeptString checked and documented by NameRule.
func KeptName(doc string) schema.StringAttribute {
	return KeptString(doc+" "+NameRule, NameValidator)
}

// KeptCreateOnly is a KeptString sent on creation only (the owning partner): changing a configured value replaces.
func KeptCreateOnly(doc string, v ...validator.String) schema.StringAttribute {
	a := KeptString(doc, v...)
	a.PlanModifiers = append(a.PlanModifiers, stringplanmodifier.RequiresReplaceIfConfigured())
	return a
}

// KeptCreateOnlyInt64 is KeptCreateOnly for a number.
func KeptCreateOnlyInt64(doc string, v ...validator.Int64) schema.Int64Attribute {
	a := KeptInt64(doc, v...)
	a.PlanModifiers = append(a.PlanModifiers, int64planmodifier.RequiresReplaceIfConfigured())
	return a
}

// DefaultString is a writable value with CarrierX's documented default, planned when it is left out.
func DefaultString(doc, def string, v ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: doc, Optional: true, Computed: true,
		Default: stringdefault.StaticString(def), Validators: v}
}

// DefaultInt64 is DefaultString for a number.
func DefaultInt64(doc string, def int64, v ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: doc, Optional: true, Computed: true,
		Default: int64default.StaticInt64(def), Validators: v}
}

// DefaultBool is DefaultString for a boolean.
func DefaultBool(doc string, def bool) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: doc, Optional: true, Computed: true, Default: booldefault.StaticBool(def)}
}

// DefaultName is a friendly name that is `N/A` (CarrierX's name of an unnamed object) when left out.
func DefaultName(doc string) schema.StringAttribute {
	return DefaultString(doc+" Defaults to `N/A`, CarrierX's default. "+NameRule, "N/A", NameValidator)
}

// EmptyStringList is a list of strings CarrierX empties by default, planned empty when it is left out.
func EmptyStringList(doc string, v ...validator.List) schema.ListAttribute {
	return schema.ListAttribute{MarkdownDescription: doc, ElementType: types.StringType, Optional: true, Computed: true,
		Default: listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})), Validators: v}
}

// EmptyStringMap is EmptyStringList for free-form key/value `attributes`.
func EmptyStringMap(doc string) schema.MapAttribute {
	return schema.MapAttribute{MarkdownDescription: doc, ElementType: types.StringType, Optional: true, Computed: true,
		Default: mapdefault.StaticValue(types.MapValueMust(types.StringType, map[string]attr.Value{}))}
}

// StoredSecret is a user's secret kept in state (sensitive), exclusive of its write-only twin name_wo.
func StoredSecret(name, doc string, v ...validator.String) schema.StringAttribute {
	a := OptionalString(doc, append([]validator.String{stringvalidator.ConflictsWith(path.MatchRoot(name + "_wo"))}, v...)...)
	a.Sensitive = true
	return a
}

// WriteOnlyString is an input sent to CarrierX and never stored in state (Terraform 1.11+).
func WriteOnlyString(doc string, v ...validator.String) schema.StringAttribute {
	a := OptionalString(doc, v...)
	a.WriteOnly = true
	return a
}

// WriteOnlySecret is name_wo, the write-only twin of the secret name, sent again when SecretVersion changes.
func WriteOnlySecret(name string) schema.StringAttribute {
	a := WriteOnlyString("Write-only `"+name+"` (Terraform 1.11+): sent to CarrierX, never stored. Change `"+
		name+"_wo_version` to send a new value.", stringvalidator.AlsoRequires(path.MatchRoot(name+"_wo_version")))
	a.Sensitive = true
	return a
}

// SecretVersion is name_wo_version: a write-only value cannot be compared, so a new number sends it again.
func SecretVersion(name string) schema.Int64Attribute {
	return OptionalInt64("Any number; changing it sends `"+name+"_wo` again.", int64validator.AlsoRequires(path.MatchRoot(name+"_wo")))
}

// ArgString is an optional argument of a Query data source (a search criterion, an option of the request).
func ArgString(doc string, v ...validator.String) dschema.StringAttribute {
	return dschema.StringAttribute{MarkdownDescription: doc, Optional: true, Validators: v}
}

// ArgInt64 is ArgString for a number.
func ArgInt64(doc string, v ...validator.Int64) dschema.Int64Attribute {
	return dschema.Int64Attribute{MarkdownDescription: doc, Optional: true, Validators: v}
}

// ArgBool is ArgString for a boolean.
func ArgBool(doc string) dschema.BoolAttribute {
	return dschema.BoolAttribute{MarkdownDescription: doc, Optional: true}
}

// ResultString is a value a Query data source reads from CarrierX.
func ResultString(doc string) dschema.StringAttribute {
	return dschema.StringAttribute{MarkdownDescription: doc, Computed: true}
}

// StringMapValue renders a JSON object (free-form `attributes`) as a
// map(string) attribute; see StringMap.
func StringMapValue(ctx context.Context, in map[string]any, diags *diag.Diagnostics) types.Map {
	m, d := types.MapValueFrom(ctx, types.StringType, StringMap(in, nil))
	diags.Append(d...)
	return m
}
