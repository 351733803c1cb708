-- wrk script: the professional's client page GET /clients/{id}, cycling over the professional's clients.
--   wrk -t2 -c4 -d20s --latency -s page.lua -H "Cookie: SESSION=..." http://localhost:8097 -- 12 15 18 ...
-- done() prints p50 and p95 (wrk's own --latency table has no p95), and the average body size: a page of a few
-- hundred bytes is a redirect to the sign-in page, not the client page (a wrong session cookie measured nothing).

function init(args)
  ids = args
  index = 1
end

function request()
  local path = "/clients/" .. ids[index] .. "?lang=en"
  index = index % #ids + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("client page: %d requests in %.1f s = %.1f per second; non-2xx/3xx: %d; %.0f bytes each\n",
    summary.requests, seconds, summary.requests / seconds, summary.errors.status, summary.bytes / summary.requests))
  io.write(string.format("client page latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
