package emulator

// Objects returns copies of the stored objects of a collection (its
// control-API name, such as "endpoints" or "phonenumber.dids"), in
// insertion order, straight from the store: tests count what really exists
// without going through the API they test. For phonenumber.dids it returns
// every number of the inventory whatever its status. The endpoint APIs'
// collections are brought up to date first (expired objects dropped,
// routed numbers in step). An unknown name returns nil.
func (s *Server) Objects(collection string) []map[string]any {
	c, ok := s.collections[collection]
	if !ok {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.syncApps()
	var out []map[string]any
	for _, o := range s.st.table(c.tableName()).all() {
		out = append(out, copyObject(o))
	}
	return out
}
