package client

// The collections of the Core API; an object's SID is read from its JSON
// by the kind's SIDKey, so an object type needs no method. A lost
// create is looked for by the Identity keys of what was sent and matched on
// every value sent; where the object has a creation time, an object created
// before the request is never taken for it.

// Kinds of the Core API objects the provider creates.
var (
	EndpointKind = Kind{Name: "endpoint", Path: "/endpoints", SIDKey: "endpoint_sid",
		Identity: []string{"name", "type"}}
	AccessControlRuleKind = Kind{Name: "access control rule", Path: "/accesscontrol/rules", SIDKey: "rule_sid",
		Identity: []string{"name", "field", "operation"}}
	DIDGroupKind = Kind{Name: "DID group", Path: "/phonenumber/did_groups", SIDKey: "did_group_sid",
		Identity: []string{"name"}}
	PrefixKind = Kind{Name: "prefix", Path: "/phonenumber/prefixes", SIDKey: "prefix_sid",
		Identity: []string{"prefix", "name"}}
	ShortenerDomainKind = Kind{Name: "shortener domain", Path: "/shortener/domains", SIDKey: "domain_sid",
		Identity: []string{"domain_name"}}
	ShortenerLinkKind = Kind{Name: "shortener link", Path: "/shortener/links", SIDKey: "link_sid",
		Identity: []string{"domain_sid", "destination_url", "short_name"}, CreatedAt: "date_created"}
	StorageContainerKind = Kind{Name: "storage container", Path: "/storage/containers", SIDKey: "container_sid",
		Identity: []string{"name"}}
	StorageFileKind = Kind{Name: "storage file", Path: "/storage/files", SIDKey: "file_sid",
		Identity: []string{"container_sid", "name"}}
	TrunkGroupKind = Kind{Name: "trunk group", Path: "/trunk_groups", SIDKey: "trunk_group_sid",
		Identity: []string{"name"}}
	// A new partner is not listed until its e-mail is verified (CarrierX
	// docs, Partners), so a lost create cannot be looked for.
	PartnerKind = Kind{Name: "partner", Path: "/partners", SIDKey: "partner_sid",
		Identity: []string{"login"}, CreatedAt: "date_created",
		NoRecovery: "a new partner is not listed by GET /partners until its e-mail addresses are verified; " +
			"find its partner_sid in the CarrierX portal (Sub-Partners) and import it"}
	// A token is of use only with its access_token; the list may not carry it.
	TokenKind = Kind{Name: "OAuth token", Path: "/oauth/tokens", SIDKey: "token_sid",
		Identity: []string{"name"}, CreatedAt: "date_created", Require: []string{"access_token"}}
	// Renting is the DID's create: a number is found again by its digits.
	DIDKind = Kind{Name: "phone number", Path: "/phonenumber/dids", SIDKey: "did_sid",
		Identity: []string{"phonenumber"}}
)

// TrunkKind is the trunks sub-collection of one trunk group.
func TrunkKind(trunkGroupSID string) Kind {
	return Kind{Name: "trunk", Path: TrunkGroupTrunksPath(trunkGroupSID), SIDKey: "trunk_sid", Identity: []string{"name"},
		parent: &TrunkGroupKind, parentSID: trunkGroupSID}
}
