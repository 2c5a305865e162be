#!/usr/bin/env bash
# Does what README.md ("A local build" and "Against the emulator") tells a
# new user, in a temporary directory outside the repository and with no file
# of it but `make install`: the provider built into a filesystem mirror named
# by a CLI configuration, the emulator started with -token and evaluated,
# a main.tf with source "carrierx/carrierx" and a version constraint,
# `terraform init` (offline: the mirror satisfies it), apply, an empty plan,
# destroy. Run by TestAccREADMEOutsideTheRepository (make test).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
terraform=${TERRAFORM:-terraform}
work=$(mktemp -d)
CARRIERX_EMULATOR_PID=""
cleanup() {
  if [ -n "$CARRIERX_EMULATOR_PID" ]; then kill "$CARRIERX_EMULATOR_PID" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# make install: the provider into a mirror, carrierx-emulator into GOBIN.
export GOBIN="$work/bin" PATH="$work/bin:$PATH"
make -C "$repo" --no-print-directory install MIRROR="$work/mirror"
# The version in the mirror's layout is the one built in (main.version, the
# User-Agent's), as goreleaser's ldflags do for a release.
plugin=$(find "$work/mirror" -name 'terraform-provider-carrierx_v*' -type f)
version=${plugin##*_v}
go version -m "$plugin" | grep -q -- "-X main.version=$version" ||
  { echo "$plugin was not built with -X main.version=$version" >&2; go version -m "$plugin" >&2; exit 1; }

# The CLI configuration the README shows for a mirror of one's own.
cat >"$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["registry.terraform.io/carrierx/carrierx"]
  }
  direct {
    exclude = ["registry.terraform.io/carrierx/carrierx"]
  }
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc"

# The emulator in the background; port 0 here (the README fixes 8787) so that
# it never collides with another one on this machine.
eval "$(carrierx-emulator -listen 127.0.0.1:0 -token readme-token -detach)"
[ "$CARRIERX_TOKEN" = readme-token ] || { echo "CARRIERX_TOKEN is $CARRIERX_TOKEN" >&2; exit 1; }

mkdir "$work/project"
cd "$work/project"
cat >main.tf <<'TF'
terraform {
  required_providers {
    carrierx = {
      source  = "carrierx/carrierx"
      version = "~> 0.1"
    }
  }
}

provider "carrierx" {}   # token and base URL from CARRIERX_TOKEN and CARRIERX_BASE_URL

resource "carrierx_endpoint" "pbx" {
  name      = "pbx-east"
  type      = "third_party"
  addresses = [{ ip = "203.0.113.10", port = 5060 }]
}

output "endpoint_sid" {
  value = carrierx_endpoint.pbx.endpoint_sid
}
TF

echo "== terraform init"
"$terraform" init -input=false -no-color
"$terraform" version -no-color | grep -q "provider registry.terraform.io/carrierx/carrierx v" ||
  { echo "terraform version does not list the mirror's carrierx/carrierx" >&2; exit 1; }
echo "== terraform apply"
"$terraform" apply -auto-approve -input=false -no-color
echo "== terraform plan (must be empty)"
set +e
"$terraform" plan -detailed-exitcode -input=false -no-color
code=$?
set -e
[ "$code" -eq 0 ] || { echo "plan after apply: exit $code, want 0 (no changes)" >&2; exit 1; }
echo "== terraform destroy"
"$terraform" destroy -auto-approve -input=false -no-color
echo "README steps outside the repository: ok"
