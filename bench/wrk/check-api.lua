-- POST /api/v1/requests/check: the same 5 KB JSON request as intake.lua, anonymous like curl users;
-- the same evaluation as POST /api/v1/requests, nothing stored.
local common = dofile((os.getenv("WRK_DIR") or "bench/wrk") .. "/common.lua")

wrk.method = "POST"
wrk.path = "/api/v1/requests/check"
wrk.body = (common.request_json(common.request_fields()):gsub("{{N}}", "check"))
wrk.headers["Content-Type"] = "application/json"
