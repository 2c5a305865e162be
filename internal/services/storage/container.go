package storage

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// ContainerObject declares carrierx_storage_container.
var ContainerObject = &framework.Object[client.StorageContainer, containerModel]{
	Type:       "carrierx_storage_container",
	SIDAttr:    "container_sid",
	Collection: framework.Of[containerModel, client.StorageContainer](client.StorageContainerKind),
	Fields: framework.Fields{
		Write: []string{"name", "allow_publish", "default_file_lifecycle_action", "default_file_lifecycle_ttl",
			"default_file_publish", "default_file_threshold_include", "default_file_unique", "encrypted", "integer_key_1",
			"integer_key_2", "parent_container_sid", "publish_domain", "quota_bytes", "quota_files", "string_key_1",
			"string_key_2", "string_key_3", "string_key_4", "threshold_action", "threshold_available_bytes_percent",
			"threshold_available_files_percent", "threshold_bytes", "threshold_bytes_target", "threshold_files",
			"threshold_files_target", "threshold_grace_period", "type", "unique", "allowed_classifications",
			"blocked_classifications", "external_attributes"},
		KeepEmpty: []string{"parent_container_sid", "string_key_1", "string_key_2", "string_key_3", "string_key_4",
			"threshold_action"},
		Read: []string{"allowed_classifications", "blocked_classifications", "external_attributes"},
	},
	Schema: containerSchema(),
}

// ContainerResource is the carrierx_storage_container resource.
var ContainerResource = framework.NewResource[client.StorageContainer](ContainerObject)

// ContainerDataSources are carrierx_storage_container (for example the
// partner's default container, by filter) and carrierx_storage_containers.
var ContainerDataSources = framework.NewDataSources[client.StorageContainer](&framework.Lookup[client.StorageContainer, containerModel]{
	Object: ContainerObject, Noun: "storage container", Nouns: "storage containers",
	Plural: "carrierx_storage_containers", Items: "containers", Example: `name eq "recordings"`,
})

// containerModel is a storage container, for the resource and the data
// sources.
type containerModel struct {
	ContainerSID                   types.String `tfsdk:"container_sid"`
	PartnerSID                     types.String `tfsdk:"partner_sid"`
	Name                           types.String `tfsdk:"name"`
	AllowPublish                   types.Bool   `tfsdk:"allow_publish"`
	AllowedClassifications         types.List   `tfsdk:"allowed_classifications"`
	BlockedClassifications         types.List   `tfsdk:"blocked_classifications"`
	AvailableBytesPercent          types.Int64  `tfsdk:"available_bytes_percent"`
	AvailableFilesPercent          types.Int64  `tfsdk:"available_files_percent"`
	DefaultFileLifecycleAction     types.String `tfsdk:"default_file_lifecycle_action"`
	DefaultFileLifecycleTTL        types.Int64  `tfsdk:"default_file_lifecycle_ttl"`
	DefaultFilePublish             types.String `tfsdk:"default_file_publish"`
	DefaultFileThresholdInclude    types.Bool   `tfsdk:"default_file_threshold_include"`
	DefaultFileUnique              types.Bool   `tfsdk:"default_file_unique"`
	DurabilityClass                types.String `tfsdk:"durability_class"`
	Encrypted                      types.Bool   `tfsdk:"encrypted"`
	ExternalAttributes             types.Map    `tfsdk:"external_attributes"`
	IntegerKey1                    types.Int64  `tfsdk:"integer_key_1"`
	IntegerKey2                    types.Int64  `tfsdk:"integer_key_2"`
	ParentContainerSID             types.String `tfsdk:"parent_container_sid"`
	PublishDomain                  types.String `tfsdk:"publish_domain"`
	QuotaBytes                     types.Int64  `tfsdk:"quota_bytes"`
	QuotaFiles                     types.Int64  `tfsdk:"quota_files"`
	StringKey1                     types.String `tfsdk:"string_key_1"`
	StringKey2                     types.String `tfsdk:"string_key_2"`
	StringKey3                     types.String `tfsdk:"string_key_3"`
	StringKey4                     types.String `tfsdk:"string_key_4"`
	ThresholdAction                types.String `tfsdk:"threshold_action"`
	ThresholdAvailableBytesPercent types.Int64  `tfsdk:"threshold_available_bytes_percent"`
	ThresholdAvailableFilesPercent types.Int64  `tfsdk:"threshold_available_files_percent"`
	ThresholdBytes                 types.Int64  `tfsdk:"threshold_bytes"`
	ThresholdBytesTarget           types.Int64  `tfsdk:"threshold_bytes_target"`
	ThresholdFiles                 types.Int64  `tfsdk:"threshold_files"`
	ThresholdFilesTarget           types.Int64  `tfsdk:"threshold_files_target"`
	ThresholdGracePeriod           types.Int64  `tfsdk:"threshold_grace_period"`
	ThresholdTotalBytes            types.Int64  `tfsdk:"threshold_total_bytes"`
	ThresholdTotalFiles            types.Int64  `tfsdk:"threshold_total_files"`
	TotalBytes                     types.Int64  `tfsdk:"total_bytes"`
	TotalFiles                     types.Int64  `tfsdk:"total_files"`
	Type                           types.String `tfsdk:"type"`
	Unique                         types.Bool   `tfsdk:"unique"`
}

