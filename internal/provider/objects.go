package provider

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/services/accesscontrolrule"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/accountsettings"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/conference"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/country"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/didgroup"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/endpoint"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/flexml"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/mediator"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/oauthtoken"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/partner"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/phonenumber"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/prefix"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/shortener"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/storage"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/trunk"
	"github.com/carrierx/terraform-provider-carrierx/internal/services/trunkgroup"
)

// The provider's objects: one line a resource, data source or ephemeral
// resource. Each is declared in its own package under internal/services.
func resources() []func() resource.Resource {
	return slices.Concat([]func() resource.Resource{
		endpoint.Resource,
		trunkgroup.Resource,
		trunk.Resource,
		phonenumber.Resource,
		didgroup.Resource,
		prefix.Resource,
		accesscontrolrule.Resource,
		partner.Resource,
		accountsettings.Resource,
		oauthtoken.Resource,
		storage.ContainerResource,
		storage.FileResource,
		shortener.DomainResource,
		shortener.LinkResource,
		mediator.Resource,
	}, flexml.Resources, conference.Resources)
}

func dataSources() []func() datasource.DataSource {
	return slices.Concat(
		endpoint.DataSources,
		trunkgroup.DataSources,
		trunk.DataSources,
		phonenumber.DataSources,
		didgroup.DataSources,
		prefix.DataSources,
		accesscontrolrule.DataSources,
		partner.DataSources,
		oauthtoken.DataSources,
		storage.ContainerDataSources,
		storage.FileDataSources,
		shortener.DomainDataSources,
		shortener.LinkDataSources,
		country.DataSources,
		mediator.DataSources,
		flexml.DataSources,
		conference.DataSources,
	)
}

func ephemeralResources() []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		oauthtoken.Ephemeral,
	}
}
