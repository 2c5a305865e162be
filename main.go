// Command terraform-provider-carrierx is the Terraform provider for CarrierX.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/carrierx/terraform-provider-carrierx/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=X.Y.Z", by
// goreleaser from the release tag and by make install from CHANGELOG.md; it
// is the provider's version and goes in its User-Agent.
var version = "dev"

// envCPUProfile names a file prefix: when set, each provider process writes
// a pprof CPU profile to <prefix>.<pid> (for measuring, never needed in use).
const envCPUProfile = "CARRIERX_CPU_PROFILE"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()
	quietUnlessAsked(os.Environ(), os.Setenv)
	if err := serve(debug); err != nil {
		log.Fatal(err.Error())
	}
}

// serve runs the provider until Terraform stops it, under a CPU profile when
// CARRIERX_CPU_PROFILE asks for one (stopped and written on every return).
func serve(debug bool) error {
	if prefix := os.Getenv(envCPUProfile); prefix != "" {
		f, err := os.Create(fmt.Sprintf("%s.%d", prefix, os.Getpid()))
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			_ = f.Close()
			return err
		}
		defer func() {
			pprof.StopCPUProfile()
			_ = f.Close()
		}()
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	return tf6server.Serve(provider.Address, provider.ProtocolServer(version), opts...)
}

// quietLevels are the log level variables the plugin's loggers read
// (terraform-plugin-log): the SDK root logger, its proto and framework
// subsystems, and this provider's own logger.
var quietLevels = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", provider.LogLevelEnv}

// quietUnlessAsked turns the plugin's loggers off when no TF_LOG* level
// variable asks for logs. Unset, they default to TRACE and format every
// line as JSON for Terraform to throw away: about a third of the CPU of a
// plan of many resources. With any level set, nothing changes.
func quietUnlessAsked(environ []string, setenv func(key, value string) error) {
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if name != "TF_LOG" && !strings.HasPrefix(name, "TF_LOG_") {
			continue
		}
		switch name {
		case "TF_LOG_PATH", "TF_LOG_PATH_MASK", "TF_LOG_SDK_PROTO_DATA_DIR":
			continue // where logs go, not whether
		}
		if value != "" && !strings.EqualFold(value, "off") {
			return
		}
	}
	for _, name := range quietLevels {
		_ = setenv(name, "off")
	}
}
