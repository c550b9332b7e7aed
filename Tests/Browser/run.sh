#!/usr/bin/env bash
# The explorer in a real browser: Debian's headless Chromium driven by chromium-driver through selenium (from the
# pinned venv, scripts/test-venv). Tests/Browser/explorer_test.py starts the server itself, on free ports, with the
# seed and then with Tests/Datasets/hostile-strings.json, and saves screenshots under .build/browser-screenshots/.
#
#   Tests/Browser/run.sh PATH_TO_ATTRIBUTED_BINARY
#
# Bounded: the whole run is stopped after BROWSER_TEST_TIMEOUT seconds (default 300).
set -euo pipefail

# shellcheck source=../Support/binary.sh
source "$(dirname "${BASH_SOURCE[0]}")/../Support/binary.sh"
require_binary browser "$@"
for tool in chromium chromedriver; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "browser: $tool is missing; scripts/install-deps installs Debian's chromium and chromium-driver" >&2
    exit 2
  fi
done
"$ROOT/scripts/test-venv"
# Selenium Manager must not look for drivers or browsers on the network: the Debian ones are given explicitly.
export SE_OFFLINE=true
exec timeout --kill-after=10 "${BROWSER_TEST_TIMEOUT:-300}" \
  "$ROOT/.build/conformance-venv/bin/python" "$ROOT/Tests/Browser/explorer_test.py" "$BIN"
