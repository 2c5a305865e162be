package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
)

// generated is one importable resource type: made through the API as an
// existing account has it, then imported by an import block.
type generated struct {
	typ string
	// make creates the object through the API and returns its import ID.
	make func(t *testing.T, e *acctest.Env) string
	// line is what the resource's docs say to write in the generated block
	// instead of its `<attribute> = null` line (an attribute CarrierX never
	// returns); empty when none is needed.
	line string
}

// TestAccGenerateConfig is onboarding, one resource type at a time: an
// object made through the API, `terraform plan -generate-config-out` over
// an import block, then the generated file (with the one line its docs say
// to add, if any) applies and the next plan is empty. Every importable
// resource of the provider is in the table (TestGenerateConfigCoversEveryResource).
func TestAccGenerateConfig(t *testing.T) {
	for _, c := range generatedCases() {
		t.Run(c.typ, func(t *testing.T) {
			t.Parallel()
			e := acctest.New(t)
			id := c.make(t, e)
			w := e.Workdir(t)
			w.Write("import.tf", fmt.Sprintf("import {\n  to = %s.this\n  id = %q\n}\n", c.typ, id))
			src, err := w.Generate()
			if err != nil && c.line == "" {
				t.Fatalf("the generated configuration does not plan: %v\n%s", err, src)
			}
			if err == nil && c.line != "" {
				t.Errorf("the generated configuration plans without %q: drop the line from the table and the docs", c.line)
			}
			if c.line != "" {
				// The docs say: replace the generated `<attribute> = null` line.
				attr, _, _ := strings.Cut(c.line, " ")
				null := regexp.MustCompile(`(?m)^  ` + attr + ` +=\s*null$`)
				if !null.MatchString(src) {
					t.Fatalf("no %s = null line in the generated configuration:\n%s", attr, src)
				}
				w.Write("generated.tf", null.ReplaceAllLiteralString(src, "  "+c.line))
			}
			w.ApplyThenEmpty()
		})
	}
}

// TestGenerateConfigCoversEveryResource: a new resource type joins
// TestAccGenerateConfig's table.
func TestGenerateConfigCoversEveryResource(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range generatedCases() {
		covered[c.typ] = true
	}
	for _, typ := range resourceTypes(t) {
		if !covered[typ] {
			t.Errorf("%s is not in TestAccGenerateConfig's table: add how to make one through the API", typ)
		}
	}
}

// storageFileText is what the storage file of the table holds; its docs
// say to add the file's bytes as source, content or content_base64.
const storageFileText = "Thank you for calling."

