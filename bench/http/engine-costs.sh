#!/usr/bin/env bash
# CPU per priced item of each engine through POST /options/price/batch (JSON in and out included), the basis of the
# engine cost classes in src/Api/Endpoints/Costs/EngineCost.cs: server CPU time (/proc/<pid>/stat) around each of three
# batches of identical American puts (European for the European-only engines), divided by the items. Needs a Release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=5130; key="bench-load-key-000000001"; work=$(mktemp -d)
Storage__SqlitePath="$work/load.db" Storage__SeedDemoData=false Jobs__RunServer=false ASPNETCORE_ENVIRONMENT=Production \
  RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=100000000 Limits__KeyedCpuMsPerSecond=100000000 Limits__KeyedRequestBudgetCpuMs=100000000 \
  Auth__ApiKeys__0__Name=load Auth__ApiKeys__0__Role=writer Auth__ApiKeys__0__Sha256="$(printf %s "$key" | sha256sum | cut -d' ' -f1)" \
  Logging__LogLevel__Default=Warning dotnet src/Api/bin/Release/net10.0/Analytics.Api.dll --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; sleep 0.2; done
tck=$(getconf CLK_TCK)
for spec in analytic:european:100000 bjerksund-stensland:american:20000 barone-adesi-whaley:american:20000 qd-fp:american:20000 binomial:american:200 quantlib-analytic:european:20000 quantlib-baw:american:20000 quantlib-bjerksund-stensland:american:20000 quantlib-qd-fp:american:500 quantlib-binomial:american:200 quantlib-fd:american:20; do
  IFS=: read engine style n <<< "$spec"
  awk -v n=$n -v e=$engine -v s=$style 'BEGIN { printf "{\"options\":["; for (i = 0; i < n; i++) { if (i) printf ","; printf "{\"type\":\"put\",\"style\":\"%s\",\"spot\":100,\"strike\":%.2f,\"tenorYears\":1,\"vol\":0.3,\"rate\":0.05,\"engine\":\"%s\"}", s, 95 + (i % 10), e } printf "]}" }' > $work/b.json
  for rep in 1 2 3; do
    t0=$(awk '{print $14+$15}' /proc/$pid/stat)
    code=$(curl -s -o $work/out.json -w '%{http_code}' -H "X-Api-Key: $key" -H 'Content-Type: application/json' --data-binary @$work/b.json "http://127.0.0.1:$port/api/v1/options/price/batch")
    t1=$(awk '{print $14+$15}' /proc/$pid/stat)
    echo "$engine n=$n rep=$rep http=$code cpu_us_per_item=$(awk -v a=$t0 -v b=$t1 -v n=$n -v t=$tck 'BEGIN{printf "%.1f", (b-a)/t*1e6/n}') errors=$(grep -o '"error"' $work/out.json | wc -l)"
  done
done
kill $pid; wait $pid 2>/dev/null || true; rm -rf "$work"
