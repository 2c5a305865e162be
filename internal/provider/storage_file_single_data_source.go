package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*storageFileSingleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*storageFileSingleDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_storage_file", NewStorageFileSingleDataSource, func() any { return &storageFileSingleDataSourceModel{} })
}

// NewStorageFileSingleDataSource is the carrierx_storage_file data source.
func NewStorageFileSingleDataSource() datasource.DataSource { return &storageFileSingleDataSource{} }

type storageFileSingleDataSource struct{ client *client.Client }

// storageFileSingleDataSourceModel is a file's metadata; its content is not
// read (download it from publish_uri).
type storageFileSingleDataSourceModel struct {
	storageFileModel
	Filter types.String `tfsdk:"filter"`
}

func (d *storageFileSingleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_storage_file"
}

func (d *storageFileSingleDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *storageFileSingleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := storageFileDataSourceAttributes()
	attrs["file_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the file to read. Exactly one of `file_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one file, for example " +
			"`container_sid eq \"...\" and name eq \"greeting.mp3\"`.",
		Optional: true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the metadata of one stored file (not its content) by SID, or of the single file a filter matches. " +
			"Several files are read with the `carrierx_storage_files` data source.",
		Attributes: attrs,
	}
}

func (d *storageFileSingleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("file_sid"), path.MatchRoot("filter")),
	}
}

func (d *storageFileSingleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m storageFileSingleDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f := framework.LookupOne(ctx, d.client, m.FileSID, m.Filter, framework.OneOf[client.StorageFile]{
		SIDAttr: "file_sid", Noun: "storage file", Get: d.client.GetStorageFile,
		ListPath: "/storage/files", Nouns: "storage files", ListDS: "carrierx_storage_files",
	}, &resp.Diagnostics)
	if f == nil {
		return
	}
	m.fill(f, nil)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
