-- wrk script: check-in submissions against the real submit endpoint POST /c/{token}, every request with its own
-- pre-issued one-time token (see BenchDb.java issue). The check-in has no server session and no CSRF token (the
-- one-time token is the capability; posts from other sites are refused by their Origin / Sec-Fetch-Site headers).
--   wrk -t2 -c8 -d20s -s submit.lua http://localhost:8097 -- tokens.txt <threads> [key prefix]
-- A 302 to /c/thanks is a stored submission. Anything else (410 used, 404 unknown when the tokens run out) shows
-- up in wrk's "Non-2xx or 3xx responses" line, and done() prints the counts.
-- SUBMIT_PATH (environment; default /c/) is the path before the token: /c/raw/ for the ceiling experiment
-- (bench/web/ceiling/README.md).

local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  step = tonumber(args[2])
  prefix = args[3] or "bench"
  path = os.getenv("SUBMIT_PATH") or "/c/"
  index = id + 1
  headers = {}
  for k, v in pairs(wrk.headers) do
    headers[k] = v
  end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  items = {}
  for _, scale in ipairs({"bond", "tasks", "goals"}) do
    for i = 1, 4 do
      items[#items + 1] = "item-" .. scale .. "-" .. i
    end
  end
end

function request()
  local token = tokens[index] or "tokens-ran-out"
  local body = "idempotencyKey=" .. prefix .. "-" .. string.sub(token, 1, 32) .. "&release=NOW"
  for n, item in ipairs(items) do
    body = body .. "&" .. item .. "=" .. tostring((index + n) % 5 + 1)
  end
  index = index + step
  return wrk.format("POST", path .. token, headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("submissions: %d requests in %.1f s = %.1f per second; non-2xx/3xx: %d\n",
    summary.requests, seconds, summary.requests / seconds, summary.errors.status))
  io.write(string.format("submit latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
