package provider

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"os"
	"path/filepath"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ resource.Resource                     = (*storageFileResource)(nil)
	_ resource.ResourceWithConfigure        = (*storageFileResource)(nil)
	_ resource.ResourceWithImportState      = (*storageFileResource)(nil)
	_ resource.ResourceWithConfigValidators = (*storageFileResource)(nil)
)

func init() {
	registerResource("carrierx_storage_file", NewStorageFileResource, func() any { return &storageFileResourceModel{} })
}

// NewStorageFileResource is the carrierx_storage_file resource.
func NewStorageFileResource() resource.Resource { return &storageFileResource{} }

type storageFileResource struct{ client *client.Client }

// storageFileResourceModel adds the write-only content inputs and the hash
// of what was uploaded to the file's metadata.
type storageFileResourceModel struct {
	storageFileModel
	Source        types.String `tfsdk:"source"`
	Content       types.String `tfsdk:"content"`
	ContentBase64 types.String `tfsdk:"content_base64"`
	ContentSHA256 types.String `tfsdk:"content_sha256"`
}

func (r *storageFileResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_storage_file"
}

func (r *storageFileResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *storageFileResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("source"), path.MatchRoot("content"), path.MatchRoot("content_base64")),
	}
}

func (r *storageFileResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	d := storageFileDocs
	keepStr := func(name string, mods ...planmodifier.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d[name], Optional: true, Computed: true,
			PlanModifiers: append([]planmodifier.String{stringplanmodifier.UseStateForUnknown()}, mods...)}
	}
	keepInt := func(name string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d[name], Optional: true, Computed: true,
			PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}}
	}
	keepBool := func(name string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: d[name], Optional: true, Computed: true,
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
	}
	nullStr := func(name string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d[name], Optional: true}
	}
	nullInt := func(name string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d[name], Optional: true}
	}
	// Detected from the content: stable unless transcoding is asked for.
	transcoded := storageFileKeepUnless{paths: []path.Path{path.Root("desired_format"), path.Root("desired_bitrate")}}
	detectedStr := func(name string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d[name], Computed: true, PlanModifiers: []planmodifier.String{transcoded}}
	}
	resp.Schema = schema.Schema{
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
			"file_sid": schema.StringAttribute{
				MarkdownDescription: d["file_sid"], Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"container_sid": schema.StringAttribute{
				MarkdownDescription: d["container_sid"], Required: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    storageSIDValidators("container"),
			},
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: d["partner_sid"], Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"source": schema.StringAttribute{
				MarkdownDescription: "Path of a local file to upload. Write-only. Exactly one of `source`, `content` and `content_base64` is required.",
				Optional:            true, WriteOnly: true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"content": schema.StringAttribute{
				MarkdownDescription: "Text to upload, as UTF-8 bytes. Write-only.",
				Optional:            true, WriteOnly: true,
			},
			"content_base64": schema.StringAttribute{
				MarkdownDescription: "Binary content to upload, base64-encoded (standard alphabet, padded), for example from `filebase64()`. Write-only.",
				Optional:            true, WriteOnly: true,
				Validators: []validator.String{storageFileBase64{}},
			},
			"content_sha256": schema.StringAttribute{
				MarkdownDescription: "Hex SHA-256 of the uploaded bytes, computed from `source`, `content` or `content_base64` when Terraform plans. A change replaces the file.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{storageFileContentHash{}},
			},
			"content_classification": detectedStr("content_classification"),
			"content_duration": schema.Float64Attribute{
				MarkdownDescription: d["content_duration"], Computed: true, PlanModifiers: []planmodifier.Float64{transcoded},
			},
			"content_format": detectedStr("content_format"),
			"content_transcoding_progress": schema.Int64Attribute{
				MarkdownDescription: d["content_transcoding_progress"], Computed: true,
			},
			"date_last_accessed": schema.StringAttribute{MarkdownDescription: d["date_last_accessed"], Computed: true},
			"date_modified":      schema.StringAttribute{MarkdownDescription: d["date_modified"], Computed: true},
			"desired_bitrate": schema.Int64Attribute{
				MarkdownDescription: d["desired_bitrate"], Optional: true,
				Validators: []validator.Int64{int64validator.OneOf(storageFileBitrates...)},
			},
			"desired_format":   nullStr("desired_format"),
			"file_access_name": keepStr("file_access_name"),
			"file_bytes": schema.Int64Attribute{
				MarkdownDescription: d["file_bytes"], Computed: true, PlanModifiers: []planmodifier.Int64{transcoded},
			},
			"integer_key_1":    nullInt("integer_key_1"),
			"integer_key_2":    nullInt("integer_key_2"),
			"lifecycle_action": keepStr("lifecycle_action"),
			"lifecycle_ttl":    keepInt("lifecycle_ttl"),
			"mime_type": schema.StringAttribute{
				MarkdownDescription: d["mime_type"], Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{transcoded},
			},
			"name": framework.Validated(keepStr("name"), framework.NameRule, framework.NameValidator{}),
			"parent_file_sid": schema.StringAttribute{
				MarkdownDescription: d["parent_file_sid"], Optional: true, Validators: storageSIDValidators("file"),
			},
			"publish": keepStr("publish"),
			"publish_uri": schema.StringAttribute{
				MarkdownDescription: d["publish_uri"], Computed: true,
				PlanModifiers: []planmodifier.String{storageFileKeepUnless{paths: []path.Path{path.Root("publish"), path.Root("file_access_name")}}},
			},
			"string_key_1":      nullStr("string_key_1"),
			"string_key_2":      nullStr("string_key_2"),
			"string_key_3":      nullStr("string_key_3"),
			"string_key_4":      nullStr("string_key_4"),
			"threshold_include": keepBool("threshold_include"),
			"type":              keepStr("type"),
			"unique":            keepBool("unique"),
		},
	}
}

