#!/usr/bin/env bash
# Steady-state lag of the on-chain indexer at anvil's 1 s block time (issue 19 item 8: lag ≤ confirmations + 2 blocks).
#   bench/indexer/lag.sh            (env: SAMPLE_SECONDS=120 WARMUP_SECONDS=20 CONFIRMATIONS=2 TRADES_PER_SECOND=2
#                                    CRON='* * * * * *' API_DLL=src/Api/bin/Release/net10.0/Analytics.Api.dll)
# As `make devnet` runs it: anvil --block-time 1 on a free loopback port; contracts/devnet.mjs deploys OptionsExchange and
# sends TRADES_PER_SECOND fills (option, perp, now and then funding) so that every block has trades; the service (Release
# build, embedded SQLite + SQLite Hangfire storage, a fresh database) indexes it through its recurring `indexer` job on
# CRON (six fields = with seconds; devnet.sh uses every 5 s). After the first indexed block and WARMUP_SECONDS,
# bench/indexer/sample_lag.py samples head − last indexed (blocks) and head time − last indexed time (seconds) every
# second for SAMPLE_SECONDS and prints median, p95 and max. Build first (make build); copy the numbers into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
SAMPLE_SECONDS=${SAMPLE_SECONDS:-120}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
CONFIRMATIONS=${CONFIRMATIONS:-2}
TRADES_PER_SECOND=${TRADES_PER_SECOND:-2}
CRON=${CRON:-* * * * * *}
API_DLL=${API_DLL:-src/Api/bin/Release/net10.0/Analytics.Api.dll}
[ -f "$API_DLL" ] || { echo "no $API_DLL: make build first" >&2; exit 1; }
scripts/install-chain-tools.sh >/dev/null

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rpc_port=$(free_port); api_port=$(free_port)
rpc="http://127.0.0.1:$rpc_port"; api="http://127.0.0.1:$api_port"
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

.chain-tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil --host 127.0.0.1 --port "$rpc_port" --block-time 1 --silent &
pids+=($!)
for _ in $(seq 100); do curl -sf -X POST -H 'content-type: application/json' --data '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "$rpc" >/dev/null && break; sleep 0.2; done

node contracts/devnet.mjs "$rpc" "$work/address" "$TRADES_PER_SECOND" > "$work/generator.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do [ -s "$work/address" ] && break; sleep 0.2; done
read -r contract first_block < "$work/address"

(
  export ASPNETCORE_ENVIRONMENT=Development Storage__SqlitePath="$work/lag.db" Storage__SeedDemoData=false
  export Indexer__Sources__0__id=lagbench Indexer__Sources__0__chain=arbitrum-one Indexer__Sources__0__rpcUrl="$rpc"
  export Indexer__Sources__0__contract="$contract" Indexer__Sources__0__firstBlock="$first_block"
  export Indexer__Sources__0__confirmations="$CONFIRMATIONS" Indexer__Sources__0__blockRange=500
  export Jobs__Recurring__1__id=indexer-lagbench Jobs__Recurring__1__cron="$CRON" Jobs__Recurring__1__timeZone=Etc/UTC
  export Jobs__Recurring__1__job=indexer Jobs__Recurring__1__arguments__source=lagbench
  export Logging__LogLevel__Default=Warning
  exec dotnet "$API_DLL" --urls "$api"
) > "$work/service.log" 2>&1 &
pids+=($!)

echo "anvil $rpc (1 s blocks), contract $contract from block $first_block, $TRADES_PER_SECOND trades/s; service $api, indexer cron '$CRON', $CONFIRMATIONS confirmations"
for _ in $(seq 600); do
  last=$(curl -sf "$api/api/v1/indexer/sources" 2>/dev/null | jq -r '.sources[0].lastIndexedBlock // empty' 2>/dev/null || true)
  [ -n "$last" ] && break
  sleep 0.5
done
[ -n "${last:-}" ] || { echo "the indexer never indexed a block; service log:" >&2; tail -30 "$work/service.log" >&2; exit 1; }
echo "first indexed block $last; warming up ${WARMUP_SECONDS} s, then sampling ${SAMPLE_SECONDS} s"
sleep "$WARMUP_SECONDS"
python3 bench/indexer/sample_lag.py "$rpc" "$api" lagbench "$SAMPLE_SECONDS" "$CONFIRMATIONS" "$work/samples.csv"
status=$(curl -sf "$api/api/v1/indexer/sources" | jq -c '.sources[0] | {lastIndexedBlock, headBlock, reorgsSeen, logErrors, lastError}')
echo "source at the end: $status"
# The load: indexed trades per block over the sampled blocks (read from the service's SQLite file).
python3 - "$work/lag.db" "$work/samples.csv" <<'PY'
import csv, sqlite3, sys
rows = list(csv.DictReader(open(sys.argv[2])))
first, last = int(rows[0]["lastIndexedBlock"]), int(rows[-1]["lastIndexedBlock"])
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
trades, blocks = db.execute("SELECT COUNT(*), COUNT(DISTINCT BlockNumber) FROM trades WHERE Venue = 'lagbench' AND BlockNumber > ? AND BlockNumber <= ?",
                            (first, last)).fetchone()
print(f"load: blocks {first + 1}..{last} indexed while sampling ({last - first} blocks): {trades} trades, {blocks} blocks with at least one "
      f"({trades / max(1, last - first):.2f} trades per block)")
# The indexer job's runs that started while sampling (job_runs, one row per attempt): how often it ran and for how long.
from datetime import datetime, timezone
def utc(text):
    return datetime.fromisoformat(text[:26]).replace(tzinfo=timezone.utc).timestamp() if text else None
t0, t1 = float(rows[0]["unixTime"]), float(rows[-1]["unixTime"])
runs = [(utc(a), utc(b)) for a, b in db.execute("SELECT StartedAtUtc, FinishedAtUtc FROM job_runs WHERE RecurringJobId = 'indexer-lagbench'")]
runs = sorted(r for r in runs if t0 <= r[0] <= t1)
def median(v):
    v = sorted(v); return (v[len(v) // 2] + v[(len(v) - 1) // 2]) / 2 if v else float("nan")
gaps = [b[0] - a[0] for a, b in zip(runs, runs[1:])]
took = [b - a for a, b in runs if b is not None]
print(f"indexer runs while sampling: {len(runs)} in {t1 - t0:.0f} s; start to start median {median(gaps):.2f} s, max {max(gaps, default=float('nan')):.2f} s; "
      f"run time median {median(took) * 1000:.0f} ms, max {max(took, default=float('nan')) * 1000:.0f} ms")
PY
echo "generator errors: $(grep -ci error "$work/generator.log" || true)"
[ -n "${KEEP_SAMPLES:-}" ] && cp "$work/samples.csv" "$KEEP_SAMPLES" && echo "samples kept in $KEEP_SAMPLES"
exit 0
