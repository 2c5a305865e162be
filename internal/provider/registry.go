package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Each resource and data source file registers itself here, with a
// constructor of its model so TestModelsMatchSchemas covers it.
var (
	resourceFactories   []func() resource.Resource
	dataSourceFactories []func() datasource.DataSource
	resourceModels      = map[string]func() any{}
	dataSourceModels    = map[string]func() any{}
	ephemeralFactories  []func() ephemeral.EphemeralResource
	ephemeralModels     = map[string]func() any{}
)

func registerResource(typeName string, f func() resource.Resource, model func() any) {
	resourceFactories = append(resourceFactories, f)
	resourceModels[typeName] = model
}

func registerDataSource(typeName string, f func() datasource.DataSource, model func() any) {
	dataSourceFactories = append(dataSourceFactories, f)
	dataSourceModels[typeName] = model
}

func registerEphemeralResource(typeName string, f func() ephemeral.EphemeralResource, model func() any) {
	ephemeralFactories = append(ephemeralFactories, f)
	ephemeralModels[typeName] = model
}
