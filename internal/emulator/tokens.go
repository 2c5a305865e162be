package emulator

import "time"

// addToken stores a token shaped as in 10-oauth.md; client_secret is
// never part of the object.
func (s *Server) addToken(access, partnerSID, name string, scopes []string) *token {
	now := time.Now().UTC()
	exp := now.AddDate(100, 0, 0).Format("2006-01-02T15:04:05.000Z")
	list := make([]any, 0, len(scopes))
	set := map[string]bool{}
	for _, sc := range scopes {
		list = append(list, sc)
		set[sc] = true
	}
	tk := &token{access: access, partnerSID: partnerSID, scopes: set, obj: map[string]any{
		"access_token":                  access,
		"client_id":                     randString(32, "0123456789abcdef"),
		"date_created":                  now.Format("2006-01-02T15:04:05.000Z"),
		"date_expiration_access_token":  exp,
		"date_expiration_refresh_token": exp,
		"date_last_accessed":            nil,
		"ip_last_accessed":              nil,
		"name":                          name,
		"partner_sid":                   partnerSID,
		"refresh_token":                 newUUID(),
		"scopes":                        list,
		"token_sid":                     newUUID(),
		"token_type":                    "bearer",
	}}
	s.st.tokens[access] = tk
	return tk
}
