// Package provider maps Terraform schema onto the CarrierX client.
package provider

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// DefaultBaseURL is the live Core API.
const DefaultBaseURL = "https://api.carrierx.com/core/v2"

const (
	envToken     = "CARRIERX_TOKEN"
	envBaseURL   = "CARRIERX_BASE_URL"
	envTimeout   = "CARRIERX_REQUEST_TIMEOUT"
	envRetries   = "CARRIERX_MAX_RETRIES"
	envRPS       = "CARRIERX_REQUESTS_PER_SECOND"
	envClientID  = "CARRIERX_CLIENT_ID"
	envSecret    = "CARRIERX_CLIENT_SECRET"
	envAppURL    = "CARRIERX_%s_BASE_URL" // per endpoint API: CARRIERX_MEDIATOR_BASE_URL
	envPlainHTTP = "CARRIERX_ALLOW_PLAIN_HTTP"
	defaultRetry = 4
)

var envFor = map[string]string{
	"token": envToken, "base_url": envBaseURL, "request_timeout": envTimeout,
	"max_retries": envRetries, "requests_per_second": envRPS, "client_id": envClientID, "client_secret": envSecret,
	"allow_plain_http": envPlainHTTP,
}

// appAPIs are the endpoint APIs whose base URL a setting may override.
var appAPIs = []client.AppAPI{client.MediatorAPI, client.FlexMLAPI, client.ConferenceAPI}

func init() {
	for _, api := range appAPIs {
		envFor[api.Name+"_base_url"] = fmt.Sprintf(envAppURL, strings.ToUpper(api.Name))
	}
}

var (
	_ provider.Provider                       = (*carrierxProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*carrierxProvider)(nil)
)

type carrierxProvider struct {
	version string
}

// New returns a constructor of the provider, as providerserver expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &carrierxProvider{version: version} }
}

type providerModel struct {
	Token             types.String  `tfsdk:"token"`
	BaseURL           types.String  `tfsdk:"base_url"`
	RequestTimeout    types.String  `tfsdk:"request_timeout"`
	MaxRetries        types.Int64   `tfsdk:"max_retries"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
	ClientID          types.String  `tfsdk:"client_id"`
	ClientSecret      types.String  `tfsdk:"client_secret"`
	MediatorBaseURL   types.String  `tfsdk:"mediator_base_url"`
	FlexMLBaseURL     types.String  `tfsdk:"flexml_base_url"`
	ConferenceBaseURL types.String  `tfsdk:"conference_base_url"`
	AllowPlainHTTP    types.Bool    `tfsdk:"allow_plain_http"`
}

// appURL is the configured base URL of an endpoint API.
func (m providerModel) appURL(api client.AppAPI) types.String {
	return map[string]types.String{"mediator": m.MediatorBaseURL, "flexml": m.FlexMLBaseURL, "conference": m.ConferenceBaseURL}[api.Name]
}

func (p *carrierxProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "carrierx"
	resp.Version = p.version
}

func (p *carrierxProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages a [CarrierX](https://www.carrierx.com) account through the Core API v2.",
		Attributes: map[string]schema.Attribute{
			"token": schema.StringAttribute{
				MarkdownDescription: "Core API bearer token (a security token from the portal or `POST /oauth/token`). " +
					"Falls back to the `" + envToken + "` environment variable.",
				Optional:  true,
				Sensitive: true,
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Core API base URL. Falls back to `" + envBaseURL + "`, then `" + DefaultBaseURL + "`. " +
					"Plain `http` is accepted only for loopback hosts (the emulator), unless `allow_plain_http` is set.",
				Optional: true,
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Timeout of one HTTP attempt, a Go duration such as `30s` or `2m`. Falls back to `" +
					envTimeout + "`, then `60s`.",
				Optional: true,
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a request is retried on 429, 502, 503, 504 or a connection error " +
					"(a create only on 429). Falls back to `" + envRetries + "`, then `" + strconv.Itoa(defaultRetry) + "`.",
				Optional: true,
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: "Client-side limit on requests per second across the whole provider. Falls back to `" +
					envRPS + "`; unset means no limit.",
				Optional: true,
			},
			"client_id": schema.StringAttribute{
				MarkdownDescription: "Your partner's OAuth client ID (32 hex characters, shown with the partner's API credentials " +
					"in the CarrierX portal). Sent with `client_secret` in every token mint and revoke (`carrierx_oauth_token`), " +
					"as CarrierX's documented samples do. Falls back to `" + envClientID + "`; set both or neither.",
				Optional: true,
			},
			"client_secret": schema.StringAttribute{
				MarkdownDescription: "The OAuth client secret that goes with `client_id`; never logged. Falls back to `" + envSecret + "`.",
				Optional:            true,
				Sensitive:           true,
			},
			"allow_plain_http": schema.BoolAttribute{
				MarkdownDescription: "Accept plain `http` base URLs (`base_url` and the endpoint APIs' URLs) towards hosts that are " +
					"not loopback, for an emulator that runs on another host of a private network (a CI service container). " +
					"The token and the endpoints' passwords then cross that network unencrypted: never set it for the live API. " +
					"Falls back to `" + envPlainHTTP + "` (`true` or `false`), then `false`.",
				Optional: true,
			},
		},
	}
	for _, api := range appAPIs {
		name := api.Name + "_base_url"
		resp.Schema.Attributes[name] = schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Base URL of the %s, for every `%s` endpoint, in place of the one the endpoint "+
				"reports (`properties.api_url`), for users behind a gateway; for example `https://api.carrierx.com/%s`. "+
				"Falls back to `%s`; unset uses the endpoint's own.", api.Title, api.EndpointType, appPath[api.Name], envFor[name]),
			Optional: true,
		}
	}
}

