#!/usr/bin/env bash
# Ingest throughput and listing latency, SQLite and PostgreSQL, against a loopback server (Release build).
#   bench/ingest/run.sh [rows=1000000] [total=5000000] [queries=300]
# 1. Generates `rows` NDJSON option trades and POSTs them (curl, streamed with -T) to /api/v1/trades: rows/s.
# 2. Loads more batches up to `total` trades, then times `queries` filtered page queries
#    (GET /api/v1/trades?underlying=BTC&venue=…&from=<random day>&limit=100): p50 / p99 from curl's time_total.
# Results are printed; copy them into bench/RESULTS.md ("Ingest" section).
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"; total="${2:-5000000}"; queries="${3:-300}"
port=5093; pgport=5497; key=bench-writer-key-0001
work=$(mktemp -d); chmod 755 "$work"
pgbin=/usr/lib/postgresql/15/bin
cleanup() {
  [ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null || true
  [ -d "$work/pg" ] && su postgres -c "$pgbin/pg_ctl -D $work/pg -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
dotnet build src/Api -c Release -nologo -clp:ErrorsOnly >/dev/null

batches=$(( (total + rows - 1) / rows ))
for b in $(seq 0 $((batches - 1))); do
  python3 - "$b" "$rows" > "$work/trades-$b.ndjson" <<'PY'
import sys, datetime
b, n = int(sys.argv[1]), int(sys.argv[2])
t0 = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc).timestamp()
chains, venues, und = ["arbitrum-one", "base", "op-mainnet"], ["lyra", "aevo"], ["ETH", "BTC"]
w = sys.stdout.write
for i in range(n):
    k = b * n + i
    u = und[k % 2]; spot = 3000 if u == "ETH" else 90000
    ts = datetime.datetime.fromtimestamp(t0 + k * 6, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    w('{"chain":"%s","venue":"%s","txHash":"0x%016x","logIndex":%d,"blockNumber":%d,"timestamp":"%s","kind":"option","underlying":"%s",'
      '"expiry":"2026-0%d-25T08:00:00Z","strike":%d,"type":"%s","side":"%s","price":%.2f,"size":%.3f,"feeUsd":0.25,"indexPrice":%d}\n'
      % (chains[k % 3], venues[k % 2], k // 4, k % 4, 1000000 + k // 8, ts, u, 3 + k % 4, spot * (0.8 + 0.05 * (k % 9)),
         "call" if k % 2 else "put", "buy" if k % 3 else "sell", 10 + k % 97, 0.1 + (k % 50) / 10, spot))
PY
done
sync # the generated files' writeback must not share the disk with the measured ingest
echo "generated $batches x $rows trades ($(du -h "$work/trades-0.ndjson" | cut -f1) per file)"

start_server() { # env assignments for the provider
  env "$@" Jobs__RunServer=false ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Logging__Console__FormatterName=simple \
    Auth__ApiKeys__0__Name=bench Auth__ApiKeys__0__Role=writer Auth__ApiKeys__0__Sha256="$(printf %s "$key" | sha256sum | cut -d' ' -f1)" \
    dotnet src/Api/bin/Release/net10.0/Analytics.Api.dll --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
  echo $! > "$work/pid"
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/live" >/dev/null && return 0; sleep 0.5; done
  cat "$work/server.log"; exit 1
}
stop_server() { kill "$(cat "$work/pid")"; wait "$(cat "$work/pid")" 2>/dev/null || true; rm -f "$work/pid"; }

post() { # $1 file → seconds
  curl -sS -o "$work/resp.json" -w '%{time_total}' -X POST -T "$1" -H "X-Api-Key: $key" -H 'Content-Type: application/x-ndjson' \
    "http://127.0.0.1:$port/api/v1/trades" || { echo "POST failed; server log:" >&2; tail -40 "$work/server.log" >&2; exit 1; }
}

page_times() { # $1 label: p50/p99 of `queries` filtered page queries
  : > "$work/times"
  for q in $(seq 1 "$queries"); do
    day=$(( (q * 7919) % 340 + 1 ))
    from=$(date -u -d "2025-01-01 + $day days" +%Y-%m-%dT00:00:00Z)
    curl -sS -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/api/v1/trades?underlying=BTC&venue=aevo&from=$from&limit=100" >> "$work/times"
  done
  python3 - "$1" "$((batches * rows))" "$work/times" <<'PY'
import sys
t = sorted(float(x) * 1000 for x in open(sys.argv[3]))
print(f"{sys.argv[1]}: filtered page (underlying+venue+from, limit 100) on {int(sys.argv[2]):,} trades: "
      f"p50 {t[len(t)//2]:.1f} ms, p99 {t[min(len(t)-1, int(len(t)*0.99))]:.1f} ms over {len(t)} queries")
PY
}

run() { # $1 label, then env assignments
  local label=$1; shift
  start_server "$@"
  local s; s=$(post "$work/trades-0.ndjson")
  echo "$label: POST $rows trades: ${s}s, $(python3 -c "print(f'{$rows/$s:,.0f}')") rows/s, response $(cat "$work/resp.json")"
  s=$(post "$work/trades-0.ndjson")
  echo "$label: re-POST (all duplicates): ${s}s, $(python3 -c "print(f'{$rows/$s:,.0f}')") rows/s, response $(cat "$work/resp.json")"
  for b in $(seq 1 $((batches - 1))); do post "$work/trades-$b.ndjson" >/dev/null; done
  for _ in 1 2 3 4 5; do curl -fsS -o /dev/null "http://127.0.0.1:$port/api/v1/trades?underlying=BTC&venue=aevo&limit=100"; done # warm-up
  page_times "$label, first $queries queries after the loads (JIT still tiering up)"
  for _ in $(seq 1 700); do curl -fsS -o /dev/null "http://127.0.0.1:$port/api/v1/trades?underlying=BTC&venue=aevo&limit=100"; done
  page_times "$label, steady state (after 700 more queries)"
  stop_server
}

[ "${SKIP_SQLITE:-0}" = 1 ] || run sqlite Storage__Provider=Sqlite Storage__SqlitePath="$work/bench.db"

if [ "${SKIP_POSTGRES:-0}" = 1 ]; then
  :
elif [ -x "$pgbin/initdb" ]; then
  mkdir -p "$work/pg" && chown postgres "$work/pg"
  su postgres -c "$pgbin/initdb -D $work/pg -A trust" >/dev/null
  su postgres -c "$pgbin/pg_ctl -D $work/pg -o '-p $pgport -k $work/pg -c listen_addresses=127.0.0.1' -w start" >/dev/null
  run postgres Storage__Provider=Postgres Storage__ApplyMigrationsAtStartup=true \
    Storage__PostgresConnectionString="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=bench"
else
  echo "postgres: skipped ($pgbin/initdb missing: apt-get install -y postgresql)"
fi
