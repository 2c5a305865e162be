package acctest

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Out-of-band changes and reads of the objects of one kind, through the
// public API, for drift steps and checks.

// NoneLeft fails the test when the API lists any object of kind k (with
// opts): what bad input must leave behind.
func NoneLeft[T any](t *testing.T, e *Env, k client.Kind, opts client.ListOptions) {
	t.Helper()
	objs, err := client.Objects[T](e.API, k).List(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) != 0 {
		t.Fatalf("bad input left %d objects of kind %s behind", len(objs), k.Name)
	}
}

// UpdateOutside updates the object of kind k whose SID is *sid with patch,
// behind Terraform's back (DriftSteps' change). *sid is read when it runs.
func UpdateOutside[T any](e *Env, k client.Kind, sid *string, patch map[string]any) func() error {
	return func() error {
		_, err := client.Objects[T](e.API, k).Update(context.Background(), *sid, patch)
		return err
	}
}

// DeleteOutside deletes the object of kind k whose SID is *sid behind
// Terraform's back (DriftSteps' remove). *sid is read when it runs.
func DeleteOutside[T any](e *Env, k client.Kind, sid *string) func() error {
	return func() error {
		return client.Objects[T](e.API, k).Delete(context.Background(), *sid)
	}
}

// Reverted checks, through the API, that the object of kind k whose SID is
// *sid is as ok wants it: the apply put it back.
func Reverted[T any](e *Env, k client.Kind, sid *string, ok func(*T) bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		o, err := client.Objects[T](e.API, k).Get(context.Background(), *sid)
		if err == nil && !ok(o) {
			err = fmt.Errorf("the apply did not revert the %s: %+v", k.Name, o)
		}
		return err
	}
}

// Must is a PreConfig that runs f and fails the test on its error.
func Must(t *testing.T, f func() error) func() {
	return func() {
		if err := f(); err != nil {
			t.Fatal(err)
		}
	}
}