// containerDocs describes every attribute.
var containerDocs = map[string]string{
	"container_sid":                     "Container secure ID; also the import ID.",
	"partner_sid":                       "Owning partner (the partner of the provider's token).",
	"name":                              "Friendly name. CarrierX fills `N/A` when it is left out.",
	"allow_publish":                     "Whether files in the container may have a public URL (`publish_uri`). Defaults to `true`.",
	"allowed_classifications":           "Whitelist of content classifications accepted on upload (" + framework.QuoteList(classifications) + "); empty (the default) accepts all.",
	"blocked_classifications":           "Content classifications refused on upload (" + framework.QuoteList(classifications) + "); empty by default.",
	"available_bytes_percent":           "Share of `quota_bytes` still free, 0 to 100.",
	"available_files_percent":           "Share of `quota_files` still free, 0 to 100.",
	"default_file_lifecycle_action":     "`lifecycle_action` given to new files that do not set one. Defaults to `no_action`; the other values are not documented, so they are not checked here.",
	"default_file_lifecycle_ttl":        "`lifecycle_ttl` (seconds) given to new files that do not set one; `-1` (the default) means never.",
	"default_file_publish":              "`publish` given to new files that do not set one. Defaults to `file_sid` (the only documented value).",
	"default_file_threshold_include":    "`threshold_include` given to new files. Defaults to `true`.",
	"default_file_unique":               "`unique` given to new files. Defaults to `false`.",
	"durability_class":                  "Storage durability tier, set by CarrierX (`unassigned` today).",
	"encrypted":                         "Whether the container's data is encrypted at rest. CarrierX fills `false` when it is left out. Changing it replaces the container.",
	"external_attributes":               "Settings of an external storage backend (AWS S3, Azure Blob Storage, Google Cloud); the keys are not documented. Values are strings. Sensitive, as they may hold the backend's credentials.",
	"integer_key_1":                     "User-defined integer tag.",
	"integer_key_2":                     "Second user-defined integer tag.",
	"parent_container_sid":              "Parent container, for nested containers. Changing it replaces the container.",
	"publish_domain":                    "Host that public file URLs (`publish_uri`) are built on. CarrierX fills `https://storage.carrierx.com` when it is left out.",
	"quota_bytes":                       "Maximum bytes the container may hold. CarrierX fills its default (1 GiB for a partner's free container) when it is left out; uploads beyond it are refused.",
	"quota_files":                       "Maximum number of files. CarrierX fills its default (100) when it is left out.",
	"string_key_1":                      "User-defined string tag.",
	"string_key_2":                      "User-defined string tag.",
	"string_key_3":                      "User-defined string tag.",
	"string_key_4":                      "User-defined string tag.",
	"threshold_action":                  "What CarrierX does when a threshold is crossed; the values are not documented. Null means none.",
	"threshold_available_bytes_percent": "Threshold on the free-byte percentage that triggers `threshold_action`.",
	"threshold_available_files_percent": "Threshold on the free-file percentage that triggers `threshold_action`.",
	"threshold_bytes":                   "Byte count that triggers `threshold_action`.",
	"threshold_bytes_target":            "Byte count `threshold_action` reduces the container to.",
	"threshold_files":                   "File count that triggers `threshold_action`.",
	"threshold_files_target":            "File count `threshold_action` reduces the container to.",
	"threshold_grace_period":            "Delay before the threshold action runs. CarrierX fills `0` when it is left out.",
	"threshold_total_bytes":             "Bytes counted toward thresholds (files with `threshold_include`), set by CarrierX.",
	"threshold_total_files":             "Files counted toward thresholds, set by CarrierX.",
	"total_bytes":                       "Bytes stored, set by CarrierX.",
	"total_files":                       "Files stored, set by CarrierX.",
	"type":                              "Storage backend. CarrierX fills `internal` when it is left out; external backend type names are not documented, so they are not checked here. Changing it replaces the container.",
	"unique":                            "Uniqueness flag of the container (semantics not documented). CarrierX fills `false` when it is left out.",
}

