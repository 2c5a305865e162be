// Package protocol serves a provider over Terraform's plugin protocol
// without keeping what each call leaves behind.
//
// terraform-plugin-framework (v1.19.0, internal/proto6server/serve.go)
// derives every call's context with context.WithCancel and keeps the cancel
// function until StopProvider, which Terraform sends only on an interrupt.
// Each kept function holds its context, and through it the whole chain the
// call was given: the gRPC stream, its metadata and the SDK's loggers, about
// 10 kB a call. A plan of 1,000 resources makes about 5,000 calls, so the
// provider grows by tens of megabytes per command and never gives it back.
// Release hands the framework a context it can keep at no cost: once the
// call returns, the context lets go of the call's chain and reads as
// cancelled.
package protocol

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// Release wraps a provider server so that no call's context outlives the
// call. The server it returns serves the protocol's core RPCs (provider,
// resources, data sources, functions, ephemeral resources); list resources,
// actions and state stores, which this provider has none of, are not passed on.
func Release(s tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	return releasing{s}
}

// Factory is Release over a provider server factory, the form tf6server
// and terraform-plugin-testing take.
func Factory(f func() tfprotov6.ProviderServer) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer { return Release(f()) }
}

// detachable is a context that forwards to its parent until released, then
// holds nothing and reads as cancelled.
type detachable struct {
	parent atomic.Pointer[context.Context]
}

func detach(ctx context.Context) *detachable {
	d := &detachable{}
	d.parent.Store(&ctx)
	return d
}

func (d *detachable) release() { d.parent.Store(nil) }

func (d *detachable) get() context.Context {
	if p := d.parent.Load(); p != nil {
		return *p
	}
	return nil
}

func (d *detachable) Deadline() (time.Time, bool) {
	if p := d.get(); p != nil {
		return p.Deadline()
	}
	return time.Time{}, false
}

// Done forwards the parent's channel: context.WithCancel then finds the
// parent's own cancelCtx through Value and registers with it, so a child
// is still cancelled with the call.
func (d *detachable) Done() <-chan struct{} {
	if p := d.get(); p != nil {
		return p.Done()
	}
	return closed
}

func (d *detachable) Err() error {
	if p := d.get(); p != nil {
		return p.Err()
	}
	return context.Canceled
}

func (d *detachable) Value(key any) any {
	if p := d.get(); p != nil {
		return p.Value(key)
	}
	return nil
}

var closed = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// call runs one RPC with a detachable context, released when it returns.
func call[Req, Resp any](ctx context.Context, f func(context.Context, Req) (Resp, error), req Req) (Resp, error) {
	d := detach(ctx)
	defer d.release()
	return f(d, req)
}

type releasing struct{ s tfprotov6.ProviderServer }

func (r releasing) GetMetadata(ctx context.Context, req *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	return call(ctx, r.s.GetMetadata, req)
}

func (r releasing) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	return call(ctx, r.s.GetProviderSchema, req)
}

func (r releasing) GetResourceIdentitySchemas(ctx context.Context, req *tfprotov6.GetResourceIdentitySchemasRequest) (*tfprotov6.GetResourceIdentitySchemasResponse, error) {
	return call(ctx, r.s.GetResourceIdentitySchemas, req)
}

func (r releasing) ValidateProviderConfig(ctx context.Context, req *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	return call(ctx, r.s.ValidateProviderConfig, req)
}

func (r releasing) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return call(ctx, r.s.ConfigureProvider, req)
}

func (r releasing) StopProvider(ctx context.Context, req *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	return call(ctx, r.s.StopProvider, req)
}

func (r releasing) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return call(ctx, r.s.ValidateResourceConfig, req)
}

func (r releasing) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return call(ctx, r.s.UpgradeResourceState, req)
}

func (r releasing) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return call(ctx, r.s.ReadResource, req)
}

func (r releasing) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return call(ctx, r.s.PlanResourceChange, req)
}

func (r releasing) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return call(ctx, r.s.ApplyResourceChange, req)
}

func (r releasing) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return call(ctx, r.s.ImportResourceState, req)
}

func (r releasing) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return call(ctx, r.s.MoveResourceState, req)
}

func (r releasing) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return call(ctx, r.s.UpgradeResourceIdentity, req)
}

func (r releasing) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return call(ctx, r.s.GenerateResourceConfig, req)
}

func (r releasing) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return call(ctx, r.s.ValidateDataResourceConfig, req)
}

func (r releasing) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return call(ctx, r.s.ReadDataSource, req)
}

func (r releasing) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	return call(ctx, r.s.CallFunction, req)
}

func (r releasing) GetFunctions(ctx context.Context, req *tfprotov6.GetFunctionsRequest) (*tfprotov6.GetFunctionsResponse, error) {
	return call(ctx, r.s.GetFunctions, req)
}

func (r releasing) ValidateEphemeralResourceConfig(ctx context.Context, req *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	return call(ctx, r.s.ValidateEphemeralResourceConfig, req)
}

func (r releasing) OpenEphemeralResource(ctx context.Context, req *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	return call(ctx, r.s.OpenEphemeralResource, req)
}

func (r releasing) RenewEphemeralResource(ctx context.Context, req *tfprotov6.RenewEphemeralResourceRequest) (*tfprotov6.RenewEphemeralResourceResponse, error) {
	return call(ctx, r.s.RenewEphemeralResource, req)
}

func (r releasing) CloseEphemeralResource(ctx context.Context, req *tfprotov6.CloseEphemeralResourceRequest) (*tfprotov6.CloseEphemeralResourceResponse, error) {
	return call(ctx, r.s.CloseEphemeralResource, req)
}
