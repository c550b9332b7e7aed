#!/usr/bin/env bash
# libFuzzer over the surfaces that face hostile input: the JSON parser, the dataset loader, the query string and the
# router (Sources/Fuzz/<Target>).
#
#   Tests/Fuzz/run.sh SECONDS [TARGET...]     e.g. Tests/Fuzz/run.sh 60, Tests/Fuzz/run.sh 300 Router
#
# 1. builds the fuzz products once, with coverage and AddressSanitizer, in .build-fuzz (ATTRIBUTED_FUZZ=1 declares
#    them in Package.swift);
# 2. per target: replays every input in Tests/Fuzz/regressions/<Target>/ (crashes found before, fixed since), then
#    fuzzes for SECONDS from a copy of Tests/Fuzz/corpus/<Target>/ (the repository is never written), one process;
# 3. prints one line per target and `N passed, N failed`; exits 1 if any target failed. A crashing input and the
#    fuzzer's log are kept in .build-fuzz/artifacts/<Target>/ (outside git), and the line says where.
#
# Environment knobs (all optional):
#   FUZZ_TIMEOUT   seconds one input may take before it counts as a hang (default 30: generous, because on a busy
#                  2-core machine a 20 ms input was stalled past 10 s; a timeout is replayed once, see below)
#   FUZZ_RSS_MB    memory limit of a fuzzer process (default 2048)
#   FUZZ_CORPUS    a directory to keep the corpus in across runs, one subdirectory per target (default: a temp copy)
set -euo pipefail

if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS [TARGET...]  (targets: JSONParser DatasetLoader QueryString Router)" >&2
  exit 2
fi
SECONDS_EACH="$1"
shift
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(JSONParser DatasetLoader QueryString Router)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SCRATCH="$ROOT/.build-fuzz"
ARTIFACTS="$SCRATCH/artifacts"
TIMEOUT="${FUZZ_TIMEOUT:-30}"
RSS_MB="${FUZZ_RSS_MB:-2048}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# The loader's target writes its inputs as files there, to read them back through small windows.
export TMPDIR="$WORK"

# Each target's dictionary (-dict): the tokens it is worth trying.
dictionary() {
  case "$1" in
    JSONParser) echo json ;;
    DatasetLoader) echo dataset ;;
    QueryString) echo query ;;
    Router) echo router ;;
    *) echo "fuzz: unknown target $1" >&2; exit 2 ;;
  esac
}

# The sanitizer flag goes to every Swift module of the product (coverage for libFuzzer, ASan checks everywhere);
# debug keeps -enable-testing, which the targets' `@testable import` needs.
build_log="$WORK/build.log"
for target in "${TARGETS[@]}"; do
  dictionary "$target" >/dev/null
  if ! ATTRIBUTED_FUZZ=1 swift build --scratch-path "$SCRATCH" -c debug -Xswiftc -sanitize=fuzzer,address \
      --product "Fuzz$target" >"$build_log" 2>&1; then
    grep -v "Cannot export local symbol" "$build_log" | tail -40 >&2
    echo "fuzz: building Fuzz$target failed" >&2
    exit 1
  fi
done
BIN="$SCRATCH/debug"

# Swift's runtime caches and global boxes read as leaks to LeakSanitizer: leaks are not checked, memory growth is
# bounded by -rss_limit_mb (and so by the malloc limit, which defaults to it) instead.
common=(-timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -detect_leaks=0)
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
# A failed check is a fatalError: the Swift runtime's own backtracer would then trip ASan and bury the message.
export SWIFT_BACKTRACE=enable=no

passed=0
failed=0
for target in "${TARGETS[@]}"; do
  out="$ARTIFACTS/$target"
  mkdir -p "$out"
  log="$out/fuzz.log"
  : >"$log"
  regressions=("$ROOT/Tests/Fuzz/regressions/$target"/*)
  [[ -e "${regressions[0]}" ]] || regressions=()
  status=0
  # Replayed first: each input runs once (a bounded time for all of them).
  if [[ ${#regressions[@]} -gt 0 ]]; then
    timeout --signal=KILL $((TIMEOUT * ${#regressions[@]} + 60)) \
      "$BIN/Fuzz$target" "${common[@]}" -artifact_prefix="$out/regression-" "${regressions[@]}" >>"$log" 2>&1 || status=$?
  fi
  if [[ $status -ne 0 ]]; then
    echo "FAIL $target: a regression input crashes again (exit $status); log $log"
    grep -E "^(==[0-9]+==ERROR|.*Fatal error|SUMMARY|Running:)" "$log" | tail -5 | sed 's/^/    /' || true
    failed=$((failed + 1))
    continue
  fi
  corpus="${FUZZ_CORPUS:+$FUZZ_CORPUS/$target}"
  if [[ -z "$corpus" ]]; then corpus="$WORK/corpus/$target"; fi
  mkdir -p "$corpus"
  for seed in "$ROOT/Tests/Fuzz/corpus/$target"/*; do
    [[ -e "$corpus/$(basename "$seed")" ]] || cp "$seed" "$corpus"/
  done
  # The outer timeout is a last resort: libFuzzer stops itself after -max_total_time.
  timeout --signal=KILL $((SECONDS_EACH + 120)) \
    "$BIN/Fuzz$target" "${common[@]}" -max_total_time="$SECONDS_EACH" -print_final_stats=1 \
      -dict="$ROOT/Tests/Fuzz/dict/$(dictionary "$target").dict" -artifact_prefix="$out/" "$corpus" >>"$log" 2>&1 || status=$?
  runs="$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)"
  crash="$(grep -oE "Test unit written to .*" "$log" | tail -1 | sed 's/Test unit written to //' || true)"
  # A timeout is replayed once: twice on this busy 2-core machine a 20 ms input was stalled past the limit and then
  # ran in 20 ms again. One that does not reproduce is reported, not failed; one that does is a hang.
  stalled=""
  if [[ $status -eq 70 && -n "$crash" ]] && timeout --signal=KILL $((TIMEOUT + 60)) \
      "$BIN/Fuzz$target" "${common[@]}" "$crash" >>"$log" 2>&1; then
    stalled=" (a timeout while fuzzing did not reproduce: $crash)"
    status=0
  fi
  if [[ $status -eq 0 ]]; then
    echo "ok   $target: ${runs:-?} inputs in ${SECONDS_EACH}s, ${#regressions[@]} regression inputs replayed$stalled"
    passed=$((passed + 1))
  else
    echo "FAIL $target: exit $status; input ${crash:-(none written)}; log $log"
    grep -E "^(==[0-9]+==ERROR|.*Fatal error|SUMMARY)" "$log" | tail -5 | sed 's/^/    /' || true
    echo "    keep it: cp ${crash:-INPUT} Tests/Fuzz/regressions/$target/ (after the fix)"
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
