package emulator

// allCollections lists every collection in route-matching order.
func allCollections() []*collection {
	tg := trunkGroupsCollection()
	return []*collection{endpointsCollection(), partnersCollection(), tg, trunksCollection(tg),
		availableDIDsCollection(), didsCollection(), didGroupsCollection(), prefixesCollection(), rulesCollection(),
		countriesCollection(), lookupCollection()}
}
