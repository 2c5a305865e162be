package emulator

import "slices"

// allCollections lists every collection in route-matching order: the
// Core API's, then the endpoint APIs' (their parent is the endpoint).
func allCollections() []*collection {
	tg, ep := trunkGroupsCollection(), endpointsCollection()
	core := []*collection{ep, partnersCollection(), tg, trunksCollection(tg),
		availableDIDsCollection(), didsCollection(), didGroupsCollection(), prefixesCollection(), rulesCollection(),
		countriesCollection(), lookupCollection(), tokensCollection(),
		containersCollection(), filesCollection(), domainsCollection(), linksCollection()}
	return slices.Concat(core, mediatorCollections(ep), flexmlCollections(ep), conferenceCollections(ep))
}

// allActions lists the routes that are not collection operations.
func allActions() []action {
	return append(append(oauthActions(), storageActions()...), linkCreate())
}

// extraScopes are scopes no route requires but the known ones hold.
var extraScopes = []string{"lookup.dids.allow_carrier", "lookup.dids.allow_cnam", "lookup.dids.allow_lrn",
	"lookup.ip_addresses.read", "oauth.allow_token_scope_update", "oauth.manage_all_tokens",
	"shortener.allow_domain_mode_proxypass", "shortener.allow_domain_secure_required", "shortener.allow_link_mode_proxypass"}
