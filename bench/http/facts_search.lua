-- bench/http/facts_search.lua: wrk script for bench/http/facts.sh. Every request is
-- POST /api/v1/facts/search in namespace "big", top_k 10, with a subject and one
-- object word drawn like bench/http/facts_ingest.py draws them.
local key = os.getenv("HIRAG_BENCH_KEY")
if key == nil or key == "" then
  error("HIRAG_BENCH_KEY is not set (run through bench/http/facts.sh)")
end

local vocabulary = 20000

local function word()
  local r = math.random(1, vocabulary)
  local index = math.floor(r * r / vocabulary)
  return "w" .. index .. "x" .. (index * 7919) % 97
end

request = function()
  local body = '{"query":"person' .. math.random(0, 99999) .. ' ' .. word() .. '","namespace":"big","top_k":10}'
  return wrk.format("POST", "/api/v1/facts/search",
                    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
