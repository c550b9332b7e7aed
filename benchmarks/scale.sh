#!/usr/bin/env bash
# Scale figures for one synthetic corpus size: validate and load time and memory (one file and the same data split
# over a directory), per-query latency and throughput, and a SIGHUP reload under load.
# Usage: benchmarks/scale.sh [10k|100k|1m]          (claims; 25 per article)
# Environment: ATTRIBUTED_BIN (skips the build), SCALE_CACHE (corpus cache, default /tmp/attributed-scale),
#   WRK_SECONDS (throughput run per query, default 5), SEQ_REQUESTS / SEQ_BUDGET (sequential latency: at most this
#   many requests, stopping early after this many seconds; defaults 50 and 10).
set -euo pipefail

size=${1:-10k}
# shellcheck source=corpus.sh
source "$(dirname "$0")/corpus.sh"
corpus_articles "$size" || { echo "usage: $0 [10k|100k|1m]" >&2; exit 2; }
split_files=8
wrk_seconds=${WRK_SECONDS:-5}
seq_requests=${SEQ_REQUESTS:-50}
seq_budget=${SEQ_BUDGET:-10}

# shellcheck source=binary.sh
source "$(dirname "$0")/binary.sh"
use_binary
repo=$PWD
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')

work=$(mktemp -d)
server=
wrk_pid=
stop_server() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  # The server drains for up to 5 s; after 15 s something is wrong, so do not let it outlive the script.
  for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  if [[ -n $wrk_pid ]]; then kill -TERM "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" 2>/dev/null || true; fi
  if [[ -n $server ]]; then stop_server "$server"; fi
  rm -rf "$work"
}
trap cleanup EXIT
# Without these, bash dies on SIGINT/SIGTERM without running the EXIT trap and leaves the server running.
trap 'exit 130' INT
trap 'exit 143' TERM

note() { echo "# $*" >&2; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
kb_mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
now_us() { echo "${EPOCHREALTIME/./}"; }
proc_kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }

# The corpus and its split are cached (corpus.sh); the split too is built under a temporary name and renamed.
cached_corpus "$size"
corpus_dir=$cache/$size-split$split_files
if [[ ! -d $corpus_dir ]]; then
  note "splitting $corpus into $split_files files"
  rm -rf "$corpus_dir.tmp.$$"
  python3 benchmarks/split_corpus.py "$corpus" "$corpus_dir.tmp.$$" "$split_files"
  mv "$corpus_dir.tmp.$$" "$corpus_dir"
