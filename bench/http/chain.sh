#!/usr/bin/env bash
# HTTP load for GET /api/v1/chains/{underlying} (a 50-strike expiry) against a loopback server (wrk, 2 threads, 32
# connections): the 200 path (body served from the per-ETag cache after the first request) and the 304 path
# (If-None-Match: one index seek for the latest surface id, then no body). Goal: ≥ 5,000 requests/s.
#   bench/http/chain.sh [seconds]      results: printed; copy into bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-15}"
port=5092
key="bench-writer-key-0001"
work=$(mktemp -d)
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }
dotnet build src/Api -c Release -nologo -clp:ErrorsOnly >/dev/null

# One expiry 30 days out, forward 3000, 50 strikes 1550..6450: out-of-the-money Black-76 premiums on a smile.
awk 'function ncdf(x) { return 0.5 * (1 + erf(x / sqrt(2))) }
     function erf(x,  t, y, s) { s = x < 0 ? -1 : 1; x = x < 0 ? -x : x; t = 1 / (1 + 0.3275911 * x);
       y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * exp(-x * x); return s * y }
     BEGIN { f = 3000; T = 30 / 365; printf "{\"underlying\":\"BENCH\",\"asOf\":\"2026-01-05T08:00:00Z\",\"quotes\":[";
       for (i = 0; i < 50; i++) { k = 1550 + 100 * i; m = log(k / f); v = 0.6 + 0.25 * m * m - 0.1 * m; s = v * sqrt(T);
         d1 = (log(f / k) + s * s / 2) / s; d2 = d1 - s; call = k >= f;
         p = call ? f * ncdf(d1) - k * ncdf(d2) : k * ncdf(-d2) - f * ncdf(-d1);
         if (i) printf ","; printf "{\"expiry\":\"2026-02-04T08:00:00Z\",\"strike\":%d,\"type\":\"%s\",\"bid\":%.6f,\"ask\":%.6f,\"underlyingPrice\":3000}",
           k, call ? "call" : "put", p * 0.995, p * 1.005 } printf "]}" }' > "$work/fit.json"

Storage__SqlitePath="$work/bench.db" Jobs__RunServer=false RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=100000000 Limits__KeyedCpuMsPerSecond=100000000 Limits__AnonymousCpuMsPerSecond=100000000 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  Auth__ApiKeys__0__Name=bench Auth__ApiKeys__0__Role=writer Auth__ApiKeys__0__Sha256="$(printf %s "$key" | sha256sum | cut -d' ' -f1)" \
  dotnet src/Api/bin/Release/net10.0/Analytics.Api.dll --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
echo $! > "$work/pid"
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done

curl -sf -o /dev/null -w "fit: %{http_code} in %{time_total}s\n" -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
  --data-binary @"$work/fit.json" "http://127.0.0.1:$port/api/v1/surfaces/fit"
url="http://127.0.0.1:$port/api/v1/chains/BENCH?expiry=2026-02-04T08:00:00Z&chain=arbitrum-one"
etag=$(curl -sf -D - -o "$work/chain.json" "$url" | sed -n 's/^[Ee][Tt]ag: *//p' | tr -d '\r')
echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== chain body: $(wc -c < "$work/chain.json") bytes, $(grep -o '"strike":' "$work/chain.json" | wc -l) strikes, ETag $etag"
echo "== 200 path: wrk -t2 -c32 -d${seconds}s"
wrk -t2 -c32 -d"${seconds}s" --latency "$url" | grep -E "Latency|50%|99%|Requests/sec|requests in|Non-2xx"
echo "== 304 path (If-None-Match): wrk -t2 -c32 -d${seconds}s"
wrk -t2 -c32 -d"${seconds}s" --latency -H "If-None-Match: $etag" "$url" | grep -E "Latency|50%|99%|Requests/sec|requests in|Non-2xx"
