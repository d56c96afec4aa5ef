#!/usr/bin/env bash
# Installs the local-chain tools the on-chain indexer's tests and `make devnet` use, when they are missing:
#   anvil  (Foundry's local EVM node, the binary shipped inside @foundry-rs/anvil-linux-amd64)
#   solcjs (the Solidity compiler from the npm package solc)
# Pinned versions, into .chain-tools/ (git-ignored). Both run offline once installed.
set -euo pipefail
cd "$(dirname "$0")/.."

ANVIL_VERSION=1.7.1
SOLC_VERSION=0.8.37
dir=.chain-tools

have() {
  [ -x "$dir/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" ] &&
    [ -f "$dir/node_modules/solc/package.json" ] &&
    grep -q "\"version\": \"$SOLC_VERSION\"" "$dir/node_modules/solc/package.json" &&
    grep -q "\"version\": \"$ANVIL_VERSION\"" "$dir/node_modules/@foundry-rs/anvil-linux-amd64/package.json"
}

if have; then exit 0; fi

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages: nodejs npm"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  else
    echo "error: npm is missing; install it with: sudo apt-get install -y nodejs npm" >&2
    exit 1
  fi
fi

mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{ "name": "analytics-chain-tools", "private": true }' > "$dir/package.json"
echo "Installing anvil $ANVIL_VERSION and solc $SOLC_VERSION into $dir/"
npm install --prefix "$dir" --no-audit --no-fund --silent --save-exact \
  "@foundry-rs/anvil-linux-amd64@$ANVIL_VERSION" "solc@$SOLC_VERSION"
have