// storageFileContent is what an apply uploads.
type storageFileContent struct {
	sha256   string
	size     int64
	fileName string
	open     func() (io.ReadCloser, error)
}

// storageFileReadContent reads the write-only inputs from config. known is
// false when the content is not known yet (or not configured: the config
// validator reports that).
func storageFileReadContent(ctx context.Context, cfg tfsdk.Config) (c storageFileContent, known bool, diags diag.Diagnostics) {
	var source, content, b64 types.String
	diags.Append(cfg.GetAttribute(ctx, path.Root("source"), &source)...)
	diags.Append(cfg.GetAttribute(ctx, path.Root("content"), &content)...)
	diags.Append(cfg.GetAttribute(ctx, path.Root("content_base64"), &b64)...)
	if diags.HasError() || source.IsUnknown() || content.IsUnknown() || b64.IsUnknown() {
		return c, false, diags
	}
	var data []byte
	switch {
	case !source.IsNull():
		p := source.ValueString()
		f, err := os.Open(p)
		if err != nil {
			diags.AddAttributeError(path.Root("source"), "Cannot read source file",
				fmt.Sprintf("source %q cannot be read: %v. The file must exist and be readable when Terraform plans; "+
					"for content produced during the apply, use content or content_base64.", p, err))
			return c, false, diags
		}
		defer func() { _ = f.Close() }()
		h := sha256.New()
		n, err := io.Copy(h, f)
		if err != nil {
			diags.AddAttributeError(path.Root("source"), "Cannot read source file", fmt.Sprintf("reading source %q: %v.", p, err))
			return c, false, diags
		}
		c = storageFileContent{sha256: hex.EncodeToString(h.Sum(nil)), size: n, fileName: filepath.Base(p),
			open: func() (io.ReadCloser, error) { return os.Open(p) }}
		return c, true, diags
	case !content.IsNull():
		data = []byte(content.ValueString())
	case !b64.IsNull():
		var err error
		if data, err = base64.StdEncoding.DecodeString(b64.ValueString()); err != nil {
			diags.AddAttributeError(path.Root("content_base64"), "Invalid content_base64", storageFileBase64Message(err))
			return c, false, diags
		}
	default:
		return c, false, diags
	}
	sum := sha256.Sum256(data)
	c = storageFileContent{sha256: hex.EncodeToString(sum[:]), size: int64(len(data)),
		open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
	return c, true, diags
}

func (r *storageFileResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan storageFileResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	content, ok, diags := storageFileReadContent(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !ok {
		resp.Diagnostics.AddError("No content to upload", "Set exactly one of source, content and content_base64.")
		return
	}
	if framework.Known(plan.ContentSHA256) && plan.ContentSHA256.ValueString() != content.sha256 {
		resp.Diagnostics.AddAttributeError(path.Root("source"), "Content changed after the plan",
			fmt.Sprintf("The content now has SHA-256 %s, but the plan was made for %s: the source file changed between plan and apply. Nothing was uploaded; run terraform apply again.",
				content.sha256, plan.ContentSHA256.ValueString()))
		return
	}
	fileName := content.fileName
	if framework.Known(plan.Name) && plan.Name.ValueString() != "" {
		fileName = plan.Name.ValueString()
	}
	if fileName == "" {
		fileName = "file"
	}
	mimeType := ""
	if framework.Known(plan.MIMEType) {
		mimeType = plan.MIMEType.ValueString()
	} else if t := mime.TypeByExtension(filepath.Ext(fileName)); t != "" {
		mimeType = t
	}
	f, err := r.client.UploadStorageFile(ctx, client.StorageFileUpload{
		Attributes: framework.DropNil(plan.body()), FileName: fileName, MIMEType: mimeType, Size: content.size, Open: content.open,
	})
	if !framework.CreateResult(&resp.Diagnostics, "Unable to upload carrierx_storage_file", "carrierx_storage_file", f, err, nil) {
		return
	}
	prior := plan.storageFileModel
	plan.fill(f, &prior)
	plan.ContentSHA256 = types.StringValue(content.sha256)
	storageFileClearWriteOnly(&plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *storageFileResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state storageFileResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sid := state.FileSID.ValueString()
	f, err := r.client.GetStorageFile(ctx, sid)
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to read carrierx_storage_file "+sid, err)
		return
	}
	if !framework.Known(state.ContentSHA256) {
		// Imported: hash the stored data so the plan can compare it with the configuration.
		h := sha256.New()
		if _, err := r.client.DownloadStorageFile(ctx, sid, h); err != nil {
			resp.Diagnostics.AddWarning("Cannot verify the content of carrierx_storage_file "+sid,
				fmt.Sprintf("Downloading the file's data to compute content_sha256 failed: %v. content_sha256 stays null, so the next plan replaces the file (uploads the configured content again).", err))
		} else {
			state.ContentSHA256 = types.StringValue(hex.EncodeToString(h.Sum(nil)))
			if f2, err := r.client.GetStorageFile(ctx, sid); err == nil {
				f = f2 // the download updated date_last_accessed
			}
		}
	}
	prior := state.storageFileModel
	state.fill(f, &prior)
	storageFileClearWriteOnly(&state)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *storageFileResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state storageFileResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sid := state.FileSID.ValueString()
	var f *client.StorageFile
	var err error
	if patch := framework.Changed(plan.body(), state.body()); len(patch) > 0 {
		f, err = r.client.UpdateStorageFile(ctx, sid, patch)
	} else {
		f, err = r.client.GetStorageFile(ctx, sid)
	}
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to update carrierx_storage_file "+sid, err)
		return
	}
	prior := plan.storageFileModel
	plan.fill(f, &prior)
	plan.ContentSHA256 = state.ContentSHA256
	storageFileClearWriteOnly(&plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *storageFileResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteResource(ctx, req, resp, "carrierx_storage_file", storageFileSID, r.client.DeleteStorageFile)
}

func (r *storageFileResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importBySID(ctx, req, resp, "carrierx_storage_file", "file_sid", "a file SID", exampleSID)
}

func storageFileClearWriteOnly(m *storageFileResourceModel) {
	m.Source, m.Content, m.ContentBase64 = types.StringNull(), types.StringNull(), types.StringNull()
}

// storageFileContentHash plans content_sha256 from the configured content
// and replaces the file when it differs from the uploaded one.
type storageFileContentHash struct{}

func (storageFileContentHash) Description(context.Context) string {
	return "the SHA-256 of source, content or content_base64; a change replaces the file"
}

func (m storageFileContentHash) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (storageFileContentHash) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	content, ok, diags := storageFileReadContent(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	exists := !req.State.Raw.IsNull()
	if !ok {
		resp.PlanValue = types.StringUnknown()
		resp.RequiresReplace = exists
		return
	}
	resp.PlanValue = types.StringValue(content.sha256)
	if exists && !req.StateValue.Equal(resp.PlanValue) {
		resp.RequiresReplace = true
	}
}

// storageFileKeepUnless keeps a computed value from state unless one of
// the attributes it derives from changes in the plan (then it is unknown).
type storageFileKeepUnless struct{ paths []path.Path }

func (storageFileKeepUnless) Description(context.Context) string {
	return "kept from state unless the attributes it derives from change"
}

func (m storageFileKeepUnless) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m storageFileKeepUnless) keep(ctx context.Context, state tfsdk.State, plan tfsdk.Plan, stateValue, planValue attr.Value, configValue attr.Value) bool {
	if state.Raw.IsNull() || plan.Raw.IsNull() || stateValue.IsNull() || !planValue.IsUnknown() || !configValue.IsNull() {
		return false
	}
	for _, p := range m.paths {
		var pv, sv attr.Value
		if plan.GetAttribute(ctx, p, &pv).HasError() || state.GetAttribute(ctx, p, &sv).HasError() {
			return false
		}
		if !pv.Equal(sv) {
			return false
		}
	}
	return true
}

func (m storageFileKeepUnless) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m storageFileKeepUnless) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m storageFileKeepUnless) PlanModifyFloat64(ctx context.Context, req planmodifier.Float64Request, resp *planmodifier.Float64Response) {
	if m.keep(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}

// storageFileBase64 checks content_base64 at plan time.
type storageFileBase64 struct{}

func (storageFileBase64) Description(context.Context) string { return "must be valid standard base64" }

func (v storageFileBase64) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (storageFileBase64) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !framework.Known(req.ConfigValue) {
		return
	}
	if _, err := base64.StdEncoding.DecodeString(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid content_base64", storageFileBase64Message(err))
	}
}

func storageFileBase64Message(err error) string {
	return fmt.Sprintf("content_base64 is not valid base64 (%v). Use the standard alphabet with padding, for example filebase64(\"greeting.mp3\") or base64encode(...); for text, use content.", err)
}

func storageFileSID(m *storageFileResourceModel) string { return m.FileSID.ValueString() }
