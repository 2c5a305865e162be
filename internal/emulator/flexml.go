package emulator

import "time"

// The FlexML API (CarrierX docs, FlexML API): the account, the DIDs routed
// to the endpoint (each with its own instruction URL) and scheduled calls.
// Answers are not wrapped.

var (
	flexmlMethods         = []string{"POST", "GET"}
	flexmlErrorHandlers   = []string{"basic", "none"}
	statusCallbackMethods = []string{"GET", "POST", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE", "TRACE"}
)

func flexmlCollections(ep *collection) []*collection {
	return []*collection{
		appCollection(flexmlAPI, ep, &collection{
			name: "accounts", sidField: "account_sid",
			attrs: []attrSpec{
				{"account_sid", readOnly}, {"date_created", readOnly}, {"error_handler", rw}, {"login", readOnly},
				{"method", rw}, {"name", rw}, {"status_callback_method", rw}, {"status_callback_url", rw}, {"url", rw},
			},
			scopes: appOps(opList, opGet, opUpdate), noSeed: accountsNotSeeded,
			build: func(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
				c := newChecker(obj, old, changed)
				c.enum("error_handler", flexmlErrorHandlers...)
				c.nullStr("name")
				flexmlURLs(c)
				return c.err()
			},
		}),
		appCollection(flexmlAPI, ep, &collection{
			name: "dids", sidField: "did_sid",
			attrs: appDIDAttrs(attrSpec{"method", rw}, attrSpec{"status_callback_method", rw},
				attrSpec{"status_callback_url", rw}, attrSpec{"url", rw}),
			scopes: appOps(opList, opGet, opUpdate), noSeed: didsNotSeeded,
			build: func(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
				c := newChecker(obj, old, changed)
				flexmlURLs(c)
				return c.err()
			},
		}),
		appCollection(flexmlAPI, ep, &collection{
			name: "calls", sidField: "call_sid",
			attrs: []attrSpec{
				{"account_sid", readOnly}, {"attributes", rw}, {"call_sid", readOnly}, {"called_did", rw},
				{"calling_did", rw}, {"date_created", readOnly}, {"delay", rw}, {"method", rw},
				{"status_callback_method", rw}, {"status_callback_url", rw}, {"timeout", rwSparse}, {"url", rw},
			},
			scopes:  appOps(crudOps...),
			build:   buildCall,
			expires: func(obj map[string]any) (time.Time, bool) { return ttlDeadline(obj, "delay") },
		}),
	}
}

// flexmlURLs checks the instruction and status callback settings shared
// by the account, DIDs and calls.
func flexmlURLs(c *checker) {
	c.enum("method", flexmlMethods...)
	c.enum("status_callback_method", statusCallbackMethods...)
	c.url("url")
	c.url("status_callback_url")
}

// flexmlAccount: the documented defaults (CarrierX docs, FlexML API,
// Account Object).
func flexmlAccount(s *Server, epSID string, acc map[string]any) {
	acc["error_handler"] = "basic"
	acc["method"] = "POST"
	acc["status_callback_method"] = "POST"
	acc["status_callback_url"] = nil
	acc["url"] = nil
}

// flexmlDIDDefaults: a DID without a url falls back to the account's
// (CarrierX docs, FlexML API, DID Object).
func flexmlDIDDefaults(d map[string]any) {
	d["method"] = "POST"
	d["status_callback_method"] = "POST"
	d["status_callback_url"] = nil
	d["url"] = nil
}

// buildCall: calling_did (a number routed to the endpoint) and called_did
// are required (CarrierX docs, FlexML API, Create Call). A call is
// transient: it is gone once delay seconds have passed since it was
// created (only scheduled calls are listed).
func buildCall(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	if c.create {
		for _, k := range []string{"calling_did", "called_did"} {
			if obj[k] == nil {
				c.v.add(k, k+" is required")
				delete(changed, k)
			}
		}
		c.def("attributes", map[string]any{})
		c.def("delay", int64(0))
		c.def("method", "POST")
		c.def("status_callback_method", "POST")
		c.def("status_callback_url", nil)
		c.def("url", nil)
		obj["date_created"] = cx.s.isoNow()
		c.ownAccount(cx, flexmlAPI)
	}
	c.phone("called_did", false)
	if c.has("calling_did") && cx.routedDID(flexmlAPI, obj["calling_did"]) == nil {
		c.v.add("calling_did", "calling_did must be a phone number routed to this endpoint")
	}
	c.object("attributes")
	c.seconds("delay")
	c.intMin("timeout", 0)
	flexmlURLs(c)
	return c.err()
}
