package oauthtoken

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var (
	_ ephemeral.EphemeralResource              = (*ephemeralToken)(nil)
	_ ephemeral.EphemeralResourceWithConfigure = (*ephemeralToken)(nil)
	_ ephemeral.EphemeralResourceWithClose     = (*ephemeralToken)(nil)
)

// ephemeralTokenDefaults: a token minted for one Terraform run.
const (
	ephemeralDefaultLifetime = 3600
	ephemeralDefaultName     = "terraform-ephemeral"
	ephemeralPrivateKey      = "revoke"
)

// minters remembers the client that minted each open
// token, so Close revokes it with the credentials that created it (which
// hold the oauth scopes revoking needs). It matters when one provider
// process serves several provider configurations, as the test harness
// does: the configured client is then the last one configured, possibly a
// provider that uses this very token. Without an entry (another process),
// Close uses the configured client.
var minters sync.Map // token_sid -> *client.Client

// Ephemeral is the carrierx_oauth_token ephemeral resource.
func Ephemeral() ephemeral.EphemeralResource { return &ephemeralToken{} }

type ephemeralToken struct {
	client *client.Client
}

type ephemeralModel struct {
	PartnerSID           types.String `tfsdk:"partner_sid"`
	Name                 types.String `tfsdk:"name"`
	Scopes               types.Set    `tfsdk:"scopes"`
	AccessTokenExpiresIn types.Int64  `tfsdk:"access_token_expires_in"`
	TokenSID             types.String `tfsdk:"token_sid"`
	AccessToken          types.String `tfsdk:"access_token"`
	ExpiresAt            types.String `tfsdk:"expires_at"`
}

// ephemeralPrivate is what Close needs; Terraform keeps it in
// memory for the run only.
type ephemeralPrivate struct {
	TokenSID    string `json:"token_sid"`
	AccessToken string `json:"access_token"`
}

func (r *ephemeralToken) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_oauth_token"
}

func (r *ephemeralToken) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	r.client = framework.ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *ephemeralToken) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
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
				Validators:          []validator.String{framework.SID{}},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Friendly label of the token. Defaults to `" + ephemeralDefaultName + "`. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{framework.NameValidator},
			},
			"scopes": schema.SetAttribute{
				MarkdownDescription: scopesDoc,
				ElementType:         types.StringType,
				Required:            true,
				Validators:          scopesValidators,
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

func (r *ephemeralToken) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var m ephemeralModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	scopes := scopesOf(ctx, m.Scopes, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !framework.Known(m.Name) {
		m.Name = types.StringValue(ephemeralDefaultName)
	}
	if !framework.Known(m.AccessTokenExpiresIn) {
		m.AccessTokenExpiresIn = types.Int64Value(ephemeralDefaultLifetime)
	}
	tk, err := mint(ctx, r.client, m.PartnerSID, request(m.Name, scopes, m.AccessTokenExpiresIn, types.Int64Null()))
	var lost *client.LostCreateError
	if errors.As(err, &lost) {
		// An ephemeral token cannot be imported: a lost mint names the
		// candidates and says how they end instead.
		resp.Diagnostics.AddError("Unable to open ephemeral carrierx_oauth_token: the answer was lost", err.Error()+
			"\n\nAn ephemeral token is not imported: a token named here that this run minted is never used, and stops "+
			"working at its expiry (access_token_expires_in); revoke it sooner in the CarrierX portal under Security Tokens.")
		return
	}
	if !framework.CreateResult(&resp.Diagnostics, "Unable to open ephemeral carrierx_oauth_token", "carrierx_oauth_token", tk, err, nil) {
		return
	}
	if tk.AccessToken == "" {
		resp.Diagnostics.AddError("Unable to open ephemeral carrierx_oauth_token",
			"CarrierX answered POST /oauth/token without an access_token (token_sid "+tk.TokenSID+"); this is unexpected, report it.")
		return
	}
	// Private first: if it cannot be kept, Close could not revoke the token.
	priv, _ := json.Marshal(ephemeralPrivate{TokenSID: tk.TokenSID, AccessToken: tk.AccessToken})
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, ephemeralPrivateKey, priv)...)
	if resp.Diagnostics.HasError() {
		_ = revoke(ctx, r.client, tk.AccessToken)
		return
	}
	minters.Store(tk.TokenSID, r.client)
	if tk.Name != nil {
		m.Name = types.StringValue(*tk.Name)
	}
	m.TokenSID = types.StringValue(tk.TokenSID)
	m.AccessToken = types.StringValue(tk.AccessToken)
	m.ExpiresAt = types.StringPointerValue(tk.DateExpirationAccessToken)
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}

func (r *ephemeralToken) Close(ctx context.Context, req ephemeral.CloseRequest, resp *ephemeral.CloseResponse) {
	raw, diags := req.Private.GetKey(ctx, ephemeralPrivateKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || len(raw) == 0 {
		return
	}
	var p ephemeralPrivate
	if err := json.Unmarshal(raw, &p); err != nil || p.AccessToken == "" {
		resp.Diagnostics.AddError("Unable to revoke ephemeral carrierx_oauth_token",
			"The token's private data could not be read; revoke the token in the CarrierX portal (Security Tokens).")
		return
	}
	c := r.client
	if v, ok := minters.LoadAndDelete(p.TokenSID); ok {
		c = v.(*client.Client)
	}
	if c == nil {
		resp.Diagnostics.AddError("Unable to revoke ephemeral carrierx_oauth_token "+p.TokenSID,
			"The provider is not configured; revoke the token in the CarrierX portal (Security Tokens).")
		return
	}
	if err := revoke(ctx, c, p.AccessToken); err != nil && !client.IsNotFound(err) {
		framework.AddAPIError(&resp.Diagnostics, "Unable to revoke ephemeral carrierx_oauth_token "+p.TokenSID+
			" (it expires by itself at its expires_at)", err)
	}
}

// NewModel returns an empty model, for tests that check it against the schema.
func (r *ephemeralToken) NewModel() any { return &ephemeralModel{} }
