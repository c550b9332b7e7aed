#!/usr/bin/env bash
# Issue 29's targets at scale: facets, the new filters and the sourcing series over a synthetic corpus with dates
# and publishers (benchmarks/make_corpus.py ARTICLES 25 --spread 7 10: seven papers over 2016-2025), printed with
# the load's time and memory and the phases the new indexes add (ATTRIBUTED_TRACE_LOAD=1).
# Usage: benchmarks/facets.sh [10k|100k|1m]   (default 1m)
# Environment: ATTRIBUTED_BIN (skips the build), SCALE_CACHE (corpus cache, default /tmp/attributed-scale),
#   FACET_REQUESTS (requests per query, default 200).
set -euo pipefail

size=${1:-1m}
# shellcheck source=corpus.sh
source "$(dirname "$0")/corpus.sh"
corpus_articles "$size" || { echo "usage: $0 [10k|100k|1m]" >&2; exit 2; }
# shellcheck source=binary.sh
source "$(dirname "$0")/binary.sh"
use_binary
requests=${FACET_REQUESTS:-200}

corpus=$cache/$size-spread.json
if [[ ! -e $corpus ]]; then
  mkdir -p "$cache"
  echo "# writing $corpus" >&2
  python3 benchmarks/make_corpus.py "$articles" "$per_article" "$corpus.tmp.$$" --spread 7 10 >/dev/null
  mv "$corpus.tmp.$$" "$corpus"
fi

work=$(mktemp -d)
server=
cleanup() {
  if [[ -n $server ]]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_us() { echo "${EPOCHREALTIME/./}"; }
proc_mb() { awk -v key="$2:" '$1 == key { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

port=$(free_port)
base=http://127.0.0.1:$port
started=$(now_us)
ATTRIBUTED_TRACE_LOAD=1 "$bin" serve --host 127.0.0.1 --port "$port" --data "$corpus" 2>"$work/log" &
server=$!
until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/readyz" || true) == 200 ]]; do
  kill -0 "$server" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
  sleep 0.02
done
ready=$(awk -v us=$(($(now_us) - started)) 'BEGIN { printf "%.2f", us / 1e6 }')

echo "attributed facets $size: commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), binary $bin, corpus $corpus" \
  "($(awk -v b="$(stat -L -c %s "$corpus")" 'BEGIN { printf "%.1f", b / 1048576 }') MB), $(nproc) cores"
echo "load: ready after $ready s, peak RSS $(proc_mb "$server" VmHWM) MB, RSS $(proc_mb "$server" VmRSS) MB"
echo "load phases added by the facets and series (ATTRIBUTED_TRACE_LOAD=1):"
grep -E 'corpus lists|facets of every claim|facets of single filters|sourcing series|sourcing indicators' "$work/log" | sed 's/^/  /' || true
echo
python3 benchmarks/measure_facets.py "$base" "$requests"
echo
echo "RSS after the queries: $(proc_mb "$server" VmRSS) MB"
