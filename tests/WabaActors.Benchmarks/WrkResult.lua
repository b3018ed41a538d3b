-- The RESULT line of every wrk script of the benchmarks (read by deploy/bench.sh and deploy/bench-pg-http.sh):
-- throughput, latency percentiles in ms, wrk's errors, and the answers the threads checked ("allowed" and
-- "denied" per thread, with WRK_CHECK=1). Loaded by the scripts with dofile, from the repository's root.
function wrk_result(summary, latency, threads, extra)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local granted, refused = 0, 0
  for _, thread in ipairs(threads) do
    granted = granted + (thread:get("allowed") or 0)
    refused = refused + (thread:get("denied") or 0)
  end

  io.write(string.format(
    "RESULT requests %d seconds %.2f rps %.0f p50_ms %.3f p90_ms %.3f p99_ms %.3f p999_ms %.3f max_ms %.3f " ..
    "errors connect %d read %d write %d status %d timeout %d checked_allowed %d checked_other %d%s\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout, granted, refused, extra or ""))
end
