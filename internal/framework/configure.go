package framework

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// configuredClient unpacks ProviderData; nil before the provider is configured.
func ConfiguredClient(data any, diags *diag.Diagnostics) *client.Client {
	if data == nil {
		return nil
	}
	c, ok := data.(*client.Client)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *client.Client, got %T; this is a provider bug", data))
		return nil
	}
	return c
}
