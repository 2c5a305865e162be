package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Query declares a data source that is not a lookup of an Object (a search
// of available numbers, reference data): its schema, and Read, which
// completes the model read from the configuration.
type Query[M any] struct {
	Type             string
	Schema           schema.Schema
	ConfigValidators []datasource.ConfigValidator
	Read             func(ctx context.Context, c *client.Client, m *M, diags *diag.Diagnostics)
}

// NewQuery returns the constructor the provider registers.
func NewQuery[M any](q *Query[M]) func() datasource.DataSource {
	return func() datasource.DataSource { return &query[M]{q: q} }
}

type query[M any] struct {
	q      *Query[M]
	client *client.Client
}

var _ datasource.DataSourceWithConfigValidators = (*query[struct{}])(nil)

// NewModel returns an empty model, for tests that check it against the schema.
func (d *query[M]) NewModel() any { return new(M) }

// Metadata names the data source.
func (d *query[M]) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = d.q.Type
}

// Schema is the declared schema.
func (d *query[M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.q.Schema
}

// ConfigValidators are the declared ones.
func (d *query[M]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.q.ConfigValidators
}

// Configure takes the provider's client.
func (d *query[M]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

// Read runs the declared Read on the configuration and stores the result.
func (d *query[M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d.q.Read(ctx, d.client, &m, &resp.Diagnostics)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	}
}
