-- wrk script: GETs paths from a file (one per line), each connection walking the list from its
-- own offset, with a browser User-Agent. Optional think time: each connection waits a random
-- 0.5x-1.5x of THINK_MS between its requests (a user reading the page), so -c N is N users.
-- Usage: wrk ... -s paths.lua <base-url> -- <paths-file> [think-ms]
local paths = {}
local think = 0
local i = 0
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(paths, line) end
  end
  think = tonumber(args[2] or "0")
  i = (tonumber(index) or 0) * 7919
  wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
  wrk.headers["Accept"] = "text/html,application/xhtml+xml"
  wrk.headers["Accept-Language"] = "en-US,en;q=0.9"
  math.randomseed(os.time() + (tonumber(index) or 0))
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

function delay()
  if think <= 0 then return 0 end
  return math.floor(think * (0.5 + math.random()))
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
