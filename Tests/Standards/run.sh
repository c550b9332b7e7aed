#!/usr/bin/env bash
# The standards the server speaks, checked by third-party libraries (issue 10): every seed claim's PROV-JSON
# (`format=prov` on /v1/claims/{id}/provenance) read by the `prov` package and validated against the PROV-JSON
# JSON Schema vendored in Tests/Standards/schemas/. Tests/Standards/prov_check.py starts the server itself, on
# 127.0.0.1 and a free port, with the built-in seed, and stops it; it prints one line per check and
# 'N passed, N failed'.
#
#   Tests/Standards/run.sh PATH_TO_ATTRIBUTED_BINARY
#
# Bounded: the whole run is stopped after STANDARDS_TEST_TIMEOUT seconds (default 120).
set -euo pipefail

# shellcheck source=../Support/binary.sh
source "$(dirname "${BASH_SOURCE[0]}")/../Support/binary.sh"
require_binary standards "$@"
"$ROOT/scripts/test-venv"
exec timeout --kill-after=10 "${STANDARDS_TEST_TIMEOUT:-120}" \
  "$ROOT/.build/conformance-venv/bin/python" "$ROOT/Tests/Standards/prov_check.py" "$BIN"