func generatedCases() []generated {
	return []generated{
		{typ: "carrierx_endpoint", make: func(t *testing.T, e *acctest.Env) string {
			return create(t, e, client.EndpointKind, map[string]any{"name": "pbx", "type": "third_party",
				"addresses": []map[string]any{{"ip": "203.0.113.50"}}})
		}},
		{typ: "carrierx_trunk_group", make: func(t *testing.T, e *acctest.Env) string {
			return create(t, e, client.TrunkGroupKind, map[string]any{"name": "main", "hard_failure_codes": "408;503;",
				"hard_failure_threshold": 3, "hard_failure_interval": 60, "hard_failure_cooldown": 120, "hard_failure_last_resort": "reject503"})
		}},
		{typ: "carrierx_trunk", make: func(t *testing.T, e *acctest.Env) string {
			ep := create(t, e, client.EndpointKind, map[string]any{"name": "pbx", "type": "third_party"})
			tg := create(t, e, client.TrunkGroupKind, map[string]any{"name": "main"})
			return tg + "/" + create(t, e, client.TrunkKind(tg), map[string]any{"name": "to-pbx", "endpoint_sid": ep})
		}},
		{typ: "carrierx_phone_number", make: func(t *testing.T, e *acctest.Env) string {
			tg := create(t, e, client.TrunkGroupKind, map[string]any{"name": "main"})
			d, err := e.API.RentAvailableDID(context.Background(), client.AvailableDIDSearch{CountryCode: "USA", State: "NY"},
				map[string]any{"name": "main line", "trunk_group_sid": tg, "callback_url": "https://hooks.example.com/sms",
					"string_key_1": "sales", "attributes": map[string]any{"team": "sales"}})
			if err != nil {
				t.Fatal(err)
			}
			return d.DIDSID
		}},
		{typ: "carrierx_did_group", make: func(t *testing.T, e *acctest.Env) string {
			return create(t, e, client.DIDGroupKind, map[string]any{"name": "sales", "callback_url": "https://hooks.example.com/sms"})
		}},
		{typ: "carrierx_prefix", make: func(t *testing.T, e *acctest.Env) string {
			tg := acctest.PrefixCreateRoutableTrunkGroup(t, e, "carrier-b")
			return create(t, e, client.PrefixKind, map[string]any{"prefix": "1555", "name": "carrier-b", "trunk_group_sid": tg})
		}},
		{typ: "carrierx_access_control_rule", make: func(t *testing.T, e *acctest.Env) string {
			return create(t, e, client.AccessControlRuleKind, map[string]any{"name": "premium-rate", "field": "called",
				"operation": "prefix", "quantifier": "any", "entries": []string{"1900", "1976"}})
		}},
		{typ: "carrierx_partner", make: func(t *testing.T, e *acctest.Env) string {
			return create(t, e, client.PartnerKind, map[string]any{"name": "Sam Roe", "login": "subco", "password": "s3cret-Passw0rd",
				"company_name": "SubCo", "country_code": "USA", "zip": "12345", "phonenumber": "15550002222"})
		}},
		{typ: "carrierx_account_settings", make: func(t *testing.T, e *acctest.Env) string {
			return e.PartnerOwnSID(t)
		}},
		{typ: "carrierx_oauth_token", make: func(t *testing.T, e *acctest.Env) string {
			tok, err := e.API.CreateToken(context.Background(), client.TokenRequest{Name: "ci"})
			if err != nil {
				t.Fatal(err)
			}
			return tok.TokenSID
		}},
		{typ: "carrierx_storage_container", make: func(t *testing.T, e *acctest.Env) string {
			return create(t, e, client.StorageContainerKind, map[string]any{"name": "media", "quota_files": 500, "string_key_1": "ivr"})
		}},
		{typ: "carrierx_storage_file", line: fmt.Sprintf("content = %q", storageFileText), make: func(t *testing.T, e *acctest.Env) string {
			c := create(t, e, client.StorageContainerKind, map[string]any{"name": "media"})
			f, err := e.API.UploadStorageFile(context.Background(), client.NewStorageFileUploadBytes(
				map[string]any{"container_sid": c, "name": "greeting.txt"}, "greeting.txt", "text/plain", []byte(storageFileText)))
			if err != nil {
				t.Fatal(err)
			}
			return f.FileSID
		}},
		{typ: "carrierx_shortener_domain", make: func(t *testing.T, e *acctest.Env) string {
			return create(t, e, client.ShortenerDomainKind, map[string]any{"domain_name": "go.example.net", "minimum_length": 8,
				"not_found_mode": "redirect_permanent", "not_found_page": "https://www.example.net/"})
		}},
		{typ: "carrierx_shortener_link", make: func(t *testing.T, e *acctest.Env) string {
			d := create(t, e, client.ShortenerDomainKind, map[string]any{"domain_name": "go.example.net"})
			return create(t, e, client.ShortenerLinkKind, map[string]any{"domain_sid": d, "destination_url": "https://www.example.net/offer"})
		}},
		{typ: "carrierx_mediator_binding", make: func(t *testing.T, e *acctest.Env) string {
			ep, _ := e.HostedOutside("mediator", 1)
			return ep + "/" + createIn(t, e, client.MediatorAPI, ep, client.MediatorBindingKind, map[string]any{"destination_did": "15557020002", "maximum_ttl": 3600})
		}},
		{typ: "carrierx_flexml_account", make: func(t *testing.T, e *acctest.Env) string {
			ep, _ := e.HostedOutside("flexml", 0)
			return ep
		}},
		{typ: "carrierx_flexml_did", make: func(t *testing.T, e *acctest.Env) string {
			ep, _ := e.HostedOutside("flexml", 1)
			return ep + "/" + firstIn(t, e, client.FlexMLAPI, ep, client.AppDIDKind)
		}},
		{typ: "carrierx_conference_account", make: func(t *testing.T, e *acctest.Env) string {
			ep, _ := e.HostedOutside("conference_v2", 0)
			return ep
		}},
		{typ: "carrierx_conference_did_group", make: func(t *testing.T, e *acctest.Env) string {
			ep, _ := e.HostedOutside("conference_v2", 0)
			return ep + "/" + createIn(t, e, client.ConferenceAPI, ep, client.ConferenceDIDGroupKind, map[string]any{"name": "main"})
		}},
		{typ: "carrierx_conference_did", make: func(t *testing.T, e *acctest.Env) string {
			ep, _ := e.HostedOutside("conference_v2", 1)
			return ep + "/" + firstIn(t, e, client.ConferenceAPI, ep, client.AppDIDKind)
		}},
		{typ: "carrierx_conference_meeting_room", make: func(t *testing.T, e *acctest.Env) string {
			ep, _ := e.HostedOutside("conference_v2", 0)
			return ep + "/" + createIn(t, e, client.ConferenceAPI, ep, client.MeetingRoomKind, map[string]any{"name": "weekly",
				"access_codes": []map[string]any{{"access_code": "112233", "role": "host"}, {"access_code": "445566", "role": "participant"}}})
		}},
	}
}

