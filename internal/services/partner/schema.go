package partner

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// settingsNote is repeated on the attributes that carrierx_account_settings
// can also manage.
const settingsNote = " Set, it is managed here: sent on creation, read back (drift shows) and cleared when removed " +
	"from the configuration. Left out, it is not managed (null in state, never sent), so `carrierx_account_settings` can " +
	"manage it instead; do not manage it in both."

func resourceSchema() schema.Schema {
	money := func(d string, afterPaymentType bool) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: d + " An amount as a number or a string (`20`, `\"20.50\"`): CarrierX returns amounts as strings, " +
				"and `20`, `\"20\"` and `\"20.00\"` are the same amount, so writing it either way never shows a difference.",
			CustomType:    moneyType{},
			Optional:      true,
			Computed:      true,
			Validators:    []validator.String{moneyValidator},
			PlanModifiers: []planmodifier.String{moneyPlan(afterPaymentType)},
		}
	}
	email := func(d string) schema.StringAttribute {
		return framework.OptionalString(d + " CarrierX hides an address (answers null) until its owner follows the verification link " +
			"sent on creation; while the partner's `status` is `unverified`, the configured address is kept in state, so no " +
			"difference shows. A change made outside Terraform shows once the address is verified.")
	}
	return schema.Schema{
		Version: 1, // transformations take any value (framework.Transformations)
		MarkdownDescription: "A CarrierX sub-partner: an account under the token's partner (or under one of its " +
			"sub-partners, with `parent_sid`). **CarrierX has no API call to delete a partner: `terraform destroy` only " +
			"removes it from the Terraform state, with a warning, and the account keeps existing in CarrierX.** " +
			"A new partner is `unverified` until the verification e-mails are followed, and until then CarrierX hides its " +
			"e-mail addresses and leaves it out of `GET /partners`.",
		Attributes: map[string]schema.Attribute{
			"partner_sid": framework.StableString("Partner secure ID; also the import ID."),
			"parent_sid": framework.KeptCreateOnly("Parent partner: the token's partner (the default) or one of its sub-partners. Set on creation "+
				"only: changing it creates a new partner (the old one stays in CarrierX, see above).",
				framework.SID{What: "partner SID", Hint: "Leave parent_sid out to create the partner under the token's own partner."}),
			"login": framework.RequiredString("Login of the partner for the portal and for HTTP Basic authentication.",
				stringvalidator.LengthAtLeast(1)),
			"password": framework.StoredSecret("password", "Password of `login`. CarrierX never returns it: the value is kept in "+
				"state as written, so a change made outside Terraform cannot show. To keep it out of state, use `password_wo`.",
				stringvalidator.LengthAtLeast(1)),
			"password_wo":         framework.WriteOnlySecret("password"),
			"password_wo_version": framework.SecretVersion("password"),
			"name":                framework.KeptName("Contact person."),
			"company_name":        framework.KeptString("Company name."),
			"address1":            framework.OptionalString("Street address, line 1."),
			"address2":            framework.OptionalString("Street address, line 2."),
			"city":                framework.OptionalString("City."),
			"state":               framework.OptionalString("State or region."),
			"zip":                 framework.OptionalString("Postal code."),
			"country_code": framework.KeptString("ISO 3166-1 alpha-3 country code, such as `USA`.", stringvalidator.RegexMatches(countryPattern,
				"must be an ISO 3166-1 alpha-3 country code in capitals, such as \"USA\" or \"GBR\"")),
			"phonenumber": framework.OptionalString("Contact phone number, digits only, such as `15550001111`."),
			"owner_email": email("Primary e-mail address."),
			"billing_email": framework.KeptString("Billing e-mail address (several may be given, comma-separated); CarrierX falls back to " +
				"`owner_email` when it is empty, so it is also computed. Hidden by CarrierX until verified, like `owner_email`."),
			"tech_email": email("Technical contact e-mail address."),
			"payment_type": framework.KeptString("Billing mode. Known values: `prepay`, `postpay` (the list in CarrierX's documentation "+
				"may be incomplete, so other values are passed to CarrierX).", framework.KnownValues("prepay", "postpay")),
			"charge_at":            money("Prepay accounts: the balance at which the account is charged `prepay_amount`. CarrierX answers null for postpay accounts; the configured value is then kept in state.", true),
			"prepay_amount":        money("Prepay accounts: the amount charged when the balance reaches `charge_at`. CarrierX answers null for postpay accounts; the configured value is then kept in state.", true),
			"spending_limit":       money("Overall spending limit.", false),
			"daily_spending_limit": money("Maximum spend per day.", false),
			// Money moves with traffic and the status with verification, not with an update (CarrierX docs, Core API,
			// Partners, Partner Object): kept through an update, refreshed by the next read.
			"balance":            framework.ComputedString("Current balance, as CarrierX writes it (a decimal string).", framework.Volatile()),
			"daily_spent_amount": framework.ComputedString("Amount spent today (a decimal string).", framework.Volatile()),
			"status": framework.ComputedString("Account status: `unverified` until the verification e-mails are followed, "+
				"then `active` (other values may exist).", framework.Volatile()),
			"display_id":   framework.StableString("Human-facing account ID, `CX` and 8 digits."),
			"date_created": framework.StableString("Creation time (ISO 8601 UTC)."),
			"available_scopes": schema.ListAttribute{
				MarkdownDescription: "Scopes the partner holds.",
				ElementType:         types.StringType,
				Computed:            true,
				PlanModifiers:       []planmodifier.List{framework.Volatile()},
			},
			"attributes": schema.MapAttribute{
				MarkdownDescription: "Free-form key/value attributes of the partner (the whole map is replaced)." + settingsNote,
				ElementType:         types.StringType,
				Optional:            true,
			},
			"callbacks": schema.SingleNestedAttribute{
				MarkdownDescription: "Callback URLs of the partner, one per event; a key left out has no callback (CarrierX " +
					"replaces the whole object)." + settingsNote,
				Optional:   true,
				Attributes: CallbacksAttributes(),
			},
			"acls": schema.ListNestedAttribute{
				MarkdownDescription: "Access control lists of the partner itself, read only here: CarrierX's documentation says a " +
					"parent cannot set them for its sub-partner. The sub-partner sets them itself, for example with " +
					"`carrierx_account_settings` in a provider configured with a token of the sub-partner.",
				Computed:      true,
				NestedObject:  schema.NestedAttributeObject{Attributes: ACLAttributes(true)},
				PlanModifiers: []planmodifier.List{framework.Volatile()}, // set by the sub-partner itself
			},
			"parent_assigned_acls": schema.ListNestedAttribute{
				MarkdownDescription: "Access control lists assigned to the partner by its parent (read only here).",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: ACLAttributes(true)},
				PlanModifiers:       []planmodifier.List{framework.Volatile()}, // set by the parent, not through this resource
			},
			"transformations": TransformationsAttribute("Account-level call transformations, in order; passed to CarrierX as written." + settingsNote),
		},
	}
}
