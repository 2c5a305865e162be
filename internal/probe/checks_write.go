package probe

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// The write checks, in order. Each needs the endpoint the first creates.
var writeNames = []struct{ name, settles string }{
	{"write.create", "create/update answer; capacity; auth_required; address defaults; other properties; voip_token"},
	{"write.patch_nested", "nested objects on PATCH; create/update answer"},
	{"write.unknown_attribute", "unknown attributes"},
	{"write.delete", "delete answer"},
}

// writeChecks creates one third_party endpoint (free, no number, no
// traffic), patches and deletes it. Whatever fails, the deferred cleanup
// deletes what was created; what it cannot delete is rep.Leftover.
func (p *prober) writeChecks(rep *Report) []Result {
	results := make([]Result, len(writeNames))
	for i, w := range writeNames {
		results[i] = Result{Name: w.name, Settles: w.settles, Status: NotChecked, Detail: "needs -write (creates and deletes one third_party endpoint)"}
	}
	if !p.cfg.Write {
		return results
	}
	var rnd [4]byte
	_, _ = rand.Read(rnd[:])
	name := "carrierx-probe-" + hex.EncodeToString(rnd[:])
	sid := ""
	deleted := false
	lost := false // the create's answer never arrived: it may exist anyway
	defer func() {
		if deleted {
			return
		}
		// Clean up even when the run was interrupted or timed out.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(p.ctx), 2*time.Minute)
		defer cancel()
		p.ctx = ctx
		sids := []string{}
		if sid != "" {
			sids = append(sids, sid)
		} else if lost {
			sids = p.findByName(name)
		}
		for _, s := range sids {
			if a, err := p.send(http.MethodDelete, "/endpoints/"+url.PathEscape(s), nil, nil); err != nil ||
				(a.status != http.StatusNoContent && a.status != http.StatusOK && a.status != http.StatusNotFound) {
				rep.Leftover = append(rep.Leftover, "endpoint "+s+" (named "+name+")")
			}
		}
		if lost && len(sids) == 0 {
			rep.Leftover = append(rep.Leftover, "possibly an endpoint named "+name+" (the create's answer was lost and no such endpoint was found)")
		}
	}()

	step := func(i int, fn func(v *verdict) bool) bool {
		v := &verdict{}
		ok := fn(v)
		results[i] = v.result(writeNames[i].name, writeNames[i].settles)
		return ok
	}
	notRun := func(why string) {
		for i := range results {
			if results[i].Detail == "needs -write (creates and deletes one third_party endpoint)" {
				results[i].Detail = why
			}
		}
	}

	body := map[string]any{
		"name": name, "type": "third_party",
		"addresses":  []any{map[string]any{"ip": "192.0.2.1"}, map[string]any{"ip": "192.0.2.2"}},
		"attributes": map[string]any{"probe_a": "1", "probe_b": "2"},
	}
	if !step(0, func(v *verdict) bool {
		a, err := p.send(http.MethodPost, "/endpoints", nil, body)
		if err != nil {
			lost = true
			v.skip("POST /endpoints got no answer: %v", err)
			return false
		}
		o := a.obj()
		sid, _ = o["endpoint_sid"].(string)
		switch {
		case a.status >= 500:
			lost = true // it may have been created before the failure
			v.skip("POST /endpoints answered %s", a.describe())
			return false
		case a.status == http.StatusBadRequest || a.status == http.StatusUnprocessableEntity:
			v.contradict("expected the create (name, type third_party, two addresses with only ip, attributes) "+
				"to be accepted, got %s", a.describe())
			return false
		case a.status < 200 || a.status > 299 || sid == "":
			v.skip("POST /endpoints answered %s", a.describe())
			return false
		}
		v.expect(a.status == http.StatusOK, "create answers 200", "%d", a.status)
		v.expect(uuidRE.MatchString(sid), "endpoint_sid a lowercase UUID v4", "%s", describeFormat(sid))
		v.expect(o["name"] == name && o["type"] == "third_party", "name and type as sent", "name %s, type %s",
			typeOfKey(o, "name"), jsonText(o["type"]))
		tok, _ := o["voip_token"].(string)
		v.expect(uuidRE.MatchString(tok), "voip_token a lowercase UUID", "voip_token %s", typeOfKey(o, "voip_token"))
		capa, ok := num(o["capacity"])
		v.expect(ok && capa == 0, "capacity 0 by default", "%s", jsonText(o["capacity"]))
		v.expect(o["auth_required"] == true, "auth_required true by default", "%s", jsonText(o["auth_required"]))
		props, ok := o["properties"].(map[string]any)
		v.expect(ok && len(props) == 0, "properties {} for third_party", "%s", typeOfKey(o, "properties")+" "+shapeIf(props))
		tr, ok := o["transformations"].([]any)
		v.expect(ok && len(tr) == 0, "transformations [] by default", "%s", typeOfKey(o, "transformations"))
		addrs, _ := o["addresses"].([]any)
		want := map[string]any{"direction": "any", "dst_port": 5060, "location_sid": nil, "port": 5060,
			"priority": 0, "sip_password": nil, "sip_username": nil, "srtp": false, "transport": "udp"}
		good := len(addrs) == 2
		var seen string
		for _, x := range addrs {
			m, _ := x.(map[string]any)
			for k, w := range want {
				if got, ok := m[k]; !ok || jsonText(got) != jsonText(w) {
					good = false
					seen = k + " " + typeOf(got)
					if k != "sip_password" && k != "sip_username" {
						seen = k + " " + jsonText(got)
					}
				}
			}
		}
		v.expect(good, "two addresses completed with the defaults (direction any, dst_port 5060, location_sid null, port 5060, "+
			"priority 0, sip_password null, sip_username null, srtp false, transport udp)", "%d addresses, %s", len(addrs), seen)
		return true
	}) {
		notRun("not checked: the create failed (see write.create)")
		return results
	}

	path := "/endpoints/" + url.PathEscape(sid)
	step(1, func(v *verdict) bool {
		a, err := p.send(http.MethodPatch, path, nil, map[string]any{"attributes": map[string]any{"probe_b": "3", "probe_c": "4"}})
		if err != nil || a.status != http.StatusOK {
			v.skip("PATCH attributes: %s", describeErr(a, err))
		} else {
			attrs, _ := a.obj()["attributes"].(map[string]any)
			keys := keySet(attrs)
			switch {
			case slices.Equal(keys, []string{"probe_b", "probe_c"}) && attrs["probe_b"] == "3":
				v.confirm("PATCH attributes replaces the object ({a,b} patched with {b,c} gives {b,c})")
			case slices.Equal(keys, []string{"probe_a", "probe_b", "probe_c"}):
				v.contradict("expected PATCH to replace attributes, got them merged ({a,b} patched with {b,c} gives {a,b,c})")
			default:
				v.contradict("expected PATCH to replace attributes with {b,c}, got keys %v", keys)
			}
			v.expect(a.obj()["name"] == name, "PATCH leaves the other attributes (name) alone", "name changed")
		}
		a, err = p.send(http.MethodPatch, path, nil, map[string]any{"addresses": []any{map[string]any{"ip": "192.0.2.3"}}})
		if err != nil || a.status != http.StatusOK {
			v.skip("PATCH addresses: %s", describeErr(a, err))
			return true
		}
		addrs, _ := a.obj()["addresses"].([]any)
		var ips []string
		for _, x := range addrs {
			m, _ := x.(map[string]any)
			ip, _ := m["ip"].(string)
			ips = append(ips, ip)
		}
		v.expect(slices.Equal(ips, []string{"192.0.2.3"}), "PATCH addresses replaces the array (2 addresses patched with 1 give that 1)",
			"addresses with ip %v", ips)
		if g, err := p.get(path, nil); err == nil && g.status == http.StatusOK {
			attrs, _ := g.obj()["attributes"].(map[string]any)
			v.expect(slices.Equal(keySet(attrs), []string{"probe_b", "probe_c"}), "a GET after the PATCHes shows the same attributes",
				"keys %v", keySet(attrs))
		}
		return true
	})

	step(2, func(v *verdict) bool {
		a, err := p.send(http.MethodPatch, path, nil, map[string]any{"carrierx_probe_unknown": "x"})
		if err != nil {
			v.skip("%v", err)
			return true
		}
		e := a.firstError()
		v.expect(a.status == http.StatusUnprocessableEntity && e != nil && e["field"] == "carrierx_probe_unknown",
			"PATCH with an unknown attribute: 422, errors[0].field the attribute", "%s", a.describe())
		return true
	})

	step(3, func(v *verdict) bool {
		a, err := p.send(http.MethodDelete, path, nil, nil)
		if err != nil {
			v.skip("DELETE got no answer: %v", err)
			return false
		}
		if a.status < 200 || a.status > 299 {
			v.skip("DELETE answered %s", a.describe())
			return false
		}
		deleted = true
		v.expect(a.status == http.StatusNoContent && len(a.raw) == 0, "DELETE answers 204 with no body", "%d with %d bytes", a.status, len(a.raw))
		if g, err := p.get(path, nil); err == nil {
			v.expect(g.status == http.StatusNotFound, "a GET after the DELETE answers 404", "%s", g.describe())
		}
		return true
	})
	return results
}

func shapeIf(m map[string]any) string {
	if m == nil {
		return ""
	}
	return shape(m)
}

func describeErr(a *answer, err error) string {
	if err != nil {
		return err.Error()
	}
	return a.describe()
}

// findByName looks for endpoints the probe may have created without
// hearing the answer.
func (p *prober) findByName(name string) []string {
	a, err := p.get("/endpoints", url.Values{"filter": {client.Eq("name", name).String()}, "limit": {"10"}})
	if err != nil || a.status != http.StatusOK {
		return nil
	}
	items, _ := a.items()
	return strs(items, "endpoint_sid")
}
