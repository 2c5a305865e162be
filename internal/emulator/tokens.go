package emulator

import (
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	tokenTable      = "oauth.tokens"
	isoLayout       = "2006-01-02T15:04:05.000Z"
	defaultTokenTTL = 100 * 365 * 24 * time.Hour
)

var (
	tokenReadScopes   = []string{"oauth.manage_all_tokens", "oauth.manage", "oauth.read"}
	tokenUpdateScopes = []string{"oauth.manage_all_tokens", "oauth.manage", "oauth.update"}
	tokenMintScopes   = []string{"oauth.manage_all_tokens", "oauth.manage", "oauth.create"}
	tokenRevokeScopes = []string{"oauth.manage_all_tokens", "oauth.manage"}
	// ivsTokenScopes: the known head of partner.defaults.ivs_token.scopes.
	ivsTokenScopes = []string{"lookup.ip_addresses.read", "lookup.dids.read", "lookup.dids.allow_cnam"}
)

func tokensCollection() *collection {
	return &collection{
		name:     tokenTable,
		path:     "oauth/tokens",
		sidField: "token_sid",
		attrs: []attrSpec{
			{"access_token", readOnly}, {"client_id", readOnly}, {"date_created", readOnly},
			{"date_expiration_access_token", rw}, {"date_expiration_refresh_token", rw},
			{"date_last_accessed", readOnly}, {"ip_last_accessed", readOnly}, {"name", rw}, {"partner", readOnly},
			{"partner_sid", readOnly}, {"refresh_token", readOnly}, {"scopes", rw}, {"token_sid", readOnly},
			{"token_type", readOnly},
		},
		// POST /oauth/tokens and DELETE /oauth/tokens/{sid} do not exist:
		// tokens are minted by POST /oauth/token and ended by POST /oauth/revoke.
		scopes:    map[op][]string{opList: tokenReadScopes, opGet: tokenReadScopes, opUpdate: tokenUpdateScopes},
		nullTotal: true,
		visible:   tokenVisible,
		related:   relatedPartner,
		build:     buildToken,
		seed: func(cx *callCtx, body map[string]any) (map[string]any, *apiError) {
			return cx.s.seedToken(cx, body)
		},
	}
}

// tokenVisible: the caller's own tokens; with oauth.manage_all_tokens also
// those of its descendants.
func tokenVisible(cx *callCtx, obj map[string]any) bool {
	owner, _ := obj["partner_sid"].(string)
	if owner == cx.partnerSID {
		return true
	}
	return cx.hasScope("oauth.manage_all_tokens") && cx.s.inTree(cx.partnerSID, owner)
}

// secret returns (creating when missing) a partner's client credentials.
func (s *Server) secret(partnerSID string) *partnerSecret {
	ps, ok := s.st.secrets[partnerSID]
	if !ok {
		ps = &partnerSecret{clientID: randString(32, "0123456789abcdef"), clientSecret: randString(32, "0123456789abcdef")}
		s.st.secrets[partnerSID] = ps
	}
	return ps
}

func (s *Server) setPassword(partnerSID, pw string) {
	ps := *s.secret(partnerSID)
	ps.password, ps.hasPassword = pw, true
	s.st.secrets[partnerSID] = &ps
}

// addToken stores a token shaped as in CarrierX docs (OAuth) (client_secret is
// never part of it) and returns the stored object.
func (s *Server) addToken(access, partnerSID, name string, scopes []string) map[string]any {
	return s.newToken(access, partnerSID, name, scopes, defaultTokenTTL, defaultTokenTTL)
}

func (s *Server) newToken(access, partnerSID, name string, scopes []string, accessTTL, refreshTTL time.Duration) map[string]any {
	if access == "" {
		access = newUUID()
	}
	now := s.now().UTC()
	list := make([]any, 0, len(scopes))
	for _, sc := range scopes {
		list = append(list, sc)
	}
	obj := map[string]any{
		"access_token":                  access,
		"client_id":                     s.secret(partnerSID).clientID,
		"date_created":                  now.Format(isoLayout),
		"date_expiration_access_token":  now.Add(accessTTL).Format(isoLayout),
		"date_expiration_refresh_token": now.Add(refreshTTL).Format(isoLayout),
		"date_last_accessed":            nil,
		"ip_last_accessed":              nil,
		"name":                          name,
		"partner_sid":                   partnerSID,
		"refresh_token":                 newUUID(),
		"scopes":                        list,
		"token_sid":                     newUUID(),
		"token_type":                    "bearer",
	}
	sid := obj["token_sid"].(string)
	s.st.table(tokenTable).insert(sid, obj)
	s.st.tokens[access] = sid
	return obj
}

