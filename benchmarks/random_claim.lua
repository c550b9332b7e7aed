-- wrk script: each request asks for a pseudo-random existing claim of the synthetic corpus (benchmarks/make_corpus.py),
-- so lookups spread over the whole id space instead of one hot entry.
-- Usage: wrk ... -s benchmarks/random_claim.lua http://HOST:PORT -- ARTICLES [CLAIMS_PER_ARTICLE] [SUFFIX]
--   e.g. `-- 4000 25 /provenance` requests /v1/claims/aNNNNNN-cNNN/provenance for a000000..a003999, c000..c024.
-- `-- fixed PATH` requests PATH every time, through the same code: a fair ratio against /healthz.
--
-- The requests are formatted in init(), before the clock starts, and request() only steps through them: drawing and
-- formatting an id per request cost wrk about 4 µs of CPU that the fixed path did not pay, and wrk shares the two
-- cores with the server, so that alone took about a tenth off the random paths' ratio.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

-- Distinct ids per thread (2^16 each: far more than a cache could keep, spread over the whole corpus).
local count = 65536
local requests = {}
local position = 0

function init(args)
  if args[1] == "fixed" then
    requests[1] = wrk.format("GET", args[2])
    count = 1
    return
  end
  local articles = tonumber(args[1]) or 400
  local per_article = tonumber(args[2]) or 25
  local suffix = args[3] or ""
  -- A fixed seed per thread: different ids on each thread, the same sequence on every run.
  math.randomseed(7919 * (thread_number or 1))
  for i = 1, count do
    local id = string.format("a%06d-c%03d", math.random(0, articles - 1), math.random(0, per_article - 1))
    requests[i] = wrk.format("GET", "/v1/claims/" .. id .. suffix)
  end
end

function request()
  position = position % count + 1
  return requests[position]
end
