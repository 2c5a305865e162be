package emulator

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The Mediator API (CarrierX docs, Mediator API): the account, bindings,
// dialouts and the DIDs routed to the endpoint. Every answer is wrapped
// in {"body": ..., "status": ...}.

const (
	bindingTable = "mediator.bindings"
	dialoutTable = "mediator.dialouts"
)

func mediatorCollections(ep *collection) []*collection {
	return []*collection{
		appCollection(mediatorAPI, ep, &collection{
			name: "accounts", sidField: "account_sid",
			attrs:  []attrSpec{{"account_sid", readOnly}, {"date_created", readOnly}, {"login", readOnly}, {"name", readOnly}},
			scopes: appOps(opList, opGet), noSeed: accountsNotSeeded,
		}),
		appCollection(mediatorAPI, ep, &collection{
			name: "bindings", sidField: "binding_sid",
			attrs: []attrSpec{
				{"account_sid", readOnly}, {"attributes", rw}, {"binding_sid", readOnly}, {"date_created", readOnly},
				{"destination_did", rw}, {"dtmf", rw}, {"maximum_ttl", rw}, {"name", rw}, {"origination_did", rw},
				{"redirect_did", rw}, {"redirect_did_info", readOnly}, {"wait_origination_did_ttl", rw},
			},
			scopes:  appOps(crudOps...),
			build:   buildBinding,
			args:    bindingArgs,
			reuse:   reuseBinding,
			expires: func(obj map[string]any) (time.Time, bool) { return ttlDeadline(obj, "maximum_ttl") },
		}),
		appCollection(mediatorAPI, ep, &collection{
			name: "dialouts", sidField: "dialout_sid",
			attrs: []attrSpec{
				{"account_sid", readOnly}, {"attributes", rw}, {"date_created", readOnly}, {"delay", rw},
				{"dialout_sid", readOnly}, {"redirect_did", rw}, {"stage_one_destination_did", rw},
				{"stage_two_destination_did", rw},
			},
			scopes:  appOps(crudOps...),
			build:   buildDialout,
			expires: func(obj map[string]any) (time.Time, bool) { return ttlDeadline(obj, "delay") },
		}),
		appCollection(mediatorAPI, ep, &collection{
			name: "dids", sidField: "did_sid", attrs: appDIDAttrs(),
			scopes: appOps(opList, opGet), noSeed: didsNotSeeded,
		}),
	}
}

const (
	accountsNotSeeded = "an endpoint API's account (and a conference endpoint's call flows) is created with its endpoint"
	didsNotSeeded     = "an endpoint API's DIDs are the numbers routed to its endpoint: assign a DID to a trunk group with a trunk whose endpoint_sid is the endpoint"
)

// appDIDAttrs are the read-only attributes of every endpoint API's DID.
func appDIDAttrs(extra ...attrSpec) []attrSpec {
	return append([]attrSpec{{"account_sid", readOnly}, {"country_code", readOnly}, {"did_sid", readOnly},
		{"in_country_format", readOnly}, {"international_format", readOnly}, {"phonenumber", readOnly}}, extra...)
}

// bindingArgs checks the create query arguments: reuse a boolean;
// fallback_country any string (a country that no routed number has
// answers 409 at create).
func bindingArgs(cx *callCtx, o op) (func(map[string]any) bool, *apiError) {
	if o == opCreate {
		if v := cx.query.Get("reuse"); v != "" {
			if _, err := strconv.ParseBool(v); err != nil {
				return nil, badRequest("reuse", "reuse must be true or false")
			}
		}
	}
	return nil, nil
}

// reuseBinding: with reuse=true, a live binding of the endpoint whose
// attributes equal every writable attribute the body sends answers the
// create (CarrierX docs, Mediator API, Create Binding: "an existing
// binding with the same parameters").
func reuseBinding(cx *callCtx, body map[string]any) (map[string]any, *apiError) {
	if b, _ := strconv.ParseBool(cx.query.Get("reuse")); !b {
		return nil, nil
	}
	c := cx.s.collections[bindingTable]
	for _, obj := range cx.endpointObjects(bindingTable) {
		same := true
		for k, v := range body {
			if a, ok := c.attr(k); ok && a.access != readOnly && !jsonEqual(obj[k], v) {
				same = false
				break
			}
		}
		if same {
			return obj, nil
		}
	}
	return nil, nil
}

// buildBinding: destination_did is the only required attribute; without
// redirect_did the first number routed to the endpoint that no live
// binding uses for the same caller is assigned (409 when none); a
// redirect_did given must be routed to the endpoint.
func buildBinding(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	if c.create {
		if obj["destination_did"] == nil {
			c.v.add("destination_did", "destination_did is required")
			delete(changed, "destination_did")
		}
		c.def("attributes", map[string]any{})
		c.def("dtmf", nil)
		// The Create Binding sample answers -1 for a body without
		// maximum_ttl, the object table says 3600 (CarrierX docs, Mediator
		// API, Bindings): the sample is what the API was seen to do.
		c.def("maximum_ttl", int64(-1))
		c.def("name", "N/A")
		c.def("origination_did", nil)
		c.def("wait_origination_did_ttl", int64(300))
		obj["date_created"] = cx.s.isoNow()
		c.ownAccount(cx, mediatorAPI)
	}
	c.phone("destination_did", false)
	c.phone("origination_did", true)
	c.nullStr("dtmf")
	c.str("name")
	c.object("attributes")
	c.intMin("maximum_ttl", -1)
	c.intMin("wait_origination_did_ttl", -1)
	assign := c.create && obj["redirect_did"] == nil
	if !assign {
		c.redirectDID(cx, "redirect_did")
	}
	if e := c.err(); e != nil {
		return e
	}
	if assign {
		d, e := assignRedirect(cx, obj["origination_did"])
		if e != nil {
			return e
		}
		obj["redirect_did"] = d["phonenumber"]
	}
	if assign || changed["redirect_did"] {
		d := cx.routedDID(mediatorAPI, obj["redirect_did"])
		obj["redirect_did_info"] = map[string]any{"country_code": d["country_code"], "e164_format": "+" + d["phonenumber"].(string),
			"in_country_format": d["in_country_format"], "international_format": d["international_format"],
			"phonenumber": d["phonenumber"]}
	}
	return nil
}

