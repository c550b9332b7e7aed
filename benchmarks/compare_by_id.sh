#!/usr/bin/env bash
# GET by id, two binaries side by side: both serve the same synthetic corpus at once, and their wrk runs are
# interleaved round by round, so that this VM's swings (±20% from one minute to the next) fall on both alike.
# Prints, per binary, the median req/s of /healthz, one hot claim, random claims and random provenance chains, the
# ratios to /healthz, and the server's own CPU time (user + system, from /proc) per request.
# Usage: benchmarks/compare_by_id.sh BINARY_A BINARY_B [10k|100k|1m]     (default 1m)
# Environment: ROUNDS (default 7), SECONDS_PER_RUN (default 3), SCALE_CACHE (as benchmarks/scale.sh).
set -euo pipefail

# shellcheck source=corpus.sh
source "$(dirname "$0")/corpus.sh"
two_binaries "$@"
rounds=${ROUNDS:-7}
seconds=${SECONDS_PER_RUN:-3}
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk (scripts/install-deps --bench)" >&2; exit 1; }

cached_corpus "$size"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ports=()
for bin in "${binaries[@]}"; do
  port=$(free_port)
  "$bin" serve --host 127.0.0.1 --port "$port" --data "$corpus" >/dev/null 2>&1 &
  pids+=($!)
  ports+=("$port")
done
for index in 0 1; do
  for _ in $(seq 1200); do
    curl -sf "http://127.0.0.1:${ports[index]}/readyz" >/dev/null && break
    kill -0 "${pids[index]}" 2>/dev/null || { echo "${binaries[index]} exited before it was ready" >&2; exit 1; }
    sleep 0.1
  done
done
# Both must answer the same bytes, or the comparison means nothing.
for id in a000000-c000 "a$(printf %06d $((articles - 1)))-c024" "a$(printf %06d $((articles / 2)))-c013"; do
  for suffix in "" /provenance; do
    a=$(curl -s "http://127.0.0.1:${ports[0]}/v1/claims/$id$suffix" | md5sum)
    b=$(curl -s "http://127.0.0.1:${ports[1]}/v1/claims/$id$suffix" | md5sum)
    [[ $a == "$b" ]] || { echo "the two binaries answer /v1/claims/$id$suffix differently" >&2; exit 1; }
  done
done

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
declare -A rates cpu
kinds=(healthz hot random provenance)
for ((round = 0; round < rounds; round++)); do
  for index in 0 1; do
    for kind in "${kinds[@]}"; do
      by_id_args "$kind"
      before=$(cpu_ticks "${pids[index]}")
      out=$(wrk -t2 -c16 -d"${seconds}s" --timeout 60s -s benchmarks/random_claim.lua "http://127.0.0.1:${ports[index]}" -- "${args[@]}" 2>&1 || true)
      after=$(cpu_ticks "${pids[index]}")
      requests=$(awk '/requests in/ { print $1 }' <<<"$out")
      rates[$index.$kind]+="$(awk '/Requests\/sec/ { print $2 }' <<<"$out") "
      cpu[$index.$kind]+="$(awk -v n="${requests:-0}" -v t=$((after - before)) -v hz="$ticks" 'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print 0 }') "
    done
  done
done

median() { printf '%s\n' $1 | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "GET by id, $size corpus, two binaries side by side: medians of $rounds interleaved rounds of ${seconds} s wrk runs (-t2 -c16, benchmarks/random_claim.lua)"
printf '%-8s %10s %18s %18s %18s   %s\n' binary "/healthz" "hot claim" "random claims" "random provenance" "server CPU µs/request (healthz, hot, random, provenance)"
for index in 0 1; do
  h=$(median "${rates[$index.healthz]}")
  row=()
  for kind in hot random provenance; do
    m=$(median "${rates[$index.$kind]}")
    row+=("$(awk -v a="$m" -v b="$h" 'BEGIN { printf "%.0f (%.2fx)", a, (b > 0 ? a / b : 0) }')")
  done
  costs=$(for kind in "${kinds[@]}"; do median "${cpu[$index.$kind]}"; done | paste -sd' ')
  printf '%-8s %10.0f %18s %18s %18s   %s\n' "$([[ $index == 0 ]] && echo A || echo B)" "$h" "${row[@]}" "$costs"
done
echo "A = ${binaries[0]}"
echo "B = ${binaries[1]}"
