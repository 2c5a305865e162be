package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// Kind declares one collection of objects: where it lives, and how an
// object whose create answer was lost is found again.
type Kind struct {
	Name   string // in messages: "endpoint"
	Path   string // the collection: "/endpoints"
	SIDKey string // "endpoint_sid"

	// Identity are body keys whose values, where the create body has them,
	// filter the search for a lost create (eq); none present, no search.
	Identity []string
	// CreatedAt is the key of the creation time, where the object has one:
	// an object created before the request is then never taken for it.
	CreatedAt string
	// Require are keys a found object must carry to be adopted (a token
	// found without its access_token is of no use).
	Require []string
	// NoRecovery says why a lost create of this kind cannot be looked for.
	NoRecovery string

	parent    *Kind  // the collection of a sub-collection's parent
	parentSID string // and the parent's SID
}

func (k Kind) item(sid string) string { return k.Path + "/" + url.PathEscape(sid) }

// sidOf reads the SID of an object of this kind from its JSON form.
func (k Kind) sidOf(obj any) string {
	m, _ := toJSONMap(obj)
	return scalarString(m[k.SIDKey])
}

// checkParent refuses to address a sub-collection of a parent with an
// empty SID.
func (k Kind) checkParent(method string) error {
	if k.parent == nil {
		return nil
	}
	return k.parent.checkSID(method, k.parentSID)
}

// checkSID refuses to address an object by an empty SID.
func (k Kind) checkSID(method, sid string) error {
	if err := k.checkParent(method); err != nil {
		return err
	}
	if strings.TrimSpace(sid) == "" {
		return fmt.Errorf("CarrierX API: %s %s/: refusing to send a request without a %s (it is empty); nothing was sent. "+
			"If Terraform state holds an empty %s, remove the resource from state and import it again",
			method, k.Path, k.SIDKey, k.SIDKey)
	}
	return nil
}

// checkAnswer refuses an answer that describes another object than the
// one asked for: taking it would bind state, and later a delete, to an
// object Terraform does not manage.
func (k Kind) checkAnswer(method, sid, got string) error {
	if strings.EqualFold(got, sid) { // a UUID in either case
		return nil
	}
	what := fmt.Sprintf("the answer describes %s %s %q, not the one asked for (%q)", k.Name, k.SIDKey, got, sid)
	if got == "" {
		what = fmt.Sprintf("the answer carries no %s (asked for %q)", k.SIDKey, sid)
	}
	return &AnswerError{Method: method, Path: k.item(sid), Status: http.StatusOK, Problem: what}
}

// confirmGone checks a 404 on one object against its collection before
// the 404 is believed: a wrong base_url or a proxy answering 404 for
// everything would otherwise make Terraform forget every object it manages
// (and create them all again). It returns err itself when the collection
// answers without the object, or refuses the query with another 4xx (the
// API is there, so the 404 stands); otherwise an error that is no 404:
// the collection answers 404 too, fails, or lists the object.
func (c *Client) confirmGone(ctx context.Context, k Kind, sid string, err error) error {
	if !IsNotFound(err) {
		return err
	}
	page, lerr := ListPage[map[string]any](ctx, c, k.Path,
		ListOptions{Filter: Eq(k.SIDKey, sid).String(), IncludeFields: []string{k.SIDKey}, PageSize: 1}, 0)
	listed := false
	if lerr == nil {
		for _, it := range page.Items {
			listed = listed || strings.EqualFold(scalarString(it[k.SIDKey]), sid)
		}
	}
	switch {
	case lerr == nil && !listed:
		return err
	case lerr == nil:
		return &AnswerError{Method: http.MethodGet, Path: k.item(sid), Status: http.StatusNotFound,
			Problem: fmt.Sprintf("the %s answered 404, yet the list %s shows it; it is kept in state", k.Name, k.Path)}
	case IsNotFound(lerr) && k.parent != nil:
		// The trunk's list is gone with its trunk group: is the group gone?
		perr := c.confirmGone(ctx, *k.parent, k.parentSID, lerr)
		if IsNotFound(perr) {
			return err
		}
		return perr
	case IsNotFound(lerr):
		return fmt.Errorf("CarrierX API: %s %s answered 404, and so did the list %s itself: the CarrierX API is not "+
			"where base_url points (%s; it should look like %s), or a proxy answers for it. Nothing was removed "+
			"from state; fix base_url and run again", k.Name, sid, k.Path, c.base, exampleBaseURL)
	case StatusCode(lerr) >= 400 && StatusCode(lerr) < 500:
		// The collection is there (it refused the filter or the scope): the 404 stands.
		return err
	default:
		// Not wrapped: this must not read as a 404, or the object would leave state.
		return fmt.Errorf("%s (checking that it is really gone failed too: %w; nothing was removed from state)", err.Error(), lerr)
	}
}

