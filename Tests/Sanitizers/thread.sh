#!/usr/bin/env bash
# The live server tests (the real daemon over loopback, the binary's lifecycle, reloads under load, the access log,
# the per-address flood) under ThreadSanitizer: a build of its own in .build-tsan, every test binary and the
# `attributed` they start instrumented. Any report fails the run.
#
#   Tests/Sanitizers/thread.sh [SECONDS]     (the test run's time bound, default 900)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bound=${1:-900}
scratch=.build-tsan
log=$scratch/tsan-test.log

swift build --build-tests --sanitize=thread --scratch-path "$scratch"
mkdir -p "$scratch"
# halt_on_error=0: every report of the run is printed, and the process then exits 66 (TSan's exit code for "reported").
export TSAN_OPTIONS="halt_on_error=0 exitcode=66 second_deadlock_stack=1 history_size=4"

set +e
timeout --signal=TERM --kill-after=30 "$bound" \
  swift test --skip-build --sanitize=thread --scratch-path "$scratch" --filter AttributedServerTests 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
reports=$(grep -c '^WARNING: ThreadSanitizer' "$log" || true)
if ((status == 124)); then echo "thread sanitizer: the run took longer than ${bound} s"; fi
echo "thread sanitizer: $reports reports, swift test exit status $status"
if ((reports > 0 || status != 0)); then exit 1; fi
