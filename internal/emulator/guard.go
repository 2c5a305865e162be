package emulator

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// allowedHost is one Options.AllowedHosts entry; port "" accepts any port.
type allowedHost struct{ host, port string }

func parseAllowedHosts(list []string) []allowedHost {
	var out []allowedHost
	for _, h := range list {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		host, port := splitHost(h)
		out = append(out, allowedHost{host, port})
	}
	return out
}

// splitHost splits a Host header value ("name", "name:port", "[::1]:port")
// into a lower-case host (without brackets) and a port.
func splitHost(h string) (string, string) {
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		host, port = h, ""
	}
	return strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")), port
}

// isLoopbackHost reports whether a host name (no port) is localhost or a
// loopback IP address.
func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkHost refuses a request whose Host header is neither loopback nor
// one of Options.AllowedHosts: a page that rebinds its own DNS name to
// 127.0.0.1 reaches the emulator with its own name as Host.
func (s *Server) checkHost(r *http.Request) *apiError {
	host, port := splitHost(r.Host)
	if host != "" && isLoopbackHost(host) {
		return nil
	}
	for _, a := range s.allowed {
		if a.host == host && (a.port == "" || a.port == port) {
			return nil
		}
	}
	msg := fmt.Sprintf("Host %q is not allowed", r.Host)
	e := &apiError{Status: http.StatusForbidden, Message: msg, Errors: []fieldError{{Field: strPtr("Host"),
		Message: fmt.Sprintf("the emulator answers /core/v2, the endpoint APIs and /_emulator only for loopback hosts (localhost, 127.0.0.0/8, [::1]) "+
			"and the allowed hosts, so that a web page cannot reach it through DNS rebinding; to allow %q, add it to "+
			"emulator.Options.AllowedHosts or to the -allowed-hosts flag of carrierx-emulator", r.Host)}}}
	return e
}

// checkControl guards the control API, which has no credentials: the Host
// check, no Origin header (browsers send one on cross-origin requests;
// test tools do not), and JSON bodies on POST/PATCH/PUT (a cross-origin
// form or text/plain request cannot send that without a preflight).
func (s *Server) checkControl(r *http.Request) *apiError {
	if e := s.checkHost(r); e != nil {
		return e
	}
	if o := r.Header.Get("Origin"); o != "" {
		return &apiError{Status: http.StatusForbidden, Message: "Forbidden", Errors: []fieldError{{Field: strPtr("Origin"),
			Message: fmt.Sprintf("the control API refuses requests with an Origin header (got %q): browsers send it on cross-origin requests, test tools do not", o)}}}
	}
	switch r.Method {
	case http.MethodPost, http.MethodPatch, http.MethodPut:
		if !isJSONContentType(r.Header.Get("Content-Type")) {
			e := newError(http.StatusUnsupportedMediaType, "Unsupported media type")
			e.Errors[0].Field = strPtr("Content-Type")
			e.Errors[0].Message = fmt.Sprintf("control API %s requests need Content-Type: application/json (got %q), even without a body", r.Method, r.Header.Get("Content-Type"))
			return e
		}
	}
	return nil
}
