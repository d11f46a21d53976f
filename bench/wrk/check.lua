-- POST /check: the public request page's checklist as you type (htmx), with the page's session
-- cookie and CSRF token (bench/load.sh gets them with curl; WRK_COOKIE, WRK_CSRF).
local common = dofile((os.getenv("WRK_DIR") or "bench/wrk") .. "/common.lua")

local form = common.request_form(common.request_fields()):gsub("%%7B%%7BN%%7D%%7D", "check")
wrk.method = "POST"
wrk.path = "/check"
wrk.body = form
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["HX-Request"] = "true"
wrk.headers["Cookie"] = os.getenv("WRK_COOKIE")
wrk.headers["X-CSRF-TOKEN"] = os.getenv("WRK_CSRF")
