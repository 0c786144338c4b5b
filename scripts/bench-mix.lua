-- wrk script for `scripts/bench-web.sh mix`: pages and API reads with an API token, and one
-- request in MIX_WRITE_EVERY an authenticated write whose value changes each time.
local token = os.getenv("CX_TOKEN")
local every = tonumber(os.getenv("MIX_WRITE_EVERY") or "50")
local paths = { "/", "/schools", "/schools?page=3", "/indicators", "/tasks", "/scenarios/1", "/api/v1/diagnostics",
  "/api/v1/schools", "/api/v1/indicators/status", "/api/v1/tasks", "/api/v1/schools/1" }
local areas = { "西营镇", "天宁镇", "夏家营镇", "洪相镇" }
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  writes = 0
  reads = 0
end

function request()
  counter = counter + 1
  if counter % every == 0 then
    writes = writes + 1
    local body = string.format('[{"code":"INS_WHEAT","area":"%s","period":"2024","value":%d}]',
      areas[(counter / every) % #areas + 1], 40 + (id * 1000 + counter) % 50)
    return wrk.format("POST", "/api/v1/observations",
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
  end
  reads = reads + 1
  return wrk.format("GET", paths[counter % #paths + 1], { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local w, r = 0, 0
  for _, t in ipairs(threads) do
    w = w + t:get("writes")
    r = r + t:get("reads")
  end
  io.write(string.format("writes sent %d, reads sent %d\n", w, r))
end
