#!/usr/bin/env bash
# The write path's fault tests against the real binary: SIGKILL during concurrent writes (WRITE_CRASH_ROUNDS
# rounds, default 50), a journal with a cut or corrupt last record, and a dataset directory on a tmpfs that fills up.
#
#   Tests/Writes/run.sh PATH_TO_ATTRIBUTED_BINARY
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../Support/binary.sh"
require_binary writes "$@"
cd "$ROOT"
exec timeout 900 python3 Tests/Writes/write_faults.py "$BIN"
