#!/usr/bin/env bash
# HTTP load at saturation (issue 17 item 8) with Debian's wrk, against 127.0.0.1 only, bounded in time: the single price,
# a 100-option batch, the option chain, a filtered trades page and a VaR request, each for the same number of seconds
# after a warm-up, beside a minimal ASP.NET Core endpoint returning a constant (bench/http/baseline), measured first and
# again last in the same run. Per case: requests/s, p50/p99 latency, errors (socket errors and non-2xx answers) and the
# server's resident memory (VmRSS) sampled every second. Results: printed as Markdown rows; copy into bench/RESULTS.md.
#
#   bench/http/load.sh [seconds]            default 30 s per case (about 5 minutes in all)
#   THREADS=2 CONNECTIONS=32 WARMUP=5 PORT=5093 bench/http/load.sh 30
#   make bench-http                         the same, after installing wrk (scripts/install-deps.sh bench)
#   SERVER_ENV="Logging__LogLevel__Default=Warning" CASES="price" bench/http/load.sh 10
#                                           extra settings for the service (here: no request log), only some cases
#
# The service runs as in production (Production environment, JSON request log at Information to a file, SQLite, demo
# data, an API key on every request) except that the request-rate limiter and the CPU budget per second are raised out of the way (it would answer
# 429 at saturation by design) and no job server runs. wrk shares the machine's cores with the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
warmup="${WARMUP:-5}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
port="${PORT:-5093}"
baseline_port=$((port + 1))
key="bench-load-key-000000001"
work=$(mktemp -d)
cleanup() {
  for f in "$work"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh bench (apt-get install -y wrk)" >&2; exit 1; }
dotnet build src/Api -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/http/baseline -c Release -nologo -clp:ErrorsOnly >/dev/null

wait_ready() { # $1 = url
  for _ in $(seq 1 300); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "not ready: $1" >&2; exit 1
}

# --- the servers --------------------------------------------------------------------------------------------------
Storage__SqlitePath="$work/load.db" Storage__SeedDemoData=true Jobs__RunServer=false ASPNETCORE_ENVIRONMENT=Production \
  RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=100000000 Limits__KeyedCpuMsPerSecond=100000000 Limits__AnonymousCpuMsPerSecond=100000000 \
  Auth__ApiKeys__0__Name=load Auth__ApiKeys__0__Role=writer Auth__ApiKeys__0__Sha256="$(printf %s "$key" | sha256sum | cut -d' ' -f1)" \
  env ${SERVER_ENV:-} dotnet src/Api/bin/Release/net10.0/Analytics.Api.dll --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
echo $! > "$work/api.pid"
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet bench/http/baseline/bin/Release/net10.0/HttpBaseline.dll --urls "http://127.0.0.1:$baseline_port" > "$work/baseline.log" 2>&1 &
echo $! > "$work/baseline.pid"
wait_ready "http://127.0.0.1:$port/health/live" # ready needs a job server; none runs here
for _ in $(seq 1 300); do curl -s -o /dev/null -X POST "http://127.0.0.1:$baseline_port/api/v1/options/price" && break; sleep 0.2; done

# --- request bodies and data ----------------------------------------------------------------------------------------
echo '{"type":"call","spot":100,"strike":105,"tenorYears":0.5,"vol":0.3,"rate":0.05}' > "$work/price.json"
awk 'BEGIN { printf "{\"options\":["; for (i = 0; i < 100; i++) { if (i) printf ",";
  printf "{\"type\":\"%s\",\"spot\":100,\"strike\":%.2f,\"tenorYears\":%.4f,\"vol\":%.3f,\"rate\":0.03,\"dividendYield\":0.01}",
    (i % 2 ? "put" : "call"), 60 + (i % 80), 0.05 + (i % 37) * 0.05, 0.2 + (i % 13) * 0.05 } printf "]}" }' > "$work/batch100.json"
# The OpenAPI example of POST /risk/var (historical VaR of a two-call spread and a perp on the demo data, funding carry).
cat > "$work/var.json" <<'JSON'
{"positions":[{"kind":"option","underlying":"ETH","type":"call","style":"european","strike":3500,"expiry":"2027-03-26","quantity":-10,"chain":"arbitrum-one","venue":"derive","premium":120.5},{"kind":"option","underlying":"ETH","type":"call","style":"european","strike":4000,"expiry":"2027-03-26","quantity":10,"chain":"arbitrum-one","venue":"derive","premium":45.25},{"kind":"perp","underlying":"ETH","quantity":1.5,"chain":"arbitrum-one","venue":"gmx","market":"ETH-PERP","entryPrice":3100}],"collateral":[{"asset":"USDC","amount":25000},{"asset":"ETH","amount":2}],"method":"historical","confidence":0.99,"horizonDays":1,"lookbackDays":365,"carry":{"ETH":{"source":"funding","venue":"binance","market":"ETH-USDT","lookbackHours":168}}}
JSON
# 100,000 trades on two chains and two underlyings, one a minute from 2025-01-01, for the filtered page.
awk 'BEGIN { for (i = 0; i < 100000; i++) { t = 1735689600 + 60 * i;
  printf "{\"chain\":\"%s\",\"venue\":\"lyra\",\"txHash\":\"0x%064x\",\"logIndex\":0,\"blockNumber\":%d,\"timestamp\":\"%s\",\"kind\":\"option\",\"underlying\":\"%s\",\"expiry\":\"2026-03-27T08:00:00Z\",\"strike\":%d,\"type\":\"call\",\"side\":\"buy\",\"price\":%d.25,\"size\":1.5,\"feeUsd\":0.25,\"indexPrice\":3000}\n",
    (i % 2 ? "base" : "arbitrum-one"), i, 1000000 + i, strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), (i % 4 < 2 ? "ETH" : "BTC"), 2000 + 100 * (i % 20), 10 + i % 97 } }' \
  > "$work/trades.ndjson"
