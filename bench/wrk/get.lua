-- GET WRK_PATH with an API key (WRK_BEARER) or a staff session (WRK_COOKIE). "{key}" in the path
-- becomes a random issue key between VSD-WRK_KEY_MIN and VSD-WRK_KEY_MAX.
local common = dofile((os.getenv("WRK_DIR") or "bench/wrk") .. "/common.lua")

local path = os.getenv("WRK_PATH")
local low, high = tonumber(os.getenv("WRK_KEY_MIN") or "0"), tonumber(os.getenv("WRK_KEY_MAX") or "0")
local headers = { ["Accept"] = os.getenv("WRK_ACCEPT") or "application/json" }
if os.getenv("WRK_BEARER") then headers["Authorization"] = "Bearer " .. os.getenv("WRK_BEARER") end
if os.getenv("WRK_COOKIE") then headers["Cookie"] = os.getenv("WRK_COOKIE") end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  math.randomseed(os.time() + (thread_id or 0))
end

function request()
  local p = path
  if p:find("{key}", 1, true) then
    p = p:gsub("{key}", "VSD-" .. math.random(low, high))
  end
  return wrk.format("GET", p, headers)
end
