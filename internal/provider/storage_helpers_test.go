package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Helpers of the URL shortener tests (the storage tests are in
// internal/services/storage).

// storageAttr reads one attribute of a resource from state.
func storageAttr(res, attr string) func(*terraform.State) (string, error) {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[res]
		if !ok {
			return "", fmt.Errorf("%s not in state", res)
		}
		v, ok := rs.Primary.Attributes[attr]
		if !ok || v == "" {
			return "", fmt.Errorf("%s has no %s in state", res, attr)
		}
		return v, nil
	}
}

// storageSave stores an attribute of res into *dst.
func storageSave(res, attr string, dst *string) func(*terraform.State) error {
	return func(s *terraform.State) (err error) {
		*dst, err = storageAttr(res, attr)(s)
		return err
	}
}

// storageSame fails when the attribute is no longer *want (replaced), or,
// with differ, when it still is (not replaced).
func storageSame(res, attr string, want *string, differ bool) func(*terraform.State) error {
	return func(s *terraform.State) error {
		got, err := storageAttr(res, attr)(s)
		switch {
		case err != nil:
			return err
		case !differ && got != *want:
			return fmt.Errorf("%s %s changed from %s to %s: replaced instead of updated", res, attr, *want, got)
		case differ && got == *want:
			return fmt.Errorf("%s %s is still %s: not replaced", res, attr, got)
		}
		return nil
	}
}

func (e *accEnv) shortenerDomainGet(ctx context.Context, sid string) error {
	_, err := e.api.GetShortenerDomain(ctx, sid)
	return err
}

func (e *accEnv) shortenerLinkGet(ctx context.Context, sid string) error {
	_, err := e.api.GetShortenerLink(ctx, sid)
	return err
}

// storageWrites returns the logged requests that are not GETs.
func storageWrites(reqs []loggedRequest) []loggedRequest {
	var out []loggedRequest
	for _, r := range reqs {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}
