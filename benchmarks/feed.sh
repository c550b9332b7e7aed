#!/usr/bin/env bash
# The live feed's figures (issue 30's targets, printed, not asserted): a change's delay from its 2xx to each of 200
# live followers (p50, p99, max), and paging far into an article's revisions and into the feed against the first
# page; then the same paging in a history of LONG changes (default 1,000,000, written as a file: see
# measure_long_history.py), 1,000 of them one article's revisions. The base is the synthetic corpus of
# benchmarks/make_corpus.py, as a directory.
#
#   benchmarks/feed.sh [10k|100k|1m] [FOLLOWERS] [WRITES] [LONG]     (default 10k, 200 followers, 200 writes)
#   ATTRIBUTED_BIN=.build/release/attributed benchmarks/feed.sh 10k 200 1000
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/binary.sh"
source "$(dirname "${BASH_SOURCE[0]}")/corpus.sh"
size=${1:-10k}
followers=${2:-200}
writes=${3:-200}
use_binary
cached_corpus "$size" || { echo "usage: $0 [10k|100k|1m] [FOLLOWERS] [WRITES]" >&2; exit 2; }
corpus_directory "$size" feed
timeout 3000 python3 benchmarks/measure_feed.py "$bin" "$work/data" "$work/tokens.json" "$followers" "$writes"
long=${4:-1000000}
mkdir "$work/long"
cp "$corpus" "$work/long/corpus.json"
timeout 1200 python3 benchmarks/measure_long_history.py "$bin" "$work/long" "$long" 1000
