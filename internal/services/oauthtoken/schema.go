package oauthtoken

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
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
	return schema.Schema{
		MarkdownDescription: "A CarrierX Core API OAuth token (`POST /oauth/token`), for the provider's own partner or for " +
			"one of its sub-partners. The `access_token` and `refresh_token` are stored in state (sensitive): protect " +
			"the state, or mint short-lived tokens with the `carrierx_oauth_token` ephemeral resource instead, which " +
			"never reach state. Destroying the resource revokes the token (`POST /oauth/revoke`). A token revoked " +
			"outside Terraform disappears from state at the next refresh, and the next plan creates a new one; a token " +
			"whose access token has expired (`date_expiration_access_token` in the past) is replaced by the next plan.",
		Attributes: map[string]schema.Attribute{
			"token_sid": framework.StableString("Token secure ID; also the import ID."),
			"partner_sid": framework.KeptCreateOnly("Sub-partner the token is for (`POST /oauth/token/{partner_sid}`); defaults to the "+
				"partner of the provider's token. Changing it replaces the token.", framework.SID{}),
			"name": framework.KeptName("Friendly label; changed in place. CarrierX fills a default when it is left out."),
			"scopes": schema.SetAttribute{
				MarkdownDescription: scopesDoc + " Changed in place (`PATCH`), which CarrierX allows only when the " +
					"provider's token holds `oauth.allow_token_scope_update`; otherwise replace the token.",
				ElementType: types.StringType,
				Required:    true,
				Validators:  scopesValidators,
			},
			"access_token_expires_in": framework.KeptCreateOnlyInt64("Lifetime of the access token in seconds, sent on create. "+
				"Unset, CarrierX's default applies (about 100 years) and this attribute shows it. Changing it replaces the token. "+
				"On import it is derived from `date_created` and `date_expiration_access_token`.", int64validator.AtLeast(1)),
			"refresh_token_expires_in": framework.KeptCreateOnlyInt64("Lifetime of the refresh token in seconds, sent on create "+
				"(the argument is not in the documented part of CarrierX's table, so CarrierX may ignore it). Changing it replaces "+
				"the token. On import it is derived from `date_created` and `date_expiration_refresh_token`.", int64validator.AtLeast(1)),
			"access_token": framework.Secret("The secret sent as `Authorization: Bearer`. After an import it is known only if " +
				"CarrierX returns it when the token is read."),
			"refresh_token": framework.Secret("Secret used to obtain a new token. After an import it is known only if " +
				"CarrierX returns it."),
			"token_type":                    framework.StableString("Token type, `bearer`."),
			"client_id":                     framework.StableString("Client registration ID issued to the partner."),
			"date_created":                  framework.StableString("When the token was issued (ISO 8601 UTC)."),
			"date_expiration_access_token":  framework.StableString("When the access token stops working."),
			"date_expiration_refresh_token": framework.StableString("When the refresh token stops working."),
			// Every use moves them, as a file's date_last_accessed and a link's hits: refreshed, never planned.
			"date_last_accessed": framework.ComputedString("Last time the token was used; null if never. It changes outside "+
				"Terraform (every use, including the provider's own) and never causes a diff.", framework.Volatile()),
			"ip_last_accessed": framework.ComputedString("IP address of the last use; null if never. It changes outside "+
				"Terraform and never causes a diff.", framework.Volatile()),
		},
	}
}
