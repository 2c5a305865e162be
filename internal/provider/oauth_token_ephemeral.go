package provider

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ ephemeral.EphemeralResource              = (*oauthTokenEphemeral)(nil)
	_ ephemeral.EphemeralResourceWithConfigure = (*oauthTokenEphemeral)(nil)
	_ ephemeral.EphemeralResourceWithClose     = (*oauthTokenEphemeral)(nil)
)

// oauthTokenEphemeralDefaults: a token minted for one Terraform run.
const (
	oauthTokenEphemeralDefaultLifetime = 3600
	oauthTokenEphemeralDefaultName     = "terraform-ephemeral"
	oauthTokenEphemeralPrivateKey      = "revoke"
)

func init() {
	registerEphemeralResource("carrierx_oauth_token", NewOAuthTokenEphemeral, func() any { return &oauthTokenEphemeralModel{} })
}

// oauthTokenEphemeralMinters remembers the client that minted each open
// token, so Close revokes it with the credentials that created it (which
// hold the oauth scopes revoking needs). It matters when one provider
// process serves several provider configurations, as the test harness
// does: the configured client is then the last one configured, possibly a
// provider that uses this very token. Without an entry (another process),
// Close uses the configured client.
var oauthTokenEphemeralMinters sync.Map // token_sid -> *client.Client

// NewOAuthTokenEphemeral is the carrierx_oauth_token ephemeral resource.
func NewOAuthTokenEphemeral() ephemeral.EphemeralResource { return &oauthTokenEphemeral{} }

type oauthTokenEphemeral struct {
	client *client.Client
}

type oauthTokenEphemeralModel struct {
	PartnerSID           types.String `tfsdk:"partner_sid"`
	Name                 types.String `tfsdk:"name"`
	Scopes               types.Set    `tfsdk:"scopes"`
	AccessTokenExpiresIn types.Int64  `tfsdk:"access_token_expires_in"`
	TokenSID             types.String `tfsdk:"token_sid"`
	AccessToken          types.String `tfsdk:"access_token"`
	ExpiresAt            types.String `tfsdk:"expires_at"`
}

// oauthTokenEphemeralPrivate is what Close needs; Terraform keeps it in
// memory for the run only.
type oauthTokenEphemeralPrivate struct {
	TokenSID    string `json:"token_sid"`
	AccessToken string `json:"access_token"`
}

func (r *oauthTokenEphemeral) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_oauth_token"
}

func (r *oauthTokenEphemeral) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *oauthTokenEphemeral) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Mints a short-lived CarrierX OAuth token for one Terraform run (Terraform 1.10+) and revokes " +
			"it when Terraform is done with it. The token never reaches state or plan files; feed its `access_token` to " +
			"another `provider \"carrierx\"` block (with an `alias`) to act with fewer scopes, or to act as a sub-partner. " +
			"When a Terraform operation fails, Terraform (1.11) skips closing ephemeral resources, so a token opened by it " +
			"is not revoked and works until its `expires_at`: keep `access_token_expires_in` short.",
		Attributes: map[string]schema.Attribute{
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: "Sub-partner to mint the token for; defaults to the partner of the provider's token.",
				Optional:            true,
				Validators:          []validator.String{oauthTokenSIDValidator},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Friendly label of the token. Defaults to `" + oauthTokenEphemeralDefaultName + "`. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{framework.NameValidator{}},
			},
			"scopes": schema.SetAttribute{
				MarkdownDescription: oauthTokenScopesDoc,
				ElementType:         types.StringType,
				Required:            true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
				},
			},
			"access_token_expires_in": schema.Int64Attribute{
				MarkdownDescription: "Lifetime of the access token in seconds; defaults to 3600. The token is revoked " +
					"when Terraform closes the ephemeral resource, so this only bounds a run that dies before that.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"token_sid": schema.StringAttribute{
				MarkdownDescription: "Secure ID of the minted token.",
				Computed:            true,
			},
			"access_token": schema.StringAttribute{
				MarkdownDescription: "The secret to use as a provider `token` (`Authorization: Bearer`).",
				Computed:            true,
				Sensitive:           true,
			},
			"expires_at": schema.StringAttribute{
				MarkdownDescription: "When the access token stops working (ISO 8601 UTC), as CarrierX reports it.",
				Computed:            true,
			},
		},
	}
}

func (r *oauthTokenEphemeral) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var m oauthTokenEphemeralModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	scopes := oauthTokenScopesOf(ctx, m.Scopes, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !framework.Known(m.Name) {
		m.Name = types.StringValue(oauthTokenEphemeralDefaultName)
	}
	if !framework.Known(m.AccessTokenExpiresIn) {
		m.AccessTokenExpiresIn = types.Int64Value(oauthTokenEphemeralDefaultLifetime)
	}
	tk, err := oauthTokenMint(ctx, r.client, m.PartnerSID, oauthTokenRequest(m.Name, scopes, m.AccessTokenExpiresIn, types.Int64Null()))
	if !oauthTokenCreated(&resp.Diagnostics, "Unable to open ephemeral carrierx_oauth_token", tk, err, true) {
		return
	}
	if tk.AccessToken == "" {
		resp.Diagnostics.AddError("Unable to open ephemeral carrierx_oauth_token",
			"CarrierX answered POST /oauth/token without an access_token (token_sid "+tk.TokenSID+"); this is unexpected, report it.")
		return
	}
	// Private first: if it cannot be kept, Close could not revoke the token.
	priv, _ := json.Marshal(oauthTokenEphemeralPrivate{TokenSID: tk.TokenSID, AccessToken: tk.AccessToken})
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, oauthTokenEphemeralPrivateKey, priv)...)
	if resp.Diagnostics.HasError() {
		_ = oauthTokenRevoke(ctx, r.client, tk.AccessToken)
		return
	}
	oauthTokenEphemeralMinters.Store(tk.TokenSID, r.client)
	if tk.Name != nil {
		m.Name = types.StringValue(*tk.Name)
	}
	m.TokenSID = types.StringValue(tk.TokenSID)
	m.AccessToken = types.StringValue(tk.AccessToken)
	m.ExpiresAt = types.StringPointerValue(tk.DateExpirationAccessToken)
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}

func (r *oauthTokenEphemeral) Close(ctx context.Context, req ephemeral.CloseRequest, resp *ephemeral.CloseResponse) {
	raw, diags := req.Private.GetKey(ctx, oauthTokenEphemeralPrivateKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || len(raw) == 0 {
		return
	}
	var p oauthTokenEphemeralPrivate
	if err := json.Unmarshal(raw, &p); err != nil || p.AccessToken == "" {
		resp.Diagnostics.AddError("Unable to revoke ephemeral carrierx_oauth_token",
			"The token's private data could not be read; revoke the token in the CarrierX portal (Security Tokens).")
		return
	}
	c := r.client
	if v, ok := oauthTokenEphemeralMinters.LoadAndDelete(p.TokenSID); ok {
		c = v.(*client.Client)
	}
	if c == nil {
		resp.Diagnostics.AddError("Unable to revoke ephemeral carrierx_oauth_token "+p.TokenSID,
			"The provider is not configured; revoke the token in the CarrierX portal (Security Tokens).")
		return
	}
	if err := oauthTokenRevoke(ctx, c, p.AccessToken); err != nil && !client.IsNotFound(err) {
		oauthTokenAPIError(&resp.Diagnostics, "Unable to revoke ephemeral carrierx_oauth_token "+p.TokenSID+
			" (it expires by itself at its expires_at)", err, false)
	}
}