// removeToken ends a token at once.
func (s *Server) removeToken(sid string) bool {
	t := s.st.table(tokenTable)
	obj, ok := t.get(sid)
	if !ok {
		return false
	}
	if a, _ := obj["access_token"].(string); s.st.tokens[a] == sid {
		delete(s.st.tokens, a)
	}
	t.remove(sid)
	return true
}

// resolveToken finds a live token by its access token (lock held).
func (s *Server) resolveToken(access string) (*token, map[string]any, bool) {
	sid, ok := s.st.tokens[access]
	if !ok {
		return nil, nil, false
	}
	obj, ok := s.st.table(tokenTable).get(sid)
	if !ok || obj["access_token"] != access {
		return nil, nil, false
	}
	if exp, ok := obj["date_expiration_access_token"].(string); ok {
		if t, err := time.Parse(time.RFC3339Nano, exp); err == nil && !t.After(s.now()) {
			return nil, nil, false
		}
	}
	tk := &token{access: access, sid: sid, scopes: map[string]bool{}}
	tk.partnerSID, _ = obj["partner_sid"].(string)
	list, _ := obj["scopes"].([]any)
	for _, sc := range list {
		if str, ok := sc.(string); ok {
			tk.scopes[str] = true
		}
	}
	return tk, obj, true
}

// touchToken records the last use (at most once a minute).
func (s *Server) touchToken(obj map[string]any, r *http.Request) {
	now := s.now().UTC()
	if last, ok := obj["date_last_accessed"].(string); ok {
		if t, err := time.Parse(time.RFC3339Nano, last); err == nil && now.Sub(t) < time.Minute {
			return
		}
	}
	ip := r.RemoteAddr
	if h, _, err := net.SplitHostPort(ip); err == nil {
		ip = h
	}
	cp := copyObject(obj)
	cp["date_last_accessed"] = now.Format(isoLayout)
	cp["ip_last_accessed"] = ip
	s.st.table(tokenTable).replace(cp["token_sid"].(string), cp)
}

// scopeStrings reads a JSON array of strings.
func scopeStrings(v any) ([]string, bool) {
	arr, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(arr))
	for _, x := range arr {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func dedup(list []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = dedup(a), dedup(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// checkScopes: every scope must be in the partner's available_scopes.
func (s *Server) checkScopes(v *validation, partnerSID string, scopes []string) {
	avail := map[string]bool{}
	if p, ok := s.st.table("partners").get(partnerSID); ok {
		list, _ := scopeStrings(p["available_scopes"])
		for _, sc := range list {
			avail[sc] = true
		}
	}
	for _, sc := range scopes {
		if !avail[sc] {
			v.add("scopes", fmt.Sprintf("scope %q is not in the partner's available_scopes", sc))
		}
	}
}

func (s *Server) availableScopes(partnerSID string) []string {
	p, _ := s.st.table("partners").get(partnerSID)
	list, _ := scopeStrings(p["available_scopes"])
	return list
}

// timestamp accepts an RFC 3339 time, stored in the documented format.
func (c *checker) timestamp(k string) {
	if !c.has(k) {
		return
	}
	str, _ := c.obj[k].(string)
	t, err := time.Parse(time.RFC3339Nano, str)
	if err != nil {
		c.v.add(k, k+" must be an ISO 8601 timestamp such as 2030-01-02T03:04:05.000Z")
		return
	}
	c.obj[k] = t.UTC().Format(isoLayout)
}

// buildToken validates a PATCH/PUT of a token (tokens are created by mint).
func buildToken(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	c.str("name")
	c.timestamp("date_expiration_access_token")
	c.timestamp("date_expiration_refresh_token")
	if c.has("scopes") {
		list, ok := scopeStrings(obj["scopes"])
		if !ok {
			c.v.add("scopes", "scopes must be an array of strings")
			return c.err()
		}
		was, _ := scopeStrings(old["scopes"])
		if old != nil && !sameSet(list, was) && !cx.hasScope("oauth.allow_token_scope_update") {
			return forbidden("changing the scopes of a token needs the scope oauth.allow_token_scope_update")
		}
		list = dedup(list)
		owner, _ := obj["partner_sid"].(string)
		cx.s.checkScopes(&c.v, owner, list)
		obj["scopes"] = deepCopy(list)
	}
	return c.err()
}

// formScopes reads scopes from a form: repeated fields, each a comma
// and/or white-space separated list.
func formScopes(form url.Values) ([]string, bool) {
	var out []string
	sent := false
	for _, k := range []string{"scopes", "scope"} {
		for _, v := range form[k] {
			sent = true
			out = append(out, strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })...)
		}
	}
	return dedup(out), sent
}

func parseForm(body []byte, allowed []string) (url.Values, *apiError) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, badRequest("body", "the form-urlencoded body cannot be parsed: "+err.Error())
	}
	var v validation
	for _, k := range slices.Sorted(maps.Keys(form)) {
		if !slices.Contains(allowed, k) {
			v.add(k, "unknown attribute "+k)
		}
	}
	return form, v.err()
}

