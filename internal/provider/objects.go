package provider

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/services/accesscontrolrule"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/didgroup"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/prefix"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/shortener"
)

// The provider's objects: one line a resource, data source or ephemeral
// resource. Each is declared in its own package under internal/services.
func resources() []func() resource.Resource {
	return append([]func() resource.Resource{
		didgroup.Resource,
		accesscontrolrule.Resource,
		prefix.Resource,
		shortener.DomainResource,
		shortener.LinkResource,
	}, resourceFactories...)
}

func dataSources() []func() datasource.DataSource {
	all := [][]func() datasource.DataSource{
		didgroup.DataSources,
		accesscontrolrule.DataSources,
		prefix.DataSources,
		shortener.DomainDataSources,
		shortener.LinkDataSources,
		dataSourceFactories,
	}
	return slices.Concat(all...)
}

func ephemeralResources() []func() ephemeral.EphemeralResource {
	return ephemeralFactories
}
