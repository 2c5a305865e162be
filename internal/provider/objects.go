package provider

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/services/country"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/didgroup"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/phonenumber"
)

// The provider's objects: one line a resource, data source or ephemeral
// resource. Each is declared in its own package under internal/services.
func resources() []func() resource.Resource {
	return append([]func() resource.Resource{
		didgroup.Resource,
		phonenumber.Resource,
	}, resourceFactories...)
}

func dataSources() []func() datasource.DataSource {
	return slices.Concat(
		didgroup.DataSources,
		phonenumber.DataSources,
		country.DataSources,
		dataSourceFactories,
	)
}

func ephemeralResources() []func() ephemeral.EphemeralResource {
	return ephemeralFactories
}
