// Package emulator is an in-memory CarrierX Core API v2 for tests and local
// development. It serves the API as CarrierX's public documentation describes it:
// the Core API under /core/v2 (bearer tokens, scopes, the documented status
// codes, error envelope, list envelope, filter language and field
// filtering), the endpoint APIs of hosted endpoints under /mediator/v1,
// /flexml/v1 and /conference/v2 (HTTP Basic with an endpoint's generated
// credentials) and a test-control API under /_emulator (no auth; Listen
// only binds loopback addresses, ListenNonLoopback any for a CI service
// container when asked explicitly, and all of them refuse a Host header that
// is not loopback or listed in Options.AllowedHosts, see "Guards" below).
//
// Collections are generic (collection.go): a path (several segments, "{}"
// for the parent's SID of a sub-collection), the API serving it, a SID
// field, attributes with access flags (rw, create-only, read-only,
// sparse), scopes per operation and per-type hooks (build for validation
// and defaults, guard, visible, related, view, args, afterCreate, fetch,
// release, reuse, expires). Objects are JSON maps kept in insertion order
// (store.go) and never changed in place. New object types add a
// collection; they do not add handlers. An endpoint API's collection
// (apps.go) declares its API and has the endpoint as parent: the parent
// SID comes from the credentials instead of the path.
//
// # Collections and routes (below /core/v2)
//
// The control-API name of a collection is its Core path with "/" replaced
// by "." (sub-collections drop the parent's SID).
//
//	name                         route                                       methods                     SID
//	endpoints                    /endpoints[/{sid}]                          GET POST / GET PATCH PUT DELETE  endpoint_sid
//	partners                     /partners[/{sid}]                           GET POST / GET PATCH PUT    partner_sid
//	trunk_groups                 /trunk_groups[/{sid}]                       GET POST / GET PATCH PUT DELETE  trunk_group_sid
//	trunk_groups.trunks          /trunk_groups/{trunk_group_sid}/trunks[/{sid}]  GET POST / GET PATCH PUT DELETE  trunk_sid
//	phonenumber.available_dids   /phonenumber/available_dids[/{sid}]         GET / GET                   did_sid
//	phonenumber.dids             /phonenumber/dids[/{sid}]                   GET POST(rent) / GET PATCH PUT DELETE(release)  did_sid
//	phonenumber.did_groups       /phonenumber/did_groups[/{sid}]             GET POST / GET PATCH PUT DELETE  did_group_sid
//	phonenumber.prefixes         /phonenumber/prefixes[/{sid}]               GET POST / GET PATCH PUT DELETE  prefix_sid
//	accesscontrol.rules          /accesscontrol/rules[/{sid}]                GET POST / GET PATCH PUT DELETE  rule_sid
//	countries                    /countries[/{country_code}]                 GET / GET                   iso_3166_alpha_3
//	lookup.dids                  /lookup/dids/{phonenumber}                  GET (computed, not stored)  phonenumber
//	oauth.tokens                 /oauth/tokens[/{sid}]                       GET / GET PATCH PUT         token_sid
//	storage.containers           /storage/containers[/{sid}]                 GET POST / GET PATCH PUT DELETE  container_sid
//	storage.files                /storage/files[/{sid}]                      GET POST(upload) / GET PATCH PUT DELETE  file_sid
//	shortener.domains            /shortener/domains[/{sid}]                  GET POST / GET PATCH PUT DELETE  domain_sid
//	shortener.links              /shortener/links[/{sid}]                    GET POST(?reuse) / GET PATCH PUT DELETE  link_sid
//
// Routes that are not collection operations (form bodies, files):
//
//	POST /oauth/token                   form -> 200 token for the caller's partner
//	POST /oauth/token/{partner_sid}     form -> 200 token for a descendant partner
//	POST /oauth/revoke                  form -> 204; the token field's access token, else the calling token
//	POST /storage/files                 multipart (file_object + data) or application/octet-stream (attributes in the query) -> 201 file
//	GET  /storage/files/{sid}/data      the content (Content-Type = mime_type)
//	GET  /f/{file_sid}                  outside /core/v2, no credentials: a published file's content (publish_uri's path)
//	GET  http://<domain_name>/<short_name>  any path outside /core/v2, /_emulator and /f/ whose Host header is a stored
//	                                    domain_name: the short link's redirect (send the Host header to the emulator's address)
//
// phonenumber.available_dids and phonenumber.dids are two views of one
// table (the built-in inventory of 5,000 numbers plus their rented and aging
// states), so /_emulator/objects/phonenumber.dids/{did_sid} reads any
// number whatever its status. Seeding phonenumber.dids rents numbers (the
// object is the rent body); available DIDs, countries and lookups cannot
// be seeded. Seeding trunk_groups.trunks needs "parent_sid".
//
// # Endpoint APIs (below /mediator/v1, /flexml/v1, /conference/v2)
//
// Served on the same server as the Core API, with HTTP Basic
// authentication by the properties.login/properties.password the emulator
// generates for a hosted endpoint of the API's type (mediator, flexml,
// conference_v2); each request sees its endpoint's objects only. The
// control-API name of a collection is "<api>.<path>". The Mediator API
// wraps every answer that has a body in {"body": ..., "status": <HTTP
// status>}; the others do not. Conference v1 (endpoint types conference
// and conference_playback) is legacy and not served.
//
//	name                     route                                    methods                          SID
//	mediator.accounts        /mediator/v1/accounts[/{sid}]            GET / GET                        account_sid
//	mediator.bindings        /mediator/v1/bindings[/{sid}]            GET POST(?reuse,?fallback_country) / GET PATCH PUT DELETE  binding_sid
//	mediator.dialouts        /mediator/v1/dialouts[/{sid}]            GET POST / GET PATCH PUT DELETE  dialout_sid (transient)
//	mediator.dids            /mediator/v1/dids[/{sid}]                GET / GET                        did_sid (numbers routed to the endpoint)
//	flexml.accounts          /flexml/v1/accounts[/{sid}]              GET / GET PATCH PUT              account_sid
//	flexml.dids              /flexml/v1/dids[/{sid}]                  GET / GET PATCH PUT              did_sid (numbers routed to the endpoint)
//	flexml.calls             /flexml/v1/calls[/{sid}]                 GET POST / GET PATCH PUT DELETE  call_sid (transient)
//	conference.accounts      /conference/v2/accounts[/{sid}]          GET / GET PATCH PUT              account_sid
//	conference.call_flows    /conference/v2/call_flows[/{sid}]        GET / GET                        call_flow_sid
//	conference.did_groups    /conference/v2/did_groups[/{sid}]        GET POST / GET PATCH PUT DELETE  did_group_sid
//	conference.dids          /conference/v2/dids[/{sid}]              GET / GET PATCH PUT              did_sid (numbers routed to the endpoint)
//	conference.meeting_rooms /conference/v2/meeting_rooms[/{sid}]     GET POST / GET PATCH PUT DELETE  meeting_room_sid
//
// Each hosted endpoint's account (and a conference_v2 endpoint's four call
// flows) exists from its creation; its DIDs are the Core DIDs routed to it
// (DID -> trunk group -> trunk -> endpoint), computed live. The endpoint
// APIs are brought in step with the Core state (accounts made, DIDs routed
// or unrouted, expired objects and those of deleted endpoints dropped)
// after every Core API write and control call and before every endpoint
// API request, so /_emulator/objects and Server.Objects show them current.
// Faults match these paths too (answers unwrapped); their requests are in
// the request log like Core API requests.
//
// # Test-control API (JSON in and out)
//
//	POST   /_emulator/reset                    204; back to the seed state (same token, partner SID, system_gateway SID, the whole DID inventory available again); faults, extra tokens and the request log are cleared
//	POST   /_emulator/seed                     {"collection","count","object","parent_sid"} -> 200 {"sids":[...]}; Core API create logic, "{n}" in strings = 0-based index; parent_sid only (and always) for sub-collections; not logged
//	GET    /_emulator/objects/{coll}/{sid}     the stored object
//	PATCH  /_emulator/objects/{coll}/{sid}     merge top-level keys verbatim, no validation (drift) -> 200 object
//	DELETE /_emulator/objects/{coll}/{sid}     out-of-band delete -> 204
//	POST   /_emulator/tokens                   {"scopes","name","partner_sid"} -> 200 token object (CarrierX docs (OAuth) shape); scopes not checked
//	GET    /_emulator/partners/{sid}/credentials  {"partner_sid","login","client_id","client_secret"} (the password is never returned)
//	POST   /_emulator/partners/{sid}/verify    stands for the clicked verification link: status active, e-mails shown -> 200 partner
//	POST   /_emulator/partners/{sid}/limits    {"containers": n} -> 200 {"containers"}: the partner's storage container limit (default 2, the default container included)
//	DELETE /_emulator/tokens/{token_sid}       revoke -> 204 (later use answers 401 "Bad credentials")
//	POST   /_emulator/faults                   {"method","path","count","status","retry_after","latency_ms","message","when","kind","location"} -> 200 {"fault_id"}
//	GET    /_emulator/faults                   {"faults":[{"fault_id","method","path","count","status","retry_after","latency_ms","message","when","kind","location"}]}; count = the remaining uses
//	DELETE /_emulator/faults                   204; clears all faults
//	GET    /_emulator/requests                 {"requests":[{"seq","method","path","query","status","body","fault"}]}, oldest first; the last Options.RequestLogSize (default 10,000) requests; never headers
//	DELETE /_emulator/requests                 204; clears the log
//	POST   /_emulator/endpoints/{sid}/rotate_password  200 {"endpoint_sid","login"} (never the password): a new generated password for a hosted endpoint, which the Core API shows; the old one answers 401; 404 unknown endpoint, 400 field endpoint_sid for an endpoint without generated credentials
//	GET    /_emulator/clock                    {"now"}: the emulator's clock (documented timestamp format)
//	POST   /_emulator/clock                    {"advance_seconds": n >= 0} -> 200 {"now"}: time passes for every TTL and date the emulator keeps (bindings, dialouts, calls, links, tokens, file lifecycles); reset sets it back
//
// Seeding oauth.tokens takes {"name","scopes","partner_sid",
// "access_token_expires_in","refresh_token_expires_in"} (scopes default to
// and must lie within the partner's available_scopes). Out-of-band PATCH
// of a token's date_expiration_access_token to a past time expires it.
//
// Seeding storage.files takes the file attributes plus "data" (the content
// as a string); the upload checks (quota, classifications) apply, the
// container limit does not apply to seeded containers. An out-of-band
// delete of a file also drops its content and refreshes its container.
//
// Seeding an endpoint API's collection (mediator.bindings,
// mediator.dialouts, flexml.calls, conference.did_groups,
// conference.meeting_rooms) needs "parent_sid", an endpoint of that API's
// type, and runs that API's create logic (a binding needs a number routed
// to the endpoint first); accounts, call flows and DIDs are made by the
// emulator and cannot be seeded. Out-of-band GET/PATCH/DELETE of
// /_emulator/objects/<api>.<path>/{sid} work as for Core objects (a
// deleted DID of a routed number comes back with a new SID).
//
// Control bodies are decoded strictly: unknown keys answer 400 so test typos surface.
//
// # Options
//
//	Token           the seeded partner's all-scope token (generated when empty)
//	AccessLog       one line per request (method, path, status) when set
//	RequestLogSize  records kept by the request log (ring buffer; 0 or less = DefaultRequestLogSize, 10,000)
//	AllowedHosts    Host header values accepted besides loopback ones: "name" (any port) or "name:port"
//	TotalAlwaysNull every list answers "total": null (a deliberate deviation from the table below, so that
//	                cmd/carrierx-probe can be seen to report a contradiction; never for other tests)
//
// The carrierx-emulator command sets them with -token, -allowed-hosts
// (comma list), -request-log-size and -total-always-null.
//
// # Faults
//
// A fault matches a Core API request by method ("" = any) and path (exact,
// or a prefix when it ends in "*"); count uses (0 = unlimited), then it is
// gone. All fields but path are optional:
//
//	when        "before" (default): the fault answers instead of the request, before routing and credentials; nothing is executed.
//	            "after": the request runs through the whole pipeline (credentials, validation) and is committed; only a 2xx
//	            answer is then replaced by the fault. A request that fails (401, 422...) gets its real answer and does not
//	            consume the fault.
//	latency_ms  delays the answer: before the request (when=before) or after the commit (when=after), so a client timeout
//	            loses the answer to a request that did happen (logged with status 0). Alone (status 0, no kind) it only delays.
//	status      with kind "": the status of an error-envelope answer (message, default the status text; retry_after sets Retry-After)
//	kind        ""          the status answer above (status required unless latency only)
//	            "reset"     no HTTP answer: the connection is hijacked and closed with SO_LINGER 0 (a TCP RST)
//	            "truncate"  when=after only: the real status and headers, Content-Length of the whole body, the first half
//	                        of the body, then the connection is closed (the client reads an unexpected EOF)
//	            "empty"     200 (or status), Content-Type application/json, empty body
//	            "null"      200 (or status), body null
//	            "foreign"   200, another object of the request path's collection, exactly as a GET of it (caller's token, no
//	                        query arguments) presents it: one the caller's partner can see, not the path's SID nor the object
//	                        the real answer names (when=after); {} when there is none (or the token is unknown)
//	            "redirect"  302 (or status: 301, 302, 303, 307, 308), Location = location (required), empty body
//	            "echo"      400 (or status), error envelope whose message and errors[0].message are "invalid request: <the
//	                        raw request body>", errors[0].field "body" (an API that echoes passwords in errors)
//	            "endless"   list GETs only (method GET or ""): the first page (offset 0) whatever offset is asked, with
//	                        has_more true and total null; offset, limit and pagination as usual (next = offset + limit)
//	location    the Location of kind redirect; refused with any other kind
//
// The control call answers 400 naming the field for an unknown kind, a
// when other than before/after, redirect without location or with another
// status, truncate without when=after, a status with reset, truncate,
// foreign or endless, and endless with a method other than GET.
//
// Go's http.Transport silently retries an idempotent request (GET, HEAD...)
// whose reused keep-alive connection is reset or closed before an answer:
// the retry is a new request that the fault no longer matches when its
// count is used up. Use count 2 (or 0), or a client without keep-alive, to
// see the reset.
//
// # Guards
//
// Requests to /core/v2, the endpoint APIs and /_emulator whose Host header is neither
// loopback (localhost, 127.0.0.0/8, [::1], any port) nor in
// Options.AllowedHosts are refused with 403, message `Host "<value>" is
// not allowed` and errors[0] (field "Host") saying how to allow it: a web
// page that rebinds its DNS name to 127.0.0.1 reaches the emulator with its
// own name as Host. The control API, which has no credentials,
// additionally refuses any request carrying an Origin header (403, field
// "Origin"; browsers send it on cross-origin requests, test tools do not)
// and POST/PATCH/PUT without Content-Type application/json (415, field
// "Content-Type", even without a body), which a page cannot send
// cross-origin without a CORS preflight. The public routes (/f/ and short
// links, whose Host is the link's domain) are not checked.
//
// # Assumptions
//
// Every behaviour the reference does not fix, in one place, so that it can
// be checked against the live API in one run. Status: DOC/SAMPLE/CODE =
// built as the reference states; UNVERIFIED = the emulator's choice; gap =
// the reference has nothing. "probe: <check>" names the check of
// cmd/carrierx-probe (make probe) that settles the row, or the part of it
// a request can show (write.* checks need -write); rows without it need
// requests the probe does not make (writes to other objects, faults,
// scopes of other tokens) or are the emulator's own design.
//
//	| topic | choice | reference status |
//	|---|---|---|
//	| check order | Host (403), faults with when=before (a matching one reads the body first: over 16 MiB 413, the fault kept), route (404/405), credentials (401), scope (403), media type (415), body size (413), JSON body (400), parent of a sub-collection (404), collection query arguments (400/403), list/field query arguments (400), SID (404), guards (403/409), validation (422); faults with when=after then replace a 2xx answer. The body is read only once credentials, scope and media type have passed (before this order had 413 first, ahead of routing), so a refused request never costs its body's size | UNVERIFIED / design (body read last) |
//	| 405 | known path with an unrouted method: 405 "Method Not Allowed" with an Allow header, decided before credentials | UNVERIFIED |
//	| error envelope | {"message","errors":[{"field","message","reference_sid"}]} on every 4xx/5xx (incl. injected faults); without a field, errors[0].message is the lower-cased message, field and reference_sid null | DOC (404 example); UNVERIFIED for other codes; probe: error.404_unknown_sid, error.400_query_args |
//	| 404 unknown SID | 404 {"message":"no item error","errors":[{"field":null,"message":"cannot find item by sid","reference_sid":null}]} word for word, for every SID without an item (objects, parents of sub-collections, sub-partner mint, control routes); no SID echoed | SAMPLE (CarrierX docs, Phone Numbers, DID messaging 404); probe: error.404_unknown_sid |
//	| 400 on query arguments | message "Bad Request", errors[0].field = the argument (limit, offset, order, filter, with_related) and a message saying what is wrong | UNVERIFIED; probe: error.400_query_args |
//	| body not a JSON object | invalid JSON, empty body, a non-object value ([1], "x") or trailing data: 400 "No JSON object could be decoded" | DOC (message); UNVERIFIED (non-object, empty) |
//	| body size | Core API request bodies over 16 MiB: 413 "Request Entity Too Large" (logged without body), checked after credentials, scope and media type | UNVERIFIED |
//	| 415 | POST/PATCH/PUT whose Content-Type media type is not application/json (parameters such as charset allowed), even with an empty body | DOC (415); UNVERIFIED (empty body) |
//	| 401 | no Authorization header, or "Bearer" with no token: "Unauthorized"; unknown/revoked token or any other scheme (Basic is not supported): "Bad credentials" | DOC (messages); gap (Basic auth on Core API); probe: auth.401 |
//	| 403 scope | message "Forbidden", errors[0].message lists the scopes the method accepts | DOC (403); UNVERIFIED (detail) |
//	| endpoint scopes | create endpoints.manage/endpoints.create; list/get manage/read; PATCH/PUT manage/update; DELETE manage/delete | DOC (read, delete); UNVERIFIED (create, update by pattern) |
//	| partner scopes | GET list and by SID: partners.manage/partners.read; POST manage/create; PATCH/PUT manage/update | DOC (get by SID); UNVERIFIED (list, create, update by pattern) |
//	| known scopes | the scopes the collections and routes name plus each area's manage/create/read/update/delete family, plus lookup.dids.allow_carrier/allow_cnam/allow_lrn, lookup.ip_addresses.read, oauth.allow_token_scope_update, oauth.manage_all_tokens, shortener.allow_domain_mode_proxypass, shortener.allow_domain_secure_required, shortener.allow_link_mode_proxypass; the seeded token and partner available_scopes hold all of them | UNVERIFIED |
//	| control tokens | scopes are any strings (not checked against available_scopes); the token is bound to the seeded partner unless partner_sid names a stored partner | UNVERIFIED |
//	| token use | every authenticated request sets date_last_accessed and ip_last_accessed (the client's address), at most once a minute | DOC (meaning); UNVERIFIED (granularity) |
//	| token storage | tokens are the oauth.tokens collection: the seeded emulator_master token, every partner's ivs_token, control-API tokens and minted ones all appear in GET /oauth/tokens | DOC (list) / UNVERIFIED |
//	| token mint auth | POST /oauth/token and /oauth/token/{partner_sid} need a bearer token with oauth.manage_all_tokens, oauth.manage or oauth.create (no password grant without a bearer token); answer 200 with the token | DOC (scopes, 200) / UNVERIFIED (bearer required) |
//	| token mint media type | the body must be application/x-www-form-urlencoded, else 415 (JSON included) | DOC |
//	| token mint fields | grant_type, client_id, client_secret, username, password, name, scopes, scope, access_token_expires_in, refresh_token_expires_in, partner_sid (ignored); any other field: 422 naming it; none is required | DOC (first fields) / UNVERIFIED (rest, none required) |
//	| grant_type | absent or "password"; anything else 400 field grant_type | SAMPLE (password) / UNVERIFIED |
//	| form credentials | each of client_id/client_secret that is sent must equal the calling partner's client credentials; username/password, when sent, must equal the login/password of the partner the token is for; a mismatch is 401 "Bad credentials" naming the field | UNVERIFIED |
//	| client credentials | client_id and client_secret are per partner (32 hex), generated with the partner; client_id is on every token, client_secret never returned (control API credentials route only) | DOC (never returned) / UNVERIFIED (per partner) |
//	| form scopes | repeated scopes (or OAuth-style scope) fields, each value split on commas and white space, duplicates dropped; not sent: the partner's available_scopes; each must be in the partner's available_scopes, else 422 field scopes (one entry per scope) | UNVERIFIED |
//	| token name | default "N/A" | UNVERIFIED |
//	| token lifetimes | access_token_expires_in / refresh_token_expires_in: whole seconds >= 1 (else 422 naming the field); default about 100 years | DOC (argument) / SAMPLE (100 years) |
//	| sub-partner mint | POST /oauth/token/{partner_sid}: only a strict descendant of the caller; the caller's own SID, other partners and unknown SIDs answer the 404 "no item error" | DOC (path) / UNVERIFIED (404) |
//	| token visibility | GET/PATCH/PUT and revoke reach the caller partner's tokens; a token holding oauth.manage_all_tokens also reaches its descendants' tokens; others answer 404 | UNVERIFIED (manage_all_tokens semantics) |
//	| token list | total null (as in the sample); filter/order/field filtering/with_related as on other lists | SAMPLE; probe: list.total |
//	| token update | PATCH/PUT with oauth.manage_all_tokens, oauth.manage or oauth.update; writable name, scopes, date_expiration_access_token, date_expiration_refresh_token (ISO 8601, stored in the documented format, else 422); changing scopes (as a set) needs oauth.allow_token_scope_update on the calling token, else 403; new scopes must be in the owner's available_scopes (422) and act at once | DOC (path) / UNVERIFIED (scopes, 403) |
//	| token routes | POST /oauth/tokens and DELETE /oauth/tokens/{sid}: 405 (not documented; revoke instead) | DOC (not found) |
//	| revoke | POST /oauth/revoke, form with token, client_id, client_secret, token_type, token_type_hint (others 422); scopes oauth.manage_all_tokens or oauth.manage; 204 empty; the token answers 401 "Bad credentials" from the next request on; an unknown or unreachable token: the 404 "no item error" with field token and message "cannot find token" (the value is not echoed) | DOC (204, scopes, omitted token) / UNVERIFIED (404) |
//	| token expiry | a token whose date_expiration_access_token is not in the future answers 401 "Bad credentials"; refresh tokens are not usable (no refresh grant) | DOC (field) / UNVERIFIED |
//	| ivs_token | every partner (the seeded one included) gets a token named ivs_token with scopes lookup.ip_addresses.read, lookup.dids.read, lookup.dids.allow_cnam (the known head of the cut list) | DOC (existence) / UNVERIFIED (full list) |
//	| unknown attributes | in a create/PATCH/PUT body (also inside an address): 422, field = the name (addresses[0].foo) | UNVERIFIED; probe: write.unknown_attribute |
//	| read-only attributes in bodies | silently ignored, never changed (endpoint_sid, voip_token, cps_limit, partner, generated properties keys) | UNVERIFIED (docs: ignored or rejected) |
//	| create-only attributes | endpoint type and partner_sid: on update the same value is accepted, a different one is 422 naming the field | UNVERIFIED |
//	| PUT | every attribute writable on update must be present, else 422 per missing field; create-only attributes may be omitted; read-only ones are ignored | DOC (all fields present); UNVERIFIED (status, which fields) |
//	| nested objects on PATCH | addresses, transformations, attributes and properties are replaced wholesale; the generated properties keys are always preserved | gap; probe: write.patch_nested |
//	| update validation | only attributes present in the body are validated, so out-of-band drift of other attributes does not block a PATCH | UNVERIFIED |
//	| create/update answer | 200 with the full object; field filtering and with_related apply only to GETs | SAMPLE (200); UNVERIFIED (no filtering); probe: write.create, write.patch_nested |
//	| delete answer | DELETE answers 204 with an empty body; the object answers 404 afterwards | DOC (204); probe: write.delete |
//	| endpoint type | required on create (422 field type when absent or null); known values conference, conference_playback, conference_v2, flexml, mediator, voicemail, third_party, system_gateway; anything else 422 | DOC (list cut after mediator) / UNVERIFIED (rejecting others) |
//	| system_gateway create | POST with type system_gateway: 422 field type; only CarrierX (the emulator's seed) creates it | UNVERIFIED |
//	| system_gateway update/delete | PATCH/PUT: 403 "cannot be modified"; DELETE: 403 "cannot be deleted" (out-of-band control delete still works) | DOC (cannot be modified); UNVERIFIED (status) |
//	| name | defaults to "N/A"; must be a string (null is 422); "" is kept | UNVERIFIED |
//	| capacity | default 0; a JSON integer >= 0 (strings and fractions are 422) | SAMPLE (default); UNVERIFIED (validation); probe: write.create |
//	| auth_required | default true; boolean | SAMPLE (default); UNVERIFIED; probe: write.create |
//	| empty strings | "" is stored as null for out_sip_username, out_sip_password and address sip_username, sip_password, location_sid | UNVERIFIED |
//	| partner_sid | absent, null or "" = the caller; otherwise the caller or one of its descendants, else 422 field partner_sid with reference_sid = the value | SAMPLE (default); UNVERIFIED |
//	| endpoint visibility | list, get, update and delete see only the caller partner's own endpoints (not its descendants'); others answer 404 | UNVERIFIED |
//	| address ip | required (422 field addresses[i].ip); an IP address or a host name | DOC (meaning); UNVERIFIED (validation, field spelling) |
//	| address transport/direction | transport udp, tcp or tls; direction any, inbound or outbound; exact lower case | DOC (transport); UNVERIFIED (direction list, case) |
//	| address port/dst_port | a JSON integer or a numeric string without spaces ("5060" becomes 5060), 1..65535 | SAMPLE ("5060" -> 5060); UNVERIFIED (range) |
//	| address priority | any JSON integer | UNVERIFIED |
//	| address defaults | direction any, dst_port 5060, location_sid null, port 5060, priority 0, sip_password null, sip_username null, srtp false, transport udp | SAMPLE; probe: shape.addresses, write.create |
//	| location_sid | not checked against any object (locations are not modelled) | gap |
//	| transformations | an array of objects, stored and returned verbatim | gap (object shape unconfirmed); probe: shape.transformations |
//	| attributes | any JSON object, stored verbatim (values not forced to strings) | DOC (object) / UNVERIFIED; probe: shape.attributes |
//	| hosted properties | conference, conference_playback, conference_v2, flexml, mediator get account_sid, api_url, login ("<type>_" + 8 lower-case alphanumerics), password (12 alphanumerics); read only; account_sid is 32 alphanumerics for conference and conference_playback, a UUID for conference_v2, flexml and mediator (the account_sid of their account in the endpoint API: every Mediator, FlexML and Conference v2 sample shows UUID account SIDs) | SAMPLE (conference; UUIDs in the endpoint API samples); UNVERIFIED (other types, formats, same value as the account's); probe: shape.properties |
//	| api_url | conference and conference_playback https://api.carrierx.com/conference/v1 (not served); conference_v2, flexml and mediator point at the emulator itself: scheme (http unless TLS) and Host of the request that created the endpoint (Core API or control seed) + /conference/v2, /flexml/v1, /mediator/v1. The documented sample replay compares shapes only, so the documented https://api.carrierx.com/... value counts as a generated string there | SAMPLE/CODE (real base URLs) / design (the emulator's own) |
//	| conference container_sid | conference endpoints get properties.container_sid, the string "null", on create unless the body sets it; writable (a container SID, not checked), kept when an update replaces properties without it; other types get none | SAMPLE (conference create) / UNVERIFIED (other types, kept on replace) |
//	| other properties | voicemail, third_party and system_gateway: {} by default; user keys of any type stored as given | SAMPLE; probe: shape.properties, write.create |
//	| voip_token | a UUID for third_party; null for every other type, system_gateway included | DOC/SAMPLE; UNVERIFIED (system_gateway); probe: endpoints.system_gateway, write.create |
//	| system_gateway object | seeded per partner: name "system_gateway", two addresses 192.0.2.10 and 192.0.2.11 (documentation IPs) with the address defaults, properties {} | OLD-DOC (shape); UNVERIFIED (values); probe: endpoints.system_gateway |
//	| list envelope | count, has_more, items, limit, offset, pagination, total on every list | SAMPLE; probe: list.envelope |
//	| limit | default 10; above 1000 clamped to 1000 and echoed; 0 allowed (no items, has_more as usual, no next link); negative or non-integer: 400 | DOC (10, 1000); UNVERIFIED (clamp, 0); probe: list.limit_default, list.limit_bounds |
//	| offset | default 0; past the end gives no items and has_more false; negative or non-integer: 400 | DOC (default); UNVERIFIED; probe: list.offset |
//	| pagination | offset pages: {} or next (when has_more) and previous (when offset > 0, offset max(0, offset-limit)), never a cursor (cursor pages: see after/before); absolute URLs from the request's Host, http unless TLS, same path, every query argument kept, limit and offset always explicit | SAMPLE/CODE (next); UNVERIFIED (previous, exact URL); probe: list.pagination |
//	| total | the number of matching items; null on /phonenumber/available_dids only | SAMPLE; DOC (available_dids null); probe: list.total |
//	| default order | insertion order | UNVERIFIED |
//	| order | "<attr>", "<attr> asc", "<attr> desc" (direction case-insensitive) or "shuffle"; top-level attributes only, unknown: 400 field order; stable sort; mixed types null < boolean < number < string < other | DOC (syntax); UNVERIFIED (rest); probe: list.order |
//	| after/before cursors | after=<sid>: the limit items that follow that item in the list's order; before=<sid>: the limit items that precede it; with offset: 400 field offset; both: 400 field before; empty or a SID not in the (filtered) list: 400 naming the argument; the envelope's offset is 0; pagination links by cursor only, never by offset: next continues in the request's direction (after=<last SID>, or before=<first SID>) while has_more, previous goes back (before=<first SID> / after=<last SID>) when items lie there; has_more = items remain in the request's direction | DOC (cursors exist, never with offset) / UNVERIFIED (semantics, 400s, links) |
//	| unknown query arguments | ignored | UNVERIFIED; probe: list.unknown_args |
//	| filter syntax | <attr> <op> <value> joined by "and" (case-insensitive); operators case-insensitive; no or, not or parentheses | DOC; probe: filter.errors |
//	| filter operators | eq ne gt ge lt le like ilike in notin bit | DOC (eq gt like bit), CODE (ge lt), UNVERIFIED (ne le ilike in notin); probe: filter.eq ... filter.bit (one per operator) |
//	| filter quoting | single or double quotes; inside them \" \' \\ are escapes and any other backslash is literal; a quote opens a string only at the start of a token (O'Brien is a bare word) | DOC (quotes); UNVERIFIED (escapes); probe: filter.quoting |
//	| filter literals | bare null, true, false (case-insensitive) and numbers (-12, 3.5, 1e3) are typed; quoted values are always strings | UNVERIFIED |
//	| filter comparison | numeric when the literal is a bare number and the stored value is a JSON number or a numeric string (money); otherwise the stored value's text (numbers as JSON text, booleans true/false) is compared as a string, so ISO timestamps compare as strings | CODE (dates); UNVERIFIED; probe: filter.quoting |
//	| filter null | eq null matches null or a missing nested key, ne null the opposite; gt/ge/lt/le/like/ilike with null: 400 | UNVERIFIED |
//	| filter dot paths | arrays on the path and at its end are flattened; eq gt ge lt le like ilike in bit hold when ANY element matches; ne and notin hold when NO element matches | DOC (addresses.ip sample); UNVERIFIED (negations, end arrays); probe: filter.dot_path |
//	| filter attributes | only the first path segment must be a known top-level attribute (else 400); unknown nested keys read as null | UNVERIFIED; probe: filter.errors |
//	| in/notin | a parenthesised comma list, spaces optional, quoted or bare items; () allowed (in matches nothing, notin everything) | UNVERIFIED; probe: filter.in, filter.notin |
//	| like/ilike | % any run, _ one character, the whole value must match, no escape for a literal % or _; ilike ignores case | DOC (%); UNVERIFIED (_ , ilike); probe: filter.like, filter.ilike |
//	| bit | the value must be an integer literal; true when (field & value) == value for integers (or integer strings) | DOC via CarrierX docs (Phone Numbers); UNVERIFIED (semantics); probe: filter.bit |
//	| filter errors | 400 "Bad Request", field filter, message "invalid filter: <what and where>" | UNVERIFIED; probe: filter.errors |
//	| field filtering | include_fields, includeFields, exclude_fields, excludeFields; comma lists, items trimmed; include first, then exclude; unknown names ignored; only items are trimmed, never the envelope | DOC via other files; CODE (includeFields); UNVERIFIED (rest); probe: fields.include, fields.exclude |
//	| with_related | true/false/1/0 (strconv.ParseBool), other values 400 field with_related; embeds the owning partner as partner (null if it no longer exists) | DOC (partner); UNVERIFIED (values); probe: with_related |
//	| trailing slash | /core/v2/endpoints/ is 404 Not Found | UNVERIFIED |
//	| partners routes | GET/POST /partners, GET/PATCH/PUT /partners/{sid}; DELETE 405 (no delete documented) | DOC (not found) |
//	| partners visibility | GET /partners lists the caller and its verified descendants; GET/PATCH/PUT by SID reach the caller and all its descendants (unverified too); other partners answer 404 | DOC (unverified not listed) / UNVERIFIED |
//	| partner create required | login and password (422 "<name> is required"); everything else optional | UNVERIFIED (the docs' list was cut) |
//	| partner create defaults | status unverified; acls [], attributes {}, callbacks {}, transformations [], payment_type postpay, balance "5", daily_spent_amount "0", daily_spending_limit "500", spending_limit "100", state "", parent_assigned_acls []; every other unset attribute null; parent_sid ""/absent = the caller, else the caller or a descendant (422 with reference_sid) | SAMPLE (Create Partner answer: status, parent, money, state) / UNVERIFIED (postpay default) |
//	| partner verification | nobody can click the link: POST /_emulator/partners/{sid}/verify makes the partner active; until then owner_email, tech_email, billing_email read null (also to filters) though the values sent are stored, and the partner is not listed; later e-mail changes show at once (no re-verification) | DOC (hidden, unlisted) / UNVERIFIED (later changes) |
//	| partner side effects | a new partner (API or seed) gets client credentials, its own system_gateway endpoint and an ivs_token | DOC |
//	| partner password | write-only: required on create, a non-empty string, accepted on PATCH/PUT, never returned, not required by PUT; used by the form username/password check | SAMPLE / UNVERIFIED |
//	| partner login | a non-empty string, unique among all partners on API create/update (422 field login); control seeds are not checked | UNVERIFIED |
//	| partner attributes | string attributes (address1, address2, city, company_name, name, phonenumber, state, zip, e-mails) a string or null, stored as sent; country_code null or three letters (else 422); payment_type any string (prepay, postpay known); prepay_amount and charge_at forced to null while payment_type is postpay | SAMPLE (Create Partner: charge_at 20 and prepay_amount "100" sent on postpay, both null back) / UNVERIFIED |
//	| partner read-only | available_scopes, balance, daily_spent_amount, date_created, display_id, parent_assigned_acls, partner_sid, status ignored in bodies; parent_sid create-only (a different value on update: 422) | DOC / UNVERIFIED (parent_sid) |
//	| partner callbacks | a JSON object whose keys are sms, app_mediator, app_conference_call, app_conference_meeting, phonenumber_order, phonenumber_messaging_update; another key: 422 field callbacks.<key>; each value null or an absolute http(s) URL ("" stored as null), else 422 callbacks.<key>; replaced wholesale | DOC (keys) / UNVERIFIED (values, replacement) |
//	| partner nested objects | acls, attributes, callbacks, transformations are replaced wholesale by PATCH | gap |
//	| partner acls | set only by the partner itself: a change by an ancestor (or a non-empty acls in POST /partners) is 422 field acls; items as trunk-group ACLs but sms_action_true/false any string or null (accept, reject known); rules must be visible to the partner (its own or its ancestors') | DOC ("the parent cannot set these") / UNVERIFIED (422) |
//	| parent_assigned_acls | read only, always [] (how a parent assigns them is not documented) | gap |
//	| seeded partner | shape and types of the CarrierX docs (Partners) Get Partner by SID sample: prepay, charge_at "20", prepay_amount "100", spending_limit "0", daily_spending_limit "500", balance "0", address1/address2/city/state null, e-mails set; parent_sid a random UUID that is not stored (CarrierX's own partner); status active | SAMPLE (shape, types); UNVERIFIED (values) |
//	| seeded sub-partners | control seed: defaults as the seeded partner, parent_sid = the caller (or a partner in its tree, else 422), status active with e-mails shown (no verification step), money fields stored as strings, password accepted and never returned; each gets its own system_gateway and ivs_token | SAMPLE (types); UNVERIFIED |
//	| available_scopes | the seeded partner holds every known scope; a new sub-partner (API or seed) gets its parent's available_scopes at creation (stand-in for general.defaults.scopes, whose names are unknown); read only | SAMPLE deviation (create sample shows []) / UNVERIFIED |
//	| money | balance, charge_at, daily_spending_limit, daily_spent_amount, prepay_amount, spending_limit are JSON strings; numbers in bodies are stored as strings | SAMPLE; probe: partners.money |
//	| timestamps and SIDs | ISO 8601 UTC with milliseconds and Z; lowercase UUID v4; display_id CX + 8 digits | SAMPLE; probe: format.sids_timestamps |
//	| faults | when=before faults are matched after the Host check and before routing and authentication; the first matching fault of each phase (before; after and endless) wins; latency applies before a status fault too; count 0 = unlimited; message defaults to the status text | design |
//	| fault when | before (default): answered instead of the request, nothing executed; after: executed and committed through the whole pipeline, then a 2xx answer is replaced; a failed request (non-2xx) gets its real answer and the fault is not consumed (its use is held while the request runs, so a concurrent request does not take it); latency with after delays the answer after the commit | design |
//	| fault kinds | reset (hijack, SO_LINGER 0, no answer), truncate (after only: real status/headers, full Content-Length, half the body, close; an answer without body arrives whole), empty, null, foreign (another visible object of the path's collection as its GET presents it, else {}), redirect (302 or 301/303/307/308 with location), echo (400 or status, "invalid request: <raw body>", field body), endless (list GETs: first page for every offset, has_more true, total null; always run against the real list, so when makes no difference); reset, truncate, foreign and endless take no status | design |
//	| request log | ring buffer of Options.RequestLogSize records (default 10,000; the oldest are dropped, seq keeps counting so a reader sees the gap); status is what the client got (0: no answer, as for reset or a client that left); fault true when a fault decided the answer (latency-only faults whose answer is delivered log false); headers never kept; Core API requests refused for their Host are logged (status 403, body null) | design |
//	| request log bodies | null when empty and for every refused request (status 401, 403, 413, 415: its body is never kept; 401, a scope 403 and 415 are answered without reading it); a body over 64 KiB (JSON or not) is stored as the string "<N bytes>"; otherwise the decoded JSON, or the raw text when not JSON; answers decided before the body is read (404, 405) log body null; bodies are kept as sent, passwords included (the log is for tests, and only loopback or allowed hosts can read it) | design |
//	| Host check | /core/v2 and /_emulator answer 403 (message naming the Host, errors[0].field "Host" saying how to allow it) unless the Host header is localhost, a 127.0.0.0/8 or ::1 address (any port, case-insensitive) or in Options.AllowedHosts ("name" any port, "name:port" that port); an empty Host is refused; /f/ and short-link routes are not checked (short links need their domain as Host); the Core API check costs nothing to test tools (Host = 127.0.0.1:port) and stops a rebinding page that guessed a fixed token | design |
//	| control Origin and media type | /_emulator refuses any request with an Origin header (403, field Origin) and POST/PATCH/PUT whose Content-Type is not application/json (415, field Content-Type, also without a body); checked after Host, before routing; the Core API accepts Origin (CarrierX allows CORS) | design |
//	| filter bounds | a filter query argument longer than 8 KiB (8,192 bytes; every filter value is checked) or a like/ilike pattern longer than 1 KiB (1,024 bytes): 400 "Bad Request", field filter, message naming the limit; like/ilike match iteratively (two pointers, at most pattern x value steps, no regexp, no recursion) | design |
//	| list evaluation | the checks and the visible candidates (with their filter views) are taken under the server lock; filtering, ordering and paging run without it on that snapshot (stored objects are never changed in place), then the page is presented under the lock again, so related objects (with_related, trunks) show the state of that moment; a list whose client has gone stops filtering and answers nothing (logged with status 0) | design |
//	| seed | stops at the first invalid object (422 with its index); objects created before it remain | design |
//	| 429 and 5xx | only produced by injected faults, with the same envelope | gap |
//	| routes | collections at multi-segment paths; /trunk_groups/{sid}/trunks is a sub-collection whose parent must exist and be the caller's, else the 404 "no item error" (no SID echoed); a trunk is reachable only under its own group | DOC (paths); UNVERIFIED (404 detail) |
//	| referenced deletes | DELETE answers 409 while references remain: a trunk group with trunks, assigned DIDs or prefixes (trunk_group_sid or source_trunk_group_sid); a DID group with assigned DIDs; an endpoint with trunks (endpoint_sid); an access control rule used in trunk-group or trunk ACLs. Message "<object> <sid> is still referenced by <collection> <sid> (<attribute>), ...; remove those references first", one errors[] entry per referrer: field = the referencing attribute, reference_sid = the referrer's SID. Out-of-band control deletes skip the check | gap (trunk groups: "not documented") |
//	| trunk group defaults | acls [], hard_failure_codes "408;", hard_failure_cooldown 120, hard_failure_interval 60, hard_failure_last_resort first, hard_failure_threshold 3, name "N/A", routing_data null, routing_type failover, sip_options_locations [], sip_options_threshold 3, soft_failure_codes "408;", transformations []; partner_sid = caller, read only | DOC/SAMPLE; UNVERIFIED (partner_sid read only) |
//	| trunk group enums and types | hard_failure_last_resort first/reject502/reject503 (else 422); routing_type: any string (only failover known); failure codes: any string (format not checked); integers >= 0; sip_options_locations array of strings; routing_data string or null | DOC (last_resort); UNVERIFIED (rest) |
//	| external_handlers | accepted as an array of objects, stored verbatim, absent from answers until set, not required by PUT | DOC (existence) / gap (shape) |
//	| with_trunks | true/false (else 400 field with_trunks). GET list/by SID: adds "trunks" (the group's trunks in insertion order). POST ?with_trunks=true creates the body's "trunks" atomically (errors as trunks[i].<field>); without the flag a "trunks" key is ignored. PATCH/PUT: only adds "trunks" to the answer (body "trunks" ignored). with_trunks=true also needs trunk_groups.trunks.manage or .read (.create on POST), else 403 | DOC (create) / SAMPLE (GET) / UNVERIFIED (PATCH, scope on GET); probe: trunk_groups.with_trunks |
//	| trunks in filters | trunk-group filters see "trunks" always (trunks.allow_transfer eq false), answers carry it only with with_trunks | DOC (sample filter); UNVERIFIED |
//	| trunk defaults | acls [], allow_forward disabled, allow_transfer false, asn_mode disable, call_type regular, codec null, endpoint_sid null, in_capacity 0, in_identity_format passthrough, in_identity_mode passthrough, in_rfc_4694_mode cut_all, location_sid null, name "N/A", out_capacity 0, out_identity_mode passthrough, out_rfc_4694_mode cut_all, priority 0, relay_sip_headers [], transformations [], weight 0 | SAMPLE |
//	| trunk enums and types | allow_forward direct/direct_uri/disabled/protected/reroute and asn_mode disable/read/write/read_write (else 422); call_type, in/out identity modes, in_identity_format, rfc_4694 modes and codec accept any string (partly known); allow_transfer a boolean or a string, stored as sent; in/out_capacity integers >= -1; weight >= 0; priority any integer; relay_sip_headers array of strings | DOC (enums) / UNVERIFIED (rest) |
//	| in_codec, out_codec | optional strings or null, absent until set, not required by PUT; in_ip_profile_sid/out_ip_profile_sid are not accepted (admin, 422 unknown attribute) | DOC (existence) / UNVERIFIED |
//	| trunk endpoint_sid | null, "" (stored as null) or an endpoint of the caller, else 422 field endpoint_sid, reference_sid = the value; location_sid not checked ("" = null) | SAMPLE ("" -> null) / UNVERIFIED |
//	| trunk list limit | default limit 1000 (the trunks sample echoes 1000 with no limit sent); still clamped to 1000 | SAMPLE; probe: list.limit_default |
//	| trunk scopes | trunk_groups.trunks.manage or .create/.read/.update/.delete; trunk-group scopes alone do not reach trunks | DOC (create, list) / UNVERIFIED (get, update, delete) |
//	| ACL elements | in acls of trunk groups and trunks: direction required (any/inbound/outbound/undirected); access_control_rules an array of rule SIDs the caller can see (else 422 acls[i].access_control_rules[j] with reference_sid); voice_action_true/false null or accept/reject403/reject503; sms_action_true/false must be null (422 otherwise); missing keys filled with [] / null; unknown keys 422 | DOC (values, SMS null) / UNVERIFIED (required direction, rejection) |
//	| DID inventory | 5,000 numbers from a fixed seed, identical in every run and after reset: 3,000 USA (16 cities, real area codes, states, LATAs), 1,000 CAN (5 cities, provinces, lata null), 1,000 GBR from Ofcom drama ranges (London 020 7946 0xxx, 0161/0121/0141/0131 496 0xxx with state null and capabilities 4; mobiles 07700 900xxx with locality and state null, capabilities 7); sorted by phonenumber; capability mix 31/7/4/5/3/1 (USA/CAN); active_capabilities 4 when voice, else 0; prices as strings ("0.3" to "3"); two fixed classification SIDs; ocn 4 characters (null for GBR) | UNVERIFIED (data) |
//	| DID formats | NANP in_country_format "(NPA) NXX-XXXX", international_format "+1 NPA-NXX-XXXX"; GBR "0AA BBBB CCCC" / "+44 AA BBBB CCCC" | SAMPLE (NANP) / UNVERIFIED (GBR) |
//	| available_dids | status available, partner_sid null; list with filter/order/pagination/field filtering, total null; get by SID; scopes phonenumber.manage/read; rented or aging numbers answer 404 there | DOC; probe: list.total |
//	| inventory filters | every DID attribute plus virtual npa and npa_nxx (NANP digits 2-4 / 2-7 of phonenumber; null elsewhere; filter and order only, never returned) | DOC (coverage filters) / UNVERIFIED (on available_dids); probe: filter.npa |
//	| nearby | "phonenumber nearby latlng:<lat>,<lng>" (quoted or not) on available_dids and dids: matches everything and orders by distance to the locality (numbers without coordinates last) unless order is given; other forms or other attributes: 400 field filter | DOC (syntax) / UNVERIFIED (semantics: no radius) |
//	| rent | POST /phonenumber/dids: {} rents the first available number (inventory order), {"phonenumber"} that number; the writable attributes sent are validated and laid over the inventory object; did_sid is kept from the inventory; 200 with status assigned, partner_sid = caller | DOC (rent) / UNVERIFIED (first, SID kept) |
//	| rent failures | phonenumber not a string of digits (a leading + is refused), not in the inventory, assigned or aging, or nothing left: 422 "object validation error", field phonenumber | gap |
//	| rent by filter | a filter query argument on POST /phonenumber/dids: 400 field filter (not documented; browse, then rent by phonenumber); include_external must be a boolean and is otherwise ignored | I / DOC (include_external name) |
//	| DID attributes | writable: attributes, callback_url, did_group_sid, name, string_key_1, string_key_2, transformations, trunk_group_sid; phonenumber create-only; everything else (porting_pin, lrn_sid, partner_sid, price, capabilities...) read only and ignored in bodies | I (CarrierX docs (Phone Numbers) modelling note) |
//	| DID references | trunk_group_sid and did_group_sid: null, "" (stored as null) or an object of the caller, else 422 naming the field with reference_sid = the value | UNVERIFIED |
//	| callback_url | null or an absolute http/https URL ("" stored as null), else 422; DIDs, DID groups, prefixes | UNVERIFIED |
//	| string keys | string_key_1/2: string or null, stored as sent ("" kept) | SAMPLE (both forms seen) |
//	| release | DELETE /phonenumber/dids/{sid}: 204; status aging (other fields kept); the number never returns to the inventory in the emulator (reset restores it); it is not listed by GET /phonenumber/dids and its SID answers 404 there and on available_dids | DOC (aging) / UNVERIFIED (404, no expiry) |
//	| DID visibility | rented DIDs: status assigned and partner_sid = the caller | UNVERIFIED |
//	| DID scopes | GET list/by SID: phonenumber.manage, phonenumber.read, partners.manage or partners.read (the docs print partners.*); POST manage/create; PATCH/PUT manage/update; DELETE manage/delete | DOC (partners.*, create, delete) / UNVERIFIED (rest) |
//	| DID query arguments | GET /phonenumber/dids?trunk_group_sid=<sid> keeps DIDs with that trunk group; with_related embeds the partner | DOC |
//	| DID groups | callback_url null, name "N/A", partner_sid = caller (read only); PATCH/PUT callback_url and name; scopes phonenumber.manage or .create/.read/.update/.delete | DOC |
//	| prefixes | defaults attributes {}, callback_url null, lrn_sid null (read only), name "N/A", source_trunk_group_sid null, string keys null, transformations [], trunk_group_sid null; prefix required, a non-empty string of digits; partner_sid writable (create and update): null/"" = caller, else the caller or a descendant (422 with reference_sid) | DOC / UNVERIFIED (digits only) |
//	| prefix trunk groups | trunk_group_sid and source_trunk_group_sid must be trunk groups of the prefix's partner (422 with reference_sid); the destination trunk group must hold a trunk with an endpoint_sid when trunk_group_sid is set (422 field trunk_group_sid), not rechecked later | DOC (rules) / UNVERIFIED (when checked) |
//	| access control rules | entries (non-empty array of strings), field (calling, called, from, from_did, to, to_did, message), operation (exact, prefix, regexp), quantifier (all, any, none) required, else 422; name "N/A"; regexps not compiled | DOC / UNVERIFIED (non-empty, no regexp check) |
//	| rule visibility | the caller's rules and those of its ancestors; read_only is false for own rules, true for inherited ones (computed per caller, filterable); PATCH/PUT/DELETE of an inherited rule: 403 | DOC (visibility, read_only) / UNVERIFIED (403) |
//	| countries | 15 countries (AUS BRA CAN DEU ESP FRA GBR IND IRL ITA JPN MEX NLD NZL USA) with real ISO data, in alpha-3 order; iso_3166_numeric an integer; mcc comma lists; GET list and by alpha-3 code (exact upper case; anything else the 404 "no item error"); scopes countries.manage or countries.read; /countries/ip/... not served (404) | DOC (shape) / UNVERIFIED (scopes, data choice); probe: countries.code_case |
//	| lookup | GET /lookup/dids/{phonenumber}, scope lookup.dids.read; only digits count; country_code (alpha-3 hint: a national number gets the dialing prefix, a leading 0 dropped) else 10 digits starting 2-9 are NANP; inventory numbers take their formats and state, other NANP numbers get USA or CAN (Canadian area codes) and the state of a known area code (the inventory's, plus 435 UT and 562 CA from the lookup samples), other countries "+<cc> <rest>" / "0<rest>" by the longest dialing prefix of the 15 countries | DOC (shape, digits) / UNVERIFIED (rest) |
//	| lookup errors | fewer than 8 or more than 15 digits, a NANP number that is not 11 digits or whose area code starts with 0 or 1 (exchanges are not checked: the docs sample 15550100142 is valid) or an unknown country prefix: 400 "Bad Request", field phonenumber; unknown country_code: 400 field country_code; carrier/cnam/lrn/hlr not booleans: 400; carrier/cnam/lrn=true without lookup.dids.allow_<opt>: 403 | gap |
//	| lookup details | carrier=true gives {"mcc": first MCC of the country, "mnc": "000", "name": "EMULATOR TELECOM", "type": "mobile" for +447..., else "landline"}; cnam and lrn stay null (their shape is unknown); cnam_ttl a non-negative integer, guess ignored | SAMPLE (carrier shape) / gap (cnam, lrn) |
//	| storage scopes | storage.manage or storage.create/read/update/delete on containers, files, uploads (create) and downloads (read) | DOC (manage, create, read, delete) / UNVERIFIED (update) |
//	| container defaults | as the CarrierX docs (Storage) sample: allow_publish true, classifications [], default_file_lifecycle_action no_action, default_file_lifecycle_ttl -1, default_file_publish file_sid, default_file_threshold_include true, default_file_unique false, durability_class unassigned (read only), encrypted false, external_attributes {}, name "N/A", publish_domain https://storage.carrierx.com, quota_bytes 1073741824, quota_files 100, threshold_grace_period 0, type internal, unique false, every other writable attribute null; partner_sid = caller | DOC/SAMPLE |
//	| default container | every partner (seeded, Core API or control seed) gets one container with the container defaults when it is created; it counts toward the limit and can be deleted like any other | DOC ("free 1 GB storage ... when the partner is created", endpoints use "the default container"), SAMPLE (Get Containers lists one) / UNVERIFIED (deletable) |
//	| container access flags | read only: available_bytes_percent, available_files_percent, container_sid, durability_class, partner_sid, threshold_total_bytes/files, total_bytes/files (computed from the files); every other documented attribute writable, quota_bytes/quota_files included | DOC (read only ones) / UNVERIFIED (sample-only rows writable) |
//	| container validation | booleans; allowed/blocked_classifications arrays of archive, document, executable, media, unknown; quotas integers >= 0; default_file_lifecycle_ttl >= -1; threshold_* null or >= 0; publish_domain an absolute http(s) URL; integer keys null, an integer or a numeric string (stored as an integer); lifecycle action, type, threshold_action any string; parent_container_sid null or one of the caller's containers | DOC (enums, coercion sample) / UNVERIFIED |
//	| usage percentages | available_*_percent = floor(100 * (quota - total) / quota), 0..100; 0 when the quota is 0 | UNVERIFIED |
//	| container limit | two containers per partner (Core API creates; 403 "Forbidden" beyond it), the default container included, so a new partner can create one more; POST /_emulator/partners/{sid}/limits changes it | DOC (two per account, CarrierX docs, Storing Files) / UNVERIFIED (403) |
//	| container delete | 409 while files or child containers (parent_container_sid) reference it | UNVERIFIED |
//	| upload | multipart/form-data with parts file_object (JSON text of file attributes) and data (the bytes; required, else 422 field data); another part: 422 naming it; or application/octet-stream with the attributes as query arguments (integers and booleans parsed, "null" = null); any other media type 415; 201 with the file | DOC |
//	| file defaults | container_sid required (one of the caller's containers, else 422); name = the upload file name (query name) else "N/A"; mime_type = the data part's Content-Type, else by extension, else sniffed; content_format = the name's extension, else from the MIME type, else null; file_access_name <file_sid>.<format> (or <file_sid>); content_classification from the MIME type (audio/video/image media; text, pdf, office document; zip/gzip/tar/7z/rar archive; executables; else unknown); lifecycle_action, lifecycle_ttl, publish, threshold_include, unique from the container's default_file_*; type file; other writable attributes null; content_duration and content_transcoding_progress null (no transcoding); date_last_accessed = the upload time | DOC/SAMPLE / UNVERIFIED (detection) |
//	| file attributes | writable: container_sid (a move re-checks quota and classifications), desired_bitrate (null or 8..320 from the documented list), desired_format, file_access_name, integer/string keys, lifecycle_action (any string), lifecycle_ttl (-1 or >= 0; numeric strings accepted), mime_type, name, parent_file_sid (a caller's file), publish (string or null), threshold_include, type, unique; content and file_bytes never change (no content replacement) | DOC / CODE (python client) / UNVERIFIED |
//	| classification lists | an upload (or move) whose content_classification is not in a non-empty allowed_classifications or is in blocked_classifications: 422 field content_classification with reference_sid = the container | DOC (meaning) / UNVERIFIED (status) |
//	| quota | an upload or move that would exceed quota_files or quota_bytes: 409 "container quota exceeded", errors[0].field quota_files or quota_bytes, reference_sid = the container | gap |
//	| lifecycle | lifecycle_action "delete" removes the file once lifecycle_ttl seconds have passed since the upload (checked on every storage request); other actions (no_action known) do nothing | DOC (no_action) / SAMPLE (blast-api) / UNVERIFIED (name "delete", clock) |
//	| download | GET /storage/files/{sid}/data returns the bytes with Content-Type = mime_type; sets date_last_accessed (at most once a minute) | DOC (method exists, once a minute) / UNVERIFIED (path) |
//	| publish_uri | publish_domain (trailing / dropped) + "/f/" + file_sid while the container's allow_publish is true and publish is not null, else null; computed when served | SAMPLE / UNVERIFIED (null cases) |
//	| public files | the emulator serves GET/HEAD /f/{file_sid} without credentials for files whose publish_uri is not null (404 otherwise), whatever publish_domain says | design |
//	| content hashes | none (no hash attribute is documented) | gap |
//	| file content limits | in memory: at most 10 MiB per file and 256 MiB in all, else 413 field data; reset drops all content; request log keeps bodies up to 64 KiB, longer ones as "<N bytes>" | design |
//	| shortener scopes | shortener.manage or shortener.create/read/update/delete on domains and links; shortener.allow_domain_mode_proxypass to set expired_mode/not_found_mode to proxy_pass, shortener.allow_domain_secure_required to set secure required, shortener.allow_link_mode_proxypass to set a link's mode to proxy_pass (403 otherwise; sending the stored value again needs nothing) | DOC / UNVERIFIED (get, delete, 403) |
//	| domain defaults | expired_mode and not_found_mode redirect_temporary, pages and status codes null, minimum_length 6, scope children, secure disabled, suffix_pattern null; partner_sid = caller (read only) | DOC |
//	| domain validation | domain_name required, a host name, unique among all partners' domains ignoring case (422); modes proxy_pass/redirect_permanent/redirect_temporary; status codes null or 2xx/4xx/5xx; minimum_length >= 1; scope and secure any string (children; disabled/required known); suffix_pattern any string (not compiled at write) | DOC / UNVERIFIED (uniqueness scope, host check) |
//	| domain visibility | GET/PATCH/PUT/DELETE reach the caller's own domains only; DELETE answers 409 while links use the domain | DOC (caller's domains) / UNVERIFIED (409) |
//	| link defaults | date_accessed null, date_created now, hits 0, maximum_ttl -1, mode redirect_temporary, short_name generated (minimum_length letters and digits, unique in the domain), url http(s)://<domain_name>/<short_name> (https when the domain's secure is required; computed when served); partner_sid = caller | DOC/SAMPLE / UNVERIFIED (url scheme) |
//	| link validation | destination_url and domain_sid required; destination_url an absolute http(s) URL; domain_sid the caller's domain or its direct parent's domain whose scope is children, else 422 with reference_sid; maximum_ttl -1 or >= 0 (numeric strings accepted); mode as the domain modes; short_name letters, digits, ".", "_", "~", "-", unique in the domain (422); domain_sid may change | DOC (required, coercion) / UNVERIFIED (children = direct children, charset) |
//	| link reuse | POST /shortener/links?reuse=true answers the caller's existing link with the same domain_sid and destination_url (200) instead of creating one; reuse not a boolean: 400 field reuse | DOC |
//	| link list | total null (as in the sample); links of the caller only | SAMPLE; probe: list.total |
//	| link redirects | a request with Host = domain_name: an unexpired link (maximum_ttl -1, or date_created + maximum_ttl in the future) counts a hit, sets date_accessed and answers 302 (redirect_temporary) or 301 (redirect_permanent) to destination_url, or for proxy_pass 200 with X-Emulator-Proxy-Pass naming the destination (nothing is fetched); expired and unknown links follow the domain's expired_* / not_found_* settings: redirect modes go to the page (404 when it is null), proxy_pass answers the status code (404 when null) with the page as body; a path that is a short name plus a suffix matching the whole suffix_pattern (Go regexp) reaches the link | DOC (modes) / UNVERIFIED (codes 301/302, hit counting, proxy stand-in) |
//	| sparse attributes | attributes flagged sparse (external_handlers, in_codec, out_codec; FlexML call timeout; Conference account password, never stored) are absent until set, not defaulted and not required by PUT | UNVERIFIED |
//	| emulator clock | one clock for every time the emulator keeps (date_created and other dates, token expiry and use, file lifecycles and accesses, link, binding, dialout and call lifetimes): the real time plus what POST /_emulator/clock has added; reset sets it back | design |
//	| endpoint API base paths | /mediator/v1, /flexml/v1 and /conference/v2 on the Core API's server; Conference v1 is legacy and not served | DOC (paths; v1 legacy) / design (one server) |
//	| endpoint API auth | HTTP Basic with properties.login/password of an endpoint of the API's type (mediator, flexml, conference_v2), whatever its partner; no Authorization header or another scheme (a Core bearer token): 401 "Unauthorized"; a wrong login or password, or an endpoint of another type: 401 "Bad credentials"; the Core error shape (wrapped on the Mediator API); refused requests are logged without body | DOC (Basic; Core credentials "return the error unauthorized") / UNVERIFIED (messages of a wrong password) |
//	| endpoint API scope | a request reaches the objects of its endpoint only: another endpoint's SID answers the 404 "no item error", a reference to another endpoint's object (did_group_sid, call_flow_sid, redirect_did) a 400 naming the field | DOC (credentials per endpoint) / UNVERIFIED (404, 400) |
//	| endpoint API check order | Host (403), faults with when=before, route (404/405 with Allow), credentials (401), media type (415), body size (413), JSON body (400), sync with the Core state, query arguments (400), SID (404), guards (409), validation (400), conflicts (409) | design |
//	| endpoint API validation | what the Core API answers 422 "object validation error" (unknown attributes included) answers 400 "Bad Request" on the endpoint APIs, errors[] naming each field, reference_sid for a SID that names nothing | UNVERIFIED |
//	| Mediator envelope | every answer that has a body is {"body": ..., "status": <the HTTP status>}: objects, list envelopes and errors (body = the Core error shape {"message","errors"}); DELETE answers 204 without a body; injected faults are not wrapped (they stand for failures in front of the API) | DOC (samples: objects, lists) / UNVERIFIED (errors carry "message" too, 204) |
//	| FlexML and Conference answers | not wrapped; errors in the Core error shape | SAMPLE / CODE (blast-api reads "errors") |
//	| endpoint API lists | as the Core API's: limit default 10 (max 1000), offset, after/before, filter, order, include_fields/exclude_fields; total a number | SAMPLE (limit 10, total) / DOC (pagination, filtering, field filtering) |
//	| endpoint API PUT | every attribute writable on update must be present (400 per missing one); read-only ones ignored | DOC ("all fields must be present in a PUT") / UNVERIFIED (status) |
//	| accounts | one per hosted endpoint, made with it: account_sid = the endpoint's properties.account_sid, date_created = then, login = properties.login, name = the partner's name (null when it has none); GET /accounts lists it (one item), GET /accounts/{sid} | SAMPLE (the documented accounts are named "John Smith", as the partner samples) / UNVERIFIED |
//	| Mediator account | every attribute read only: PATCH/PUT 405 | DOC |
//	| endpoint API DIDs | the Core DIDs with status assigned whose trunk_group_sid names a stored trunk group holding a trunk whose endpoint_sid is the endpoint, live: a number appears when routed and disappears when unassigned, released, its trunk deleted or re-pointed (a number reaching several endpoints appears on each); did_sid is the emulator's own UUID per endpoint and number, never the Core did_sid, kept while routed; the writable settings are kept while routed and back to their defaults when routed again; account_sid, country_code (alpha-3), in_country_format, international_format, phonenumber from the Core DID; order = the order they were routed; POST and DELETE 405 | DOC (populated from routing; SIDs not guaranteed equal) / UNVERIFIED (lifecycle) |
//	| binding defaults | attributes {}, dtmf null, maximum_ttl -1, name "N/A", origination_did null, wait_origination_did_ttl 300; date_created now; account_sid the endpoint's | SAMPLE (the Create Binding sample answers -1 and 300 to a body without them; the object table says maximum_ttl defaults to 3600: the observed answer is followed) |
//	| binding attributes | destination_did required; destination_did and origination_did E.164 (3-15 digits, optional +), stored as sent ("" origination = null); dtmf string or null; name string; attributes an object; maximum_ttl and wait_origination_did_ttl integers >= -1 | DOC (required, E.164) / UNVERIFIED (formats) |
//	| redirect_did | given: a number routed to the endpoint, else 400 field redirect_did (the message lists the routed numbers); several bindings may share it; null on update 400. Omitted on create: the first routed number on which no live binding takes the same callers (the same origination_did, or either null, which takes every caller); none: 409 "no redirect_did could be found", errors[0].field redirect_did, its message saying no number is routed (and how numbers are routed) or listing them. A binding whose number is unrouted later stays | DOC (assignment, 409 text) / UNVERIFIED (the choice, 400) |
//	| redirect_did_info | set with redirect_did: country_code, e164_format (+ digits), in_country_format, international_format, phonenumber of the DID | SAMPLE |
//	| fallback_country | alpha-3 or alpha-2, any case: only numbers of that country are assigned; none free: 409 "no redirect_did could be found" with field fallback_country; any other string matches no number; ignored when redirect_did is given | DOC (409) / UNVERIFIED (alpha-2, field) |
//	| reuse | reuse=true: a live binding of the endpoint whose values equal every writable attribute the body sends answers the create (200, nothing created); not a boolean: 400 field reuse | DOC (meaning) / UNVERIFIED (the comparison) |
//	| binding expiry | a binding is deleted once date_created + maximum_ttl seconds is not in the future (the emulator's clock): 404 and not listed; -1 never; a PATCHed maximum_ttl also counts from date_created | DOC (lifetime, -1) / UNVERIFIED (from date_created) |
//	| dialouts | stage_one_destination_did, stage_two_destination_did and redirect_did (routed to the endpoint, else 400) required; delay seconds >= 0 (numeric strings accepted, fractions cut), default 0; attributes {} plus hide_origination_did "true" when absent; gone once delay seconds have passed since date_created (delay 0: the create answers it, then it is gone); the same three numbers in another live dialout: 409 field redirect_did | DOC (fields, only future dialouts listed, triple unique) / SAMPLE ("1800", hide_origination_did) / UNVERIFIED (required list, 409) |
//	| FlexML account | defaults error_handler basic, method POST, status_callback_method POST, status_callback_url null, url null; PATCH/PUT error_handler, method, name, url and status_callback_method/url | DOC (defaults; the update page lists error_handler, method, name, url; the object table shows status_callback_* writable) |
//	| FlexML enums and URLs | error_handler basic/none, method POST/GET, status_callback_method GET/POST/HEAD/OPTIONS/PUT/PATCH/DELETE/TRACE (exact case); url and status_callback_url null or an absolute http(s) URL ("" stored as null); else 400 naming the field | DOC (enums) / UNVERIFIED (case, URL check) |
//	| FlexML DIDs | routed numbers get method POST, status_callback_method POST, status_callback_url null, url null; PATCH/PUT those four | DOC |
//	| FlexML calls | calling_did (routed to the endpoint, else 400) and called_did required; defaults attributes {}, delay 0, method POST, status_callback_method POST, status_callback_url null, url null; timeout absent until set (integer >= 0); gone once delay has passed, as dialouts; DELETE cancels | DOC / UNVERIFIED (lifecycle) |
//	| call flows | every conference_v2 endpoint gets its own secured, open, direct_host and direct_participant flows (in that order, UUID SIDs), each with the 23 base properties of the documented secured flow; read only (POST/PATCH 405) | DOC (names; secured's properties) / UNVERIFIED (the other flows' properties) |
//	| Conference account | call_flow_sid = the endpoint's secured flow, properties {}; PATCH/PUT name (string or null), call_flow_sid (a flow of the endpoint; null 400), properties; password write-only: a non-empty string, never returned or stored in the account, it becomes the endpoint's Basic-auth password and the Core endpoint's properties.password once the whole update is valid; PUT needs name, call_flow_sid and properties, not password | DOC (writable, hidden) / SAMPLE (the account's flow is the secured one) / UNVERIFIED |
//	| call flow properties | properties of the account, DID groups, DIDs and meeting rooms: an object of strings (else 400 naming properties.<key>), replaced wholesale | DOC ("all values are strings") / UNVERIFIED (rejection, replacement) |
//	| Conference DID groups | POST {} gives call_flow_sid null, name "N/A", properties {}; call_flow_sid null or a flow of the endpoint (else 400); DELETE 409 (the referenced-deletes shape) while a DID or meeting room of the endpoint uses it | SAMPLE (null flow) / UNVERIFIED (name default, 409) |
//	| Conference DIDs | routed numbers get call_flow_sid null, did_group_sid null, properties {} (inherit); PATCH/PUT those three; a SID naming nothing of the endpoint ("" = null): 400 naming the field, reference_sid the value | DOC / UNVERIFIED (defaults: the DID sample shows a flow SID) |
//	| meeting rooms | POST {} gives access_codes [], did_group_sid null, name "N/A", properties {}; access_codes items {access_code: keypad characters 0-9 * #, role: host, participant or listener}, other keys 400; a code twice in one body 400; a code of another room of the same endpoint: 409 "access code already in use", errors[i].field access_codes[n].access_code, reference_sid the other room, the message naming the code; other endpoints may use the same codes | DOC (unique per endpoint, roles) / UNVERIFIED (409, characters, name default) |
//	| endpoint API objects of a deleted endpoint | removed with the endpoint (Core delete once its trunks are gone, or out-of-band control delete) | design |
package emulator
