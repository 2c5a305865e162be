package storage

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// FileObject declares carrierx_storage_file: created by a multipart upload
// of the write-only content, read with the hash of that content.
var FileObject = &framework.Object[client.StorageFile, fileModel]{
	Type:       "carrierx_storage_file",
	SIDAttr:    "file_sid",
	Collection: framework.Of[fileModel, client.StorageFile](client.StorageFileKind),
	// The writable metadata: the file_object of an upload, or a PATCH.
	Fields: framework.Fields{
		Write: []string{"container_sid", "desired_bitrate", "desired_format", "file_access_name", "integer_key_1",
			"integer_key_2", "lifecycle_action", "lifecycle_ttl", "mime_type", "name", "parent_file_sid", "publish",
			"string_key_1", "string_key_2", "string_key_3", "string_key_4", "threshold_include", "type", "unique"},
		KeepEmpty: []string{"desired_format", "parent_file_sid", "string_key_1", "string_key_2", "string_key_3",
			"string_key_4"},
	},
	Schema:     fileSchema(),
	Create:     upload,
	CreateVerb: "upload",
	Read:       readFile,
	ConfigValidators: []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("source"), path.MatchRoot("content"), path.MatchRoot("content_base64")),
	},
}

// FileResource is the carrierx_storage_file resource.
var FileResource = framework.NewResource[client.StorageFile](FileObject)

// FileDataSources are carrierx_storage_file and carrierx_storage_files:
// the metadata of files, not their content (download it from publish_uri).
var FileDataSources = framework.NewDataSources[client.StorageFile](&framework.Lookup[client.StorageFile, fileModel]{
	Object: FileObject, Noun: "storage file", Nouns: "storage files",
	Plural: "carrierx_storage_files", Items: "files",
	Example: `container_sid eq "..." and name eq "greeting.mp3"`,
	Omit:    []string{"source", "content", "content_base64", "content_sha256"},
	Parent: &framework.Parent[fileModel]{Attr: "container_sid", Validators: containerSID,
		Description: "Only files of this container (added to `filter` as `container_sid eq \"...\"`). Unset lists the files of every container."},
})

// bitrates are the documented MP3 bit rates of desired_bitrate.
var bitrates = []int64{8, 16, 24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}

// fileModel is a file's metadata, its write-only content inputs and the
// hash of what was uploaded.
type fileModel struct {
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
	Source                     types.String  `tfsdk:"source"`
	Content                    types.String  `tfsdk:"content"`
	ContentBase64              types.String  `tfsdk:"content_base64"`
	ContentSHA256              types.String  `tfsdk:"content_sha256"`
}

