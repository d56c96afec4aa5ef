#!/usr/bin/env bash
# End-to-end server time of the risk endpoints on a 1,000-position book (issue 15 item 9: POST /risk/var ≤ 150 ms;
# issue 16 item 7: POST /risk/margin/compare ≤ 100 ms), against 127.0.0.1 only. The service runs as in production
# (Production environment, SQLite with the demo data, an API key, no job server, the rate limiter raised out of the
# way). The book: 900 options on ETH and BTC (strikes ±40 % around 3,000 and 60,000, expiries 7–400 days out, one in
# ten American, long and short) and 100 perps, inline in each request. Per case: REQUESTS sequential requests after
# WARMUP ones on one keep-alive connection (curl), median, p90 and max of curl's time_total; the request log's own
# server-side elapsed time is printed beside it for the same requests.
#
#   bench/http/risk-1000.sh               REQUESTS=30 WARMUP=5 PORT=5095
set -euo pipefail
cd "$(dirname "$0")/../.."
requests="${REQUESTS:-30}"
warmup="${WARMUP:-5}"
port="${PORT:-5095}"
key="bench-risk-key-000000001"
work=$(mktemp -d)
cleanup() { [ -f "$work/api.pid" ] && kill "$(cat "$work/api.pid")" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build src/Api -c Release -nologo -clp:ErrorsOnly >/dev/null
Storage__SqlitePath="$work/risk.db" Storage__SeedDemoData=true Jobs__RunServer=false ASPNETCORE_ENVIRONMENT=Production \
  RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=100000000 Limits__KeyedCpuMsPerSecond=100000000 Limits__AnonymousCpuMsPerSecond=100000000 \
  Auth__ApiKeys__0__Name=bench Auth__ApiKeys__0__Role=writer Auth__ApiKeys__0__Sha256="$(printf %s "$key" | sha256sum | cut -d' ' -f1)" \
  dotnet src/Api/bin/Release/net10.0/Analytics.Api.dll --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
echo $! > "$work/api.pid"
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; sleep 0.2; done

expiries=$(for d in 7 14 30 45 60 90 120 180 270 400; do date -u -d "+$d days" +%Y-%m-%d; done | tr '\n' ' ')
awk -v expiries="$expiries" 'BEGIN {
  n = split(expiries, e, " "); printf "{\"positions\":[";
  for (i = 0; i < 1000; i++) {
    if (i) printf ",";
    u = (i % 2 ? "BTC" : "ETH"); s = (i % 2 ? 60000 : 3000); chain = (i % 3 ? "arbitrum-one" : "base");
    if (i < 900) {
      k = int(s * (0.6 + 0.8 * ((i * 37) % 101) / 100));
      printf "{\"kind\":\"option\",\"underlying\":\"%s\",\"type\":\"%s\",\"style\":\"%s\",\"strike\":%d,\"expiry\":\"%s\",\"quantity\":%d,\"chain\":\"%s\",\"venue\":\"derive\",\"premium\":1}",
        u, (i % 4 < 2 ? "call" : "put"), (i % 10 == 3 ? "american" : "european"), k, e[1 + (i % n)], (i % 3 ? 1 : -2), chain
    } else
      printf "{\"kind\":\"perp\",\"underlying\":\"%s\",\"quantity\":%s,\"chain\":\"%s\",\"venue\":\"gmx\",\"market\":\"%s-PERP\",\"entryPrice\":%d}",
        u, (i % 3 ? "0.5" : "-0.5"), chain, u, s
  }
  printf "],\"collateral\":[{\"asset\":\"USDC\",\"amount\":5000000},{\"asset\":\"ETH\",\"amount\":100}]";
}' > "$work/book.json"

body() { # $1 = extra JSON fields
  { cat "$work/book.json"; printf ',%s}' "$1"; } > "$work/body.json"
}
run() { # $1 = name, $2 = path, $3 = extra fields
  body "$3"
  local url="http://127.0.0.1:$port$2" status
  status=$(curl -s -o "$work/one.out" -w '%{http_code}' -H "X-Api-Key: $key" -H 'Content-Type: application/json' --data-binary @"$work/body.json" "$url")
  [ "${status:0:1}" = 2 ] || { echo "$1: answered $status: $(head -c 400 "$work/one.out")" >&2; exit 1; }
  local args=()
  for _ in $(seq 1 $((warmup + requests))); do args+=(-o /dev/null -w '%{time_total}\n' -H "X-Api-Key: $key" -H 'Content-Type: application/json' --data-binary @"$work/body.json" "$url" --next); done
  unset 'args[${#args[@]}-1]'
  local before; before=$(wc -l < "$work/server.log")
  curl -s "${args[@]}" | tail -n "$requests" | sort -n > "$work/times"
  local logged; logged=$(tail -n +"$((before + 1))" "$work/server.log" | grep -o '"ElapsedMs":[0-9.]*' | cut -d: -f2 | tail -n "$requests" | sort -n)
  awk -v name="$1" -v logged="$(echo "$logged" | tr '\n' ' ')" '{ t[NR] = $1 * 1000 } END {
    n = split(logged, l, " ");
    printf "| %s | %.1f | %.1f | %.1f | %s |\n", name, t[int((NR + 1) / 2)], t[int(0.9 * NR + 0.5)], t[NR], (n ? sprintf("%.1f", l[int((n + 1) / 2)]) : "n/a") }' "$work/times"
}

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ); $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 1,000 positions inline; $warmup warm-up then $requests sequential requests per case"
echo
echo "| case | median ms (curl) | p90 ms | max ms | median ms (server log) |"
echo "|---|---:|---:|---:|---:|"
run "var historical (365 d)" /api/v1/risk/var '"method":"historical","confidence":0.99,"lookbackDays":365'
run "var parametric" /api/v1/risk/var '"method":"parametric","confidence":0.99,"lookbackDays":365'
run "var delta-gamma" /api/v1/risk/var '"method":"delta-gamma","confidence":0.99,"lookbackDays":365'
run "var monte-carlo (10,000 paths)" /api/v1/risk/var '"method":"monte-carlo","confidence":0.99,"lookbackDays":365,"paths":10000,"seed":1'
run "margin/compare (every model × chain)" /api/v1/risk/margin/compare '"models":null'
echo
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
