-- bench/http/facts_query.lua: wrk script for bench/http/facts.sh. Every request is
-- POST /api/v1/facts/query for one random subject of namespace "big" (ten facts
-- each at 1M), limit 10: an exact, filtered query with its total.
local key = os.getenv("HIRAG_BENCH_KEY")
if key == nil or key == "" then
  error("HIRAG_BENCH_KEY is not set (run through bench/http/facts.sh)")
end

request = function()
  local body = '{"query":{"namespace":"big","subject":"person' .. math.random(0, 99999) .. '","limit":10}}'
  return wrk.format("POST", "/api/v1/facts/query",
                    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
