// Command floor is the no-network build of the provider that `make bench`
// measures the provider against: the same provider, schemas and client,
// with the emulator in its own process. The client's connections are
// in-memory pipes to the emulator's handler (no socket, no kernel network
// stack), so what remains is the cost of Terraform's protocol, the
// framework, the schemas and the client. It is started with -debug as the
// provider is; it serves the emulator's control API (and only that) on a
// loopback port printed first on stdout, for the benchmark's request counts.
//
// It is its own main package so that the provider never imports the
// emulator.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/carrierx/terraform-provider-carrierx/internal/bench"
	"github.com/carrierx/terraform-provider-carrierx/internal/emulator"
	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
)

// baseURL is never dialled: every connection of the provider's client goes
// to the in-process emulator. It is loopback so the provider accepts http.
const baseURL = "http://127.0.0.1:1/core/v2"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider in debug mode (TF_REATTACH_PROVIDERS)")
	flag.Parse()

	em := emulator.New(emulator.Options{Token: os.Getenv("CARRIERX_TOKEN"), RequestLogSize: 1 << 20})
	pipes := newPipeListener()
	go func() { _ = (&http.Server{Handler: em, ReadHeaderTimeout: 10 * time.Second}).Serve(pipes) }()
	// The client clones http.DefaultTransport: its dialer is the one thing
	// replaced, so timeouts, retries and logging stay the provider's own.
	http.DefaultTransport.(*http.Transport).DialContext = pipes.DialContext

	ctl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go func() { _ = (&http.Server{Handler: em, ReadHeaderTimeout: 10 * time.Second}).Serve(ctl) }()
	fmt.Printf("%shttp://%s/_emulator\n", bench.FloorControlPrefix, ctl.Addr())

	for k, v := range map[string]string{"CARRIERX_TOKEN": em.Token(), "CARRIERX_BASE_URL": baseURL} {
		if err := os.Setenv(k, v); err != nil {
			log.Fatal(err)
		}
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	err = tf6server.Serve(provider.Address, provider.ProtocolServer("floor"), opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}

// pipeListener hands the server end of in-memory connections to
// http.Server.Serve; DialContext returns the client end.
type pipeListener struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn), done: make(chan struct{})}
}

func (l *pipeListener) DialContext(ctx context.Context, _, _ string) (net.Conn, error) {
	client, server := net.Pipe()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.done:
		return nil, net.ErrClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "in-memory" }