fi
json_bytes=$(stat -L -c %s "$corpus")
dir_bytes=$(cat "$corpus_dir"/*.json | wc -c)
json_mb=$(mb "$json_bytes")

echo "attributed scale $size: commit $commit, binary $bin, corpus $corpus ($articles articles, $((articles * per_article)) claims, 502 entities; $json_mb MB), $(nproc) cores"
echo

# --- validate -------------------------------------------------------------------------------------------------
echo "validate (/usr/bin/time: wall clock, peak RSS)"
printf '%-26s %10s %10s %14s  %s\n' input "JSON MB" "wall (s)" "peak RSS (MB)" result
validate() {
  local label=$1 path=$2 bytes=$3 status=0 seconds kilobytes
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" validate "$path" >"$work/validate.out" 2>&1 || status=$?
  # On failure /usr/bin/time writes "Command exited with non-zero status N" before the figures: take the last line.
  read -r seconds kilobytes < <(tail -1 "$work/time")
  local result=ok
  ((status == 0)) || result="exit $status: $(head -1 "$work/validate.out" | cut -c1-200)"
  printf '%-26s %10s %10s %14s  %s\n' "$label" "$(mb "$bytes")" "$seconds" "$(kb_mb "$kilobytes")" "$result"
}
validate "file" "$corpus" "$json_bytes"
validate "directory ($split_files files)" "$corpus_dir" "$dir_bytes"
echo

# --- serving --------------------------------------------------------------------------------------------------

# Starts a server on $1 and waits for /readyz; sets server, base, log, ready_s. The server listens before it loads,
# so /readyz answers 503 until the dataset is in; polling every 20 ms bounds the error of the ready time.
start_server() {
  local data=$1 port started code
  port=$(free_port)
  base=http://127.0.0.1:$port
  log=$work/server-$port.log
  started=$(now_us)
  "$bin" serve --host 127.0.0.1 --port "$port" --data "$data" 2>"$log" &
  server=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/readyz" || true)
    [[ $code == 200 ]] && break
    if ! kill -0 "$server" 2>/dev/null; then
      echo "server exited before it was ready:" >&2; cat "$log" >&2; server=; exit 1
    fi
    if (($(now_us) - started > 1800000000)); then echo "not ready after 30 min" >&2; exit 1; fi
    sleep 0.02
  done
  ready_s=$(awk -v us=$(($(now_us) - started)) 'BEGIN { printf "%.2f", us / 1e6 }')
}

# The directory first, then the file, which stays up for the queries: two large servers at once would not fit.
note "loading the directory"
start_server "$corpus_dir"
dir_ready=$ready_s
dir_peak_kb=$(proc_kb "$server" VmHWM)
stop_server "$server"
server=

note "loading the file"
start_server "$corpus"
file_ready=$ready_s
file_peak_kb=$(proc_kb "$server" VmHWM)

# --- queries --------------------------------------------------------------------------------------------------
RANDOM=42 # the same sequence of random claim ids on every run
# Sets claim_id without a subshell: bash reseeds RANDOM in subshells, which would lose the fixed sequence.
random_claim_id() { printf -v claim_id 'a%06d-c%03d' $(((RANDOM * 32768 + RANDOM) % articles)) $((RANDOM % per_article)); }

# Sequential single requests with curl (time_total: connect to last byte, new connection each time; no curl
# start-up). @CLAIM@ in the path is a different random claim id per request. Sets status, n, med and max (ms).
sequential() {
  local template=$1 deadline i=0 path
  deadline=$(($(now_us) + seq_budget * 1000000))
  : >"$work/seq"
  while ((i < seq_requests)); do
    path=$template
    if [[ $path == *@CLAIM@* ]]; then random_claim_id; path=${path//@CLAIM@/$claim_id}; fi
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 300 "$base$path" >>"$work/seq" || true
    i=$((i + 1))
    # A slow query stops early (after at least 3 requests) so the run stays bounded.
    if ((i >= 3 && $(now_us) > deadline)); then break; fi
  done
  sort -k2,2n "$work/seq" | awk '
    { codes[$1] = 1; t[NR] = $2 * 1000 }
    END { s = ""; for (c in codes) s = s (s == "" ? "" : "/") c
          printf "%s %d %.2f %.2f\n", s, NR, t[int((NR + 1) / 2)], t[NR] }' >"$work/seq.summary"
  read -r status n med max <"$work/seq.summary"
}

# wrk latencies come as 812.00us, 1.20ms, 2.01s or 1.00m; all in ms here.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /[0-9]s$/) n *= 1000; else if (v ~ /[0-9]m$/) n *= 60000
    printf "%.2f", n }'
}
# Prints "req/s p50_ms p99_ms non2xx errors" from wrk --latency output.
wrk_summary() {
  local rps p50 p99 non2xx errors
  rps=$(awk '/Requests\/sec/ { print $2 }' "$1")
  p50=$(awk '$1 == "50%" { print $2 }' "$1")
  p99=$(awk '$1 == "99%" { print $2 }' "$1")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$1")
  errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$1")
  echo "${rps:-0} $(to_ms "${p50:-0}") $(to_ms "${p99:-0}") ${non2xx:-0} ${errors:-0}"
}
# A long timeout so that slow queries are measured instead of counted as timeouts (wrk's default is 2 s).
run_wrk() { wrk -t2 -c16 -d"${wrk_seconds}s" --timeout 60s --latency "$@" >"$work/wrk.out" 2>&1 || true; }

# Follows Link rel="next" $2 - 1 times from $1; sets page_path to that page (or the last page reached) and
# pages_reached to its number.
follow_pages() {
  local link i
  page_path=$1
  for ((i = 1; i < $2; i++)); do
    link=$(curl -s -o /dev/null -D - --max-time 300 "$base$page_path" | tr -d '\r' |
      sed -n 's/^[Ll][Ii][Nn][Kk]: *<\([^>]*\)>; *rel="next".*/\1/p' | head -1)
    [[ -n $link ]] || { pages_reached=$i; return; }
    # The header holds a path; should it ever hold an absolute URL, keep only its path.
    if [[ $link == http* ]]; then link=/${link#http*://*/}; fi
    page_path=$link
  done
  pages_reached=$2
}

queries=(
  "healthz|/healthz"
  "healthz (lua)|@LUA@/healthz"
  "claim by id (hot)|@LUA@/v1/claims/a000007-c003"
  "claim by id (random)|/v1/claims/@CLAIM@"
  "provenance (random)|/v1/claims/@CLAIM@/provenance"
  "q two words|/v1/claims?q=plan%20approved"
  "q no match|/v1/claims?q=zzzz"
  "q rare word|/v1/claims?q=p123"
  "min_depth=3|/v1/claims?min_depth=3"
  "all filters|/v1/claims?article=a000007&entity=person-0175&source=person-0175&anonymity=named&mode=direct_quote&min_depth=2&q=plan"
  "empty intersection|/v1/claims?anonymity=named&mode=impersonal_report"
  "source page 50|@PAGE50@/v1/claims?source=gazette&limit=50"
  "q sort=relevance|/v1/claims?q=plan&sort=relevance&limit=20"
  "entities q=person|/v1/entities?q=person"
  "article by id|/v1/articles/a000007"
)
echo "queries: sequential = up to $seq_requests single curl requests (time_total, new connection each; stops after ${seq_budget} s), random ids seeded; throughput = wrk -t2 -c16 -d${wrk_seconds}s --latency, keep-alive"
row='%-20s %7s %4s %9s %9s %10s %9s %9s %8s %6s  %s\n'
printf "$row" query status n "med (ms)" "max (ms)" "req/s" "p50 (ms)" "p99 (ms)" non-2xx errors path
for entry in "${queries[@]}"; do
  label=${entry%%|*}
  path=${entry#*|}
  if [[ $path == @PAGE50@* ]]; then
    follow_pages "${path#@PAGE50@}" 50
    path=$page_path
    ((pages_reached == 50)) || label="$label (page $pages_reached, last)"
  fi
  lua=""
  if [[ $path == @LUA@* ]]; then path=${path#@LUA@}; lua=1; fi
  sequential "$path"
  case $path in
    *) [[ -z $lua ]] || { run_wrk -s benchmarks/random_claim.lua "$base" -- fixed "$path"; } ;;&
    */@CLAIM@/provenance) run_wrk -s benchmarks/random_claim.lua "$base" -- "$articles" "$per_article" /provenance ;;
    */@CLAIM@) run_wrk -s benchmarks/random_claim.lua "$base" -- "$articles" "$per_article" ;;
    *) [[ -n $lua ]] || run_wrk "$base$path" ;;
  esac
  read -r rps p50 p99 non2xx errors < <(wrk_summary "$work/wrk.out")
  printf "$row" "$label" "$status" "$n" "$med" "$max" "$rps" "$p50" "$p99" "$non2xx" "$errors" "${path//@CLAIM@/{random id\}}"