curl -sf -H "X-Api-Key: $key" -H 'Content-Type: application/x-ndjson' --data-binary @"$work/trades.ndjson" \
  "http://127.0.0.1:$port/api/v1/trades" > "$work/ingest.json"
trades_url="http://127.0.0.1:$port/api/v1/trades?chain=base&underlying=ETH&from=2025-02-01T00:00:00Z&limit=100"

# --- one case -------------------------------------------------------------------------------------------------------
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
run_case() { # $1 = name, $2 = url, $3 = body file or "", $4 = pid of the server
  local name="$1" url="$2" body="$3" pid="$4"
  [ -z "${CASES:-}" ] || [[ "$name" == baseline-* ]] || [[ " $CASES " == *" $name "* ]] || return 0
  local status; status=$(curl -s -o "$work/one.out" -w '%{http_code}' -H "X-Api-Key: $key" \
    ${body:+-H 'Content-Type: application/json' --data-binary @"$body"} "$url")
  [ "${status:0:1}" = 2 ] || { echo "$name: one request answered $status: $(head -c 300 "$work/one.out")" >&2; exit 1; }
  BODY="$body" KEY="$key" wrk -t"$threads" -c"$connections" -d"${warmup}s" -s bench/http/load.lua "$url" > /dev/null
  : > "$work/rss"
  ( while kill -0 "$pid" 2>/dev/null; do rss_mb "$pid" >> "$work/rss"; echo >> "$work/rss"; sleep 1; done ) &
  local sampler=$!
  BODY="$body" KEY="$key" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s bench/http/load.lua "$url" > "$work/wrk.out"
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  local result; result=$(grep '^RESULT' "$work/wrk.out")
  local rss; rss=$(tr '\n' ' ' < "$work/rss" | tr -s ' ')
  local first max last
  first=$(awk 'NF { print; exit }' "$work/rss"); last=$(awk 'NF { v = $1 } END { print v }' "$work/rss")
  max=$(awk 'NF && $1 > m { m = $1 } END { print m }' "$work/rss")
  local r_requests r_seconds r_rps r_p50_ms r_p99_ms r_errors r_non2xx
  eval "$(echo "$result" | sed 's/^RESULT /r_/; s/ / r_/g')"
  printf '| %s | %s | %s | %s | %s | %s | %s → %s (max %s) |\n' "$name" "$r_rps" "$r_p50_ms" "$r_p99_ms" "$r_errors" "$r_requests" "$first" "$last" "$max"
  echo "$name rss MB per second: $rss" >> "$work/rss.all"
  echo "$r_rps" > "$work/rps.$name"
}

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ); $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== wrk -t$threads -c$connections, ${warmup} s warm-up then ${seconds} s per case; ingest: $(cat "$work/ingest.json"); server settings: ${SERVER_ENV:-defaults}"
echo
echo "| case | requests/s | p50 ms | p99 ms | errors | requests | RSS MB first → last (max) |"
echo "|---|---:|---:|---:|---:|---:|---|"
run_case baseline-first "http://127.0.0.1:$baseline_port/api/v1/options/price" "$work/price.json" "$(cat "$work/baseline.pid")"
run_case price "http://127.0.0.1:$port/api/v1/options/price" "$work/price.json" "$(cat "$work/api.pid")"
run_case batch-100 "http://127.0.0.1:$port/api/v1/options/price/batch" "$work/batch100.json" "$(cat "$work/api.pid")"
run_case chain "http://127.0.0.1:$port/api/v1/chains/ETH" "" "$(cat "$work/api.pid")"
run_case trades-page "$trades_url" "" "$(cat "$work/api.pid")"
run_case var "http://127.0.0.1:$port/api/v1/risk/var" "$work/var.json" "$(cat "$work/api.pid")"
run_case baseline-last "http://127.0.0.1:$baseline_port/api/v1/options/price" "$work/price.json" "$(cat "$work/baseline.pid")"
echo
awk -v p="$(cat "$work/rps.price")" -v a="$(cat "$work/rps.baseline-first")" -v b="$(cat "$work/rps.baseline-last")" \
  'BEGIN { printf "single price / baseline (mean of first and last): %.1f %%\n", 100 * p / ((a + b) / 2) }'
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg); server log lines: $(wc -l < "$work/server.log"), 5xx in it: $(grep -c '"StatusCode":5' "$work/server.log" || true)"
cat "$work/rss.all"
