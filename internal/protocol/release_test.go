package protocol_test

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/carrierx/terraform-provider-carrierx/internal/protocol"
)

type key struct{}

// spy keeps the context of its last ReadResource call, as the framework
// keeps every call's.
type spy struct {
	tfprotov6.ProviderServer
	kept   context.Context
	during func(ctx context.Context)
}

func (s *spy) ReadResource(ctx context.Context, _ *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	s.kept = ctx
	if s.during != nil {
		s.during(ctx)
	}
	return &tfprotov6.ReadResourceResponse{}, nil
}

func TestReleaseForwardsDuringTheCall(t *testing.T) {
	deadline := time.Now().Add(time.Hour)
	parent, cancel := context.WithDeadline(context.WithValue(context.Background(), key{}, "v"), deadline)
	defer cancel()
	var childDone <-chan struct{}
	s := &spy{during: func(ctx context.Context) {
		if got := ctx.Value(key{}); got != "v" {
			t.Errorf("Value during the call = %v, want the parent's v", got)
		}
		if d, ok := ctx.Deadline(); !ok || !d.Equal(deadline) {
			t.Errorf("Deadline during the call = %v %v, want the parent's", d, ok)
		}
		if ctx.Err() != nil {
			t.Errorf("Err during the call = %v, want nil", ctx.Err())
		}
		child, stop := context.WithCancel(ctx) // what the framework does
		_ = stop
		childDone = child.Done()
		cancel() // Terraform stops the call: the child must see it
	}}
	if _, err := protocol.Release(s).ReadResource(parent, &tfprotov6.ReadResourceRequest{}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-childDone:
	case <-time.After(10 * time.Second):
		t.Fatal("a context derived during the call was not cancelled with the call's context")
	}
}

func TestReleaseLetsGoWhenTheCallReturns(t *testing.T) {
	s := &spy{}
	parent := context.WithValue(context.Background(), key{}, "v")
	if _, err := protocol.Release(s).ReadResource(parent, &tfprotov6.ReadResourceRequest{}); err != nil {
		t.Fatal(err)
	}
	if got := s.kept.Value(key{}); got != nil {
		t.Errorf("Value after the call = %v, want nil: the kept context still holds the call's chain", got)
	}
	if s.kept.Err() != context.Canceled {
		t.Errorf("Err after the call = %v, want context.Canceled", s.kept.Err())
	}
	select {
	case <-s.kept.Done():
	default:
		t.Error("Done after the call is not closed")
	}
	if _, ok := s.kept.Deadline(); ok {
		t.Error("Deadline after the call is set, want none")
	}
}

// TestReleaseFreesWhatTheFrameworkKeeps is the reason for the package: the
// framework's server keeps every call's context until StopProvider. Each
// call's context carries a value whose collection is counted.
func TestReleaseFreesWhatTheFrameworkKeeps(t *testing.T) {
	const calls = 2000
	count := func(srv tfprotov6.ProviderServer) int64 {
		var freed atomic.Int64
		for range calls {
			v := new([64]byte)
			runtime.AddCleanup(v, func(*atomic.Int64) { freed.Add(1) }, &freed)
			ctx := context.WithValue(context.Background(), key{}, v)
			if _, err := srv.GetMetadata(ctx, &tfprotov6.GetMetadataRequest{}); err != nil {
				t.Fatal(err)
			}
		}
		// Cleanups run after a collection, on their own goroutine.
		for i := 0; i < 100 && freed.Load() < calls*9/10; i++ {
			runtime.GC()
			time.Sleep(10 * time.Millisecond)
		}
		runtime.KeepAlive(srv) // a provider server lives as long as its process
		return freed.Load()
	}
	framework := func() tfprotov6.ProviderServer { return providerserver.NewProtocol6(&empty{})() }

	if kept := calls - count(framework()); kept < calls*9/10 {
		t.Logf("terraform-plugin-framework kept %d of %d call contexts: it may no longer keep them, and internal/protocol may be removed", kept, calls)
	}
	if freed := count(protocol.Release(framework())); freed < calls*9/10 {
		t.Errorf("with Release, %d of %d call contexts were freed; want at least 90%%", freed, calls)
	}
}

type empty struct{}

func (*empty) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "empty"
}
func (*empty) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse)          {}
func (*empty) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}
func (*empty) Resources(context.Context) []func() resource.Resource                              { return nil }
func (*empty) DataSources(context.Context) []func() datasource.DataSource                        { return nil }
