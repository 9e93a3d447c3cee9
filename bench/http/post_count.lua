-- bench/http/post_count.lua: wrk script for the authenticated JSON scenario of
-- bench/http/run.sh. Every request is POST /api/v1/tokens/count with the JSON
-- body of bench/http/count_body.json (about 60 words of ordinary English, also
-- what loadgen sends) and the API key from the environment (HIRAG_BENCH_KEY, set
-- by run.sh from `hirag keys create`). wrk itself reports non-2xx responses.
local key = os.getenv("HIRAG_BENCH_KEY")
if key == nil or key == "" then
  error("HIRAG_BENCH_KEY is not set (run through bench/http/run.sh)")
end
local script_dir = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
local file = assert(io.open(script_dir .. "count_body.json", "r"))
local body = file:read("*l")
file:close()

wrk.method = "POST"
wrk.path = "/api/v1/tokens/count"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key
wrk.body = body
