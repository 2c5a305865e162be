package provider

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/services/didgroup"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/endpoint"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/storage"
)

// The provider's objects: one line a resource, data source or ephemeral
// resource. Each is declared in its own package under internal/services.
func resources() []func() resource.Resource {
	return append([]func() resource.Resource{
		didgroup.Resource,
		endpoint.Resource,
		storage.ContainerResource,
		storage.FileResource,
	}, resourceFactories...)
}

func dataSources() []func() datasource.DataSource {
	return append(append([]func() datasource.DataSource{},
		slices.Concat(
			didgroup.DataSources,
			endpoint.DataSources,
			storage.ContainerDataSources,
			storage.FileDataSources,
		)...,
	), dataSourceFactories...)
}

func ephemeralResources() []func() ephemeral.EphemeralResource {
	return ephemeralFactories
}