done
# This VM's throughput swings by ±20% from run to run, so the by-id ratio is taken from interleaved runs.
ratio_runs=${RATIO_RUNS:-7}
ratio_seconds=${RATIO_SECONDS:-3}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
healthz_runs=() hot_runs=() hotprovenance_runs=() random_runs=() provenance_runs=()
for ((run = 0; run < ratio_runs; run++)); do
  for kind in healthz hot hotprovenance random provenance; do
    by_id_args "$kind"
    wrk -t2 -c16 -d"${ratio_seconds}s" --timeout 60s -s benchmarks/random_claim.lua "$base" -- "${args[@]}" >"$work/wrk.out" 2>&1 || true
    read -r rps _ < <(wrk_summary "$work/wrk.out")
    eval "${kind}_runs+=(\"\$rps\")"
  done
done
h=$(median "${healthz_runs[@]}")
echo "by id vs /healthz (medians of $ratio_runs interleaved ${ratio_seconds} s wrk runs, all through the same Lua script):" \
  "/healthz $h req/s; one hot claim $(ratio "$(median "${hot_runs[@]}")" "$h")x," \
  "its provenance (hot) $(ratio "$(median "${hotprovenance_runs[@]}")" "$h")x," \
  "random claims $(ratio "$(median "${random_runs[@]}")" "$h")x, random provenance $(ratio "$(median "${provenance_runs[@]}")" "$h")x"
echo
steady_kb=$(proc_kb "$server" VmRSS)

