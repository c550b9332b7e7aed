#!/usr/bin/env bash
# The write path's fault tests against the real binary: SIGKILL during concurrent writes (WRITE_CRASH_ROUNDS
# rounds, default 50), a journal with a cut or corrupt last record, and a dataset directory on a tmpfs that fills up;
# then the history's and the live feed's (feed_faults.py: Last-Event-ID resume, the follower bound, a follower that
# stops reading, seqs across SIGKILLs and compactions, examples/mirror.py over FEED_MIRROR_WRITES random writes).
#
#   Tests/Writes/run.sh PATH_TO_ATTRIBUTED_BINARY
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../Support/binary.sh"
require_binary writes "$@"
cd "$ROOT"
timeout 900 python3 Tests/Writes/write_faults.py "$BIN"
exec timeout 900 python3 Tests/Writes/feed_faults.py "$BIN"