// create makes an object of kind k through the Core API and returns its SID.
func create(t *testing.T, e *acctest.Env, k client.Kind, body map[string]any) string {
	t.Helper()
	o, err := client.Objects[map[string]any](e.API, k).Create(context.Background(), body)
	if err != nil {
		t.Fatalf("create %s: %v", k.Name, err)
	}
	return fmt.Sprint((*o)[k.SIDKey])
}

// createIn makes an object of kind k in the API of the endpoint ep.
func createIn(t *testing.T, e *acctest.Env, api client.AppAPI, ep string, k client.Kind, body map[string]any) string {
	t.Helper()
	o, err := client.AppObjects[map[string]any](e.API, api, ep, k).Create(context.Background(), body)
	if err != nil {
		t.Fatalf("create %s: %v", k.Name, err)
	}
	return fmt.Sprint((*o)[k.SIDKey])
}

// firstIn is the SID of the first object of kind k in the API of the endpoint ep.
func firstIn(t *testing.T, e *acctest.Env, api client.AppAPI, ep string, k client.Kind) string {
	t.Helper()
	l, err := client.AppObjects[map[string]any](e.API, api, ep, k).List(context.Background(), client.ListOptions{})
	if err != nil || len(l) == 0 {
		t.Fatalf("list %s: %v (%d)", k.Name, err, len(l))
	}
	return fmt.Sprint(l[0][k.SIDKey])
}

// resourceTypes are the type names of the provider's resources.
func resourceTypes(t *testing.T) []string {
	ctx := context.Background()
	p := provider.New("test")()
	var meta fwprovider.MetadataResponse
	p.Metadata(ctx, fwprovider.MetadataRequest{}, &meta)
	var names []string
	for _, r := range p.Resources(ctx) {
		var resp resource.MetadataResponse
		r().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &resp)
		names = append(names, resp.TypeName)
	}
	if len(names) < 20 {
		t.Fatalf("only %d resources registered", len(names))
	}
	return names
}
