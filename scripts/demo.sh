#!/usr/bin/env bash
# Applies examples/demo against a fresh emulator and destroys it again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/bin"
work=$(mktemp -d)
emu_pid=""
cleanup() {
  if [ -n "$emu_pid" ]; then kill "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin/carrierx-emulator" -listen 127.0.0.1:0 >"$work/emulator.out" 2>"$work/emulator.log" &
emu_pid=$!
for _ in $(seq 1 100); do
  [ "$(grep -c '^CARRIERX_' "$work/emulator.out" 2>/dev/null || true)" -ge 2 ] && break
  sleep 0.1
done
export "$(grep '^CARRIERX_BASE_URL=' "$work/emulator.out")"
export "$(grep '^CARRIERX_TOKEN=' "$work/emulator.out")"
echo "emulator listening at $CARRIERX_BASE_URL"

# dev_overrides makes terraform use the provider just built, with no registry.
cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/carrierx/carrierx" = "$bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1
cp "$root"/examples/demo/*.tf "$work/"

echo "== terraform apply"
terraform -chdir="$work" apply -auto-approve -input=false -no-color
echo "== terraform output"
terraform -chdir="$work" output -no-color
echo "== terraform plan (expect no changes)"
terraform -chdir="$work" plan -detailed-exitcode -input=false -no-color >"$work/plan.txt" || { cat "$work/plan.txt"; echo "demo: the plan after apply is not empty" >&2; exit 1; }
echo "No changes."
echo "== terraform destroy"
terraform -chdir="$work" destroy -auto-approve -input=false -no-color
echo "demo finished: applied, checked, destroyed"
