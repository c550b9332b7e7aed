#!/usr/bin/env bash
# A full bulk export of a synthetic corpus: the server's resident memory before and at its peak during the export,
# the time to the first byte, the total time and the throughput (benchmarks/measure_export.py reads it).
# Usage: benchmarks/export.sh [10k|100k|1m] [ndjson|csv] [QUERY]   (claims, 25 per article; QUERY e.g. 'min_depth=2')
# Environment: ATTRIBUTED_BIN (skips the release build), SCALE_CACHE (corpus cache, default /tmp/attributed-scale,
#   shared with benchmarks/scale.sh). Not a test: the figures depend on the machine, and the 1m run wants it idle.
set -euo pipefail

size=${1:-10k}
format=${2:-ndjson}
query=${3:-}
case $size in
  10k) articles=400 ;;
  100k) articles=4000 ;;
  1m) articles=40000 ;;
  *) echo "usage: $0 [10k|100k|1m] [ndjson|csv] [QUERY]" >&2; exit 2 ;;
esac
case $format in ndjson | csv) ;; *) echo "format: ndjson or csv" >&2; exit 2 ;; esac

# shellcheck source=binary.sh
source "$(dirname "$0")/binary.sh"
use_binary

cache=${SCALE_CACHE:-/tmp/attributed-scale}
mkdir -p "$cache"
corpus=$cache/$size.json
if [[ ! -e $corpus ]]; then
  echo "# writing $corpus" >&2
  python3 benchmarks/make_corpus.py "$articles" 25 "$corpus.tmp.$$"
  mv "$corpus.tmp.$$" "$corpus"
fi

server=
cleanup() {
  [[ -n $server ]] || return 0
  kill -TERM "$server" 2>/dev/null || return 0
  for _ in $(seq 150); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
"$bin" serve --host 127.0.0.1 --port "$port" --data "$corpus" 2>/dev/null &
server=$!
until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/readyz" || true) == 200 ]]; do
  kill -0 "$server" 2>/dev/null || { echo "the server exited before it was ready" >&2; server=; exit 1; }
  sleep 0.05
done

url="$base/v1/claims?format=$format${query:+&$query}"
echo "attributed export $size: $(git rev-parse --short HEAD 2>/dev/null || echo '?'), binary $bin, $(nproc) cores"
echo "GET ${url#"$base"}"
python3 benchmarks/measure_export.py "$server" "$url"
