#!/usr/bin/env bash
# HTTP load for POST /api/v1/options/price/batch with 10,000 options, against a loopback server (wrk, 1 connection,
# so latency = one request's full time). Also measures, in the same run, a 1-option batch as the baseline (the
# framework's own per-request cost). Server-side times come from the service's own request log line.
#   bench/http/price-batch.sh [seconds]      results: printed; copy into bench/RESULTS.md
#   API_DLL=/other/checkout/src/Api/bin/Release/net10.0/Analytics.Api.dll PORT=5092 bench/http/price-batch.sh 15
#     runs an already built server instead (e.g. a before/after pair in the same session).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
port="${PORT:-5091}"
api_dll="${API_DLL:-src/Api/bin/Release/net10.0/Analytics.Api.dll}"
work=$(mktemp -d)
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }
[ -n "${API_DLL:-}" ] || dotnet build src/Api -c Release -nologo -clp:ErrorsOnly >/dev/null

make_body() { # $1 = number of options: a varied grid of European calls and puts
  awk -v n="$1" 'BEGIN { printf "{\"options\":["; for (i = 0; i < n; i++) { if (i) printf ",";
    printf "{\"type\":\"%s\",\"spot\":100,\"strike\":%.2f,\"tenorYears\":%.4f,\"vol\":%.3f,\"rate\":0.03,\"dividendYield\":0.01}",
      (i % 2 ? "put" : "call"), 60 + (i % 800) * 0.1, 0.05 + (i % 37) * 0.05, 0.2 + (i % 13) * 0.05 } printf "]}" }'
}
make_body 10000 > "$work/batch10k.json"
make_body 1 > "$work/batch1.json"

Storage__SqlitePath="$work/bench.db" Jobs__RunServer=false RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=100000000 Limits__KeyedCpuMsPerSecond=100000000 Limits__AnonymousCpuMsPerSecond=100000000 Logging__Console__FormatterName=json ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$api_dll" --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
echo $! > "$work/pid"
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done

server_ms() { # median and p99 of the server's own "responded in" times for path $1
  grep -o "\"Path\":\"$1\",\"StatusCode\":200,\"ElapsedMs\":[0-9.]*" "$work/server.log" | sed 's/.*ElapsedMs"://' | sort -n |
    awk '{ a[NR] = $1 } END { if (NR) printf "server-side: n=%d p50=%.2f ms p99=%.2f ms\n", NR, a[int(NR*0.5)+1], a[int(NR*0.99)+1] }'
}

echo "== server: $api_dll"
echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== request body 10,000 options: $(wc -c < "$work/batch10k.json") bytes"
curl -s -o /dev/null -w "one request: %{http_code} in %{time_total}s, response %{size_download} bytes\n" \
  -H 'Content-Type: application/json' --data-binary @"$work/batch10k.json" "http://127.0.0.1:$port/api/v1/options/price/batch"
for body in batch1 batch10k; do
  : > "$work/server.log.mark"; before=$(wc -l < "$work/server.log")
  echo "== $body: wrk -t1 -c1 -d${seconds}s"
  BODY="$work/$body.json" wrk -t1 -c1 -d"${seconds}s" --latency -s bench/http/post-body.lua "http://127.0.0.1:$port/api/v1/options/price/batch" |
    grep -E "Latency|50%|90%|99%|Requests/sec|requests in"
  tail -n +"$((before + 1))" "$work/server.log" > "$work/slice.log"
  grep -o '"ElapsedMs":[0-9.]*' "$work/slice.log" | sed 's/.*://' | sort -n |
    awk '{ a[NR] = $1 } END { if (NR) printf "server-side (request log): n=%d p50=%.2f ms p99=%.2f ms\n", NR, a[int(NR*0.5)+1], a[int(NR*0.99)+1] }'
done
