-- wrk script of bench/http/load.sh: POST the JSON file named by BODY (GET when BODY is unset), with the API key in KEY;
-- at the end one line "RESULT requests=… seconds=… rps=… p50_ms=… p99_ms=… errors=… non2xx=…".
local body = os.getenv("BODY")
if body and body ~= "" then
  local file = assert(io.open(body, "rb"))
  wrk.method = "POST"
  wrk.body = file:read("*a")
  file:close()
  wrk.headers["Content-Type"] = "application/json"
end
local key = os.getenv("KEY")
if key and key ~= "" then wrk.headers["X-Api-Key"] = key end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status, e.status))
end
