#!/usr/bin/env bash
# Installs the Debian packages a target needs, when they are missing.
#   scripts/install-deps.sh run    what `make run` / `make build` need
#   scripts/install-deps.sh test   what `make test` needs as well (PostgreSQL server, Chromium for page tests)
#   scripts/install-deps.sh bench  what `make bench-http` needs as well (wrk); never part of `make test`
# As root it installs them with apt-get; otherwise it names them and stops.
set -euo pipefail

profile="${1:-run}"
# swig + libquantlib0-dev: the QuantLib engine family (its native wrapper is built by the build).
# fonts-dejavu-core: text in the rendered charts (smile.png).
packages=(swig libquantlib0-dev g++ fonts-dejavu-core)
if [ "$profile" = "test" ]; then
  # postgresql: the throwaway test server; chromium + fonts: browser page tests.
  packages+=(postgresql chromium)
fi
if [ "$profile" = "bench" ]; then
  # wrk: the HTTP load generator of bench/http/load.sh.
  packages+=(wrk)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK (dotnet) is not on PATH. Install it first: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing Debian packages: ${missing[*]}" >&2
  echo "       install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
