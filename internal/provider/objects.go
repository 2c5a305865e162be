package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/services/didgroup"
)

// The provider's objects: one line a resource, data source or ephemeral
// resource. Each is declared in its own package under internal/services.
func resources() []func() resource.Resource {
	return append([]func() resource.Resource{
		didgroup.Resource,
	}, resourceFactories...)
}

func dataSources() []func() datasource.DataSource {
	return append(append([]func() datasource.DataSource{},
		didgroup.DataSources...,
	), dataSourceFactories...)
}

func ephemeralResources() []func() ephemeral.EphemeralResource {
	return ephemeralFactories
}
