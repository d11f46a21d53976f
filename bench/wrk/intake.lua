-- POST /api/v1/requests with a 5 KB JSON request, anonymous like curl users; each request has its
-- own reporter address.
local common = dofile((os.getenv("WRK_DIR") or "bench/wrk") .. "/common.lua")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local body, count = nil, 0
local run = os.getenv("WRK_RUN") or tostring(os.time())

function init(args)
  body = common.request_json(common.request_fields())
  math.randomseed(os.time() + (thread_id or 0))
end

function request()
  count = count + 1
  local n = run .. "-" .. tostring(thread_id or 0) .. "-" .. count
  return wrk.format("POST", "/api/v1/requests", { ["Content-Type"] = "application/json" },
    (body:gsub("{{N}}", n)))
end
