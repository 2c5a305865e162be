package emulator

import (
	"fmt"
	"net"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var endpointTypes = []string{"conference", "conference_playback", "conference_v2", "flexml", "mediator",
	"voicemail", "third_party", "system_gateway"}

// hostedAPIURL is the endpoint API of each hosted type; these types get
// generated credentials in properties.
var hostedAPIURL = map[string]string{
	"conference":          "https://api.carrierx.com/conference/v1",
	"conference_playback": "https://api.carrierx.com/conference/v1",
	"conference_v2":       "https://api.carrierx.com/conference/v2",
	"flexml":              "https://api.carrierx.com/flexml/v1",
	"mediator":            "https://api.carrierx.com/mediator/v1",
}

// generatedProperties are read only inside properties.
var generatedProperties = []string{"account_sid", "api_url", "login", "password"}

// defaultProperties are writable properties keys that a type gets on create
// when the body has none: the conference create sample shows container_sid
// as the string "null" (CarrierX docs, Core API, Endpoints, Create Endpoint);
// users point it at a storage container (CarrierX docs, Storing Files).
var defaultProperties = map[string]map[string]any{
	"conference": {"container_sid": "null"},
}

func endpointsCollection() *collection {
	return &collection{
		name:     "endpoints",
		sidField: "endpoint_sid",
		attrs: []attrSpec{
			{"addresses", rw}, {"attributes", rw}, {"auth_required", rw}, {"capacity", rw},
			{"cps_limit", readOnly}, {"endpoint_sid", readOnly}, {"name", rw},
			{"out_sip_password", rw}, {"out_sip_username", rw}, {"partner", readOnly},
			{"partner_sid", createOnly}, {"properties", rw}, {"transformations", rw},
			{"type", createOnly}, {"voip_token", readOnly},
		},
		scopes: map[op][]string{
			opCreate: {"endpoints.manage", "endpoints.create"},
			opList:   {"endpoints.manage", "endpoints.read"},
			opGet:    {"endpoints.manage", "endpoints.read"},
			opUpdate: {"endpoints.manage", "endpoints.update"},
			opDelete: {"endpoints.manage", "endpoints.delete"},
		},
		build: buildEndpoint,
		guard: func(cx *callCtx, o op, obj map[string]any) *apiError {
			if obj["type"] != "system_gateway" {
				if o == opDelete {
					sid := obj["endpoint_sid"].(string)
					if refs := cx.s.referrers("trunk_groups.trunks", "endpoint_sid", sid, cx.s.trunkAttached); len(refs) > 0 {
						return inUse("endpoint", sid, refs)
					}
				}
				return nil
			}
			if o == opDelete {
				return forbidden("the system_gateway endpoint cannot be deleted")
			}
			return forbidden("the system_gateway endpoint cannot be modified")
		},
		visible: func(cx *callCtx, obj map[string]any) bool { return obj["partner_sid"] == cx.partnerSID },
		related: relatedPartner,
	}
}

func buildEndpoint(cx *callCtx, obj, old map[string]any, changed map[string]bool) *apiError {
	var v validation
	create := old == nil
	def := func(k string, val any) {
		if _, ok := obj[k]; create && !ok {
			obj[k] = val
		}
	}
	if create {
		t, ok := obj["type"].(string)
		switch {
		case obj["type"] == nil:
			v.add("type", "type is required")
		case !ok || !slices.Contains(endpointTypes, t):
			v.add("type", fmt.Sprintf("type must be one of %s", strings.Join(endpointTypes, ", ")))
		case t == "system_gateway" && !cx.internal:
			v.add("type", "system_gateway endpoints are created by CarrierX and cannot be created through the API")
		}
		def("name", "N/A")
		def("capacity", int64(0))
		def("auth_required", true)
		def("out_sip_username", nil)
		def("out_sip_password", nil)
		def("addresses", []any{})
		def("attributes", map[string]any{})
		def("transformations", []any{})
		def("properties", map[string]any{})
		if p, _ := obj["partner_sid"].(string); p == "" {
			obj["partner_sid"] = cx.partnerSID
		}
		obj["cps_limit"] = nil
		obj["voip_token"] = nil
		if t == "third_party" {
			obj["voip_token"] = newUUID()
		}
		if p, ok := obj["partner_sid"].(string); !ok {
			v.add("partner_sid", "partner_sid must be a string")
		} else if !cx.internal && !cx.s.inTree(cx.partnerSID, p) {
			v.addRef("partner_sid", "cannot find partner by sid", p)
		}
	}
	if changed["name"] {
		if _, ok := obj["name"].(string); !ok {
			v.add("name", "name must be a string")
		}
	}
	if changed["capacity"] {
		n, ok := toInt64(obj["capacity"])
		if !ok || n < 0 {
			v.add("capacity", "capacity must be an integer greater than or equal to 0")
		}
		obj["capacity"] = n
	}
	if changed["auth_required"] {
		if _, ok := obj["auth_required"].(bool); !ok {
			v.add("auth_required", "auth_required must be a boolean")
		}
	}
	for _, k := range []string{"out_sip_username", "out_sip_password"} {
		if changed[k] {
			obj[k] = nullableString(&v, k, obj[k])
		}
	}
	if changed["addresses"] {
		obj["addresses"] = normalizeAddresses(&v, obj["addresses"])
	}
	if changed["attributes"] {
		if _, ok := obj["attributes"].(map[string]any); !ok {
			v.add("attributes", "attributes must be a JSON object")
		}
	}
	if changed["transformations"] {
		if arr, ok := obj["transformations"].([]any); !ok {
			v.add("transformations", "transformations must be an array of objects")
		} else {
			for i, t := range arr {
				if _, ok := t.(map[string]any); !ok {
					v.add(fmt.Sprintf("transformations[%d]", i), "a transformation must be an object")
				}
			}
		}
	}
	props, ok := obj["properties"].(map[string]any)
	if changed["properties"] && !ok {
		v.add("properties", "properties must be a JSON object")
	}
	if e := v.err(); e != nil {
		return e
	}
	if typ, _ := obj["type"].(string); ok && hostedAPIURL[typ] != "" {
		fixProperties(typ, props, old, cx.origin)
	}
	return nil
}

// fixProperties keeps the generated credentials read only: user values
// for them are dropped, then the stored (or new) ones are put back. The
// endpoint APIs the emulator serves get an api_url on the emulator itself
// (origin: scheme and host of the creating request) and a UUID
// account_sid, the SID of their account there (every Mediator, FlexML and
// Conference v2 sample shows UUID account SIDs).
func fixProperties(typ string, props, old map[string]any, origin string) {
	for _, k := range generatedProperties {
		delete(props, k)
	}
	for k, def := range defaultProperties[typ] {
		if _, ok := props[k]; ok {
			continue
		}
		// kept when an update replaces properties without it
		props[k] = def
		if oldProps, _ := old["properties"].(map[string]any); oldProps != nil {
			if v, ok := oldProps[k]; ok {
				props[k] = v
			}
		}
	}
	if old == nil {
		props["account_sid"] = randString(32, alnum)
		props["api_url"] = hostedAPIURL[typ]
		if api := apiOfType(typ); api != nil {
			props["account_sid"] = newUUID()
			if origin != "" {
				props["api_url"] = origin + api.prefix
			}
		}
		props["login"] = typ + "_" + randString(8, lower)
		props["password"] = randString(12, alnum)
		return
	}
	oldProps, _ := old["properties"].(map[string]any)
	for _, k := range generatedProperties {
		if v, ok := oldProps[k]; ok {
			props[k] = v
		}
	}
}

// nullableString accepts a string or null; "" is stored as null.
func nullableString(v *validation, field string, val any) any {
	switch t := val.(type) {
	case nil:
		return nil
	case string:
		if t == "" {
			return nil
		}
		return t
	}
	v.add(field, field+" must be a string or null")
	return val
}

var hostRE = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$`)

func addressDefaults() map[string]any {
	return map[string]any{
		"direction": "any", "dst_port": int64(5060), "location_sid": nil, "port": int64(5060),
		"priority": int64(0), "sip_password": nil, "sip_username": nil, "srtp": false, "transport": "udp",
	}
}

func normalizeAddresses(v *validation, val any) any {
	arr, ok := val.([]any)
	if !ok {
		v.add("addresses", "addresses must be an array of address objects")
		return val
	}
	out := make([]any, 0, len(arr))
	for i, el := range arr {
		prefix := fmt.Sprintf("addresses[%d]", i)
		m, ok := el.(map[string]any)
		if !ok {
			v.add(prefix, "an address must be an object")
			continue
		}
		a := addressDefaults()
		for _, k := range sortedKeys(m) {
			x := m[k]
			f := prefix + "." + k
			switch k {
			case "ip":
				s, ok := x.(string)
				if !ok || (net.ParseIP(s) == nil && !hostRE.MatchString(s)) {
					v.add(f, "ip must be an IP address or a host name")
				}
				a[k] = x
			case "port", "dst_port":
				a[k] = portValue(v, f, x)
			case "priority":
				n, ok := toInt64(x)
				if !ok {
					v.add(f, "priority must be an integer")
				}
				a[k] = n
			case "direction":
				if s, _ := x.(string); !slices.Contains([]string{"any", "inbound", "outbound"}, s) {
					v.add(f, "direction must be one of any, inbound, outbound")
				}
				a[k] = x
			case "transport":
				if s, _ := x.(string); !slices.Contains([]string{"udp", "tcp", "tls"}, s) {
					v.add(f, "transport must be one of udp, tcp, tls")
				}
				a[k] = x
			case "srtp":
				if _, ok := x.(bool); !ok {
					v.add(f, "srtp must be a boolean")
				}
				a[k] = x
			case "sip_username", "sip_password", "location_sid":
				a[k] = nullableString(v, f, x)
			default:
				v.add(f, "unknown attribute "+k)
			}
		}
		if _, ok := m["ip"]; !ok {
			v.add(prefix+".ip", "ip is required")
		}
		out = append(out, a)
	}
	return out
}

// portValue accepts an integer or a numeric string ("5060" becomes 5060).
func portValue(v *validation, field string, x any) any {
	n, ok := toInt64(x)
	if s, isStr := x.(string); isStr {
		i, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		n, ok = i, err == nil && strings.TrimSpace(s) == s
	}
	if !ok || n < 1 || n > 65535 {
		v.add(field, "port must be an integer between 1 and 65535")
		return x
	}
	return n
}
