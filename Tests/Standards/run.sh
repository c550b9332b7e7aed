#!/usr/bin/env bash
# The standards the server speaks, checked by third-party libraries (issue 10): every seed claim's PROV-JSON
# (`format=prov` on /v1/claims/{id}/provenance) read by the `prov` package and validated against the PROV-JSON
# JSON Schema vendored in Tests/Standards/schemas/ (prov_check.py); the bulk exports (`format=ndjson`, `format=csv`
# on every list route) read by Python's `json` and `csv` modules, against the paged JSON lists and a
# formula-injection fixture (export_check.py). Each starts the server itself, on 127.0.0.1 and a free port, and
# stops it; each prints one line per check and 'N passed, N failed'. Both always run; either failing fails the run.
#
#   Tests/Standards/run.sh PATH_TO_ATTRIBUTED_BINARY
#
# Bounded: each check is stopped after STANDARDS_TEST_TIMEOUT seconds (default 120).
set -euo pipefail

# shellcheck source=../Support/binary.sh
source "$(dirname "${BASH_SOURCE[0]}")/../Support/binary.sh"
require_binary standards "$@"
"$ROOT/scripts/test-venv"
status=0
for check in prov_check.py export_check.py; do
  echo "Tests/Standards/$check"
  timeout --kill-after=10 "${STANDARDS_TEST_TIMEOUT:-120}" \
    "$ROOT/.build/conformance-venv/bin/python" "$ROOT/Tests/Standards/$check" "$BIN" || status=$?
done
exit "$status"
