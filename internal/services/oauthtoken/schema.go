package oauthtoken

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// scopesDoc documents the scope names without validating them: the list
// is only partly known, so the API decides.
const scopesDoc = "Scopes of the token, a subset of the partner's `available_scopes`, for example " +
	"`endpoints.read`, `endpoints.manage`, `oauth.manage`, `partners.read` (pattern `<area>.manage`, `.create`, " +
	"`.read`, `.update`, `.delete`). Not checked by the provider: CarrierX rejects names it does not know."

// scopesValidators refuse an empty set and empty names.
var scopesValidators = []validator.Set{
	setvalidator.SizeAtLeast(1),
	setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
}

func resourceSchema() schema.Schema {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true, PlanModifiers: keep}
	}
	return schema.Schema{
		MarkdownDescription: "A CarrierX Core API OAuth token (`POST /oauth/token`), for the provider's own partner or for " +
			"one of its sub-partners. The `access_token` and `refresh_token` are stored in state (sensitive): protect " +
			"the state, or mint short-lived tokens with the `carrierx_oauth_token` ephemeral resource instead, which " +
			"never reach state. Destroying the resource revokes the token (`POST /oauth/revoke`). A token revoked " +
			"outside Terraform disappears from state at the next refresh, and the next plan creates a new one; a token " +
			"whose access token has expired (`date_expiration_access_token` in the past) is replaced by the next plan.",
		Attributes: map[string]schema.Attribute{
			"token_sid": computed("Token secure ID; also the import ID."),
			"partner_sid": schema.StringAttribute{
				MarkdownDescription: "Sub-partner the token is for (`POST /oauth/token/{partner_sid}`); defaults to the " +
					"partner of the provider's token. Changing it replaces the token.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIfConfigured()},
				Validators:    []validator.String{framework.SID{}},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Friendly label; changed in place. CarrierX fills a default when it is left out. " + framework.NameRule,
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keep,
				Validators:          []validator.String{framework.NameValidator},
			},
			"scopes": schema.SetAttribute{
				MarkdownDescription: scopesDoc + " Changed in place (`PATCH`), which CarrierX allows only when the " +
					"provider's token holds `oauth.allow_token_scope_update`; otherwise replace the token.",
				ElementType: types.StringType,
				Required:    true,
				Validators:  scopesValidators,
			},
			"access_token_expires_in": schema.Int64Attribute{
				MarkdownDescription: "Lifetime of the access token in seconds, sent on create. Unset, CarrierX's default " +
					"applies (about 100 years) and this attribute shows it. Changing it replaces the token. On import it is " +
					"derived from `date_created` and `date_expiration_access_token`.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplaceIfConfigured()},
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"refresh_token_expires_in": schema.Int64Attribute{
				MarkdownDescription: "Lifetime of the refresh token in seconds, sent on create (the argument is not in the " +
					"documented part of CarrierX's table, so CarrierX may ignore it). Changing it replaces the token. On import " +
					"it is derived from `date_created` and `date_expiration_refresh_token`.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplaceIfConfigured()},
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"access_token": schema.StringAttribute{
				MarkdownDescription: "The secret sent as `Authorization: Bearer`. After an import it is known only if " +
					"CarrierX returns it when the token is read.",
				Computed:      true,
				Sensitive:     true,
				PlanModifiers: keep,
			},
			"refresh_token": schema.StringAttribute{
				MarkdownDescription: "Secret used to obtain a new token. After an import it is known only if CarrierX returns it.",
				Computed:            true,
				Sensitive:           true,
				PlanModifiers:       keep,
			},
			"token_type":                    computed("Token type, `bearer`."),
			"client_id":                     computed("Client registration ID issued to the partner."),
			"date_created":                  computed("When the token was issued (ISO 8601 UTC)."),
			"date_expiration_access_token":  computed("When the access token stops working."),
			"date_expiration_refresh_token": computed("When the refresh token stops working."),
			"date_last_accessed": schema.StringAttribute{
				MarkdownDescription: "Last time the token was used; null if never.",
				Computed:            true,
			},
			"ip_last_accessed": schema.StringAttribute{
				MarkdownDescription: "IP address of the last use; null if never.",
				Computed:            true,
			},
		},
	}
}
