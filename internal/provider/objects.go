package provider

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/services/accesscontrolrule"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/accountsettings"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/didgroup"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/endpoint"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/oauthtoken"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/partner"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/prefix"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/shortener"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/storage"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/trunk"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/trunkgroup"
)

// The provider's objects: one line a resource, data source or ephemeral
// resource. Each is declared in its own package under internal/services.
func resources() []func() resource.Resource {
	return append([]func() resource.Resource{
		didgroup.Resource,
		trunkgroup.Resource,
		trunk.Resource,
		partner.Resource,
		accountsettings.Resource,
		oauthtoken.Resource,
		accesscontrolrule.Resource,
		prefix.Resource,
		shortener.DomainResource,
		shortener.LinkResource,
		endpoint.Resource,
		storage.ContainerResource,
		storage.FileResource,
	}, resourceFactories...)
}

func dataSources() []func() datasource.DataSource {
	return slices.Concat(
		didgroup.DataSources,
		trunkgroup.DataSources,
		trunk.DataSources,
		partner.DataSources,
		oauthtoken.DataSources,
		accesscontrolrule.DataSources,
		prefix.DataSources,
		shortener.DomainDataSources,
		shortener.LinkDataSources,
		endpoint.DataSources,
		storage.ContainerDataSources,
		storage.FileDataSources,
		dataSourceFactories,
	)
}

func ephemeralResources() []func() ephemeral.EphemeralResource {
	return append([]func() ephemeral.EphemeralResource{
		oauthtoken.Ephemeral,
	}, ephemeralFactories...)
}
