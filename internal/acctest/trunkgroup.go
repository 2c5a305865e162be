package acctest

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Trunk group fixtures for the tests of objects that route to a trunk
// group (phone numbers, prefixes) or live in one (trunks).

// TrunkGroupMissingSID is a well-formed SID that no trunk group, nor any
// other object, has.
const TrunkGroupMissingSID = "00000000-0000-4000-8000-00000000dead"

// TrunkGroupHCL is a carrierx_trunk_group resource block labelled label,
// with the given name; its SID is carrierx_trunk_group.<label>.trunk_group_sid.
func TrunkGroupHCL(label, name string) string {
	return fmt.Sprintf("\nresource \"carrierx_trunk_group\" %q {\n  name = %q\n}\n", label, name)
}

// TrunkGroupsGone is a CheckDestroy: every carrierx_trunk_group left in
// state must answer 404.
func (e *Env) TrunkGroupsGone() func(*terraform.State) error {
	return e.CheckGone("carrierx_trunk_group", "trunk_group_sid", Getter[client.TrunkGroup](e, client.TrunkGroupKind))
}