// badCredentials is the 401 for wrong client or user credentials in a form.
func badCredentials(field string) *apiError {
	e := newError(http.StatusUnauthorized, "Bad credentials")
	e.Errors[0].Field = strPtr(field)
	e.Errors[0].Message = field + " does not match"
	return e
}

// checkClient compares client_id/client_secret (when sent) with the
// caller's partner, username/password (when sent) with the target's.
func (s *Server) checkCredentials(form url.Values, caller, target string) *apiError {
	cs := s.secret(caller)
	if v, ok := form["client_id"]; ok && v[0] != cs.clientID {
		return badCredentials("client_id")
	}
	if v, ok := form["client_secret"]; ok && v[0] != cs.clientSecret {
		return badCredentials("client_secret")
	}
	if v, ok := form["username"]; ok {
		p, _ := s.st.table("partners").get(target)
		if p == nil || p["login"] != v[0] {
			return badCredentials("username")
		}
	}
	if v, ok := form["password"]; ok {
		ts := s.secret(target)
		if !ts.hasPassword || ts.password != v[0] {
			return badCredentials("password")
		}
	}
	return nil
}

func formSeconds(v *validation, form url.Values, k string) time.Duration {
	raw, ok := form[k]
	if !ok {
		return defaultTokenTTL
	}
	n, err := strconv.ParseInt(strings.TrimSpace(raw[0]), 10, 64)
	if err != nil || n < 1 || n > int64(defaultTokenTTL/time.Second) {
		v.add(k, k+" must be a positive number of seconds")
		return 0
	}
	return time.Duration(n) * time.Second
}

var mintFields = []string{"grant_type", "client_id", "client_secret", "username", "password", "name", "scopes",
	"scope", "access_token_expires_in", "refresh_token_expires_in", "partner_sid"}

// mint issues a token for target from a form body.
func (s *Server) mint(cx *callCtx, target string, body []byte) (int, any, *apiError) {
	form, e := parseForm(body, mintFields)
	if e != nil {
		return 0, nil, e
	}
	if gt, ok := form["grant_type"]; ok && gt[0] != "password" {
		return 0, nil, badRequest("grant_type", "unsupported grant_type "+strconv.Quote(gt[0])+" (only password is known)")
	}
	if e := s.checkCredentials(form, cx.partnerSID, target); e != nil {
		return 0, nil, e
	}
	var v validation
	name := "N/A"
	if n, ok := form["name"]; ok {
		name = n[0]
	}
	scopes, sent := formScopes(form)
	if !sent {
		scopes = s.availableScopes(target)
	}
	s.checkScopes(&v, target, scopes)
	accessTTL := formSeconds(&v, form, "access_token_expires_in")
	refreshTTL := formSeconds(&v, form, "refresh_token_expires_in")
	if e := v.err(); e != nil {
		return 0, nil, e
	}
	return http.StatusOK, s.newToken("", target, name, scopes, accessTTL, refreshTTL), nil
}

