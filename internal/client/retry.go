package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"
)

// retryable decides whether an attempt may be repeated. A POST that reached
// the server may have created an object, so POST is retried only on 429,
// which says the request was not processed, or when it never left (the
// connection could not be made); an idempotent POST (revoke) is retried
// like any other method.
func retryable(req *request, r result) bool {
	post := req.method == http.MethodPost && !req.idempotent
	if r.transport {
		return r.connErr && (!post || !r.sent)
	}
	if r.status == http.StatusTooManyRequests {
		return true
	}
	if post {
		return false
	}
	switch r.status {
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// isConnError reports transport failures worth retrying: dial errors,
// resets, premature EOF and the per-attempt timeout. TLS certificate and
// other non-network errors are not retried.
func isConnError(err error) bool {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	// *url.Error itself implements net.Error, so look beneath it.
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	return errors.As(err, &ne)
}

// isDialError reports a failure to connect: the request never reached the
// server.
func isDialError(err error) bool {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

// backoff returns the wait before retry number attempt (1-based). A
// Retry-After the server sent is honoured exactly up to waitMax; otherwise
// exponential backoff with full jitter in [waitMin, min(waitMax, waitMin*2^attempt)].
func (c *Client) backoff(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, c.cfg.RetryWaitMax)
	}
	ceil := c.cfg.RetryWaitMax
	if attempt < 32 {
		if d := c.cfg.RetryWaitMin << attempt; d > 0 && d < ceil {
			ceil = d
		}
	}
	if ceil <= c.cfg.RetryWaitMin {
		return c.cfg.RetryWaitMin
	}
	return c.cfg.RetryWaitMin + rand.N(ceil-c.cfg.RetryWaitMin+1)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// waitTurn waits for the rate limiter, shared by every request of the
// Client, retries included.
func (c *Client) waitTurn(ctx context.Context) error {
	if c.limiter == nil {
		return ctx.Err()
	}
	if err := c.limiter.Wait(ctx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// The wait would outlast the context's deadline: say so as the deadline would.
		return fmt.Errorf("%w (%s)", context.DeadlineExceeded, err.Error())
	}
	return nil
}
