-- Shared by the scripts in this folder. The seeder (bench/LoadBench) hands over what a signed-in
-- browser holds as environment variables; done() prints the figures as one JSON line for LoadBench.
local M = {}

function M.env(name)
  local value = os.getenv(name)
  if value == nil or value == "" then
    error(name .. " is not set: run wrk through bench/load.sh or LoadBench")
  end
  return value
end

-- The seeded user's session and anti-forgery cookies, on every request of this thread.
function M.sign_in()
  wrk.headers["Cookie"] = M.env("BENCH_COOKIES")
end

-- The latency at each of these percentiles, so runs measured in rounds can be merged (LoadBench's WrkResult.Merge).
M.grid = {}
for p = 1, 99 do table.insert(M.grid, p) end
for _, p in ipairs({ 99.5, 99.9, 100 }) do table.insert(M.grid, p) end

function M.done(summary, latency, requests)
  local e = summary.errors
  local quantiles = {}
  for _, p in ipairs(M.grid) do table.insert(quantiles, string.format("%d", latency:percentile(p))) end
  io.write(string.format(
    'BENCH-RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"status_errors":%d,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"p50_us":%d,"p99_us":%d,"quantiles_us":[%s]}\n',
    summary.requests, summary.duration, summary.bytes, e.status,
    e.connect, e.read, e.write, e.timeout, latency:percentile(50), latency:percentile(99), table.concat(quantiles, ",")))
end

return M
