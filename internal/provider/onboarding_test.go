package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/carrierx/terraform-provider-carrierx/internal/acctest"
	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// TestAccOnboardingGuide runs the onboarding guide (docs/guides/onboarding.md)
// against an account made through the API as a user's would be: the
// discovery configuration of examples/guides/onboarding writes the import
// blocks, `terraform plan -generate-config-out` writes the configuration,
// the guide's edits are made (each file's content; release_on_destroy set
// to false and prevent_destroy on every number), and the apply imports every
// object without writing anything to CarrierX; the next plan is empty.
func TestAccOnboardingGuide(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	want, texts := seedAccount(t, e)

	discover := applyExample(t, e, "onboarding")
	out, err := discover.TF.Output(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var imports string
	if err := json.Unmarshal(out["import_blocks"].Value, &imports); err != nil {
		t.Fatal(err)
	}

	e.ClearRequests()
	account := e.Workdir(t)
	account.Write("imports.tf", imports)
	generated, _ := account.Generate() // fails until the files' content is written
	account.Write("generated.tf", guideEdits(t, generated, texts))
	account.ApplyThenEmpty()
	if w := acctest.Writes(e.Requests()); len(w) != 0 {
		t.Errorf("importing the account wrote to CarrierX: %v", acctest.Summarize(w))
	}

	// Everything the account has is imported: what was made, and what was there.
	listed := listAccount(t, e)
	for typ, n := range want {
		if listed[typ] < n {
			t.Fatalf("the API lists %d %s, %d were made", listed[typ], typ, n)
		}
	}
	want = listed
	got := stateCounts(t, account)
	total := 0
	for typ, n := range want {
		total += n
		if got[typ] != n {
			t.Errorf("%d %s imported, want %d", got[typ], typ, n)
		}
	}
	if total < 50 {
		t.Errorf("the account has only %d objects", total)
	}
}

// TestAccOnboardingGuide_forEach runs the guide's for_each import of every
// number (examples/guides/onboarding-numbers) against the same account:
// each number imported, nothing written, the next plan empty.
func TestAccOnboardingGuide_forEach(t *testing.T) {
	e := acctest.New(t)
	e.EmulatorOnly()
	seedAccount(t, e)
	e.ClearRequests()
	w := applyExample(t, e, "onboarding-numbers")
	if writes := acctest.Writes(e.Requests()); len(writes) != 0 {
		t.Errorf("importing the numbers wrote to CarrierX: %v", acctest.Summarize(writes))
	}
	n := stateCounts(t, w)["carrierx_phone_number"]
	if want := listAccount(t, e)["carrierx_phone_number"]; n != want || n == 0 {
		t.Errorf("%d numbers imported, the account has %d", n, want)
	}
}

// applyExample applies the guide's example directory examples/guides/<dir>
// in a working directory of its own, and expects an empty plan after.
func applyExample(t *testing.T, e *acctest.Env, dir string) *acctest.Workdir {
	t.Helper()
	src, err := os.ReadFile("../../examples/guides/" + dir + "/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	w := e.Workdir(t)
	// Workdir's provider.tf is the provider block.
	w.Write("main.tf", strings.Replace(stripTerraformBlock(string(src)), `provider "carrierx" {}`, "", 1))
	w.Init()
	w.ApplyThenEmpty()
	return w
}

// stateCounts counts the resources in w's state by type.
func stateCounts(t *testing.T, w *acctest.Workdir) map[string]int {
	t.Helper()
	st, err := w.TF.Show(context.Background(), w.Reattach)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, r := range st.Values.RootModule.Resources {
		n[r.Type]++
	}
	return n
}

var (
	fileBlock  = regexp.MustCompile(`(?s)resource "carrierx_storage_file" "[^"]+" \{\n.*?\n\}\n`)
	fileName   = regexp.MustCompile(`(?m)^  name +=\s*"([^"]*)"$`)
	nullLine   = regexp.MustCompile(`(?m)^  content +=\s*null$`)
	releaseYes = regexp.MustCompile(`(?m)^  release_on_destroy += true$`)
)

// guideEdits makes the guide's edits to the generated configuration: each
// storage file's `content = null` becomes its text, and every number gets
// release_on_destroy = false and prevent_destroy.
func guideEdits(t *testing.T, src string, texts map[string]string) string {
	src = fileBlock.ReplaceAllStringFunc(src, func(block string) string {
		m := fileName.FindStringSubmatch(block)
		if m == nil || !nullLine.MatchString(block) {
			t.Fatalf("a generated storage file block has no name or no content = null:\n%s", block)
		}
		return nullLine.ReplaceAllLiteralString(block, fmt.Sprintf("  content = %q", texts[m[1]]))
	})
	if !releaseYes.MatchString(src) {
		t.Fatalf("no number with release_on_destroy = true in the generated configuration")
	}
	return releaseYes.ReplaceAllLiteralString(src, "  release_on_destroy = false\n  lifecycle {\n    prevent_destroy = true\n  }")
}

// seedAccount makes, through the API, an account as a user has one: PBX
// endpoints, trunk groups with trunks to them, numbers routed to the groups
// (some in DID groups), prefixes, access control rules, sub-partners,
// storage and short links. It returns how many objects of each resource
// type the guide imports, and the text of each storage file by name.
func seedAccount(t *testing.T, e *acctest.Env) (map[string]int, map[string]string) {
	t.Helper()
	ctx := context.Background()
	want := map[string]int{}
	made := func(typ string, sid string) string { want[typ]++; return sid }

	var endpoints []string
	for i := range 4 {
		endpoints = append(endpoints, made("carrierx_endpoint", create(t, e, client.EndpointKind, map[string]any{
			"name": fmt.Sprintf("PBX %d", i+1), "type": "third_party",
			"addresses": []map[string]any{{"ip": fmt.Sprintf("203.0.113.%d", 10+i), "port": 5060}}})))
	}
	var groups []string
	for i, name := range []string{"main", "failover", "support"} {
		tg := made("carrierx_trunk_group", create(t, e, client.TrunkGroupKind, map[string]any{"name": name}))
		groups = append(groups, tg)
		for j := range 2 {
			made("carrierx_trunk", create(t, e, client.TrunkKind(tg), map[string]any{
				"name": fmt.Sprintf("%s-%d", name, j+1), "endpoint_sid": endpoints[(i+j)%len(endpoints)]}))
		}
	}
	var didGroups []string
	for _, name := range []string{"sales", "support", "marketing"} {
		didGroups = append(didGroups, made("carrierx_did_group", create(t, e, client.DIDGroupKind, map[string]any{"name": name})))
	}
	for i := range 12 {
		body := map[string]any{"trunk_group_sid": groups[i%len(groups)], "name": fmt.Sprintf("line %d", i+1)}
		if i%2 == 0 {
			body["did_group_sid"] = didGroups[i%len(didGroups)]
		}
		d, err := e.API.RentAvailableDID(ctx, client.AvailableDIDSearch{CountryCode: "USA"}, body)
		if err != nil {
			t.Fatal(err)
		}
		made("carrierx_phone_number", d.DIDSID)
	}
	for i, p := range []string{"1555", "1556", "44207"} {
		made("carrierx_prefix", create(t, e, client.PrefixKind, map[string]any{"prefix": p, "name": "route " + p,
			"trunk_group_sid": groups[i%len(groups)]}))
	}
	for i, entries := range [][]string{{"1900", "1976"}, {"1242"}, {"1876", "1809"}, {"44"}} {
		made("carrierx_access_control_rule", create(t, e, client.AccessControlRuleKind, map[string]any{
			"name": fmt.Sprintf("rule %d", i+1), "field": "called", "operation": "prefix", "quantifier": "any", "entries": entries}))
	}
	for i := range 3 {
		sid := made("carrierx_partner", create(t, e, client.PartnerKind, map[string]any{
			"name": fmt.Sprintf("Reseller %d", i+1), "login": fmt.Sprintf("reseller%d", i+1), "password": "Res3ller-passw0rd"}))
		// Listed once its e-mail addresses are verified (CarrierX docs, Partners).
		e.Control(http.MethodPost, "/partners/"+sid+"/verify", nil, nil)
	}
	texts := map[string]string{}
	// A partner may own only two containers (CarrierX docs, Core API, Storage).
	for _, name := range []string{"prompts"} {
		c := made("carrierx_storage_container", create(t, e, client.StorageContainerKind, map[string]any{"name": name}))
		for j := range 4 {
			file := fmt.Sprintf("%s-%d.txt", name, j+1)
			texts[file] = fmt.Sprintf("Text %d of the %s container.", j+1, name)
			f, err := e.API.UploadStorageFile(ctx, client.NewStorageFileUploadBytes(
				map[string]any{"container_sid": c, "name": file}, file, "text/plain", []byte(texts[file])))
			if err != nil {
				t.Fatal(err)
			}
			made("carrierx_storage_file", f.FileSID)
		}
	}
	for _, domain := range []string{"go.example.net", "l.example.org"} {
		d := made("carrierx_shortener_domain", create(t, e, client.ShortenerDomainKind, map[string]any{"domain_name": domain}))
		for j := range 2 {
			made("carrierx_shortener_link", create(t, e, client.ShortenerLinkKind, map[string]any{"domain_sid": d,
				"destination_url": fmt.Sprintf("https://www.example.net/offer/%d", j+1)}))
		}
	}
	return want, texts
}

// listAccount counts, through the API, the objects of each resource type the
// guide imports: everything but the token's own partner, the system
// gateway and the rules inherited from the parent partner.
func listAccount(t *testing.T, e *acctest.Env) map[string]int {
	t.Helper()
	list := func(k client.Kind) []map[string]any {
		l, err := client.Objects[map[string]any](e.API, k).List(context.Background(), client.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	n := map[string]int{}
	for _, ep := range list(client.EndpointKind) {
		if ep["type"] != "system_gateway" {
			n["carrierx_endpoint"]++
		}
	}
	own := e.PartnerOwnSID(t)
	for _, p := range list(client.PartnerKind) {
		if p["partner_sid"] != own {
			n["carrierx_partner"]++
		}
	}
	for typ, k := range map[string]client.Kind{"carrierx_phone_number": client.DIDKind,
		"carrierx_did_group": client.DIDGroupKind, "carrierx_prefix": client.PrefixKind,
		"carrierx_storage_container": client.StorageContainerKind, "carrierx_storage_file": client.StorageFileKind,
		"carrierx_shortener_domain": client.ShortenerDomainKind, "carrierx_shortener_link": client.ShortenerLinkKind} {
		n[typ] = len(list(k))
	}
	for _, g := range list(client.TrunkGroupKind) {
		n["carrierx_trunk_group"]++
		n["carrierx_trunk"] += len(list(client.TrunkKind(fmt.Sprint(g["trunk_group_sid"]))))
	}
	for _, r := range list(client.AccessControlRuleKind) {
		if r["read_only"] != true {
			n["carrierx_access_control_rule"]++
		}
	}
	return n
}
