package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                = (*storageContainerResource)(nil)
	_ resource.ResourceWithConfigure   = (*storageContainerResource)(nil)
	_ resource.ResourceWithImportState = (*storageContainerResource)(nil)
)

func init() {
	registerResource("carrierx_storage_container", NewStorageContainerResource, func() any { return &storageContainerModel{} })
}

// NewStorageContainerResource is the carrierx_storage_container resource.
func NewStorageContainerResource() resource.Resource { return &storageContainerResource{} }

type storageContainerResource struct{ client *client.Client }

func (r *storageContainerResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_storage_container"
}

func (r *storageContainerResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

// storageSIDValidators check a SID reference for form only; whether the
// object exists is CarrierX's to say.
func storageSIDValidators(what string) []validator.String {
	return []validator.String{framework.SID{What: what + " SID"}}
}

func (r *storageContainerResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	d := storageContainerDocs
	// Writable attributes CarrierX fills when they are left out: left out
	// of the create body, then kept from state so leaving them out never diffs.
	optStr := func(name string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d[name], Optional: true, Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	optInt := func(name string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d[name], Optional: true, Computed: true,
			PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}}
	}
	// Nullable tags and thresholds: unset means null.
	nullStr := func(name string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d[name], Optional: true}
	}
	nullInt := func(name string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d[name], Optional: true}
	}
	// Read only.
	usage := func(name string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d[name], Computed: true}
	}
	classes := func(name string) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: d[name], ElementType: types.StringType, Optional: true, Computed: true,
			Default:    listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
			Validators: []validator.List{listvalidator.ValueStringsAre(stringvalidator.OneOf(storageClassifications...)), listvalidator.UniqueValues()},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CarrierX storage container: where uploaded files (`carrierx_storage_file`), recordings " +
			"and voicemail are kept, with its byte and file quotas, the defaults given to new files, and thresholds. " +
			"By default a partner may own two containers. `type`, `encrypted` and `parent_container_sid` are only " +
			"set when the container is created: changing them replaces the container, which deletes its files.",
		Attributes: map[string]schema.Attribute{
			"container_sid": schema.StringAttribute{
				MarkdownDescription: d["container_sid"], Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: d["partner_sid"], Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": framework.Validated(optStr("name"), framework.NameRule, framework.NameValidator{}),
			"allow_publish": schema.BoolAttribute{
				MarkdownDescription: d["allow_publish"], Optional: true, Computed: true, Default: booldefault.StaticBool(true),
			},
			"allowed_classifications": classes("allowed_classifications"),
			"blocked_classifications": classes("blocked_classifications"),
			"available_bytes_percent": usage("available_bytes_percent"),
			"available_files_percent": usage("available_files_percent"),
			"default_file_lifecycle_action": schema.StringAttribute{
				MarkdownDescription: d["default_file_lifecycle_action"], Optional: true, Computed: true,
				Default: stringdefault.StaticString("no_action"), Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"default_file_lifecycle_ttl": schema.Int64Attribute{
				MarkdownDescription: d["default_file_lifecycle_ttl"], Optional: true, Computed: true, Default: int64default.StaticInt64(-1),
			},
			"default_file_publish": schema.StringAttribute{
				MarkdownDescription: d["default_file_publish"], Optional: true, Computed: true,
				Default: stringdefault.StaticString("file_sid"), Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"default_file_threshold_include": schema.BoolAttribute{
				MarkdownDescription: d["default_file_threshold_include"], Optional: true, Computed: true, Default: booldefault.StaticBool(true),
			},
			"default_file_unique": schema.BoolAttribute{
				MarkdownDescription: d["default_file_unique"], Optional: true, Computed: true, Default: booldefault.StaticBool(false),
			},
			"durability_class": schema.StringAttribute{
				MarkdownDescription: d["durability_class"], Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"encrypted": schema.BoolAttribute{
				MarkdownDescription: d["encrypted"], Optional: true, Computed: true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()},
			},
			"external_attributes": schema.MapAttribute{
				MarkdownDescription: d["external_attributes"], ElementType: types.StringType, Optional: true, Computed: true, Sensitive: true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.UseStateForUnknown()},
			},
			"integer_key_1": nullInt("integer_key_1"),
			"integer_key_2": nullInt("integer_key_2"),
			"parent_container_sid": schema.StringAttribute{
				MarkdownDescription: d["parent_container_sid"], Optional: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    storageSIDValidators("container"),
			},
			"publish_domain":                    framework.Validated(optStr("publish_domain"), framework.NoUserinfoRule, framework.URLWithoutUserinfo{}),
			"quota_bytes":                       optInt("quota_bytes"),
			"quota_files":                       optInt("quota_files"),
			"string_key_1":                      nullStr("string_key_1"),
			"string_key_2":                      nullStr("string_key_2"),
			"string_key_3":                      nullStr("string_key_3"),
			"string_key_4":                      nullStr("string_key_4"),
			"threshold_action":                  nullStr("threshold_action"),
			"threshold_available_bytes_percent": nullInt("threshold_available_bytes_percent"),
			"threshold_available_files_percent": nullInt("threshold_available_files_percent"),
			"threshold_bytes":                   nullInt("threshold_bytes"),
			"threshold_bytes_target":            nullInt("threshold_bytes_target"),
			"threshold_files":                   nullInt("threshold_files"),
			"threshold_files_target":            nullInt("threshold_files_target"),
			"threshold_grace_period":            optInt("threshold_grace_period"),
			"threshold_total_bytes":             usage("threshold_total_bytes"),
			"threshold_total_files":             usage("threshold_total_files"),
			"total_bytes":                       usage("total_bytes"),
			"total_files":                       usage("total_files"),
			"type": schema.StringAttribute{
				MarkdownDescription: d["type"], Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"unique": schema.BoolAttribute{
				MarkdownDescription: d["unique"], Optional: true, Computed: true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *storageContainerResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan storageContainerModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.body(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := r.client.CreateStorageContainer(ctx, framework.DropNil(body))
	if !framework.CreateResult(&resp.Diagnostics, "Unable to create carrierx_storage_container", "carrierx_storage_container", c, err, nil) {
		return
	}
	resp.Diagnostics.Append(plan.fill(ctx, c, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *storageContainerResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readResource(ctx, req, resp, "carrierx_storage_container", storageContainerSID, r.client.GetStorageContainer, (*storageContainerModel).fill)
}

func (r *storageContainerResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	updateResource(ctx, req, resp, "carrierx_storage_container", storageContainerSID, (*storageContainerModel).body,
		r.client.UpdateStorageContainer, r.client.GetStorageContainer, (*storageContainerModel).fill)
}

func (r *storageContainerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteResource(ctx, req, resp, "carrierx_storage_container", storageContainerSID, r.client.DeleteStorageContainer)
}

func (r *storageContainerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importBySID(ctx, req, resp, "carrierx_storage_container", "container_sid", "a container SID", exampleSID)
}

func storageContainerSID(m *storageContainerModel) string { return m.ContainerSID.ValueString() }