// createWith runs send (one create request decoding into out) and checks
// that the answer is a new object; match is what the created object must
// show (the create body, or what stands for it). before, when non-nil,
// holds the SIDs of the objects sharing match's identity just before the
// request (the caller knows them from a search it just made): with them, or
// with the kind's creation time, a lost answer can be resolved by adopting
// the object found; without, the object found is only named as a candidate,
// so that an object that existed before is never taken for the new one.
func createWith[T any](ctx context.Context, c *Client, k Kind, match any, before map[string]bool, send func(*T) error) (*T, error) {
	start := c.now()
	var out T
	err := send(&out)
	sid := k.sidOf(&out)
	if err == nil && sid == "" {
		err = &AnswerError{Method: http.MethodPost, Path: k.Path, Status: http.StatusOK,
			Problem: "the answer carries no " + k.SIDKey}
	}
	if err == nil {
		err = k.checkCreated(match, &out, before)
	}
	if err == nil {
		c.claim(sid)
		return &out, nil
	}
	if !Ambiguous(err) {
		return nil, err
	}
	return recoverCreate[T](ctx, c, k, match, start, before, err)
}

// identityFilter is the eq filter on the identity keys present in want.
func (k Kind) identityFilter(want map[string]any) (string, bool) {
	var f Filter
	for _, key := range k.Identity {
		if v, ok := want[key]; ok && isScalar(v) {
			f = f.And(Eq(key, scalarString(v)))
		}
	}
	return f.String(), len(f.conds) > 0
}

// claim records a SID this client created or adopted: no other lost
// create of the same run may take it for its own.
func (c *Client) claim(sid string) { c.claimed.Store(sid, true) }

func (c *Client) claimedSID(sid string) bool { _, ok := c.claimed.Load(sid); return ok }

// checkCreated refuses a create answer that shows another object than the
// one sent (another object's body): its identity values must be those of
// the request. Only identity keys are compared; CarrierX may rewrite others.
func (k Kind) checkCreated(match, out any, before map[string]bool) error {
	want, err1 := toJSONMap(match)
	got, err2 := toJSONMap(out)
	ok := err1 == nil && err2 == nil
	if sid := scalarString(got[k.SIDKey]); ok && before[sid] {
		return &AnswerError{Method: http.MethodPost, Path: k.Path, Status: http.StatusOK,
			Problem: fmt.Sprintf("the answer describes %s %s, which existed before the request", k.Name, sid)}
	}
	if !ok {
		return nil // nothing to compare: the create answer is taken as it is
	}
	for _, key := range k.Identity {
		w, ok := want[key].(string)
		g := scalarString(got[key])
		if !ok || w == "" || g == "" {
			continue // not sent, or not shown: nothing to compare
		}
		if !sameJSON(w, got[key]) {
			return &AnswerError{Method: http.MethodPost, Path: k.Path, Status: http.StatusOK,
				Problem: fmt.Sprintf("the answer describes another object (%s %s with %s %q, where %q was sent)",
					k.Name, scalarString(got[k.SIDKey]), key, scalarString(got[key]), w)}
		}
	}
	return nil
}

