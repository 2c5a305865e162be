// Command fiveattr is the smallest honest terraform-plugin-framework
// provider that `make bench` compares the provider with: one resource of
// five string attributes kept in memory, no network, no validators, no
// defaults. What it costs is Terraform's protocol and the framework alone:
// the baseline a plan of the provider is held to (at most twice its time).
package main

import (
	"context"
	"flag"
	"log"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/carrierx/terraform-provider-carrierx/internal/bench"
	"github.com/carrierx/terraform-provider-carrierx/internal/protocol"
)

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider in debug mode (TF_REATTACH_PROVIDERS)")
	flag.Parse()
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// Served as the provider is (internal/protocol), so the two differ
	// only by their schemas and what their resources do.
	err := tf6server.Serve(bench.FiveAddress, func() tfprotov6.ProviderServer {
		return protocol.Release(providerserver.NewProtocol6(&five{store: &store{m: map[string]thing{}}})())
	}, opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}

type thing struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	Type types.String `tfsdk:"type"`
	IP   types.String `tfsdk:"ip"`
	Note types.String `tfsdk:"note"`
}

// store stands for the API: objects by ID, in memory.
type store struct {
	mu   sync.Mutex
	next atomic.Int64
	m    map[string]thing
}

type five struct{ store *store }

func (p *five) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "five"
}

func (p *five) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (p *five) Configure(_ context.Context, _ provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	resp.ResourceData = p.store
}

func (p *five) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return &thingResource{} }}
}

func (p *five) DataSources(context.Context) []func() datasource.DataSource { return nil }

type thingResource struct{ store *store }

func (r *thingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_thing"
}

func (r *thingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":   schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"name": schema.StringAttribute{Required: true},
		"type": schema.StringAttribute{Required: true},
		"ip":   schema.StringAttribute{Required: true},
		"note": schema.StringAttribute{Optional: true},
	}}
}

func (r *thingResource) Configure(_ context.Context, req resource.ConfigureRequest, _ *resource.ConfigureResponse) {
	if s, ok := req.ProviderData.(*store); ok {
		r.store = s
	}
}

func (r *thingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.save(ctx, req.Plan, &resp.State, &resp.Diagnostics, true)
}

// Read answers what the store holds; a state the store never saw (the
// process does not outlive a run) is kept as it is.
func (r *thingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var t thing
	if resp.Diagnostics.Append(req.State.Get(ctx, &t)...); resp.Diagnostics.HasError() {
		return
	}
	r.store.mu.Lock()
	if got, ok := r.store.m[t.ID.ValueString()]; ok {
		t = got
	}
	r.store.mu.Unlock()
	resp.Diagnostics.Append(resp.State.Set(ctx, &t)...)
}

func (r *thingResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.save(ctx, req.Plan, &resp.State, &resp.Diagnostics, false)
}

// save stores the plan (under a new ID when created) and answers it.
func (r *thingResource) save(ctx context.Context, plan tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics, created bool) {
	var t thing
	if diags.Append(plan.Get(ctx, &t)...); diags.HasError() {
		return
	}
	if created {
		t.ID = types.StringValue(strconv.FormatInt(r.store.next.Add(1), 10))
	}
	diags.Append(state.Set(ctx, r.store.put(t))...)
}

func (r *thingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var t thing
	if resp.Diagnostics.Append(req.State.Get(ctx, &t)...); resp.Diagnostics.HasError() {
		return
	}
	r.store.mu.Lock()
	delete(r.store.m, t.ID.ValueString())
	r.store.mu.Unlock()
}

func (s *store) put(t thing) *thing {
	s.mu.Lock()
	s.m[t.ID.ValueString()] = t
	s.mu.Unlock()
	return &t
}