// appPath is each endpoint API's path on api.carrierx.com (CarrierX docs).
var appPath = map[string]string{"mediator": "mediator/v1", "flexml": "flexml/v1", "conference": "conference/v2"}

func (p *carrierxProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	for name, v := range map[string]interface{ IsUnknown() bool }{
		"token": cfg.Token, "base_url": cfg.BaseURL, "request_timeout": cfg.RequestTimeout,
		"max_retries": cfg.MaxRetries, "requests_per_second": cfg.RequestsPerSecond,
		"client_id": cfg.ClientID, "client_secret": cfg.ClientSecret, "mediator_base_url": cfg.MediatorBaseURL,
		"flexml_base_url": cfg.FlexMLBaseURL, "conference_base_url": cfg.ConferenceBaseURL,
		"allow_plain_http": cfg.AllowPlainHTTP,
	} {
		if v.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Unknown CarrierX provider "+name,
				"The provider's "+name+" is not known until apply. Set it from a value known at plan time "+
					"(a literal or a variable), or leave it unset and use the environment ("+envFor[name]+"). A token from an "+
					"ephemeral carrierx_oauth_token of a partner created in the same configuration is known once that "+
					"partner exists: apply it first with -target (see the guide \"Acting as a sub-partner\").")
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	token := stringOr(cfg.Token, os.Getenv(envToken))
	if token == "" {
		resp.Diagnostics.AddAttributeError(path.Root("token"), "Missing CarrierX API token",
			"Set the provider's token argument or the "+envToken+" environment variable to a CarrierX Core API token. "+
				"To try the provider offline, run the emulator: eval \"$(carrierx-emulator -detach)\" exports both variables "+
				"(see the README, \"Against the emulator\").")
		return
	}

	plainHTTP := cfg.AllowPlainHTTP.ValueBool()
	if s := os.Getenv(envPlainHTTP); cfg.AllowPlainHTTP.IsNull() && s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("allow_plain_http"), "Invalid "+envPlainHTTP,
				fmt.Sprintf("%q is not a boolean; use true or false.", s))
			return
		}
		plainHTTP = b
	}
	baseURL := stringOr(cfg.BaseURL, os.Getenv(envBaseURL))
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	if err := checkBaseURL(baseURL, plainHTTP); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid CarrierX base_url", err.Error())
		return
	}

	timeout := 60 * time.Second
	if s := stringOr(cfg.RequestTimeout, os.Getenv(envTimeout)); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			resp.Diagnostics.AddAttributeError(path.Root("request_timeout"), "Invalid request_timeout",
				fmt.Sprintf("%q is not a positive duration; use a value such as \"30s\" or \"2m\" (also via %s).", s, envTimeout))
			return
		}
		timeout = d
	}

	retries := defaultRetry
	switch {
	case !cfg.MaxRetries.IsNull():
		retries = int(cfg.MaxRetries.ValueInt64())
	case os.Getenv(envRetries) != "":
		n, err := strconv.Atoi(os.Getenv(envRetries))
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("max_retries"), "Invalid "+envRetries,
				fmt.Sprintf("%q is not a whole number.", os.Getenv(envRetries)))
			return
		}
		retries = n
	}
	if retries < 0 || retries > 20 {
		resp.Diagnostics.AddAttributeError(path.Root("max_retries"), "Invalid max_retries",
			fmt.Sprintf("%d is out of range; use 0 to 20.", retries))
		return
	}

	rps := 0.0
	switch {
	case !cfg.RequestsPerSecond.IsNull():
		rps = cfg.RequestsPerSecond.ValueFloat64()
	case os.Getenv(envRPS) != "":
		f, err := strconv.ParseFloat(os.Getenv(envRPS), 64)
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("requests_per_second"), "Invalid "+envRPS,
				fmt.Sprintf("%q is not a number.", os.Getenv(envRPS)))
			return
		}
		rps = f
	}
	if rps < 0 {
		resp.Diagnostics.AddAttributeError(path.Root("requests_per_second"), "Invalid requests_per_second",
			fmt.Sprintf("%g is negative; use a positive number, or leave it unset for no limit.", rps))
		return
	}

	clientID, secret := stringOr(cfg.ClientID, os.Getenv(envClientID)), stringOr(cfg.ClientSecret, os.Getenv(envSecret))
	if (clientID == "") != (secret == "") {
		missing, from := "client_secret", envSecret
		if clientID == "" {
			missing, from = "client_id", envClientID
		}
		resp.Diagnostics.AddAttributeError(path.Root(missing), "Missing CarrierX "+missing,
			"client_id and client_secret are sent together: set "+missing+" (or "+from+") too, or neither of them.")
		return
	}

	appURLs := map[string]string{}
	for _, api := range appAPIs {
		name := api.Name + "_base_url"
		u := stringOr(cfg.appURL(api), os.Getenv(envFor[name]))
		if u == "" {
			continue
		}
		if err := checkBaseURL(u, plainHTTP); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Invalid CarrierX "+name, err.Error())
			return
		}
		appURLs[api.Name] = u
	}

	c, err := client.New(client.Config{
		BaseURL:           baseURL,
		Token:             token,
		Timeout:           timeout,
		MaxRetries:        retries,
		RequestsPerSecond: rps,
		UserAgent:         fmt.Sprintf("terraform-provider-carrierx/%s terraform/%s", p.version, req.TerraformVersion),
		Log:               clientLog(os.Getenv, token, secret),
		ClientID:          clientID,
		ClientSecret:      secret,
		AppURLs:           appURLs,
		AllowPlainHTTP:    plainHTTP,
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to create the CarrierX client", err.Error())
		return
	}
	if resp.Diagnostics.Append(verifyCredentials(ctx, c, token, timeout)...); resp.Diagnostics.HasError() {
		return
	}
	tflog.Debug(ctx, "configured CarrierX client", map[string]any{"base_url": baseURL, "max_retries": retries})
	resp.ResourceData = c
	resp.DataSourceData = c
	resp.EphemeralResourceData = c
}

