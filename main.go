// Command terraform-provider-carrierx is the Terraform provider for CarrierX.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=X.Y.Z", by
// goreleaser from the release tag and by make install from CHANGELOG.md; it
// is the provider's version and goes in its User-Agent.
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/carrierx/carrierx",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