// Recovered accompanies an object that createObject found after the
// create's answer was lost: the create succeeded, and the caller should
// say so (a warning), naming the object.
type Recovered struct {
	Kind  string
	SID   string
	Cause error
}

func (r *Recovered) Error() string {
	return fmt.Sprintf("the answer to the create was lost (%v), but the %s it created was found (%s) and is used", r.Cause, r.Kind, r.SID)
}

// LostCreateError is a create whose answer was lost and whose object could
// not be told apart with certainty. Candidates are the SIDs of objects that
// match every value sent and may have been created by it.
type LostCreateError struct {
	Kind       string
	SIDKey     string
	Cause      error
	Searched   bool
	SearchErr  error
	NoSearch   string // why no search was made
	Candidates []string
}

func (e *LostCreateError) Unwrap() error { return e.Cause }

func (e *LostCreateError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v. The answer to this create was lost, so CarrierX may have created the %s anyway: ", e.Cause, e.Kind)
	switch {
	case e.SearchErr != nil:
		fmt.Fprintf(&b, "looking for it failed too (%v). Before applying again, look for a new %s in CarrierX "+
			"(for example with the plural data source) and import it if it is there; applying again without that may create a second one",
			e.SearchErr, e.Kind)
	case !e.Searched:
		fmt.Fprintf(&b, "it cannot be looked for (%s). Before applying again, look for a new %s in CarrierX "+
			"and import it if it is there; applying again without that may create a second one", e.NoSearch, e.Kind)
	case len(e.Candidates) == 0:
		fmt.Fprintf(&b, "no new %s showing every value sent was found, so it was most likely not created. "+
			"If in doubt, look for it (for example with the plural data source) before applying again", e.Kind)
	case len(e.Candidates) == 1:
		fmt.Fprintf(&b, "CarrierX holds one %s that shows every value sent (%s %s). Nothing proves it is the one "+
			"this request created rather than one that existed before; if it is yours, import it rather than applying "+
			"again, which would create another", e.Kind, e.SIDKey, e.Candidates[0])
	default:
		fmt.Fprintf(&b, "CarrierX holds %d %s objects that show every value sent and may be the one created (%s %s). "+
			"Import the one that is yours rather than applying again, which would create another; "+
			"the others existed before or belong to someone else",
			len(e.Candidates), e.Kind, e.SIDKey, strings.Join(e.Candidates, ", "))
	}
	return b.String()
}

// createdSkew is how much earlier than the request (by the local clock) a
// creation time may be and still be taken as this request's: it allows for
// the server's clock running behind.
const createdSkew = 2 * time.Minute

