-- bench/http/post_count.lua: wrk script for the authenticated JSON scenario of
-- bench/http/run.sh. Every request is POST /api/v1/tokens/count with a fixed
-- JSON body and the API key from the environment (HIRAG_BENCH_KEY, set by
-- run.sh from `hirag keys create`). wrk itself reports non-2xx responses.
local key = os.getenv("HIRAG_BENCH_KEY")
if key == nil or key == "" then
  error("HIRAG_BENCH_KEY is not set (run through bench/http/run.sh)")
end

wrk.method = "POST"
wrk.path = "/api/v1/tokens/count"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key
-- About 60 words of ordinary English: a realistic short chunk to count.
wrk.body = '{"text":"The memory server stores conversation turns, facts and documents, '
  .. 'retrieves the most relevant ones for a query, and assembles a context that fits '
  .. 'the token budget of the model. Counting tokens exactly matters: a prompt that is '
  .. 'one token too long is rejected, and one that is far too short wastes the window '
  .. 'that could have carried useful evidence."}'
