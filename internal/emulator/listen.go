package emulator

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Instance is a Server listening on a loopback address.
type Instance struct {
	Server *Server
	ln     net.Listener
	srv    *http.Server
	done   chan error
}

// CheckLoopback refuses any listen address that is not loopback: the
// emulator has no real authentication of its control API.
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("emulator: invalid listen address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("emulator: refusing to listen on %q: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed", addr)
	}
	return nil
}

// Listen serves a new Server on addr (e.g. "127.0.0.1:0"); only loopback
// addresses are accepted.
func Listen(addr string, opts Options) (*Instance, error) {
	if err := CheckLoopback(addr); err != nil {
		return nil, err
	}
	return ListenNonLoopback(addr, opts)
}

// ListenNonLoopback is Listen on any address, for an emulator that other
// machines must reach (a CI service container). Anyone who reaches it can
// use its control API: the caller asks for it explicitly and warns.
func ListenNonLoopback(addr string, opts Options) (*Instance, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := New(opts)
	i := &Instance{Server: s, ln: ln, done: make(chan error, 1),
		srv: &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}}
	go func() {
		err := i.srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		i.done <- err
	}()
	return i, nil
}

func (i *Instance) root() string { return "http://" + i.ln.Addr().String() }

// BaseURL is the Core API base, e.g. "http://127.0.0.1:PORT/core/v2".
func (i *Instance) BaseURL() string { return i.root() + corePrefix }

// ControlURL is the test-control API base, e.g. "http://127.0.0.1:PORT/_emulator".
func (i *Instance) ControlURL() string { return i.root() + controlPrefix }

// Shutdown stops accepting requests and waits for the ones in flight.
func (i *Instance) Shutdown(ctx context.Context) error {
	err := i.srv.Shutdown(ctx)
	if serveErr := <-i.done; err == nil {
		err = serveErr
	}
	i.done <- nil
	return err
}

// Close shuts the instance down, waiting up to five seconds.
func (i *Instance) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return i.Shutdown(ctx)
}
