// Package accountsettings is carrierx_account_settings: the account-wide
// settings of one partner, the token's own or a sub-partner (CarrierX docs,
// Core API, Partners, Partner Object: callbacks, attributes, acls,
// transformations). The partner is neither created nor deleted: creating
// PATCHes the managed settings, destroying clears them. The settings'
// pieces are the partner package's.
package accountsettings

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/partner"
)

// model: each of the four settings is managed when it is set (non-null)
// and left alone when null.
type model struct {
	PartnerSID      types.String  `tfsdk:"partner_sid"`
	Callbacks       types.Object  `tfsdk:"callbacks"`
	Attributes      types.Map     `tfsdk:"attributes"`
	ACLs            types.List    `tfsdk:"acls"`
	Transformations types.Dynamic `tfsdk:"transformations"`
}

func (m *model) settings() partner.Settings {
	return partner.Settings{Attributes: &m.Attributes, Callbacks: &m.Callbacks, ACLs: &m.ACLs, Transformations: &m.Transformations}
}

// Body renders the managed settings; a null (unmanaged) one is absent.
func (m *model) Body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	b := map[string]any{}
	m.settings().Body(ctx, b, &diags)
	return b, diags
}

// Fill sets the managed settings from the API answer.
func (m *model) Fill(ctx context.Context, p *client.Partner, prior *model) diag.Diagnostics {
	var diags diag.Diagnostics
	m.PartnerSID = types.StringValue(p.PartnerSID)
	m.settings().Fill(ctx, p, prior.settings(), false, &diags)
	return diags
}

// apply PATCHes body, or only reads the partner when there is nothing to
// send; a partner not found is named.
func apply(ctx context.Context, c *client.Client, sid string, body map[string]any) (*client.Partner, error) {
	col := client.Objects[client.Partner](c, client.PartnerKind)
	var p *client.Partner
	var err error
	if len(body) == 0 {
		p, err = col.Get(ctx, sid)
	} else {
		p, err = col.Update(ctx, sid, body)
	}
	if client.IsNotFound(err) {
		//nolint:staticcheck // a sentence of the diagnostic shown to the user
		return nil, fmt.Errorf("No partner has partner_sid %q among the token's partner and its sub-partners (%w). Check the "+
			"SID, or leave partner_sid out for the token's own partner", sid, err)
	}
	return p, err
}

// Object declares carrierx_account_settings, addressed by its partner's SID.
var Object = &framework.Object[client.Partner, model]{
	Type:       "carrierx_account_settings",
	SIDAttr:    "partner_sid",
	Collection: framework.Of[model, client.Partner](client.PartnerKind),
	// Create PATCHes the managed settings of the configured partner, or
	// of the token's own.
	Create: func(ctx context.Context, c *client.Client, plan *model, body map[string]any) (*client.Partner, error) {
		sid := plan.PartnerSID.ValueString()
		if !framework.Known(plan.PartnerSID) {
			var err error
			if sid, err = c.PartnerSIDOfToken(ctx); err != nil {
				return nil, fmt.Errorf("unable to find the partner of the provider's token; set partner_sid: %w", err)
			}
		}
		return apply(ctx, c, sid, framework.DropNil(body))
	},
	// A setting removed from the configuration is cleared.
	Patch: func(ctx context.Context, plan, state *model, patch map[string]any) {
		planBody, _ := plan.Body(ctx)
		stateBody, _ := state.Body(ctx)
		partner.ClearDropped(patch, planBody, stateBody)
	},
	// Delete clears the settings the resource managed; the partner stays.
	Delete: func(ctx context.Context, c *client.Client, state *model) error {
		managed, _ := state.Body(ctx)
		if len(managed) == 0 {
			return nil
		}
		patch := map[string]any{}
		partner.ClearDropped(patch, nil, managed)
		_, err := client.Objects[client.Partner](c, client.PartnerKind).Update(ctx, state.PartnerSID.ValueString(), patch)
		return err
	},
	// After an import, every setting that is not empty becomes managed.
	AfterImport: func(ctx context.Context, p *client.Partner, m *model) diag.Diagnostics {
		var diags diag.Diagnostics
		m.settings().Fill(ctx, p, m.settings(), true, &diags)
		return diags
	},
	Schema: schema.Schema{
		Version: 1, // transformations take any value (framework.Transformations)
		MarkdownDescription: "The account-wide settings of a partner: callback URLs, attributes, access control lists and " +
			"transformations. The partner is the one that owns the provider's token, or a sub-partner named by `partner_sid`. " +
			"The partner itself is not created or deleted: creating this resource PATCHes the settings it manages, and " +
			"**destroying it clears them** (empty `callbacks`, `attributes`, `acls`, `transformations` for those set in the " +
			"configuration). A setting left out of the configuration is not managed: it is neither read nor changed. Removing " +
			"a setting from the configuration clears it in CarrierX. Use one `carrierx_account_settings` per partner, and do " +
			"not also set these attributes on that partner's `carrierx_partner`.",
		Attributes: map[string]schema.Attribute{
			"partner_sid": framework.KeptCreateOnly("Partner whose settings are managed; also the import ID. Defaults to the partner "+
				"that owns the provider's token, found through `GET /oauth/tokens` (needs the `oauth.read` or `oauth.manage` scope; "+
				"set `partner_sid` when the token lacks it). Changing it moves the settings to another partner (the old "+
				"partner's settings are cleared).",
				framework.SID{What: "partner SID", Hint: "Leave partner_sid out for the token's own partner."}),
			"callbacks": schema.SingleNestedAttribute{
				MarkdownDescription: "Callback URLs, one per event; a key left out has no callback (CarrierX replaces the whole " +
					"object). The keys are the ones CarrierX documents; any other key is refused at plan time.",
				Optional:   true,
				Attributes: partner.CallbacksAttributes(),
			},
			"attributes": schema.MapAttribute{
				MarkdownDescription: "Free-form key/value attributes of the partner (the whole map is replaced).",
				ElementType:         types.StringType,
				Optional:            true,
			},
			"acls": schema.ListNestedAttribute{
				MarkdownDescription: "Access control lists of the partner itself, in order.",
				Optional:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: partner.ACLAttributes(false)},
			},
			"transformations": partner.TransformationsAttribute("Account-level call transformations, in order; passed to CarrierX as written."),
		},
	},
}

// Resource is the carrierx_account_settings resource.
var Resource = framework.NewResource[client.Partner](Object)
