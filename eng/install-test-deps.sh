#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK, when missing (idempotent, quick when present):
#  - Ajv (npm, pinned in tests/ajv/package-lock.json) for the independent JSON Schema check;
#  - Debian's chromium (+ a font with Vietnamese glyphs) for the HTML report test.
# Called by the test projects before they build (so `dotnet test` works on a fresh machine) and by .ci/run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# Test projects build in parallel: one installer at a time.
exec 9>"${TMPDIR:-/tmp}/dkpi-install-test-deps.lock"
flock 9

if [ ! -f "$root/tests/ajv/node_modules/ajv/package.json" ] || [ ! -f "$root/tests/ajv/node_modules/ajv-formats/package.json" ]; then
  echo "install-test-deps: installing Ajv (npm ci in tests/ajv)"
  (cd "$root/tests/ajv" && npm ci --no-audit --no-fund)
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "install-test-deps: installing Debian's chromium"
  sudo=""; if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core
fi