// seedToken: the control seed body is {"name","scopes","partner_sid",
// "access_token_expires_in","refresh_token_expires_in"}; scopes default to
// the partner's available_scopes and must be within them.
func (s *Server) seedToken(cx *callCtx, body map[string]any) (map[string]any, *apiError) {
	var v validation
	target := cx.partnerSID
	name := "N/A"
	var scopes []string
	ttl := map[string]time.Duration{"access_token_expires_in": defaultTokenTTL, "refresh_token_expires_in": defaultTokenTTL}
	for _, k := range sortedKeys(body) {
		switch x := body[k]; k {
		case "name":
			if str, ok := x.(string); ok {
				name = str
			} else {
				v.add(k, "name must be a string")
			}
		case "partner_sid":
			if str, ok := x.(string); ok && s.inTree(cx.partnerSID, str) {
				target = str
			} else {
				v.add(k, "partner_sid must be the seeded partner or one of its descendants")
			}
		case "scopes":
			list, ok := scopeStrings(x)
			if !ok {
				v.add(k, "scopes must be an array of strings")
			}
			scopes = list
		case "access_token_expires_in", "refresh_token_expires_in":
			n, ok := toInt64(x)
			if !ok || n < 1 {
				v.add(k, k+" must be a positive number of seconds")
			}
			ttl[k] = time.Duration(n) * time.Second
		default:
			v.add(k, "unknown attribute "+k)
		}
	}
	if scopes == nil {
		scopes = s.availableScopes(target)
	}
	s.checkScopes(&v, target, scopes)
	if e := v.err(); e != nil {
		return nil, e
	}
	return s.newToken("", target, name, dedup(scopes), ttl["access_token_expires_in"], ttl["refresh_token_expires_in"]), nil
}

// oauthActions are the form-encoded OAuth calls.
func oauthActions() []action {
	form := []string{"application/x-www-form-urlencoded"}
	return []action{
		{path: "oauth/token", method: http.MethodPost, scopes: tokenMintScopes, media: form,
			run: func(cx *callCtx, r *http.Request, args []string, body []byte) (int, any, *apiError) {
				return cx.s.mint(cx, cx.partnerSID, body)
			}},
		{path: "oauth/token/{}", method: http.MethodPost, scopes: tokenMintScopes, media: form,
			run: func(cx *callCtx, r *http.Request, args []string, body []byte) (int, any, *apiError) {
				sub := args[0]
				if sub == cx.partnerSID || !cx.s.inTree(cx.partnerSID, sub) {
					return 0, nil, notFoundSID(sub)
				}
				if _, ok := cx.s.st.table("partners").get(sub); !ok {
					return 0, nil, notFoundSID(sub)
				}
				return cx.s.mint(cx, sub, body)
			}},
		{path: "oauth/revoke", method: http.MethodPost, scopes: tokenRevokeScopes, media: form,
			run: func(cx *callCtx, r *http.Request, args []string, body []byte) (int, any, *apiError) {
				f, e := parseForm(body, []string{"token", "client_id", "client_secret", "token_type", "token_type_hint"})
				if e != nil {
					return 0, nil, e
				}
				if e := cx.s.checkCredentials(f, cx.partnerSID, cx.partnerSID); e != nil {
					return 0, nil, e
				}
				access := cx.tok.access
				if t, ok := f["token"]; ok && t[0] != "" {
					access = t[0]
				}
				sid := cx.s.st.tokens[access]
				obj, ok := cx.s.st.table(tokenTable).get(sid)
				if !ok || !tokenVisible(cx, obj) {
					e := notFoundSID("")
					e.Errors[0].Field = strPtr("token")
					e.Errors[0].Message = "cannot find token"
					return 0, nil, e
				}
				cx.s.removeToken(sid)
				return http.StatusNoContent, nil, nil
			}},
	}
}