// recoverCreate looks, after a lost create answer, for the object the
// request may have created: the objects filtered by the kind's identity
// keys that match every value sent (secrets aside, which are never
// returned) and, where the kind has a creation time, were created since the
// request. Exactly one is adopted (and claimed); otherwise a
// *LostCreateError names the candidates. The search runs even when ctx was
// cancelled (the user interrupted Terraform), with its own deadline.
func recoverCreate[T any](ctx context.Context, c *Client, k Kind, match any, start time.Time,
	before map[string]bool, cause error) (*T, error) {
	lost := &LostCreateError{Kind: k.Name, SIDKey: k.SIDKey, Cause: cause}
	if k.NoRecovery != "" {
		lost.NoSearch = k.NoRecovery
		return nil, lost
	}
	want, err := toJSONMap(match)
	if err != nil {
		lost.NoSearch = "the request body could not be read back: " + err.Error()
		return nil, lost
	}
	f, ok := k.identityFilter(want)
	if !ok {
		lost.NoSearch = "nothing sent identifies it: set " + strings.Join(k.Identity, " or ")
		return nil, lost
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
	defer cancel()
	items, err := ListAll[map[string]any](sctx, c, k.Path, ListOptions{Filter: f})
	if err != nil {
		lost.SearchErr = err
		return nil, lost
	}
	lost.Searched = true
	var found []map[string]any
	for _, it := range items {
		sid := scalarString(it[k.SIDKey])
		switch {
		case !sameJSON(want, it), c.claimedSID(sid), before[sid]:
			continue // not what was sent, another resource's of this run, or there before the request
		case k.CreatedAt != "" && createdBefore(it[k.CreatedAt], start.Add(-createdSkew)):
			continue // created before the request
		}
		found = append(found, it)
		lost.Candidates = append(lost.Candidates, sid)
	}
	sort.Strings(lost.Candidates)
	// Adopted only when what existed before is known: by creation time, or
	// by the list taken before the request.
	provable := before != nil || (k.CreatedAt != "" && len(found) == 1 && hasTime(found[0][k.CreatedAt]))
	if len(found) != 1 || !provable {
		return nil, lost
	}
	for _, key := range k.Require {
		if v, _ := found[0][key].(string); v == "" {
			return nil, lost
		}
	}
	raw, err := json.Marshal(found[0])
	if err != nil {
		lost.SearchErr = err
		return nil, lost
	}
	var out T
	if err := json.Unmarshal(raw, &out); err != nil || k.sidOf(&out) == "" {
		lost.SearchErr = fmt.Errorf("the object found could not be read: %w", err)
		return nil, lost
	}
	sid := k.sidOf(&out)
	c.claim(sid)
	return &out, &Recovered{Kind: k.Name, SID: sid, Cause: cause}
}

// AdoptedAfterLostAnswer reports whether err only says that the object
// returned beside it was found after its create answer was lost.
func AdoptedAfterLostAnswer(err error) (*Recovered, bool) {
	var r *Recovered
	ok := errors.As(err, &r)
	return r, ok
}

func toJSONMap(v any) (map[string]any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	m := map[string]any{}
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

func isScalar(v any) bool {
	switch v.(type) {
	case string, json.Number, bool, float64:
		return true
	}
	return false
}

func scalarString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// sameJSON reports whether got shows every value of want: maps by key
// (got may have more keys, and secret keys are skipped: the API never
// returns them), lists element by element, numbers whether written as
// numbers or strings, and "" the same as null.
func sameJSON(want, got any) bool {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return len(w) == 0 && got == nil
		}
		for k, wv := range w {
			if secretKeys[strings.ToLower(k)] {
				continue
			}
			if !sameJSON(wv, g[k]) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok {
			return len(w) == 0 && got == nil
		}
		if len(g) != len(w) {
			return false
		}
		if allScalar(w) {
			return sameScalars(w, g)
		}
		for i := range w {
			if !sameJSON(w[i], g[i]) {
				return false
			}
		}
		return true
	case nil:
		return got == nil || got == ""
	case string:
		if w == "" {
			return got == nil || got == ""
		}
		return scalarString(got) == w || sameNumber(w, got)
	case json.Number, float64:
		return sameNumber(scalarString(w), got)
	case bool:
		g, ok := got.(bool)
		return ok && g == w
	}
	return false
}

func allScalar(l []any) bool {
	for _, v := range l {
		if !isScalar(v) {
			return false
		}
	}
	return true
}

// sameScalars compares lists of scalars in any order (the API may sort
// scopes or entries).
func sameScalars(w, g []any) bool {
	used := make([]bool, len(g))
outer:
	for _, wv := range w {
		for j, gv := range g {
			if !used[j] && sameJSON(wv, gv) {
				used[j] = true
				continue outer
			}
		}
		return false
	}
	return true
}

func sameNumber(w string, got any) bool {
	a, b := json.Number(w), json.Number(scalarString(got))
	x, err1 := a.Float64()
	y, err2 := b.Float64()
	return err1 == nil && err2 == nil && x == y
}

func parseTime(v any) (time.Time, bool) {
	s, ok := v.(string)
	if !ok || s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func hasTime(v any) bool { _, ok := parseTime(v); return ok }

func createdBefore(v any, t time.Time) bool {
	ct, ok := parseTime(v)
	return ok && ct.Before(t)
}
