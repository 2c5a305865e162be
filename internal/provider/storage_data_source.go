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
	_ datasource.DataSourceWithConfigure        = (*storageContainerDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*storageContainerDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*storageContainersDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*storageFilesDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_storage_container", NewStorageContainerDataSource, func() any { return &storageContainerDataSourceModel{} })
	registerDataSource("carrierx_storage_containers", NewStorageContainersDataSource, func() any { return &storageContainersDataSourceModel{} })
	registerDataSource("carrierx_storage_files", NewStorageFilesDataSource, func() any { return &storageFilesDataSourceModel{} })
}

const storageOrderDoc = "Sort order, `<attribute> asc` or `<attribute> desc`, for example `name desc`."

// NewStorageContainerDataSource is the carrierx_storage_container data source.
func NewStorageContainerDataSource() datasource.DataSource { return &storageContainerDataSource{} }

type storageContainerDataSource struct{ client *client.Client }

type storageContainerDataSourceModel struct {
	storageContainerModel
	Filter types.String `tfsdk:"filter"`
}

func (d *storageContainerDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_storage_container"
}

func (d *storageContainerDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *storageContainerDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := storageContainerDataSourceAttributes()
	attrs["container_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the container to read. Exactly one of `container_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one container, for example `name eq \"recordings\"`.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one storage container by SID, or the single container a filter matches (for example the partner's default container).",
		Attributes:          attrs,
	}
}

func (d *storageContainerDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("container_sid"), path.MatchRoot("filter")),
	}
}

func (d *storageContainerDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m storageContainerDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := framework.LookupOne(ctx, d.client, m.ContainerSID, m.Filter, framework.OneOf[client.StorageContainer]{
		SIDAttr: "container_sid", Noun: "storage container", Get: d.client.GetStorageContainer,
		ListPath: "/storage/containers", Nouns: "storage containers", ListDS: "carrierx_storage_containers",
	}, &resp.Diagnostics)
	if c == nil {
		return
	}
	resp.Diagnostics.Append(m.fill(ctx, c, nil)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewStorageContainersDataSource is the carrierx_storage_containers data source.
func NewStorageContainersDataSource() datasource.DataSource { return &storageContainersDataSource{} }

type storageContainersDataSource struct{ client *client.Client }

type storageContainersDataSourceModel struct {
	Filter     types.String            `tfsdk:"filter"`
	Order      types.String            `tfsdk:"order"`
	Containers []storageContainerModel `tfsdk:"containers"`
}

func (d *storageContainersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_storage_containers"
}

func (d *storageContainersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *storageContainersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the storage containers of the token's partner, every page fetched (1,000 per request).",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order":  schema.StringAttribute{MarkdownDescription: storageOrderDoc, Optional: true},
			"containers": schema.ListNestedAttribute{
				MarkdownDescription: "The matching containers.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: storageContainerDataSourceAttributes()},
			},
		},
	}
}

func (d *storageContainersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m storageContainersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cs, err := d.client.ListStorageContainers(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list storage containers", err)
		return
	}
	m.Containers = make([]storageContainerModel, len(cs))
	for i := range cs {
		resp.Diagnostics.Append(m.Containers[i].fill(ctx, &cs[i], nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewStorageFilesDataSource is the carrierx_storage_files data source.
func NewStorageFilesDataSource() datasource.DataSource { return &storageFilesDataSource{} }

type storageFilesDataSource struct{ client *client.Client }

type storageFilesDataSourceModel struct {
	ContainerSID types.String       `tfsdk:"container_sid"`
	Filter       types.String       `tfsdk:"filter"`
	Order        types.String       `tfsdk:"order"`
	Files        []storageFileModel `tfsdk:"files"`
}

func (d *storageFilesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_storage_files"
}

func (d *storageFilesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *storageFilesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the metadata of stored files (not their content), every page fetched (1,000 per request), " +
			"optionally of one container.",
		Attributes: map[string]schema.Attribute{
			"container_sid": schema.StringAttribute{
				MarkdownDescription: "Only files of this container (added to `filter` as `container_sid eq \"...\"`). Unset lists the files of every container.",
				Optional:            true,
				Validators:          storageSIDValidators("container"),
			},
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order":  schema.StringAttribute{MarkdownDescription: storageOrderDoc, Optional: true},
			"files": schema.ListNestedAttribute{
				MarkdownDescription: "The matching files.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: storageFileDataSourceAttributes()},
			},
		},
	}
}

func (d *storageFilesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m storageFilesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f := client.Raw(m.Filter.ValueString())
	if framework.Known(m.ContainerSID) {
		f = client.Eq("container_sid", m.ContainerSID.ValueString()).And(f)
	}
	fs, err := d.client.ListStorageFiles(ctx, client.ListOptions{Filter: f.String(), Order: m.Order.ValueString()})
	if err != nil {
		framework.AddAPIError(&resp.Diagnostics, "Unable to list storage files", err)
		return
	}
	m.Files = make([]storageFileModel, len(fs))
	for i := range fs {
		m.Files[i].fill(&fs[i], nil)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
