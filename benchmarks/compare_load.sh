#!/usr/bin/env bash
# Load time, two binaries taking turns: `validate` and `serve` until /readyz 200, on the same synthetic corpus,
# alternating A, B, A, B… so that this VM's swings (±20% from one minute to the next) fall on both alike.
# Prints each run (wall seconds, peak RSS of validate, the loader's claims and index phases from
# ATTRIBUTED_TRACE_LOAD) and, per binary, the medians.
# Usage: benchmarks/compare_load.sh BINARY_A BINARY_B [10k|100k|1m]     (default 1m)
# Environment: ROUNDS (default 4), SCALE_CACHE (as benchmarks/scale.sh).
set -euo pipefail

# shellcheck source=corpus.sh
source "$(dirname "$0")/corpus.sh"
two_binaries "$@"
rounds=${ROUNDS:-4}
cached_corpus "$size"

work=$(mktemp -d)
server=
cleanup() {
  [[ -n $server ]] && { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
# A phase's milliseconds in a load trace, or "-".
phase() { grep -o "load phase $1[^:]*: [0-9]* ms" "$2" | grep -o '[0-9]* ms$' | head -1 | tr -d ' ms' || echo -; }

printf '%-4s %-6s %12s %14s %18s %16s\n' bin round "validate (s)" "validate MB" "ready (s)" "claims/index ms"
declare -A validate ready
for ((round = 1; round <= rounds; round++)); do
  for index in 0 1; do
    bin=${binaries[index]}
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" validate "$corpus" >/dev/null
    read -r seconds kilobytes <"$work/time"
    port=$(free_port)
    start=$(now)
    ATTRIBUTED_TRACE_LOAD=1 "$bin" serve --host 127.0.0.1 --port "$port" --data "$corpus" >/dev/null 2>"$work/trace" &
    server=$!
    until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
      kill -0 "$server" 2>/dev/null || { echo "$bin exited before it was ready" >&2; cat "$work/trace" >&2; exit 1; }
      sleep 0.05
    done
    ready_seconds=$(echo "$(now) - $start" | bc)
    kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=
    name=$([[ $index == 0 ]] && echo A || echo B)
    printf '%-4s %-6s %12.2f %14d %18.2f %16s\n' "$name" "$round" "$seconds" $((kilobytes / 1024)) "$ready_seconds" \
      "$(phase claims "$work/trace")/$(phase 'indexes and etags' "$work/trace")"
    validate[$index]+="$seconds "
    ready[$index]+="$ready_seconds "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
for index in 0 1; do
  printf '%s median: validate %.2f s, ready %.2f s   (%s)\n' "$([[ $index == 0 ]] && echo A || echo B)" \
    "$(echo "${validate[$index]}" | median)" "$(echo "${ready[$index]}" | median)" "${binaries[index]}"
done
