package client

// The collections of the Core API and how each object's SID is read. A lost
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

// ObjectSID returns the endpoint's SID.
func (o Endpoint) ObjectSID() string { return o.EndpointSID }

// ObjectSID returns the rule's SID.
func (o AccessControlRule) ObjectSID() string { return o.RuleSID }

// ObjectSID returns the DID group's SID.
func (o DIDGroup) ObjectSID() string { return o.DIDGroupSID }

// ObjectSID returns the prefix's SID.
func (o Prefix) ObjectSID() string { return o.PrefixSID }

// ObjectSID returns the domain's SID.
func (o ShortenerDomain) ObjectSID() string { return o.DomainSID }

// ObjectSID returns the link's SID.
func (o ShortenerLink) ObjectSID() string { return o.LinkSID }

// ObjectSID returns the container's SID.
func (o StorageContainer) ObjectSID() string { return o.ContainerSID }

// ObjectSID returns the file's SID.
func (o StorageFile) ObjectSID() string { return o.FileSID }

// ObjectSID returns the trunk group's SID.
func (o TrunkGroup) ObjectSID() string { return o.TrunkGroupSID }

// ObjectSID returns the trunk's SID.
func (o Trunk) ObjectSID() string { return o.TrunkSID }

// ObjectSID returns the partner's SID.
func (o Partner) ObjectSID() string { return o.PartnerSID }

// ObjectSID returns the token's SID.
func (o Token) ObjectSID() string { return o.TokenSID }

// ObjectSID returns the DID's SID.
func (o DID) ObjectSID() string { return o.DIDSID }
