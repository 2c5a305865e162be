package client

import (
	"context"
	"net/url"
	"strings"
)

// formContentTypeOAuth is the media type of the OAuth token and revoke calls
// (form-urlencoded body, JSON response).
const formContentTypeOAuth = "application/x-www-form-urlencoded"

// DoForm sends one API call whose body is form-urlencoded, with the retry,
// rate-limit, logging and error handling of Do. out, when non-nil, receives
// the decoded JSON response. The values of secret form keys (token,
// password, client_secret, ...) never reach a log entry or an error, even
// when the server echoes them back.
func (c *Client) DoForm(ctx context.Context, method, path string, form url.Values, out any) error {
	return c.doJSON(ctx, formRequest(method, path, form), out)
}

func formRequest(method, path string, form url.Values) *request {
	return &request{method: method, path: path, payload: []byte(form.Encode()),
		contentType: formContentTypeOAuth, secrets: formSecretValuesOAuth(form)}
}

// formSecretValuesOAuth returns the non-empty values of secret keys of a
// form, in every spelling an echo could use.
func formSecretValuesOAuth(form url.Values) []string {
	var out []string
	for k, vs := range form {
		if !secretKeys[strings.ToLower(k)] {
			continue
		}
		for _, v := range vs {
			out = append(out, spellings(v)...)
		}
	}
	return out
}
