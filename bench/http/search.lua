-- bench/http/search.lua: wrk script for bench/http/search.sh. Every request is
-- POST /api/v1/contexts/search in namespace "big" with top_k 10 and a query of
-- four words drawn like the ingested texts (bench/http/ingest.py: a 20,000-word
-- vocabulary, low word numbers far more frequent).
local key = os.getenv("HIRAG_BENCH_KEY")
if key == nil or key == "" then
  error("HIRAG_BENCH_KEY is not set (run through bench/http/search.sh)")
end

local vocabulary = 20000

local function word()
  local r = math.random(1, vocabulary)
  local index = math.floor(r * r / vocabulary)
  return "w" .. index .. "x" .. (index * 7919) % 97
end

request = function()
  local query = word() .. " " .. word() .. " " .. word() .. " " .. word()
  local body = '{"query":"' .. query .. '","namespace":"big","top_k":10}'
  return wrk.format("POST", "/api/v1/contexts/search",
                    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
