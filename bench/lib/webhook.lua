-- wrk script: POSTs a realistic ~600-byte private-chat message update with a unique update_id
-- per request. Usage: wrk ... -s webhook.lua <url> -- <secret> <first-update-id>
-- Each wrk thread owns its own id range (thread index * 5e6 on top of the base), so ids never
-- repeat within or across rounds (the runner passes a fresh base per round).
local counter = 0
local threads = {}
local base = 0
local secret = ""

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  secret = args[1] or ""
  base = tonumber(args[2] or "1")
  idx = tonumber(index) or 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Telegram-Bot-Api-Secret-Token"] = secret
end

local template = '{"update_id":%s,"message":{"message_id":%d,"from":{"id":%s,"is_bot":false,' ..
  '"first_name":"Mariana","last_name":"Albuquerque","username":"mariana_alb_%d","language_code":"pt-br",' ..
  '"is_premium":false},"chat":{"id":%s,"first_name":"Mariana","last_name":"Albuquerque",' ..
  '"username":"mariana_alb_%d","type":"private"},"date":%d,"text":"Boa tarde! We are looking for ' ..
  'frozen chicken leg quarters, 2 x 40ft reefer containers monthly, CIF Santos. Could you send your ' ..
  'price list and the certificates (halal, SIF) by Friday? Thank you."}}'

function request()
  counter = counter + 1
  local id = base + idx * 5000000 + counter
  local user = 100000000 + (id % 1000)        -- 1,000 distinct private chats
  local body = string.format(template, string.format("%.0f", id), counter % 100000 + 1,
    string.format("%.0f", user), user % 1000, string.format("%.0f", user), user % 1000, os.time())
  return wrk.format(nil, nil, nil, body)
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
