package framework

import (
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// A 401 of an endpoint API refused the endpoint's password: the
// diagnostic must not send the user to the provider's token.
func TestAddAPIErrorUnauthorized(t *testing.T) {
	for app, blamesToken := range map[string]bool{"": true, "Mediator API": false} {
		var diags diag.Diagnostics
		AddAPIError(&diags, "Unable to read", &client.Error{StatusCode: http.StatusUnauthorized, Method: "GET", Path: "/bindings/x", App: app})
		if got := strings.Contains(diags[0].Detail(), "Check the provider's token"); got != blamesToken {
			t.Errorf("App %q: the detail blames the token: %v, want %v:\n%s", app, got, blamesToken, diags[0].Detail())
		}
	}
}