// redirectDID checks that k names a number routed to the caller's endpoint.
func (c *checker) redirectDID(cx *callCtx, k string) {
	if c.has(k) && cx.routedDID(mediatorAPI, c.obj[k]) == nil {
		c.v.add(k, fmt.Sprintf("%s must be a phone number routed to this endpoint (%s); got %v",
			k, routedList(cx), jsonText(c.obj[k])))
	}
}

func routedList(cx *callCtx) string {
	var nums []string
	for _, d := range cx.endpointObjects(mediatorAPI.dids()) {
		nums = append(nums, d["phonenumber"].(string))
	}
	if len(nums) == 0 {
		return "none is: a number reaches an endpoint through DID -> trunk group -> trunk -> endpoint"
	}
	return "routed: " + strings.Join(nums, ", ")
}

func jsonText(v any) string {
	b, err := jsonMarshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// assignRedirect picks the redirect number of a new binding: the first
// number routed to the endpoint (of fallback_country when given, alpha-3
// or alpha-2) on which no live binding takes the same callers (the same
// origination_did, or either one null: a binding without origination_did
// takes every caller). None: 409 "no redirect_did could be found".
func assignRedirect(cx *callCtx, origination any) (map[string]any, *apiError) {
	country := strings.ToUpper(strings.TrimSpace(cx.query.Get("fallback_country")))
	if country != "" {
		for _, cd := range countryData {
			if cd["iso_3166_alpha_2"] == country {
				country = cd["iso_3166_alpha_3"].(string)
			}
		}
	}
	bindings := cx.endpointObjects(bindingTable)
	dids := cx.endpointObjects(mediatorAPI.dids())
	for _, d := range dids {
		if country != "" && d["country_code"] != country {
			continue
		}
		taken := false
		for _, b := range bindings {
			if b["redirect_did"] == d["phonenumber"] && (b["origination_did"] == nil || origination == nil || b["origination_did"] == origination) {
				taken = true
				break
			}
		}
		if !taken {
			return d, nil
		}
	}
	field, why := "redirect_did", ""
	switch {
	case len(dids) == 0:
		why = "no number is routed to this endpoint (a number reaches an endpoint through DID -> trunk group -> trunk -> endpoint)"
	case country != "":
		field, why = "fallback_country", fmt.Sprintf("no free number of country %s is routed to this endpoint (%s)", country, routedList(cx))
	default:
		why = fmt.Sprintf("every number routed to this endpoint is used by a binding for the same callers (%s)", routedList(cx))
	}
	return nil, &apiError{Status: http.StatusConflict, Message: "no redirect_did could be found",
		Errors: []fieldError{{Field: strPtr(field), Message: "no redirect_did could be found: " + why}}}
}

// buildDialout: stage_one_destination_did, stage_two_destination_did and
// redirect_did (a number routed to the endpoint) are required; delay
// defaults to 0. A dialout is transient: it is gone once delay seconds
// have passed since it was created (CarrierX docs, Mediator API,
// Dialouts: only future dialouts are listed).
func buildDialout(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	c := newChecker(obj, old, changed)
	if c.create {
		for _, k := range []string{"stage_one_destination_did", "stage_two_destination_did", "redirect_did"} {
			if obj[k] == nil {
				c.v.add(k, k+" is required")
				delete(changed, k)
			}
		}
		c.def("attributes", map[string]any{})
		c.def("delay", int64(0))
		obj["date_created"] = cx.s.isoNow()
		c.ownAccount(cx, mediatorAPI)
	}
	c.phone("stage_one_destination_did", false)
	c.phone("stage_two_destination_did", false)
	c.redirectDID(cx, "redirect_did")
	c.object("attributes")
	c.seconds("delay")
	if e := c.err(); e != nil {
		return e
	}
	// the documented dialouts all carry hide_origination_did "true"
	if attrs, _ := obj["attributes"].(map[string]any); attrs != nil && attrs["hide_origination_did"] == nil {
		attrs["hide_origination_did"] = "true"
	}
	for _, other := range cx.endpointObjects(dialoutTable) {
		if other["dialout_sid"] == obj["dialout_sid"] {
			continue
		}
		if other["stage_one_destination_did"] == obj["stage_one_destination_did"] &&
			other["stage_two_destination_did"] == obj["stage_two_destination_did"] && other["redirect_did"] == obj["redirect_did"] {
			sid := other["dialout_sid"].(string)
			return conflict("dialout conflict", []fieldError{{Field: strPtr("redirect_did"), ReferenceSID: strPtr(sid),
				Message: "dialout " + sid + " already connects the same stage_one_destination_did, stage_two_destination_did and redirect_did"}})
		}
	}
	return nil
}
