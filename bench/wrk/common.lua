-- Shared by the load test's wrk scripts (bench/load.sh sets the WRK_* variables).
local common = {}

local dir = os.getenv("WRK_DIR") or "bench/wrk"

function common.request_fields()
  return dofile(dir .. "/request.lua")
end

local function json_string(s)
  s = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == "\\" then return "\\\\"
    elseif c == "\n" then return "\\n" elseif c == "\r" then return "\\r" elseif c == "\t" then return "\\t"
    else return string.format("\\u%04x", c:byte()) end
  end)
  return '"' .. s .. '"'
end

-- The request as the JSON body of POST /api/v1/requests.
function common.request_json(f)
  return "{" .. table.concat({
    '"subject":' .. json_string(f.subject),
    '"description":' .. json_string(f.description),
    '"reporter":{"name":' .. json_string(f.name) .. ',"email":' .. json_string(f.email)
      .. ',"phone":' .. json_string(f.phone) .. '}',
    '"cc":[' .. json_string(f.cc) .. ']',
    '"organizationNumber":' .. json_string(f.organizationNumber),
    '"merchantSerialNumber":' .. json_string(f.merchantSerialNumber),
    '"product":' .. json_string(f.product),
    '"environment":' .. json_string(f.environment),
    '"orderId":' .. json_string(f.orderId),
    '"occurredOn":[' .. json_string(f.occurredOn) .. ']',
    '"httpExchange":{"request":' .. json_string(f.httpRequest) .. ',"response":' .. json_string(f.httpResponse) .. '}',
    '"additionalInfo":' .. json_string(f.additionalInfo),
  }, ",") .. "}"
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

-- The same request as the public page's form (what htmx posts to /check).
function common.request_form(f)
  local parts = {}
  for _, k in ipairs({ "subject", "description", "name", "email", "phone", "cc", "organizationNumber",
      "merchantSerialNumber", "product", "environment", "orderId", "occurredOn", "httpRequest", "httpResponse",
      "additionalInfo" }) do
    parts[#parts + 1] = k .. "=" .. urlencode(f[k])
  end
  return table.concat(parts, "&")
end

-- Half-rate runs: a random think time (exponential, mean WRK_THINK_MS) before each request, so each
-- connection sends about 1000 / (think + latency) requests a second instead of as many as it can.
local think = tonumber(os.getenv("WRK_THINK_MS") or "")
if think and think > 0 then
  function delay()
    return math.floor(-math.log(1 - math.random()) * think)
  end
end

-- One JSON line with the figures, in the file WRK_RESULT.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local line = string.format('{"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,'
    .. '"p99_ms":%.2f,"max_ms":%.2f,"non2xx3xx":%d,"socket_errors":%d}',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, e.status,
    e.connect + e.read + e.write + e.timeout)
  local out = os.getenv("WRK_RESULT")
  if out then
    local file = io.open(out, "w")
    file:write(line, "\n")
    file:close()
  end
  io.write(line, "\n")
end

return common
