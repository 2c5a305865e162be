// Package storage is carrierx_storage_container and carrierx_storage_file
// and their data sources: containers with their quotas and the defaults
// given to new files, and the files uploaded into them (CarrierX docs, Core
// API, Storage: Container Object and File Object).
package storage

import (
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// classifications is the documented, complete list of content
// classifications (CarrierX docs, Core API, Storage, Container Object).
var classifications = []string{"archive", "document", "executable", "media", "unknown"}

// containerSID checks a container reference for form only; whether the
// container exists is CarrierX's to say.
var containerSID = []validator.String{framework.SID{What: "container SID"}}