echo "load (ready = time from start until /readyz answers 200; peak = VmHWM when ready; steady = VmRSS after the queries)"
printf '%-26s %10s %10s %14s %16s %9s\n' input "JSON MB" "ready (s)" "peak RSS (MB)" "steady RSS (MB)" "RSS/JSON"
printf '%-26s %10s %10s %14s %16s %9s\n' file "$json_mb" "$file_ready" "$(kb_mb "$file_peak_kb")" "$(kb_mb "$steady_kb")" \
  "$(awk -v r="$steady_kb" -v b="$json_bytes" 'BEGIN { printf "%.1f", r * 1024 / b }')"
printf '%-26s %10s %10s %14s %16s %9s\n' "directory ($split_files files)" "$(mb "$dir_bytes")" "$dir_ready" \
  "$(kb_mb "$dir_peak_kb")" - -
echo

# --- SIGHUP reload under load ---------------------------------------------------------------------------------
loaded_lines() { grep -c '^attributed: loaded ' "$log" || true; }
echo "SIGHUP reload under load (wrk -t2 -c16 on random claim ids from 2 s before the signal until 2 s after the reload)"
available_kb=$(awk '$1 == "MemAvailable:" { print $2 }' /proc/meminfo)
# A reload builds the new dataset next to the old one; without room for another load peak (plus 1 GB) the OOM killer
# would end the run, or other work on the machine, so skip instead.
if ((available_kb < file_peak_kb + 1048576)); then
  echo "skipped: MemAvailable $(kb_mb "$available_kb") MB < load peak $(kb_mb "$file_peak_kb") MB + 1024 MB"
  exit 0
fi
# wrk stops at SIGINT and still prints its figures; the duration is only a cap, generous against the load time.
cap=$(awk -v r="$file_ready" 'BEGIN { printf "%d", 3 * r + 30 }')
wrk -t2 -c16 -d"${cap}s" --timeout 60s --latency -s benchmarks/random_claim.lua "$base" -- "$articles" "$per_article" \
  >"$work/reload.wrk" 2>&1 &
wrk_pid=$!
sleep 2
hup_at=$(now_us)
kill -HUP "$server"
outcome=ok
while (($(loaded_lines) < 2)); do
  if grep -q 'reload refused\|reload failed' "$log"; then outcome="failed: $(grep 'reload' "$log" | tail -1)"; break; fi
  if ! kill -0 "$server" 2>/dev/null; then outcome="server exited"; server=; break; fi
  if ! kill -0 "$wrk_pid" 2>/dev/null; then outcome="not reloaded within the ${cap} s of wrk"; break; fi
  sleep 0.02
done
reload_s=$(awk -v us=$(($(now_us) - hup_at)) 'BEGIN { printf "%.2f", us / 1e6 }')
server_ms=$(grep '^attributed: loaded ' "$log" | sed -n '2s/.* in \([0-9]*\) ms.*/\1/p')
sleep 2
kill -INT "$wrk_pid" 2>/dev/null || true
wait "$wrk_pid" 2>/dev/null || true
wrk_pid=
if [[ -n $server ]]; then
  hwm_kb=$(proc_kb "$server" VmHWM)
  rss_kb=$(proc_kb "$server" VmRSS)
else
  hwm_kb=0 rss_kb=0
fi
read -r rps p50 p99 non2xx errors < <(wrk_summary "$work/reload.wrk")
requests=$(awk '/requests in/ { print $1 }' "$work/reload.wrk")
printf '%-10s %11s %12s %10s %10s %9s %9s %8s %6s %14s %15s\n' result "reload (s)" "server (ms)" requests "req/s" \
  "p50 (ms)" "p99 (ms)" non-2xx errors "peak RSS (MB)" "RSS after (MB)"
printf '%-10s %11s %12s %10s %10s %9s %9s %8s %6s %14s %15s\n' "${outcome%%:*}" "$reload_s" "${server_ms:--}" \
  "${requests:-0}" "$rps" "$p50" "$p99" "$non2xx" "$errors" "$(kb_mb "$hwm_kb")" "$(kb_mb "$rss_kb")"
[[ $outcome == ok ]] || echo "reload: $outcome"
echo "(reload = SIGHUP until the second 'loaded' line on stderr; server = the time that line reports; peak = VmHWM over the whole run)"
