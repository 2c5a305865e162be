package provider

import (
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// storageFileBitrates are the documented MP3 bit rates of desired_bitrate.
var storageFileBitrates = []int64{8, 16, 24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}

// storageFileModel is a file's metadata (30-storage.md §2), shared by the
// resource and the data source.
type storageFileModel struct {
	FileSID                    types.String  `tfsdk:"file_sid"`
	ContainerSID               types.String  `tfsdk:"container_sid"`
	PartnerSID                 types.String  `tfsdk:"partner_sid"`
	ContentClassification      types.String  `tfsdk:"content_classification"`
	ContentDuration            types.Float64 `tfsdk:"content_duration"`
	ContentFormat              types.String  `tfsdk:"content_format"`
	ContentTranscodingProgress types.Int64   `tfsdk:"content_transcoding_progress"`
	DateLastAccessed           types.String  `tfsdk:"date_last_accessed"`
	DateModified               types.String  `tfsdk:"date_modified"`
	DesiredBitrate             types.Int64   `tfsdk:"desired_bitrate"`
	DesiredFormat              types.String  `tfsdk:"desired_format"`
	FileAccessName             types.String  `tfsdk:"file_access_name"`
	FileBytes                  types.Int64   `tfsdk:"file_bytes"`
	IntegerKey1                types.Int64   `tfsdk:"integer_key_1"`
	IntegerKey2                types.Int64   `tfsdk:"integer_key_2"`
	LifecycleAction            types.String  `tfsdk:"lifecycle_action"`
	LifecycleTTL               types.Int64   `tfsdk:"lifecycle_ttl"`
	MIMEType                   types.String  `tfsdk:"mime_type"`
	Name                       types.String  `tfsdk:"name"`
	ParentFileSID              types.String  `tfsdk:"parent_file_sid"`
	Publish                    types.String  `tfsdk:"publish"`
	PublishURI                 types.String  `tfsdk:"publish_uri"`
	StringKey1                 types.String  `tfsdk:"string_key_1"`
	StringKey2                 types.String  `tfsdk:"string_key_2"`
	StringKey3                 types.String  `tfsdk:"string_key_3"`
	StringKey4                 types.String  `tfsdk:"string_key_4"`
	ThresholdInclude           types.Bool    `tfsdk:"threshold_include"`
	Type                       types.String  `tfsdk:"type"`
	Unique                     types.Bool    `tfsdk:"unique"`
}

var storageFileDocs = map[string]string{
	"file_sid":                     "File secure ID; also the import ID.",
	"container_sid":                "Container holding the file (the `container_sid` of a `carrierx_storage_container`). Changing it uploads the file again into the new container (replacement).",
	"partner_sid":                  "Owning partner.",
	"content_classification":       "Category CarrierX detected (" + framework.QuoteList(storageClassifications) + "), checked against the container's allowed and blocked classifications.",
	"content_duration":             "Duration of media files in seconds; null for other files.",
	"content_format":               "File format CarrierX detected, for example `mp3`.",
	"content_transcoding_progress": "Progress of the transcoding to `desired_format`, in percent; null when there is none.",
	"date_last_accessed":           "Last time the data was downloaded through the API (refreshed at most once a minute); it changes outside Terraform and never causes a diff.",
	"date_modified":                "Last time the file was changed.",
	"desired_bitrate":              "Target MP3 bit rate when transcoding: one of `8`, `16`, `24`, `32`, `40`, `48`, `64`, `80`, `96`, `112`, `128`, `160`, `192`, `224`, `256`, `320`. Unset means none.",
	"desired_format":               "Target audio/video format to transcode the file to; CarrierX's list of formats is not documented, so it is not checked here. Unset means no transcoding.",
	"file_access_name":             "Path of the file inside the container. CarrierX fills `<file_sid>.<extension>` when it is left out.",
	"file_bytes":                   "Size in bytes.",
	"integer_key_1":                "User-defined integer tag.",
	"integer_key_2":                "Second user-defined integer tag.",
	"lifecycle_action":             "What CarrierX does when `lifecycle_ttl` expires. Defaults to the container's `default_file_lifecycle_action` (`no_action`); the other values are not documented, so they are not checked here. Changed in place.",
	"lifecycle_ttl":                "Seconds before `lifecycle_action` runs; `-1` means never. Defaults to the container's `default_file_lifecycle_ttl`. Changed in place.",
	"mime_type":                    "MIME type. CarrierX detects it when it is left out.",
	"name":                         "Friendly name. CarrierX uses the uploaded file name (the base name of `source`) when it is left out.",
	"parent_file_sid":              "File this one is derived from (for example the original of a transcoded copy). Unset means none.",
	"publish":                      "How the public URL is formed. Defaults to the container's `default_file_publish` (`file_sid`, the only documented value).",
	"publish_uri":                  "Public download URL of the file, `<publish_domain>/f/<file_sid>`.",
	"string_key_1":                 "User-defined string tag.",
	"string_key_2":                 "User-defined string tag.",
	"string_key_3":                 "User-defined string tag.",
	"string_key_4":                 "User-defined string tag.",
	"threshold_include":            "Whether the file counts toward the container's thresholds. Defaults to the container's `default_file_threshold_include`.",
	"type":                         "Kind of stored object. CarrierX fills `file` when it is left out; other values are not documented.",
	"unique":                       "Uniqueness flag. Defaults to the container's `default_file_unique`.",
}

func storageFileDataSourceAttributes() map[string]dschema.Attribute {
	out := map[string]dschema.Attribute{}
	for name, doc := range storageFileDocs {
		switch name {
		case "threshold_include", "unique":
			out[name] = dschema.BoolAttribute{MarkdownDescription: doc, Computed: true}
		case "content_duration":
			out[name] = dschema.Float64Attribute{MarkdownDescription: doc, Computed: true}
		case "content_transcoding_progress", "desired_bitrate", "file_bytes", "integer_key_1", "integer_key_2", "lifecycle_ttl":
			out[name] = dschema.Int64Attribute{MarkdownDescription: doc, Computed: true}
		default:
			out[name] = dschema.StringAttribute{MarkdownDescription: doc, Computed: true}
		}
	}
	return out
}

// fill sets every metadata attribute from the API answer; prior keeps a
// configured "" that the API reads back as null.
func (m *storageFileModel) fill(f *client.StorageFile, prior *storageFileModel) {
	if prior == nil {
		prior = &storageFileModel{}
	}
	m.FileSID = types.StringValue(f.FileSID)
	m.ContainerSID = types.StringValue(f.ContainerSID)
	m.PartnerSID = types.StringValue(f.PartnerSID)
	m.ContentClassification = types.StringPointerValue(f.ContentClassification)
	m.ContentDuration = types.Float64PointerValue(f.ContentDuration)
	m.ContentFormat = types.StringPointerValue(f.ContentFormat)
	m.ContentTranscodingProgress = types.Int64PointerValue(f.ContentTranscodingProgress)
	m.DateLastAccessed = types.StringPointerValue(f.DateLastAccessed)
	m.DateModified = types.StringPointerValue(f.DateModified)
	m.DesiredBitrate = types.Int64PointerValue(f.DesiredBitrate)
	m.DesiredFormat = framework.KeepEmpty(f.DesiredFormat, prior.DesiredFormat)
	m.FileAccessName = types.StringPointerValue(f.FileAccessName)
	m.FileBytes = types.Int64PointerValue(f.FileBytes)
	m.IntegerKey1 = types.Int64PointerValue(f.IntegerKey1)
	m.IntegerKey2 = types.Int64PointerValue(f.IntegerKey2)
	m.LifecycleAction = types.StringPointerValue(f.LifecycleAction)
	m.LifecycleTTL = types.Int64PointerValue(f.LifecycleTTL)
	m.MIMEType = types.StringPointerValue(f.MIMEType)
	m.Name = types.StringPointerValue(f.Name)
	m.ParentFileSID = framework.KeepEmpty(f.ParentFileSID, prior.ParentFileSID)
	m.Publish = types.StringPointerValue(f.Publish)
	m.PublishURI = types.StringPointerValue(f.PublishURI)
	m.StringKey1 = framework.KeepEmpty(f.StringKey1, prior.StringKey1)
	m.StringKey2 = framework.KeepEmpty(f.StringKey2, prior.StringKey2)
	m.StringKey3 = framework.KeepEmpty(f.StringKey3, prior.StringKey3)
	m.StringKey4 = framework.KeepEmpty(f.StringKey4, prior.StringKey4)
	m.ThresholdInclude = types.BoolPointerValue(f.ThresholdInclude)
	m.Type = types.StringPointerValue(f.Type)
	m.Unique = types.BoolPointerValue(f.Unique)
}

// body renders the writable metadata as API JSON values (the file_object
// of an upload, or a PATCH); null becomes nil so an update can clear it.
func (m *storageFileModel) body() map[string]any {
	return map[string]any{
		"container_sid":     framework.StringPtr(m.ContainerSID),
		"desired_bitrate":   framework.Int64Ptr(m.DesiredBitrate),
		"desired_format":    framework.StringPtr(m.DesiredFormat),
		"file_access_name":  framework.StringPtr(m.FileAccessName),
		"integer_key_1":     framework.Int64Ptr(m.IntegerKey1),
		"integer_key_2":     framework.Int64Ptr(m.IntegerKey2),
		"lifecycle_action":  framework.StringPtr(m.LifecycleAction),
		"lifecycle_ttl":     framework.Int64Ptr(m.LifecycleTTL),
		"mime_type":         framework.StringPtr(m.MIMEType),
		"name":              framework.StringPtr(m.Name),
		"parent_file_sid":   framework.StringPtr(m.ParentFileSID),
		"publish":           framework.StringPtr(m.Publish),
		"string_key_1":      framework.StringPtr(m.StringKey1),
		"string_key_2":      framework.StringPtr(m.StringKey2),
		"string_key_3":      framework.StringPtr(m.StringKey3),
		"string_key_4":      framework.StringPtr(m.StringKey4),
		"threshold_include": framework.BoolPtr(m.ThresholdInclude),
		"type":              framework.StringPtr(m.Type),
		"unique":            framework.BoolPtr(m.Unique),
	}
}
