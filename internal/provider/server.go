package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/carrierx/terraform-provider-carrierx/internal/protocol"
)

// Address is the provider's registry address.
const Address = "registry.terraform.io/carrierx/carrierx"

// ProtocolServer is the provider as Terraform's plugin protocol serves it,
// a new provider per server: the framework's server, with each call's
// context let go when the call returns (internal/protocol says why).
func ProtocolServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		return protocol.Release(providerserver.NewProtocol6(New(version)())())
	}
}