func containerSchema() schema.Schema {
	d := containerDocs
	classes := func(name string) schema.ListAttribute {
		return framework.EmptyStringList(d[name],
			listvalidator.ValueStringsAre(framework.Enum(classifications...)), listvalidator.UniqueValues())
	}
	return schema.Schema{
		MarkdownDescription: "A CarrierX storage container: where uploaded files (`carrierx_storage_file`), recordings " +
			"and voicemail are kept, with its byte and file quotas, the defaults given to new files, and thresholds. " +
			"By default a partner may own two containers. `type`, `encrypted` and `parent_container_sid` are only " +
			"set when the container is created: changing them replaces the container, which deletes its files.",
		Attributes: map[string]schema.Attribute{
			"container_sid":           framework.StableString(d["container_sid"]),
			"partner_sid":             framework.StableString(d["partner_sid"]),
			"name":                    framework.KeptName(d["name"]),
			"allow_publish":           framework.DefaultBool(d["allow_publish"], true),
			"allowed_classifications": classes("allowed_classifications"),
			"blocked_classifications": classes("blocked_classifications"),
			// The usage figures move with the files (other resources, other clients), and the shares with the quotas too.
			"available_bytes_percent": framework.ComputedInt64(d["available_bytes_percent"], framework.Volatile(path.Root("quota_bytes"))),
			"available_files_percent": framework.ComputedInt64(d["available_files_percent"], framework.Volatile(path.Root("quota_files"))),
			"default_file_lifecycle_action": framework.DefaultString(d["default_file_lifecycle_action"], "no_action", stringvalidator.LengthAtLeast(1),
				framework.KnownValues("no_action")),
			"default_file_lifecycle_ttl": framework.DefaultInt64(d["default_file_lifecycle_ttl"], -1),
			"default_file_publish": framework.DefaultString(d["default_file_publish"], "file_sid", stringvalidator.LengthAtLeast(1),
				framework.KnownValues("file_sid")),
			"default_file_threshold_include": framework.DefaultBool(d["default_file_threshold_include"], true),
			"default_file_unique":            framework.DefaultBool(d["default_file_unique"], false),
			"durability_class":               framework.StableString(d["durability_class"]),
			"encrypted": schema.BoolAttribute{
				MarkdownDescription: d["encrypted"], Optional: true, Computed: true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()},
			},
			"external_attributes": schema.MapAttribute{
				MarkdownDescription: d["external_attributes"], ElementType: types.StringType, Optional: true, Computed: true, Sensitive: true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.UseStateForUnknown()},
			},
			"integer_key_1": framework.OptionalInt64(d["integer_key_1"]),
			"integer_key_2": framework.OptionalInt64(d["integer_key_2"]),
			"parent_container_sid": schema.StringAttribute{
				MarkdownDescription: d["parent_container_sid"], Optional: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    containerSID,
			},
			"publish_domain":                    framework.Validated(framework.KeptString(d["publish_domain"]), framework.NoUserinfoRule, framework.AbsoluteURL),
			"quota_bytes":                       framework.KeptInt64(d["quota_bytes"]),
			"quota_files":                       framework.KeptInt64(d["quota_files"]),
			"string_key_1":                      framework.OptionalString(d["string_key_1"]),
			"string_key_2":                      framework.OptionalString(d["string_key_2"]),
			"string_key_3":                      framework.OptionalString(d["string_key_3"]),
			"string_key_4":                      framework.OptionalString(d["string_key_4"]),
			"threshold_action":                  framework.OptionalString(d["threshold_action"]),
			"threshold_available_bytes_percent": framework.OptionalInt64(d["threshold_available_bytes_percent"]),
			"threshold_available_files_percent": framework.OptionalInt64(d["threshold_available_files_percent"]),
			"threshold_bytes":                   framework.OptionalInt64(d["threshold_bytes"]),
			"threshold_bytes_target":            framework.OptionalInt64(d["threshold_bytes_target"]),
			"threshold_files":                   framework.OptionalInt64(d["threshold_files"]),
			"threshold_files_target":            framework.OptionalInt64(d["threshold_files_target"]),
			"threshold_grace_period":            framework.KeptInt64(d["threshold_grace_period"]),
			"threshold_total_bytes":             framework.ComputedInt64(d["threshold_total_bytes"], framework.Volatile()),
			"threshold_total_files":             framework.ComputedInt64(d["threshold_total_files"], framework.Volatile()),
			"total_bytes":                       framework.ComputedInt64(d["total_bytes"], framework.Volatile()),
			"total_files":                       framework.ComputedInt64(d["total_files"], framework.Volatile()),
			"type": schema.StringAttribute{
				MarkdownDescription: d["type"], Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1), framework.KnownValues("internal")},
			},
			"unique": framework.KeptBool(d["unique"]),
		},
	}
}