// LogLevelEnv sets the level of the provider's own logger (terraform-plugin-go
// names it after the provider's address); main sets it to off when no TF_LOG*
// variable asks for logs.
const LogLevelEnv = "TF_LOG_PROVIDER_CARRIERX"

// clientLog is the client's log hook, or nil when the provider's logger is
// off: then the client does not even build its lines (redacted bodies of
// every request, about 1.5% of a plan's CPU).
func clientLog(getenv func(string) string, secrets ...string) client.LogFunc {
	if strings.EqualFold(getenv(LogLevelEnv), "off") {
		return nil
	}
	return tflogHook(secrets...)
}

// tflogHook sends client log lines to tflog, masking the secrets once more in
// case a server echoes one back in a body.
func tflogHook(secrets ...string) client.LogFunc {
	secrets = slices.DeleteFunc(secrets, func(s string) bool { return s == "" })
	return func(ctx context.Context, level client.Level, msg string, fields map[string]any) {
		ctx = tflog.MaskAllFieldValuesStrings(ctx, secrets...)
		ctx = tflog.MaskMessageStrings(ctx, secrets...)
		if level == client.LevelTrace {
			tflog.Trace(ctx, msg, fields)
			return
		}
		tflog.Debug(ctx, msg, fields)
	}
}

func stringOr(v types.String, fallback string) string {
	if v.IsNull() || v.ValueString() == "" {
		return fallback
	}
	return v.ValueString()
}

// checkBaseURL refuses plain http except towards loopback (or anywhere with
// plainHTTP, the user's explicit choice), so a token never crosses a network
// unencrypted by accident.
func checkBaseURL(raw string, plainHTTP bool) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		if i := strings.LastIndex(raw, "@"); i >= 0 {
			raw = "***@" + raw[i+1:] // may hold credentials
		}
		return fmt.Errorf("%q is not an absolute URL; use %s or the emulator's CARRIERX_BASE_URL", raw, DefaultBaseURL)
	}
	if u.User != nil {
		// Never echo it: the userinfo is a credential.
		u.User = nil
		return fmt.Errorf("the URL (%s with credentials before the host) must not contain a user name or password: "+
			"CarrierX authenticates with the token alone. Remove the \"user:password@\" part", u.Redacted())
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q must not have a query or a fragment; use %s or the emulator's CARRIERX_BASE_URL", raw, DefaultBaseURL)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		host := u.Hostname()
		if plainHTTP || strings.EqualFold(host, "localhost") {
			return nil
		}
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
			return nil
		}
		return fmt.Errorf("%q uses plain http towards a host that is not loopback; the token would travel unencrypted. Use https; "+
			"for an emulator on another host of a private network (a CI service container), set allow_plain_http = true "+
			"in the provider block (or %s=true)", u.String(), envPlainHTTP)
	default:
		return fmt.Errorf("%q has scheme %q; use https (or http for a loopback emulator)", raw, u.Scheme)
	}
}

func (p *carrierxProvider) Resources(_ context.Context) []func() resource.Resource {
	return resources()
}

func (p *carrierxProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return dataSources()
}

func (p *carrierxProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return ephemeralResources()
}