var fileDocs = map[string]string{
	"file_sid":                     "File secure ID; also the import ID.",
	"container_sid":                "Container holding the file (the `container_sid` of a `carrierx_storage_container`). Changing it uploads the file again into the new container (replacement).",
	"partner_sid":                  "Owning partner.",
	"content_classification":       "Category CarrierX detected (" + framework.QuoteList(classifications) + "), checked against the container's allowed and blocked classifications.",
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

func fileSchema() schema.Schema {
	d := fileDocs
	// Detected from the content: stable unless transcoding is asked for.
	transcoded := framework.KeepUnless(path.Root("desired_format"), path.Root("desired_bitrate"))
	return schema.Schema{
		MarkdownDescription: "A file in a CarrierX storage container, uploaded from a local file (`source`) or from " +
			"`content` / `content_base64`. These three are write-only (Terraform 1.11+): they are never stored in state. " +
			"What is stored is `content_sha256`, the SHA-256 of the uploaded bytes, computed when Terraform plans: " +
			"when the bytes change (the file on disk, or `content`), the plan replaces the file (CarrierX cannot " +
			"replace content in place), and when they do not, the plan is empty, even if `source` now names another " +
			"path. The metadata (`name`, `lifecycle_ttl`, `lifecycle_action`, tags...) is changed in place.\n\n" +
			"The `source` file must exist when Terraform plans. When the content is not known at plan time " +
			"(it depends on a resource not yet created), the plan replaces the file.\n\n" +
			"**Import:** `terraform import` with the `file_sid`. The content is then not in state: on the first read " +
			"the provider downloads the file's data through the API and stores its SHA-256, so the plan after an " +
			"import is empty when the configured content is the one stored at CarrierX, and a replacement when it " +
			"differs. If the data cannot be downloaded, `content_sha256` stays null (a warning says so) and the plan " +
			"replaces the file, since the provider cannot tell whether the content matches.",
		Attributes: map[string]schema.Attribute{
			"file_sid":      framework.StableString(d["file_sid"]),
			"container_sid": framework.RequiredCreateOnly(d["container_sid"], containerSID...),
			"partner_sid":   framework.StableString(d["partner_sid"]),
			"source": framework.WriteOnlyString("Path of a local file to upload. Write-only. Exactly one of `source`, `content` "+
				"and `content_base64` is required.", stringvalidator.LengthAtLeast(1)),
			"content": framework.WriteOnlyString("Text to upload, as UTF-8 bytes. Write-only."),
			"content_base64": framework.WriteOnlyString("Binary content to upload, base64-encoded (standard alphabet, padded), "+
				"for example from `filebase64()`. Write-only.", base64Validator),
			"content_sha256": framework.ComputedString("Hex SHA-256 of the uploaded bytes, computed from `source`, `content` or "+
				"`content_base64` when Terraform plans. A change replaces the file.", contentHash),
			"content_classification": framework.ComputedString(d["content_classification"], transcoded),
			"content_duration": schema.Float64Attribute{
				MarkdownDescription: d["content_duration"], Computed: true, PlanModifiers: []planmodifier.Float64{transcoded},
			},
			"content_format": framework.ComputedString(d["content_format"], transcoded),
			"content_transcoding_progress": framework.ComputedInt64(d["content_transcoding_progress"],
				framework.Volatile(path.Root("desired_format"), path.Root("desired_bitrate"))),
			"date_last_accessed": framework.ComputedString(d["date_last_accessed"], framework.Volatile()),
			// "Last update time" (CarrierX docs, Core API, Storage, File Object): every update moves it.
			"date_modified":    framework.ComputedString(d["date_modified"]),
			"desired_bitrate":  framework.OptionalInt64(d["desired_bitrate"], int64validator.OneOf(bitrates...)),
			"desired_format":   framework.OptionalString(d["desired_format"]),
			"file_access_name": framework.KeptString(d["file_access_name"]),
			"file_bytes":       framework.ComputedInt64(d["file_bytes"], transcoded),
			"integer_key_1":    framework.OptionalInt64(d["integer_key_1"]),
			"integer_key_2":    framework.OptionalInt64(d["integer_key_2"]),
			"lifecycle_action": framework.KeptString(d["lifecycle_action"], framework.KnownValues("no_action")),
			"lifecycle_ttl":    framework.KeptInt64(d["lifecycle_ttl"]),
			"mime_type": schema.StringAttribute{
				MarkdownDescription: d["mime_type"], Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{transcoded},
			},
			"name":              framework.KeptName(d["name"]),
			"parent_file_sid":   framework.OptionalString(d["parent_file_sid"], framework.SID{What: "file SID"}),
			"publish":           framework.KeptString(d["publish"], framework.KnownValues("file_sid")),
			"publish_uri":       framework.ComputedString(d["publish_uri"], framework.KeepUnless(path.Root("publish"), path.Root("file_access_name"))),
			"string_key_1":      framework.OptionalString(d["string_key_1"]),
			"string_key_2":      framework.OptionalString(d["string_key_2"]),
			"string_key_3":      framework.OptionalString(d["string_key_3"]),
			"string_key_4":      framework.OptionalString(d["string_key_4"]),
			"threshold_include": framework.KeptBool(d["threshold_include"]),
			"type":              framework.KeptString(d["type"], framework.KnownValues("file")),
			"unique":            framework.KeptBool(d["unique"]),
		},
	}
}

// Fill never stores the content inputs; content_sha256 is what was
// uploaded (set by upload and readFile).
func (m *fileModel) Fill(context.Context, *client.StorageFile, *fileModel) diag.Diagnostics {
	m.Source, m.Content, m.ContentBase64 = types.StringNull(), types.StringNull(), types.StringNull()
	return nil
}
