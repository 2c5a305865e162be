package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*oauthTokenDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*oauthTokenDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*oauthTokensDataSource)(nil)
)

func init() {
	registerDataSource("carrierx_oauth_token", NewOAuthTokenDataSource, func() any { return &oauthTokenDataSourceModel{} })
	registerDataSource("carrierx_oauth_tokens", NewOAuthTokensDataSource, func() any { return &oauthTokensDataSourceModel{} })
}

// oauthTokenSecretsNote says why no data source returns the secrets.
const oauthTokenSecretsNote = "The `access_token` and `refresh_token` are never read: data source results land in " +
	"state, and these are secrets. Mint a token to use with the `carrierx_oauth_token` resource or ephemeral resource."

// oauthTokenPublicAttributes is the computed shape of a token without its secrets.
func oauthTokenPublicAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"token_sid":   str("Token secure ID."),
		"name":        str("Friendly label."),
		"partner_sid": str("Partner the token belongs to."),
		"scopes": schema.SetAttribute{
			MarkdownDescription: "Scopes granted to the token.",
			ElementType:         types.StringType,
			Computed:            true,
		},
		"token_type":                    str("Token type, `bearer`."),
		"client_id":                     str("Client registration ID issued to the partner."),
		"date_created":                  str("When the token was issued (ISO 8601 UTC)."),
		"date_expiration_access_token":  str("When the access token stops working."),
		"date_expiration_refresh_token": str("When the refresh token stops working."),
		"date_last_accessed":            str("Last time the token was used; null if never."),
		"ip_last_accessed":              str("IP address of the last use; null if never."),
	}
}

// NewOAuthTokenDataSource is the carrierx_oauth_token data source.
func NewOAuthTokenDataSource() datasource.DataSource { return &oauthTokenDataSource{} }

type oauthTokenDataSource struct{ client *client.Client }

type oauthTokenDataSourceModel struct {
	oauthTokenSummary
	Filter types.String `tfsdk:"filter"`
}

func (d *oauthTokenDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_oauth_token"
}

func (d *oauthTokenDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *oauthTokenDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := oauthTokenPublicAttributes()
	attrs["token_sid"] = schema.StringAttribute{
		MarkdownDescription: "SID of the token to read. Exactly one of `token_sid` and `filter` is required.",
		Optional:            true, Computed: true,
	}
	attrs["filter"] = schema.StringAttribute{
		MarkdownDescription: framework.FilterDoc + " It must match exactly one active token of the provider's partner.",
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one OAuth token by SID, or the single active token a filter matches (for example " +
			"`name eq \"ivs_token\"`). " + oauthTokenSecretsNote,
		Attributes: attrs,
	}
}

func (d *oauthTokenDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("token_sid"), path.MatchRoot("filter")),
	}
}

func (d *oauthTokenDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m oauthTokenDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var tk *client.Token
	if framework.Known(m.TokenSID) {
		var err error
		tk, err = d.client.GetToken(ctx, m.TokenSID.ValueString())
		if client.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("token_sid"), "OAuth token not found",
				fmt.Sprintf("No active token has token_sid %q for the provider's partner. Check the SID; a revoked token is gone.", m.TokenSID.ValueString()))
			return
		}
		if err != nil {
			oauthTokenAPIError(&resp.Diagnostics, "Unable to read OAuth token", err, false)
			return
		}
	} else {
		// Two items are enough to tell "exactly one" from "more than one".
		page, err := client.ListPage[client.Token](ctx, d.client, "/oauth/tokens", client.ListOptions{Filter: m.Filter.ValueString(), PageSize: 2}, 0)
		if err != nil {
			oauthTokenAPIError(&resp.Diagnostics, "Unable to list OAuth tokens", err, false)
			return
		}
		if len(page.Items) != 1 {
			n := fmt.Sprint(len(page.Items))
			if page.HasMore {
				n = "more than one"
			}
			resp.Diagnostics.AddAttributeError(path.Root("filter"), "Filter must match exactly one OAuth token",
				fmt.Sprintf("filter %q matched %s tokens; narrow it, or use the carrierx_oauth_tokens data source for several.", m.Filter.ValueString(), n))
			return
		}
		tk = &page.Items[0]
	}
	resp.Diagnostics.Append(m.fill(ctx, tk, nil)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewOAuthTokensDataSource is the carrierx_oauth_tokens data source.
func NewOAuthTokensDataSource() datasource.DataSource { return &oauthTokensDataSource{} }

type oauthTokensDataSource struct{ client *client.Client }

type oauthTokensDataSourceModel struct {
	Filter types.String        `tfsdk:"filter"`
	Order  types.String        `tfsdk:"order"`
	Tokens []oauthTokenSummary `tfsdk:"tokens"`
}

func (d *oauthTokensDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_oauth_tokens"
}

func (d *oauthTokensDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *oauthTokensDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the active OAuth tokens of the provider's partner (`GET /oauth/tokens`), every page " +
			"fetched (1,000 per request). " + oauthTokenSecretsNote,
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{MarkdownDescription: framework.FilterDoc + " Unset lists all.", Optional: true},
			"order": schema.StringAttribute{
				MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `date_created desc`.",
				Optional:            true,
			},
			"tokens": schema.ListNestedAttribute{
				MarkdownDescription: "The matching tokens, without `access_token` and `refresh_token`.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: oauthTokenPublicAttributes()},
			},
		},
	}
}

func (d *oauthTokensDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m oauthTokensDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tks, err := d.client.ListTokens(ctx, client.ListOptions{Filter: m.Filter.ValueString(), Order: m.Order.ValueString()})
	if err != nil {
		oauthTokenAPIError(&resp.Diagnostics, "Unable to list OAuth tokens", err, false)
		return
	}
	m.Tokens = make([]oauthTokenSummary, len(tks))
	for i := range tks {
		resp.Diagnostics.Append(m.Tokens[i].fill(ctx, &tks[i], nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
