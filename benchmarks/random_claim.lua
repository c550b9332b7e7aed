-- wrk script: each request asks for a pseudo-random existing claim of the synthetic corpus (benchmarks/make_corpus.py),
-- so lookups spread over the whole id space instead of one hot entry.
-- Usage: wrk ... -s benchmarks/random_claim.lua http://HOST:PORT -- ARTICLES [CLAIMS_PER_ARTICLE] [SUFFIX]
--   e.g. `-- 4000 25 /provenance` requests /v1/claims/aNNNNNN-cNNN/provenance for a000000..a003999, c000..c024.
-- `-- fixed PATH` requests PATH every time: the same per-request script cost, for a fair ratio against /healthz.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  if args[1] == "fixed" then fixed = args[2] end
  articles = tonumber(args[1]) or 400
  per_article = tonumber(args[2]) or 25
  suffix = args[3] or ""
  -- A fixed seed per thread: different ids on each thread, the same sequence on every run.
  math.randomseed(7919 * (thread_number or 1))
end

function request()
  if fixed then return wrk.format("GET", fixed) end
  local id = string.format("a%06d-c%03d", math.random(0, articles - 1), math.random(0, per_article - 1))
  return wrk.format("GET", "/v1/claims/" .. id .. suffix)
end
