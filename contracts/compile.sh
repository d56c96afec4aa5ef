#!/usr/bin/env bash
# Compiles the exchange with the pinned solcjs (scripts/install-chain-tools.sh) into contracts/build/ (git-ignored):
#   OptionsExchange.abi, OptionsExchange.bin (creation bytecode, hex).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-chain-tools.sh
solcjs=.chain-tools/node_modules/.bin/solcjs
out=contracts/build
mkdir -p "$out"
"$solcjs" --optimize --abi --bin --base-path contracts -o "$out" contracts/OptionsExchange.sol >/dev/null
for f in "$out"/*OptionsExchange.abi; do mv -f "$f" "$out/OptionsExchange.abi"; done 2>/dev/null || true
for f in "$out"/*OptionsExchange.bin; do mv -f "$f" "$out/OptionsExchange.bin"; done 2>/dev/null || true
test -s "$out/OptionsExchange.bin"
