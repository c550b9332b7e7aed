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

if [[ $# -ne 1 ]]; then
  echo "usage: $0 PATH_TO_ATTRIBUTED_BINARY" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="$1"
if [[ "$BIN" != /* ]]; then BIN="$PWD/$BIN"; fi
if [[ ! -x "$BIN" ]]; then
  echo "standards: $BIN is not an executable file" >&2
  exit 2
fi
"$ROOT/scripts/test-venv"
exec timeout --kill-after=10 "${STANDARDS_TEST_TIMEOUT:-120}" \
  "$ROOT/.build/conformance-venv/bin/python" "$ROOT/Tests/Standards/prov_check.py" "$BIN"
