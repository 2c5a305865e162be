package storage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"path/filepath"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// The write-only content of a file: read from source, content or
// content_base64, hashed when Terraform plans, uploaded on create, and
// hashed again from the stored data after an import.

// fileContent is what an apply uploads.
type fileContent struct {
	sha256   string
	size     int64
	fileName string
	open     func() (io.ReadCloser, error)
}

// readContent reads the write-only inputs. known is false when the
// content is not known yet (or not configured: the config validator
// reports that).
func readContent(source, content, b64 types.String) (c fileContent, known bool, diags diag.Diagnostics) {
	if source.IsUnknown() || content.IsUnknown() || b64.IsUnknown() {
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
		c = fileContent{sha256: hex.EncodeToString(h.Sum(nil)), size: n, fileName: filepath.Base(p),
			open: func() (io.ReadCloser, error) { return os.Open(p) }}
		return c, true, diags
	case !content.IsNull():
		data = []byte(content.ValueString())
	case !b64.IsNull():
		var err error
		if data, err = base64.StdEncoding.DecodeString(b64.ValueString()); err != nil {
			diags.AddAttributeError(path.Root("content_base64"), "Invalid content_base64", base64Message(err))
			return c, false, diags
		}
	default:
		return c, false, diags
	}
	sum := sha256.Sum256(data)
	c = fileContent{sha256: hex.EncodeToString(sum[:]), size: int64(len(data)),
		open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
	return c, true, diags
}

// configContent reads the write-only inputs from the configuration.
func configContent(ctx context.Context, cfg tfsdk.Config) (fileContent, bool, diag.Diagnostics) {
	var source, content, b64 types.String
	var diags diag.Diagnostics
	diags.Append(cfg.GetAttribute(ctx, path.Root("source"), &source)...)
	diags.Append(cfg.GetAttribute(ctx, path.Root("content"), &content)...)
	diags.Append(cfg.GetAttribute(ctx, path.Root("content_base64"), &b64)...)
	if diags.HasError() {
		return fileContent{}, false, diags
	}
	return readContent(source, content, b64)
}

// upload is the create of a file: the metadata and the configured content
// in one multipart request. The plan's content_sha256 becomes the hash of
// what was sent.
func upload(ctx context.Context, c *client.Client, plan *fileModel, body map[string]any) (*client.StorageFile, error) {
	content, ok, diags := readContent(plan.Source, plan.Content, plan.ContentBase64)
	if errs := diags.Errors(); len(errs) > 0 {
		return nil, fmt.Errorf("%s: %s", errs[0].Summary(), errs[0].Detail())
	}
	if !ok {
		return nil, errors.New("no content to upload: set exactly one of source, content and content_base64")
	}
	if framework.Known(plan.ContentSHA256) && plan.ContentSHA256.ValueString() != content.sha256 {
		return nil, fmt.Errorf("content changed after the plan: the content now has SHA-256 %s, but the plan was made for %s: "+
			"the source file changed between plan and apply. Nothing was uploaded; run terraform apply again",
			content.sha256, plan.ContentSHA256.ValueString())
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
	plan.ContentSHA256 = types.StringValue(content.sha256)
	return c.UploadStorageFile(ctx, client.StorageFileUpload{
		Attributes: framework.DropNil(body), FileName: fileName, MIMEType: mimeType, Size: content.size, Open: content.open,
	})
}

// readFile reads a file; after an import (no content_sha256 yet) it hashes
// the stored data, so the plan can compare it with the configuration.
func readFile(ctx context.Context, c *client.Client, state *fileModel, diags *diag.Diagnostics) (*client.StorageFile, error) {
	files := client.Objects[client.StorageFile](c, client.StorageFileKind)
	sid := state.FileSID.ValueString()
	f, err := files.Get(ctx, sid)
	if err != nil || framework.Known(state.ContentSHA256) {
		return f, err
	}
	h := sha256.New()
	if _, err := c.DownloadStorageFile(ctx, sid, h); err != nil {
		diags.AddWarning("Cannot verify the content of carrierx_storage_file "+sid,
			fmt.Sprintf("Downloading the file's data to compute content_sha256 failed: %v. content_sha256 stays null, so the next plan replaces the file (uploads the configured content again).", err))
		return f, nil
	}
	state.ContentSHA256 = types.StringValue(hex.EncodeToString(h.Sum(nil)))
	if f2, err := files.Get(ctx, sid); err == nil {
		f = f2 // the download updated date_last_accessed
	}
	return f, nil
}

// contentHash plans content_sha256 from the configured content
// and replaces the file when it differs from the uploaded one.
var contentHash = framework.StringPlan{Desc: "the SHA-256 of source, content or content_base64; a change replaces the file",
	Modify: planContentHash}

func planContentHash(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	content, ok, diags := configContent(ctx, req.Config)
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

// base64Validator checks content_base64 at plan time.
var base64Validator = framework.StringCheck{Desc: "must be valid standard base64",
	Check: func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		if _, err := base64.StdEncoding.DecodeString(req.ConfigValue.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid content_base64", base64Message(err))
		}
	}}

func base64Message(err error) string {
	return fmt.Sprintf("content_base64 is not valid base64 (%v). Use the standard alphabet with padding, for example filebase64(\"greeting.mp3\") or base64encode(...); for text, use content.", err)
}
