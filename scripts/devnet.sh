#!/usr/bin/env bash
# `make devnet`: a local chain with the exchange contract, a small trade generator, and the service indexing it.
#   anvil on 127.0.0.1:$DEVNET_RPC_PORT (1 s blocks) → contracts/devnet.mjs deploys OptionsExchange and sends fills and
#   funding → the service on $URLS with Indexer:Sources = [devnet] and the `indexer` job every second ($INDEXER_CRON, six-field
#   cron with seconds), which keeps the lag within confirmations + 2 blocks (bench/RESULTS.md); '*/5 * * * * *' is gentler.
# Watch: curl $URLS/api/v1/trades?limit=5, $URLS/api/v1/indexer/sources. Force a reorg:
#   curl -s -X POST -H 'content-type: application/json' --data '{"jsonrpc":"2.0","id":1,"method":"anvil_reorg","params":[5,[]]}' http://127.0.0.1:$DEVNET_RPC_PORT
# Ctrl-C stops all three; the SQLite file ($DEVNET_DB) keeps the checkpoint, so a restart of the service resumes (a new
# anvil is a new chain: delete the file then).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-chain-tools.sh
DEVNET_RPC_PORT=${DEVNET_RPC_PORT:-8545}
URLS=${URLS:-http://127.0.0.1:5080}
DEVNET_DB=${DEVNET_DB:-data/devnet.db}
CONFIRMATIONS=${CONFIRMATIONS:-2}
INDEXER_CRON=${INDEXER_CRON:-* * * * * *}
mkdir -p "$(dirname "$DEVNET_DB")"
rm -f "$DEVNET_DB" "$DEVNET_DB-wal" "$DEVNET_DB-shm" # a new anvil is a new chain
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

.chain-tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil --host 127.0.0.1 --port "$DEVNET_RPC_PORT" --block-time 1 --silent &
pids+=($!)
rpc="http://127.0.0.1:$DEVNET_RPC_PORT"
for _ in $(seq 50); do curl -sf -X POST -H 'content-type: application/json' --data '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "$rpc" >/dev/null && break; sleep 0.2; done

address_file=$(mktemp)
node contracts/devnet.mjs "$rpc" "$address_file" "${TRADES_PER_SECOND:-2}" &
pids+=($!)
for _ in $(seq 100); do [ -s "$address_file" ] && break; sleep 0.2; done
read -r contract first_block < "$address_file"

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Storage__SqlitePath="$DEVNET_DB"
export Indexer__Sources__0__id=devnet Indexer__Sources__0__chain=arbitrum-one Indexer__Sources__0__rpcUrl="$rpc"
export Indexer__Sources__0__contract="$contract" Indexer__Sources__0__firstBlock="$first_block"
export Indexer__Sources__0__confirmations="$CONFIRMATIONS" Indexer__Sources__0__blockRange=500
export Jobs__Recurring__1__id=indexer-devnet Jobs__Recurring__1__cron="$INDEXER_CRON" Jobs__Recurring__1__timeZone=Etc/UTC
export Jobs__Recurring__1__job=indexer Jobs__Recurring__1__arguments__source=devnet
echo "devnet: anvil $rpc, contract $contract (block $first_block), service $URLS (indexer on cron '$INDEXER_CRON', $CONFIRMATIONS confirmations)"
dotnet src/Api/bin/Release/net10.0/Analytics.Api.dll --urls "$URLS" &
pids+=($!)
wait -n
