#!/usr/bin/env bash
# Write-path figures (issue targets, printed, not asserted): PUT latency of a 25-claim article (fsync included, and
# the bare fsync of the dataset directory's disk beside it), sustained writes/s from 8 concurrent writers, reads while
# writes run, and restart with the journal. The corpus is the synthetic one of benchmarks/make_corpus.py, as a
# directory.
#
#   benchmarks/writes.sh [10k|100k|1m] [WRITES]     (default 10k, 40 sequential writes)
#   ATTRIBUTED_BIN=.build/release/attributed benchmarks/writes.sh 1m 10
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/binary.sh"
source "$(dirname "${BASH_SOURCE[0]}")/corpus.sh"
size=${1:-10k}
writes=${2:-40}
use_binary
cached_corpus "$size" || { echo "usage: $0 [10k|100k|1m] [WRITES]" >&2; exit 2; }
corpus_directory "$size" writes
timeout 3000 python3 benchmarks/measure_writes.py "$bin" "$work/data" "$work/tokens.json" "$writes"
