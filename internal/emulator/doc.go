// Package emulator is an in-memory CarrierX Core API v2 for tests and local
// development. It serves the API as /work/shared/carrierx-api describes it:
// the Core API under /core/v2 (bearer tokens, scopes, the documented status
// codes, error envelope, list envelope, filter language and field
// filtering) and a test-control API under /_emulator (no auth; Listen only
// binds loopback addresses).
//
// Collections are generic (collection.go): a path, a SID field, attributes
// with access flags (rw, create-only, read-only), scopes per operation and
// per-type hooks (build for validation and defaults, guard, visible,
// related, afterCreate). Objects are JSON maps kept in insertion order
// (store.go). New object types add a collection; they do not add handlers.
//
// # Test-control API (JSON in and out)
//
//	POST   /_emulator/reset                    204; back to the seed state (same token, partner SID, system_gateway SID); faults, extra tokens and the request log are cleared
//	POST   /_emulator/seed                     {"collection","count","object"} -> 200 {"sids":[...]}; Core API create logic, "{n}" in strings = 0-based index; not logged
//	GET    /_emulator/objects/{coll}/{sid}     the stored object
//	PATCH  /_emulator/objects/{coll}/{sid}     merge top-level keys verbatim, no validation (drift) -> 200 object
//	DELETE /_emulator/objects/{coll}/{sid}     out-of-band delete -> 204
//	POST   /_emulator/tokens                   {"scopes","name","partner_sid"} -> 200 token object (10-oauth.md shape)
//	DELETE /_emulator/tokens/{token_sid}       revoke -> 204 (later use answers 401 "Bad credentials")
//	POST   /_emulator/faults                   {"method","path","count","status","retry_after","latency_ms","message"} -> 200 {"fault_id"}
//	GET    /_emulator/faults                   {"faults":[...]} with the remaining counts
//	DELETE /_emulator/faults                   204; clears all faults
//	GET    /_emulator/requests                 {"requests":[{"seq","method","path","query","status","body","fault"}]}; never headers
//	DELETE /_emulator/requests                 204; clears the log
//
// Control bodies are decoded strictly: unknown keys answer 400 so test typos surface.
//
// # Assumptions
//
// Every behaviour the reference does not fix, in one place, so that it can
// be checked against the live API in one run. Status: DOC/SAMPLE/CODE =
// built as the reference states; UNVERIFIED = the emulator's choice; gap =
// the reference has nothing.
//
//	| topic | choice | reference status |
//	|---|---|---|
//	| check order | fault injection, route (404/405), credentials (401), scope (403), media type (415), JSON body (400), query arguments (400), SID (404), system_gateway guard (403), validation (422) | UNVERIFIED |
//	| 405 | known path with an unrouted method: 405 "Method Not Allowed" with an Allow header, decided before credentials | UNVERIFIED |
//	| error envelope | {"message","errors":[{"field","message","reference_sid"}]} on every 4xx/5xx (incl. injected faults); without a field, errors[0].message is the lower-cased message, field and reference_sid null | DOC (404 example); UNVERIFIED for other codes |
//	| 404 unknown SID | 404 "Cannot find item by SID", errors[0] {"field":null,"message":"cannot find item by sid","reference_sid":<the SID>} | DOC (message); UNVERIFIED (reference_sid filled) |
//	| 400 on query arguments | message "Bad Request", errors[0].field = the argument (limit, offset, order, filter, with_related) and a message saying what is wrong | UNVERIFIED |
//	| body not a JSON object | invalid JSON, empty body, a non-object value ([1], "x") or trailing data: 400 "No JSON object could be decoded" | DOC (message); UNVERIFIED (non-object, empty) |
//	| 415 | POST/PATCH/PUT whose Content-Type media type is not application/json (parameters such as charset allowed), even with an empty body | DOC (415); UNVERIFIED (empty body) |
//	| 401 | no Authorization header, or "Bearer" with no token: "Unauthorized"; unknown/revoked token or any other scheme (Basic is not supported): "Bad credentials" | DOC (messages); gap (Basic auth on Core API) |
//	| 403 scope | message "Forbidden", errors[0].message lists the scopes the method accepts | DOC (403); UNVERIFIED (detail) |
//	| endpoint scopes | create endpoints.manage/endpoints.create; list/get manage/read; PATCH/PUT manage/update; DELETE manage/delete | DOC (read, delete); UNVERIFIED (create, update by pattern) |
//	| partner scopes | GET list and by SID: partners.manage/partners.read | DOC (get by SID); UNVERIFIED (list) |
//	| known scopes | the scopes the collections name plus each area's manage/create/read/update/delete family; the seeded token and partner available_scopes hold all of them | UNVERIFIED |
//	| control tokens | scopes are any strings (not checked against available_scopes); the token is bound to the seeded partner unless partner_sid names a stored partner | UNVERIFIED |
//	| token use | date_last_accessed/ip_last_accessed stay null; tokens are not served by the Core API yet | gap |
//	| unknown attributes | in a create/PATCH/PUT body (also inside an address): 422, field = the name (addresses[0].foo) | UNVERIFIED |
//	| read-only attributes in bodies | silently ignored, never changed (endpoint_sid, voip_token, cps_limit, partner, generated properties keys) | UNVERIFIED (docs: ignored or rejected) |
//	| create-only attributes | endpoint type and partner_sid: on update the same value is accepted, a different one is 422 naming the field | UNVERIFIED |
//	| PUT | every attribute writable on update must be present, else 422 per missing field; create-only attributes may be omitted; read-only ones are ignored | DOC (all fields present); UNVERIFIED (status, which fields) |
//	| nested objects on PATCH | addresses, transformations, attributes and properties are replaced wholesale; the generated properties keys are always preserved | gap |
//	| update validation | only attributes present in the body are validated, so out-of-band drift of other attributes does not block a PATCH | UNVERIFIED |
//	| create/update answer | 200 with the full object; field filtering and with_related apply only to GETs | SAMPLE (200); UNVERIFIED (no filtering) |
//	| endpoint type | required on create (422 field type when absent or null); known values conference, conference_playback, conference_v2, flexml, mediator, voicemail, third_party, system_gateway; anything else 422 | DOC (list cut after mediator) / UNVERIFIED (rejecting others) |
//	| system_gateway create | POST with type system_gateway: 422 field type; only CarrierX (the emulator's seed) creates it | UNVERIFIED |
//	| system_gateway update/delete | PATCH/PUT: 403 "cannot be modified"; DELETE: 403 "cannot be deleted" (out-of-band control delete still works) | DOC (cannot be modified); UNVERIFIED (status) |
//	| name | defaults to "N/A"; must be a string (null is 422); "" is kept | UNVERIFIED |
//	| capacity | default 0; a JSON integer >= 0 (strings and fractions are 422) | SAMPLE (default); UNVERIFIED (validation) |
//	| auth_required | default true; boolean | SAMPLE (default); UNVERIFIED |
//	| empty strings | "" is stored as null for out_sip_username, out_sip_password and address sip_username, sip_password, location_sid | UNVERIFIED |
//	| partner_sid | absent, null or "" = the caller; otherwise the caller or one of its descendants, else 422 field partner_sid with reference_sid = the value | SAMPLE (default); UNVERIFIED |
//	| endpoint visibility | list, get, update and delete see only the caller partner's own endpoints (not its descendants'); others answer 404 | UNVERIFIED |
//	| address ip | required (422 field addresses[i].ip); an IP address or a host name | DOC (meaning); UNVERIFIED (validation, field spelling) |
//	| address transport/direction | transport udp, tcp or tls; direction any, inbound or outbound; exact lower case | DOC (transport); UNVERIFIED (direction list, case) |
//	| address port/dst_port | a JSON integer or a numeric string without spaces ("5060" becomes 5060), 1..65535 | SAMPLE ("5060" -> 5060); UNVERIFIED (range) |
//	| address priority | any JSON integer | UNVERIFIED |
//	| address defaults | direction any, dst_port 5060, location_sid null, port 5060, priority 0, sip_password null, sip_username null, srtp false, transport udp | SAMPLE |
//	| location_sid | not checked against any object (locations are not modelled) | gap |
//	| transformations | an array of objects, stored and returned verbatim | gap (object shape unconfirmed) |
//	| attributes | any JSON object, stored verbatim (values not forced to strings) | DOC (object) / UNVERIFIED |
//	| hosted properties | conference, conference_playback, conference_v2, flexml, mediator get account_sid (32 alphanumerics), api_url, login ("<type>_" + 8 lower-case alphanumerics), password (12 alphanumerics); read only | SAMPLE (conference); UNVERIFIED (other types, formats) |
//	| api_url | conference and conference_playback .../conference/v1, conference_v2 .../conference/v2, flexml .../flexml/v1, mediator .../mediator/v1 | SAMPLE/CODE; UNVERIFIED (conference_v2, conference_playback) |
//	| conference container_sid | not generated (the sample's string "null" looks like an artefact); users may set it like any other properties key | SAMPLE deviation, UNVERIFIED |
//	| other properties | voicemail, third_party and system_gateway: {} by default; user keys of any type stored as given | SAMPLE |
//	| voip_token | a UUID for third_party; null for every other type, system_gateway included | DOC/SAMPLE; UNVERIFIED (system_gateway) |
//	| system_gateway object | seeded per partner: name "system_gateway", two addresses 192.0.2.10 and 192.0.2.11 (documentation IPs) with the address defaults, properties {} | OLD-DOC (shape); UNVERIFIED (values) |
//	| limit | default 10; above 1000 clamped to 1000 and echoed; 0 allowed (no items, has_more as usual, no next link); negative or non-integer: 400 | DOC (10, 1000); UNVERIFIED (clamp, 0) |
//	| offset | default 0; past the end gives no items and has_more false; negative or non-integer: 400 | DOC (default); UNVERIFIED |
//	| pagination | {} or next (when has_more) and previous (when offset > 0, offset max(0, offset-limit)); absolute URLs from the request's Host, http unless TLS, same path, every query argument kept, limit and offset always explicit | SAMPLE/CODE (next); UNVERIFIED (previous, exact URL) |
//	| total | the number of matching items, never null for endpoints and partners | SAMPLE |
//	| default order | insertion order | UNVERIFIED |
//	| order | "<attr>", "<attr> asc", "<attr> desc" (direction case-insensitive) or "shuffle"; top-level attributes only, unknown: 400 field order; stable sort; mixed types null < boolean < number < string < other | DOC (syntax); UNVERIFIED (rest) |
//	| after/before cursors | not implemented (ignored like other unknown arguments) | gap |
//	| unknown query arguments | ignored | UNVERIFIED |
//	| filter syntax | <attr> <op> <value> joined by "and" (case-insensitive); operators case-insensitive; no or, not or parentheses | DOC |
//	| filter operators | eq ne gt ge lt le like ilike in notin bit | DOC (eq gt like bit), CODE (ge lt), UNVERIFIED (ne le ilike in notin) |
//	| filter quoting | single or double quotes; inside them \" \' \\ are escapes and any other backslash is literal; a quote opens a string only at the start of a token (O'Brien is a bare word) | DOC (quotes); UNVERIFIED (escapes) |
//	| filter literals | bare null, true, false (case-insensitive) and numbers (-12, 3.5, 1e3) are typed; quoted values are always strings | UNVERIFIED |
//	| filter comparison | numeric when the literal is a bare number and the stored value is a JSON number or a numeric string (money); otherwise the stored value's text (numbers as JSON text, booleans true/false) is compared as a string, so ISO timestamps compare as strings | CODE (dates); UNVERIFIED |
//	| filter null | eq null matches null or a missing nested key, ne null the opposite; gt/ge/lt/le/like/ilike with null: 400 | UNVERIFIED |
//	| filter dot paths | arrays on the path and at its end are flattened; eq gt ge lt le like ilike in bit hold when ANY element matches; ne and notin hold when NO element matches | DOC (addresses.ip sample); UNVERIFIED (negations, end arrays) |
//	| filter attributes | only the first path segment must be a known top-level attribute (else 400); unknown nested keys read as null | UNVERIFIED |
//	| in/notin | a parenthesised comma list, spaces optional, quoted or bare items; () allowed (in matches nothing, notin everything) | UNVERIFIED |
//	| like/ilike | % any run, _ one character, the whole value must match, no escape for a literal % or _; ilike ignores case | DOC (%); UNVERIFIED (_ , ilike) |
//	| bit | the value must be an integer literal; true when (field & value) == value for integers (or integer strings) | DOC via 20-phone-numbers.md; UNVERIFIED (semantics) |
//	| filter errors | 400 "Bad Request", field filter, message "invalid filter: <what and where>" | UNVERIFIED |
//	| field filtering | include_fields, includeFields, exclude_fields, excludeFields; comma lists, items trimmed; include first, then exclude; unknown names ignored; only items are trimmed, never the envelope | DOC via other files; CODE (includeFields); UNVERIFIED (rest) |
//	| with_related | true/false/1/0 (strconv.ParseBool), other values 400 field with_related; embeds the owning partner as partner (null if it no longer exists) | DOC (partner); UNVERIFIED (values) |
//	| trailing slash | /core/v2/endpoints/ is 404 Not Found | UNVERIFIED |
//	| partners routes | only GET /partners and GET /partners/{sid}; other methods 405 | gap (create/update not built yet) |
//	| partners visibility | GET /partners lists the caller and its descendants; other partners answer 404 | UNVERIFIED |
//	| seeded partner | shape of the 11-partners.md sample; postpay, charge_at and prepay_amount null, balance "0"; parent_sid a random UUID that is not stored (CarrierX's own partner); status active | SAMPLE (shape); UNVERIFIED (values) |
//	| seeded sub-partners | control seed only: defaults as the seeded partner, parent_sid = the caller (or a partner in its tree, else 422), status active with e-mails shown (no verification step), available_scopes [], money fields stored as strings, password accepted and never returned; each gets its own system_gateway | SAMPLE (types); UNVERIFIED |
//	| money | balance, charge_at, daily_spending_limit, daily_spent_amount, prepay_amount, spending_limit are JSON strings; numbers in bodies are stored as strings | SAMPLE |
//	| timestamps and SIDs | ISO 8601 UTC with milliseconds and Z; lowercase UUID v4; display_id CX + 8 digits | SAMPLE |
//	| faults | matched before routing and authentication; the first matching fault wins; latency applies before a status fault too; count 0 = unlimited; message defaults to the status text | design |
//	| request log | body is the decoded JSON, the raw text when not JSON, null when empty; faulted requests are logged with fault true; headers never kept | design |
//	| seed | stops at the first invalid object (422 with its index); objects created before it remain | design |
//	| 429 and 5xx | only produced by injected faults, with the same envelope | gap |
package emulator
