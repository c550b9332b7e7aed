#!/usr/bin/env bash
# The standards the server speaks, checked by third-party libraries (issue 10):
# - prov_check.py: every seed claim's PROV-JSON (`format=prov` on /v1/claims/{id}/provenance) read by the `prov`
#   package and validated against the PROV-JSON JSON Schema vendored in Tests/Standards/schemas/;
# - revision_prov_check.py: an article's history as PROV-JSON (`format=prov` on /v1/articles/{id}/revisions) after a
#   create, an update, an entity change and a delete, read by the `prov` package and validated against the schema;
# - anno_check.py: every seed claim's W3C Web Annotation (`format=annotation`) and every page of the article's
#   annotation container, under each Prefer, expanded by `pyld` against the anno context vendored in
#   Tests/Standards/contexts/, with its selectors checked against the article's text;
# - jsonld_check.py: every seed article's and claim's schema.org JSON-LD (`format=jsonld`) expanded by `pyld`
#   against the vendored schema.org context;
# - export_check.py: the bulk exports (`format=ndjson`, `format=csv` on every list route) read by Python's `json`
#   and `csv` modules, against the paged JSON lists and a formula-injection fixture.
# Each starts the server itself, on 127.0.0.1 and a free port, and stops it; each prints one line per check and
# 'N passed, N failed'. Every one runs; the status is the first failure's.
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
for check in prov_check revision_prov_check anno_check jsonld_check export_check; do
  echo "standards: $check"
  timeout --kill-after=10 "${STANDARDS_TEST_TIMEOUT:-120}" \
    "$ROOT/.build/conformance-venv/bin/python" "$ROOT/Tests/Standards/$check.py" "$BIN" || { rc=$?; [[ $status -ne 0 ]] || status=$rc; }
done
exit "$status"
