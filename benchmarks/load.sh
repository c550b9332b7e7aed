#!/usr/bin/env bash
# Load time and memory for growing synthetic corpora: a linear loader doubles its time when the corpus doubles.
# Usage: benchmarks/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%-10s %-10s %10s %14s %14s\n' articles claims "JSON MB" "validate (s)" "max RSS (MB)"
for articles in 500 1000 2000 4000; do
  python3 benchmarks/make_corpus.py "$articles" 25 "$dir/corpus.json"
  size=$(awk -v b="$(stat -c %s "$dir/corpus.json")" 'BEGIN { printf "%.1f", b / 1048576 }')
  /usr/bin/time -f "%e %M" -o "$dir/time" .build/release/attributed validate "$dir/corpus.json" >/dev/null
  read -r seconds kilobytes <"$dir/time"
  printf '%-10s %-10s %10s %14s %14s\n' "$articles" $((articles * 25)) "$size" "$seconds" $((kilobytes / 1024))
done
